const DIGITS: Readonly<Record<string, number>> = {
  '〇': 0, '零': 0, '○': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};
const UNITS: Readonly<Record<string, number>> = { '十': 10, '百': 100, '千': 1000 };
const MYRIADS: Readonly<Record<string, number>> = { '万': 1e4, '亿': 1e8 };

/** The characters a Chinese numeral is written with, for building patterns elsewhere. */
export const CHINESE_NUMERAL_CHARS = '〇零○一二两三四五六七八九十百千万亿';

/**
 * Parses a Chinese numeral (二十四, 一百零五, 两千, 1.6万 is not handled here) or a digit-by-digit
 * year such as 二〇一九; returns null for anything that is not a well-formed numeral.
 */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  const chars = [...text];
  if (!chars.every((c) => c in DIGITS || c in UNITS || c in MYRIADS)) return null;
  // Digit-by-digit form, as in years (二〇一九): no unit characters, three or more digits.
  if (chars.every((c) => c in DIGITS)) {
    if (chars.length === 2) return null;
    if (chars.length === 1) return DIGITS[chars[0] ?? ''] ?? null;
    return Number(chars.map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of chars) {
    const d = DIGITS[c];
    const unit = UNITS[c];
    const myriad = MYRIADS[c];
    if (d === 0) {
      // 零 only marks a skipped unit (一百零五); it carries no value.
      if (digit !== null) return null;
    } else if (d !== undefined) {
      if (digit !== null) return null;
      digit = d;
    } else if (unit !== undefined) {
      // 十 alone or at the start means 一十.
      const times = digit ?? 1;
      if (times === 0) return null;
      section += times * unit;
      digit = null;
    } else if (myriad !== undefined) {
      section += digit ?? 0;
      if (section === 0) return null;
      total += section * myriad;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}
