import type { Diagnostic } from '#schemas/diagnostic.ts';
import type { Document } from '#schemas/document.ts';

type Match = { documentId: string; firstLine: number; lastLine: number };

/**
 * Finds documents whose text is the same as (a contiguous part of) another document's, so that only
 * the canonical one is listed and indexed. Identical texts keep the first id in sort order as canonical.
 */
export function linkDuplicates(documents: readonly Document[]): { documents: Document[]; diagnostics: Diagnostic[] } {
  const content = new Map(documents.map((d) => [d.id, contentLines(d)]));
  const firstLineIndex = new Map<string, { id: string; at: number }[]>();
  for (const [id, lines] of content) {
    lines.forEach((l, at) => {
      const list = firstLineIndex.get(l.text) ?? [];
      list.push({ id, at });
      firstLineIndex.set(l.text, list);
    });
  }
  const diagnostics: Diagnostic[] = [];
  const linked = documents.map((doc) => {
    const match = findContainer(doc.id, content, firstLineIndex);
    if (!match) return doc;
    const whole = content.get(match.documentId)?.length === content.get(doc.id)?.length;
    diagnostics.push({
      level: 'warning',
      code: 'duplicate-document',
      message: whole
        ? `the same text as ${match.documentId}: it is kept as a duplicate and not listed`
        : `the text repeats lines ${match.firstLine}–${match.lastLine} of ${match.documentId}: it is kept as an excerpt and not listed`,
      file: doc.sourceFile,
    });
    return { ...doc, duplicateOf: match };
  });
  return { documents: linked, diagnostics };
}

type ContentLine = { text: string; line: number };

function contentLines(doc: Document): ContentLine[] {
  return doc.lines.map((text, i) => ({ text: text.trim(), line: i + 1 })).filter((l) => l.text !== '');
}

function findContainer(
  id: string,
  content: ReadonlyMap<string, ContentLine[]>,
  index: ReadonlyMap<string, { id: string; at: number }[]>,
): Match | null {
  const own = content.get(id) ?? [];
  const first = own[0];
  if (!first) return null;
  for (const candidate of index.get(first.text) ?? []) {
    if (candidate.id === id) continue;
    const other = content.get(candidate.id) ?? [];
    const longer = other.length > own.length;
    // Of two identical texts, the one whose id sorts first is canonical.
    if (!longer && !(other.length === own.length && candidate.id < id)) continue;
    const run = other.slice(candidate.at, candidate.at + own.length);
    if (run.length === own.length && run.every((l, k) => l.text === own[k]?.text)) {
      return { documentId: candidate.id, firstLine: run[0]?.line ?? 1, lastLine: run[run.length - 1]?.line ?? 1 };
    }
  }
  return null;
}

/** Two sources must not claim the same document id. */
export function duplicateIdErrors(documents: readonly Document[]): Diagnostic[] {
  const seen = new Map<string, string>();
  const errors: Diagnostic[] = [];
  for (const d of documents) {
    const earlier = seen.get(d.id);
    if (earlier) errors.push({ level: 'error', code: 'duplicate-document-id', message: `the id ${d.id} is already used by ${earlier}`, file: d.sourceFile });
    else seen.set(d.id, d.sourceFile);
  }
  return errors;
}
