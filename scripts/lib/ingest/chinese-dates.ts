import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from '#core/chinese/numerals.ts';

/**
 * Reading dates as Chinese texts print them: 2019年2月1日, 2014年 10月26日, 2019年2月1号,
 * 2019-02-01 in a metadata cell, and in Chinese numerals 二〇一九年二月一日, 二○一九年十二月三十一日,
 * 一九八六年二月十八日 (a year written digit by digit, month and day as numbers). The one reader both
 * the metadata stage and the clause-date extractor use.
 */

/** A date as printed, at the precision printed; `edgeEnd` marks 年底/月底 (the last day of the period). */
export type DateAtom = { y: number | null; m: number | null; d: number | null; edgeEnd: boolean; start: number; end: number };
/** A number with no unit before a range separator, taking the unit of the other end (2016—2017年). */
export type BareNumber = { value: number; digits: number; start: number; end: number };

/**
 * Characters that can open a Chinese-numeral date: its year digits (〇 written three ways), the
 * numeral characters worth a single digit. Not 两: it counts (两年) but never writes a year's digit.
 */
const CHINESE_DIGITS = [...CHINESE_NUMERAL_CHARS].filter((c) => c !== '两' && (parseChineseNumeral(c) ?? 10) < 10).join('');
/** Inside a Chinese-numeral year, extraction sometimes leaves a Latin O (or a zero) for 〇: 二O一九. */
const YEAR_ZERO_LOOKALIKES = 'Oo0';
/** A month or day in Chinese numerals: 一 … 九, 十 … 十九, 二十 … 三十一. */
const CHINESE_SMALL_NUMBER = /^(?:[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])$/;
const SEPARATED_DATE = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isChineseNumberChar(c: string | undefined): boolean {
  return c !== undefined && (CHINESE_DIGITS + '十').includes(c);
}

/** Whether a number that may start a date begins at i (not in the middle of another number). */
function startsNumber(s: string, i: number): boolean {
  const before = s[i - 1];
  if (isDigit(s[i])) return !isDigit(before) && before !== '.';
  return CHINESE_DIGITS.includes(s[i] ?? '') && !isChineseNumberChar(before);
}

/** The end of the number starting at i (at least i + 1), to skip it when it starts no date. */
function numberEnd(s: string, i: number): number {
  let j = i;
  const digits = isDigit(s[i]) ? isDigit : isChineseNumberChar;
  while (digits(s[j])) j++;
  return Math.max(j, i + 1);
}

export function skipSpaces(s: string, i: number): number {
  let j = i;
  while (s[j] === ' ' || s[j] === '\u3000') j++;
  return j;
}

type ReadNumber = { value: number; digits: number; chinese: boolean; text: string; end: number };

function readNumber(s: string, i: number): ReadNumber | null {
  let j = i;
  if (isDigit(s[i])) {
    while (isDigit(s[j])) j++;
    return { value: Number(s.slice(i, j)), digits: j - i, chinese: false, text: s.slice(i, j), end: j };
  }
  while (j < s.length && (isChineseNumberChar(s[j]) || (j > i && YEAR_ZERO_LOOKALIKES.includes(s[j] ?? '')))) j++;
  const text = s.slice(i, j);
  const value = j > i ? parseChineseNumeral(text.replace(/[Oo0]/g, '〇')) : null;
  return value === null ? null : { value, digits: j - i, chinese: true, text, end: j };
}

/** A month or day: at most two Arabic digits, or a Chinese number up to 三十一 (not 十十 or 三三). */
function isMonthOrDay(n: ReadNumber): boolean {
  return n.chinese ? CHINESE_SMALL_NUMBER.test(n.text) : n.digits <= 2;
}

/** A year: four Arabic digits, or four Chinese digits written one by one (二〇一九, not 两千零一十九). */
function isYear(n: ReadNumber): boolean {
  return n.digits === 4 && (!n.chinese || !n.text.includes('十'));
}

/**
 * Reads 年/月/日 components from i. Chinese numerals are read only in a date that starts with a
 * Chinese year (二〇一九年二月一日): elsewhere 一月, 十日 are too often words or durations.
 * `bare`: a number with no unit may be returned, as the left end of a range; `dayOnly`: a lone
 * day (15日) is read, as the right end of a range whose start has a month.
 */
