import { foldPunctuationWidth } from '#core/chinese/punctuation-width.ts';
import type { Document } from '#schemas/document.ts';

/** The published wording of a document, lined up with its normalised (simplified) text. */
export interface OriginalText {
  /** The normalised lines; index 0 is source line 1. */
  normalised: readonly string[];
  /**
   * Each line as published, with capture artefacts removed: code point for code point with the
   * normalised line, or null where the two do not line up one to one (then no original is shown).
   * A line published as normalised is the normalised string itself, so a simplified text costs no
   * memory here; one string a line rather than one a character kept 266 MB less alive at 1,000
   * documents, which every garbage collection of the build had to walk.
   */
  aligned: readonly (string | null)[];
  /** The language tag of the published script, when it differs from the page's zh-CN. */
  lang: 'zh-Hant' | undefined;
}

type Source = Pick<Document, 'originalLines' | 'lines' | 'drops' | 'normalisation' | 'script'>;

/**
 * The published lines without what normalisation dropped as capture artefacts (pinyin annotations,
 * HTML tags, page furniture): what a reader saw, in the script it was published in.
 * Drops by parsing rules (a title's full stop, table separators) are part of the text and stay.
 */
export function withoutArtefacts(doc: Source): string[] {
  const artefactRules = new Set(Object.keys(doc.normalisation));
  const dropsByLine = new Map<number, string[]>();
  for (const d of doc.drops) {
    if (!artefactRules.has(d.rule)) continue;
    dropsByLine.set(d.line, [...(dropsByLine.get(d.line) ?? []), d.text]);
  }
  return doc.originalLines.map((line, i) => removeInOrder(line, dropsByLine.get(i + 1) ?? []));
}

/**
 * Removes each dropped text once. Drops are recorded in the order each rule pass met them, so the
 * search goes on from the previous removal and starts over when a later pass found text further back.
 */
function removeInOrder(line: string, dropped: readonly string[]): string {
  let text = line;
  let from = 0;
  for (const d of dropped) {
    let at = text.indexOf(d, from);
    if (at < 0) at = text.indexOf(d);
    if (at < 0) continue;
    text = text.slice(0, at) + text.slice(at + d.length);
    from = at;
  }
  return text;
}

/**
 * Lines up the published text with the normalised text of a document, line by line. ASCII punctuation
 * the ingest widened is a capture artefact too: the published line takes the normalised mark, so
 * the switch shows the published script, and a simplified text has nothing to switch.
 */
export function alignOriginal(doc: Source): OriginalText {
  const published = withoutArtefacts(doc);
  const aligned = doc.lines.map((normalised, i) => {
    const line = published[i] ?? '';
    if (line === normalised) return normalised;
    const chars = [...line];
    const wide = [...normalised];
    if (chars.length !== wide.length) return null;
    const mapped = chars
      .map((c, j) => {
        const w = wide[j] ?? c;
        // Most characters are the same in both: folding them (a regular expression each) was 3 % of a build of the laws.
        return c === w || foldPunctuationWidth(c) === foldPunctuationWidth(w) ? w : c;
      })
      .join('');
    return mapped === normalised ? normalised : mapped;
  });
  return { normalised: doc.lines, aligned, lang: doc.script === 'traditional' ? 'zh-Hant' : undefined };
}

/** A text and the normalised line it was taken from. */
export interface LineText {
  line: number;
  text: string;
}

/** Half of a character beyond the Basic Multilingual Plane, which takes two UTF-16 units. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The published wording of texts taken from normalised lines, one result per text: null where the
 * text is not on its line or the line does not line up with its published form. Texts on the same
 * line are looked for one after another (a label, then the title, then the text after it).
 */
export function originalPieces(original: OriginalText, pieces: readonly LineText[]): (string | null)[] {
  const searchFrom = new Map<number, number>();
  return pieces.map(({ line, text }) => {
    const normalised = original.normalised[line - 1];
    const published = original.aligned[line - 1];
    if (normalised === undefined || !published) return null;
    const at = normalised.indexOf(text, searchFrom.get(line) ?? 0);
    if (at < 0) return null;
    searchFrom.set(line, at + text.length);
    if (published === normalised) return text;
    // Lines up by code point: the same UTF-16 offsets unless either line has a character beyond the BMP.
    if (!SURROGATE.test(normalised) && !SURROGATE.test(published)) return published.slice(at, at + text.length);
    const start = [...normalised.slice(0, at)].length;
    return [...published].slice(start, start + [...text].length).join('');
  });
}

/** The published wording of a text found on the first line of the range that holds it. */
export function originalWithin(original: OriginalText, start: number, end: number, text: string): string | null {
  for (let line = start; line <= end; line += 1) {
    const [found] = originalPieces(original, [{ line, text }]);
    if (found !== null && found !== undefined) return found;
  }
  return null;
}

/** Whether any line in the range reads differently as published. */
export function differsWithin(original: OriginalText, start: number, end: number): boolean {
  for (let line = start; line <= end; line += 1) {
    const published = original.aligned[line - 1];
    if (published !== null && published !== undefined && published !== original.normalised[line - 1]) return true;
  }
  return false;
}
