import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from '#core/chinese/numerals.ts';

/** What one normalised line is, judged on the line alone. */
export type LineKind =
  | { kind: 'blank' }
  | { kind: 'numbered'; level: 1 | 2 | 3 | 4; label: string; num: number; rest: string }
  | { kind: 'bullet'; label: string; rest: string }
  | { kind: 'annex'; label: string; num: number; rest: string }
  | { kind: 'table'; cells: string[] }
  | { kind: 'text'; text: string };

const CN = `[${CHINESE_NUMERAL_CHARS}]+`;
/** The 公文 numbering levels, outermost first. A decimal (1.6万) is not an item number. */
const NUMBERED: readonly { level: 1 | 2 | 3 | 4; pattern: RegExp; chinese: boolean }[] = [
  { level: 1, pattern: new RegExp(`^(${CN})(?:、|[.．](?!\\d))`), chinese: true },
  { level: 2, pattern: new RegExp(`^[（(](${CN})[）)]`), chinese: true },
  { level: 3, pattern: /^(\d{1,2})(?:[、．]|\.(?!\d))/, chinese: false },
  { level: 4, pattern: /^[（(](\d{1,2})[）)]/, chinese: false },
];
const BULLET = /^(—{1,2}|──)/;
/** 附件1, and the 附录 / 附表 that statutes append after their last article. */
const ANNEX = /^((?:附件|附录|附表)\s*(\d*)\s*[:：]?)\s*(.*)$/;

/** Classifies one line by its printed form: numbering, bullet, annex label, table cells or plain text. */
export function classifyLine(line: string): LineKind {
  const text = line.trim();
  if (text === '') return { kind: 'blank' };
  if (isTableLine(text)) return { kind: 'table', cells: splitCells(text) };
  const annex = ANNEX.exec(text);
  if (annex && isAnnexHeading(annex[3] ?? '')) {
    return { kind: 'annex', label: (annex[1] ?? '').trim(), num: Number(annex[2] || 1), rest: annex[3] ?? '' };
  }
  for (const { level, pattern, chinese } of NUMBERED) {
    const m = pattern.exec(text);
    if (!m) continue;
    const num = chinese ? parseChineseNumeral(m[1] ?? '') : Number(m[1]);
    const rest = text.slice(m[0].length).trimStart();
    if (num !== null && num > 0 && rest !== '') return { kind: 'numbered', level, label: m[0], num, rest };
  }
  const bullet = BULLET.exec(text);
  if (bullet) {
    const rest = text.slice(bullet[0].length).trimStart();
    if (rest !== '') return { kind: 'bullet', label: bullet[0], rest };
  }
  return { kind: 'text', text };
}

/** A line of a pipe table: cells closed by `|`, or at least two `|` separators. */
function isTableLine(text: string): boolean {
  return text.endsWith('|') || (text.match(/\|/g)?.length ?? 0) >= 2;
}

/** Splits a pipe-table line into trimmed cells; the closing `|` does not open an empty cell. */
export function splitCells(text: string): string[] {
  const body = text.endsWith('|') ? text.slice(0, -1) : text;
  return body.split('|').map((c) => c.trim());
}

/** 附件1: alone, or followed by a short title — not a sentence that merely begins with 附件. */
function isAnnexHeading(rest: string): boolean {
  return rest === '' || (rest.length <= 60 && !/[。；;，,]/.test(rest));
}

/** Splits the text after an item number into a short heading sentence and the body that follows. */
export function splitTitle(rest: string): { title: string | null; separator: string; text: string } {
  const sentence = /^([^。！？!?]{1,40}?)([。！？!?])/.exec(rest);
  if (sentence) {
    return { title: sentence[1] ?? '', separator: sentence[2] ?? '', text: rest.slice(sentence[0].length) };
  }
  // A heading line: short, and no sentence ends or runs on into a list on it.
  if (rest.length <= 50 && !/[；;：:]/.test(rest)) return { title: rest, separator: '', text: '' };
  return { title: null, separator: '', text: rest };
}