export function readDateAtom(s: string, i: number, opts: { bare: boolean; dayOnly: boolean }): DateAtom | BareNumber | null {
  const first = readNumber(s, i);
  if (first === null) return null;
  const atom: DateAtom = { y: null, m: null, d: null, edgeEnd: false, start: i, end: i };
  const chinese = first.chinese;
  let number: ReadNumber | null = first;
  let unitAt = skipSpaces(s, first.end);
  if (s[unitAt] === '年') {
    if (!isYear(first)) return null;
    atom.y = first.value;
    atom.end = unitAt + 1;
    number = readNumber(s, skipSpaces(s, atom.end));
    if (number === null || number.chinese !== chinese) return withEdge(s, atom);
    unitAt = skipSpaces(s, number.end);
  } else if (chinese) {
    return null;
  }
  if (s[unitAt] === '月' && isMonthOrDay(number)) {
    atom.m = number.value;
    atom.end = unitAt + 1;
    number = readNumber(s, skipSpaces(s, atom.end));
    if (number === null || number.chinese !== chinese) return withEdge(s, atom);
    unitAt = skipSpaces(s, number.end);
  } else if (atom.y !== null) {
    return withEdge(s, atom);
  }
  if ((s[unitAt] === '日' || s[unitAt] === '号') && isMonthOrDay(number) && (atom.m !== null || opts.dayOnly)) {
    atom.d = number.value;
    atom.end = unitAt + 1;
    return atom;
  }
  if (atom.m !== null) return withEdge(s, atom);
  // Nothing read yet: a bare number is only useful as the left end of a range.
  const unitless = !/[年月日号个]/.test(s[unitAt] ?? '');
  return opts.bare && unitless && !first.chinese ? { value: first.value, digits: first.digits, start: i, end: first.end } : null;
}

function withEdge(s: string, atom: DateAtom): DateAtom {
  if (atom.d === null && (s[atom.end] === '底' || s[atom.end] === '末')) return { ...atom, edgeEnd: true, end: atom.end + 1 };
  return atom;
}

export function daysInMonth(y: number | null, m: number): number {
  // Without a year, 29 February may exist; it is not rejected.
  return new Date(Date.UTC(y ?? 2000, m, 0)).getUTCDate();
}

/** Whether the month and day of a date exist (2月30日 does not). */
export function dateExists(a: Pick<DateAtom, 'y' | 'm' | 'd'>): boolean {
  if (a.m !== null && (a.m < 1 || a.m > 12)) return false;
  if (a.d !== null && (a.m === null || a.d < 1 || a.d > daysInMonth(a.y, a.m))) return false;
  return true;
}

/** yyyy, yyyy-mm or yyyy-mm-dd at the printed precision; 年底 / 月底 give the last day. Null without a year. */
export function isoOfAtom(a: DateAtom): string | null {
  if (a.y === null) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (a.m === null) return a.edgeEnd ? `${a.y}-12-31` : String(a.y);
  if (a.d === null) return a.edgeEnd ? `${a.y}-${pad(a.m)}-${pad(daysInMonth(a.y, a.m))}` : `${a.y}-${pad(a.m)}`;
  return `${a.y}-${pad(a.m)}-${pad(a.d)}`;
}

/** A full date as yyyy-mm-dd, or null when that day does not exist. */
export function isoDate(y: number, m: number, d: number): string | null {
  return dateExists({ y, m, d }) ? isoOfAtom({ y, m, d, edgeEnd: false, start: 0, end: 0 }) : null;
}

/**
 * Reads a whole text as a full date (year, month and day): null when it is not shaped like one,
 * `iso: null` when it is but the day does not exist. Strict on purpose: a date missing its day or
 * year is not a 成文日期.
 */
export function parseDate(text: string): { iso: string | null } | null {
  const compact = text.replace(/\s+/g, '');
  const separated = SEPARATED_DATE.exec(compact);
  if (separated !== null) return { iso: isoDate(Number(separated[1]), Number(separated[2]), Number(separated[3])) };
  const atom = compact === '' ? null : readDateAtom(compact, 0, { bare: false, dayOnly: false });
  if (atom === null || 'value' in atom || atom.end !== compact.length || atom.y === null || atom.m === null || atom.d === null) return null;
  return { iso: isoDate(atom.y, atom.m, atom.d) };
}

/**
 * Calls `read` at every number that may start a date, outside 《cited titles》 (a date in a cited
 * title belongs to the title), and returns what it read, resuming after each result.
 */
export function scanDates<T extends { end: number }>(text: string, read: (s: string, i: number) => T | null): T[] {
  const titles = [...text.matchAll(/《[^》]*》/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const found: T[] = [];
  let i = 0;
  while (i < text.length) {
    const inTitle = titles.find((t) => i >= t.start && i < t.end);
    if (inTitle) {
      i = inTitle.end;
      continue;
    }
    const result = startsNumber(text, i) ? read(text, i) : null;
    if (result !== null) found.push(result);
    i = result !== null ? result.end : startsNumber(text, i) ? numberEnd(text, i) : i + 1;
  }
  return found;
}

/** A full date found in running text, with its span; `iso` is null when the day does not exist. */
export type DateInText = { iso: string | null; start: number; end: number };

/** Every full date (year, month and day) in a line of text, outside 《cited titles》, in order. */
export function fullDatesIn(text: string): DateInText[] {
  return scanDates(text, (s, i) => {
    const atom = readDateAtom(s, i, { bare: false, dayOnly: false });
    if (atom === null || 'value' in atom || atom.y === null || atom.m === null || atom.d === null) return null;
    return { iso: dateExists(atom) ? isoOfAtom(atom) : null, start: i, end: atom.end };
  });
}

/** The day before the same date N years later: the last day of a term of N years starting on `iso`. */
export function lastDayOfTerm(iso: string, years: number): string {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  const end = new Date(Date.UTC(y + years, m - 1, d));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}
