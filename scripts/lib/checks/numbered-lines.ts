import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from '#core/chinese/numerals.ts';

/**
 * What a text prints, read line by line with deliberately simple rules that share nothing with the
 * parser: the yardstick `check:corpus` measures the parser's tree against. Every rule reads the
 * decoded text as published (no normalisation), so traditional forms (條) and half-width brackets count.
 */

const CN = `[${CHINESE_NUMERAL_CHARS}]+`;
/** Leading white space and Markdown heading marks, which do not change what a line is. */
const LEAD = String.raw`^[\s#]*`;
/** 第五十条 or 第十条之一 opening a line and followed by white space or the line's end, as laws print an article label. */
const ARTICLE_LINE = new RegExp(`${LEAD}第(${CN})[条條](?:之(${CN}))?(?=\\s|$)`);
/** 一、 opening a line. */
const SECTION_LINE = new RegExp(`${LEAD}(${CN})、`);
/** （一） or (一) opening a line. */
const CLAUSE_LINE = new RegExp(`${LEAD}[（(](${CN})[）)]`);
/** A calendar date as printed: 2019年2月1日, 二〇一九年二月一日, 2014年 10月26日. */
const DATE = /(?:[0-9０-９]{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日/;
/** Where the light Markdown of the shared corpus closes its heading block. */
const INFO_END = '<!-- INFO END -->';
/** How many opening lines count as the heading of a text without an INFO END mark. */
const HEADING_LINES = 10;

/** A 第X条 line: its 1-based line number and printed number (第十条之一 → 10, sub 1). */
export type ArticleLine = { line: number; num: number; sub: number | null };
/** A 一、 or （一） line: its 1-based line number, its level (1 for 一、, 2 for （一）) and number. */
export type NumberedLine = { line: number; level: 1 | 2; num: number };

/** Every line that opens with an article label. */
export function articleLines(lines: readonly string[]): ArticleLine[] {
  return lines.flatMap((text, i) => {
    const m = ARTICLE_LINE.exec(text);
    const num = m ? parseChineseNumeral(m[1] ?? '') : null;
    const sub = m?.[2] === undefined ? null : parseChineseNumeral(m[2]);
    if (num === null || num <= 0 || (m?.[2] !== undefined && sub === null)) return [];
    return [{ line: i + 1, num, sub }];
  });
}

/** Every line that opens with 一、 or （一）. */
export function numberedLines(lines: readonly string[]): NumberedLine[] {
  return lines.flatMap((text, i): NumberedLine[] => {
    for (const [level, pattern] of [[1, SECTION_LINE], [2, CLAUSE_LINE]] as const) {
      const num = parseChineseNumeral(pattern.exec(text)?.[1] ?? '');
      if (num !== null && num > 0) return [{ line: i + 1, level, num }];
    }
    return [];
  });
}

/**
 * Whether the text prints its own date: a date in its heading (the lines before `<!-- INFO END -->`,
 * or the first ten lines where there is no such mark), or a line that is a date alone (the 成文日期
 * under a signature).
 */
export function printsDate(lines: readonly string[]): boolean {
  const end = lines.findIndex((l) => l.trim() === INFO_END);
  const heading = lines.slice(0, end >= 0 ? end : HEADING_LINES);
  return heading.some((l) => DATE.test(l)) || lines.some((l) => new RegExp(`^${DATE.source}$`).test(l.trim()));
}
