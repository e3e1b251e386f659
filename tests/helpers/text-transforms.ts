/**
 * The ways real captured texts differ from a clean source, as transformations and fast-check
 * arbitraries for the ingest's property tests: excerpts cut anywhere, lines lost, doubled or swapped,
 * other encodings, traditional characters (whole or mixed line by line), pinyin annotations and
 * page boilerplate.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'];

/** The bytes of a text as a file in that encoding would hold them; UTF-16 with its byte-order mark. */
export function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new Uint8Array(Buffer.from(text, 'utf8'));
    case 'utf-8-bom':
      return new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf8'));
    case 'gb18030':
      return new Uint8Array(iconv.encode(text, 'gb18030'));
    case 'utf-16le':
      return new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
    case 'utf-16be':
      return new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le').swap16());
  }
}

/** A position in a sequence given as a fraction of its length, so one plan applies to any text. */
const at = (fraction: number, length: number): number => Math.min(length, Math.floor(fraction * (length + 1)));
// Integers, not fc.double: doubles crowd near 0, which would make most cuts empty.
const fraction = fc.integer({ min: 0, max: 9_999 }).map((n) => n / 10_000);

/** The piece between two points of the text, cut between characters as a web excerpt is. */
export function cut(text: string, from: number, to: number): string {
  const chars = [...text];
  const [a, b] = [at(from, chars.length), at(to, chars.length)].sort((x, y) => x - y);
  return chars.slice(a, b).join('');
}

export type LineEdit = { op: 'delete' | 'duplicate' | 'swap'; line: number; other: number };

/** Applies line edits in order: a line deleted, doubled in place, or swapped with another. */
export function editLines(text: string, edits: readonly LineEdit[]): string {
  const lines = text.split('\n');
  for (const { op, line, other } of edits) {
    if (lines.length === 0) break;
    const i = Math.min(lines.length - 1, at(line, lines.length - 1));
    const j = Math.min(lines.length - 1, at(other, lines.length - 1));
    if (op === 'delete') lines.splice(i, 1);
    else if (op === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
    else [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
  }
  return lines.join('\n');
}

let toTraditional: ((text: string) => string) | undefined;

/** The text in traditional characters, as a Taiwan or Hong Kong site re-posts it (opencc cn → tw). */
export function traditional(text: string): string {
  toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  return toTraditional(text);
}

/** Converts the lines the mask picks (cycled over the lines) to traditional: a re-posted text with both scripts. */
export function mixScripts(text: string, mask: readonly boolean[]): string {
  if (mask.length === 0) return text;
  return text
    .split('\n')
    .map((line, i) => (mask[i % mask.length] ? traditional(line) : line))
    .join('\n');
}

/** Toned syllables as annotation sites print them after a character. */
const SYLLABLES = ['yè', 'jiù', 'shè', 'huì', 'bǎo', 'xiǎn', 'zhèng', 'cè', 'láo', 'dòng', 'gōng', 'rén', 'lǜ', 'chǎng', 'quán'];
export type Annotation = { position: number; syllable: number; fullWidth: boolean };

/** Inserts pinyin annotations (業(yè), 會（huì）) after the Han characters nearest the given positions. */
export function annotatePinyin(text: string, annotations: readonly Annotation[]): string {
  const chars = [...text];
  const han = chars.flatMap((c, i) => (/\p{Script=Han}/u.test(c) ? [i] : []));
  if (han.length === 0) return text;
  const inserts = new Map<number, string>();
  for (const a of annotations) {
    const index = han[Math.min(han.length - 1, at(a.position, han.length - 1))] ?? 0;
    const syllable = SYLLABLES[a.syllable % SYLLABLES.length] ?? 'yè';
    inserts.set(index, a.fullWidth ? `（${syllable}）` : `(${syllable})`);
  }
  return chars.map((c, i) => c + (inserts.get(i) ?? '')).join('');
}

/** Lines of page chrome that government sites print around a text. */
export const BOILERPLATE = ['扫一扫在手机打开当前页', '分享到：', '打印本页', '【字体：大 中 小】', '【打印】 【关闭窗口】'] as const;
export type Insertion = { line: number; which: number };

/** Inserts whole boilerplate lines before the lines at the given positions. */
export function insertBoilerplate(text: string, insertions: readonly Insertion[]): string {
  const lines = text.split('\n');
  for (const { line, which } of insertions) lines.splice(at(line, lines.length), 0, BOILERPLATE[which % BOILERPLATE.length] ?? '');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// Arbitraries: plans that apply to any text

export const cutArb = fc.record({ from: fraction, to: fraction });
export const lineEditsArb = fc.array(fc.record({ op: fc.constantFrom('delete', 'duplicate', 'swap'), line: fraction, other: fraction }), { maxLength: 20 }) as fc.Arbitrary<LineEdit[]>;
export const annotationsArb = fc.array(fc.record({ position: fraction, syllable: fc.nat(), fullWidth: fc.boolean() }), { maxLength: 20 });
export const boilerplateArb = fc.array(fc.record({ line: fraction, which: fc.nat() }), { maxLength: 8 });
/** Which lines turn traditional: none, all, or a pattern repeated over the lines. */
export type ScriptPlan = 'simplified' | 'traditional' | boolean[];
export const scriptArb: fc.Arbitrary<ScriptPlan> = fc.oneof(fc.constant('simplified' as const), fc.constant('traditional' as const), fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }));
export const encodingArb = fc.constantFrom(...ENCODINGS);

/** The text in the script the plan says. */
export function inScript(text: string, script: ScriptPlan): string {
  if (script === 'simplified') return text;
  if (script === 'traditional') return traditional(text);
  return mixScripts(text, script);
}
