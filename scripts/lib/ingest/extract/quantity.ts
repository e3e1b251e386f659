import type { Quantity } from '#schemas/entities.ts';
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from '#core/chinese/numerals.ts';

/**
 * Numbers and quantities in (simplified, normalised) Chinese text.
 *
 * The rule for magnitudes: a quantity keeps the magnitude it is printed in, and 万 / 亿 stay in the
 * unit — 100万人 is 100 万人, 1.6万个 is 1.6 万个 — so that value and unit read back as printed.
 * Only a range whose two ends are printed in different magnitudes is brought to the smaller one,
 * since a range needs one unit: 3000元至2万元 is 3000–20000 元.
 */

/** A quantity found in a text, with where it stands (UTF-16 offsets, as `String.prototype.slice` uses). */
export type QuantityMatch = { quantity: Quantity; index: number; length: number };

const MYRIADS: Readonly<Record<string, number>> = { 万: 4, 亿: 8 };

/** Units that count things or people: a quantity in one of them can stand before the noun it counts (5000个岗位). */
const COUNT_UNITS = [
  '人次', '人', '名', '户', '位', '个', '家', '项', '场', '件', '所', '条', '批', '次', '处', '座', '套', '台', '张',
  '份', '类', '种', '门', '支', '期', '轮', '届', '篇', '本', '册', '辆',
];
const OTHER_UNITS = [
  '个百分点', '百分点', '个工作日', '工作日', '个月', '平方米', '平米', '立方米', '公里', '千米', '公顷', '小时', '分钟',
  '周岁', '季度', '%', '％', '‰', '美元', '元', '倍', '年', '周', '天', '岁', '米', '亩', '吨',
];
// 月 and 日 are left out: a digit before them is a date (5月底, 6月30日); durations are written 个月.
/** Longest first, so that 个月 wins over 个 and 人次 over 人. */
const UNITS = [...COUNT_UNITS, ...OTHER_UNITS].sort((a, b) => b.length - a.length);

/** What a rate can be per, written after a slash (800元/月, 1000元/人). */
const RATE = /\/(人次|人|户|名|个|家|件|次|年|季度|月|周|天|日|小时|平方米)/y;
/** 每… before a number: 每人每月70元. */
const PER_CHAIN = /(?:每(?:人次|人|户|名|个|家|件|次|半年|年|季度|月|周|天|日|小时))+$/;
const PER_ELEMENT = /每(人次|人|户|名|个|家|件|次|半年|年|季度|月|周|天|日|小时)/g;
const TIME_ELEMENTS = new Set(['半年', '年', '季度', '月', '周', '天', '日', '小时']);

const CN = CHINESE_NUMERAL_CHARS;
const ARABIC = /\d+(?:\.\d+)?/y;
const CHINESE = new RegExp(`[${CN}]+`, 'y');
const PERCENT_WORD = new RegExp(`百分之(\\d+(?:\\.\\d+)?|[${CN}]+)`, 'y');
const MYRIAD = /[万亿]/y;
const APPROXIMATE = /[余多]/y;
const RANGE_SEPARATOR = /\s*([~～\-—–至到])\s*/y;
const NUMBER_START = new RegExp(`百分之|\\d|[${CN}]|半(?=个月)`, 'g');
/** Units a lone numeral may stand before: 三倍, 六个月, 半个月 (elsewhere 一批, 两大 are words, not quantities). */
const LONE_NUMERAL_UNIT = /^(?:个月|倍)/;

/**
 * Text that holds digits which are not quantities: names in quotes or book-title marks (“985”工程,
 * 《规划(2011-2015年)》), document numbers (〔2018〕39号), dates and years, ordinals (第二轮) and
 * item numbers (1. / (1)).
 */
const NOT_QUANTITIES: readonly RegExp[] = [
  /“[^“”]*”|"[^"“”]*["”]|《[^《》]*》|〈[^〈〉]*〉|「[^「」]*」|‘[^‘’]*’/g,
  /[〔[(（]\s*(?:19|20)\d{2}\s*[〕\])）]\s*第?\s*\d+\s*号|\d+\s*号/g,
  /(?:19|20)\d{2}\s*年?\s*[-—–~～至到]\s*(?:19|20)\d{2}\s*年/g,
  /(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?/g,
  /(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}/g,
  /(?<![\d.个])\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?|(?<![\d.个])\d{1,2}\s*日/g,
  new RegExp(`第\\s*(?:\\d+|[${CN}]+)`, 'g'),
  /(?:^|(?<=[\s。;；:：,，、]))\d+\s*[.、．](?!\d)|[(（]\d+[)）]/g,
];

type Span = { start: number; end: number };

/** A number with its unit as read at one position, before ranges and 每 prefixes are considered. */
type Single = {
  value: number;
  /** 万 or 亿 as printed after the number, or ''. */
  myriad: string;
  unit: string | null;
  rate: string | null;
  end: number;
};

/** Parses a whole string as one number: 100, 1.6, 1.6万 (16000), 二十四, 两千; null for anything else. */
export function parseNumber(text: string): number | null {
  const arabic = /^(\d+(?:\.\d+)?)([万亿]?)$/.exec(text.trim());
  if (arabic) return shift(Number(arabic[1]), MYRIADS[arabic[2] ?? ''] ?? 0);
  return parseChineseNumeral(text.trim());
}

/** The base unit and the value in it: 23 万个 → 230000 个. For comparing quantities printed in different magnitudes. */
export function inBaseUnit(value: number, unit: string | null): { value: number; unit: string | null } {
  if (unit === null) return { value, unit };
  const power = MYRIADS[unit.charAt(0)];
  if (power === undefined) return { value, unit };
  return { value: shift(value, power), unit: unit.length > 1 ? unit.slice(1) : null };
}

/** True for units that count things or people (个, 名, 人次, 万个 …). */
export function isCountUnit(unit: string | null): boolean {
  if (unit === null) return false;
  const base = inBaseUnit(1, unit).unit;
  return base !== null && COUNT_UNITS.includes(base);
}

/**
 * Every quantity in a text, in order: numbers with their unit (1.6万个, 4%, 800元/月, 每人每月70元
 * as 元/人·月), ranges (3~12个月, 3000元至2万元) and bare numbers (unit null). Dates, years, document
 * and item numbers, ordinals and numbers inside quoted names are not quantities and are skipped.
 * Chinese numerals are read when they have a place character (二十四, 两千, 一万) and a unit follows:
 * single characters like 一 or 两 are mostly parts of words (一批, 两大体系), and are read only before
 * 个月 and 倍 (六个月, 三倍); 半个月 is 0.5 个月.
 * A 每 prefix becomes part of the unit only when it names what the amount is per (每人, 每人每月);
 * periods alone (每年600人) stay outside, for the caller to read as the period the count is for.
 */
export function findQuantities(text: string): QuantityMatch[] {
  const skipped = notQuantitySpans(text);
  const found: QuantityMatch[] = [];
  const starts = new RegExp(NUMBER_START.source, 'g');
  for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
    const at = m.index;
    // A digit after a letter or a dot belongs to a code or version (H5, V2.0), not a quantity.
    if (skipped.some((s) => at >= s.start && at < s.end) || /[A-Za-z.]/.test(text.charAt(at - 1))) {
      starts.lastIndex = skipToEndOfNumber(text, at);
      continue;
    }
    const match = readQuantity(text, at);
    if (match === null) {
      starts.lastIndex = skipToEndOfNumber(text, at);
      continue;
    }
    found.push(match);
    starts.lastIndex = match.index + match.length;
  }
  return found;
}

function notQuantitySpans(text: string): Span[] {
  return NOT_QUANTITIES.flatMap((pattern) =>
    [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((m) => ({ start: m.index, end: m.index + m[0].length })),
  );
}

function skipToEndOfNumber(text: string, at: number): number {
  for (const pattern of [PERCENT_WORD, ARABIC, CHINESE]) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (m) return at + m[0].length;
  }
  return at + 1;
}

function readQuantity(text: string, at: number): QuantityMatch | null {
  const first = readSingle(text, at);
  if (first === null) return null;
  const range = readRangeEnd(text, at, first);
  const unit = range?.unit ?? fullUnit(first);
  const end = range?.end ?? first.end;
  const rated = first.rate !== null || (range !== null && range.unit?.includes('/') === true);
  const per = unit !== null && !rated ? perPrefix(text.slice(0, at)) : null;
  const index = per === null ? at : at - per.text.length;
  return {
    quantity: {
      value: range?.value ?? first.value,
      max: range?.max ?? null,
      unit: per === null ? unit : `${unit}/${per.denominator}`,
      text: text.slice(index, end),
    },
    index,
    length: end - index,
  };
}

function readSingle(text: string, at: number): Single | null {
  PERCENT_WORD.lastIndex = at;
  const percent = PERCENT_WORD.exec(text);
  if (percent) {
    const value = parseNumber(percent[1] ?? '');
    return value === null ? null : { value, myriad: '', unit: '%', rate: null, end: at + percent[0].length };
  }
  const number = readNumber(text, at);
  if (number === null) return null;
  let pos = number.end;
  let myriad = number.myriad;
  if (number.arabic) {
    MYRIAD.lastIndex = pos;
    const m = MYRIAD.exec(text);
    if (m) {
      myriad = m[0];
      pos += 1;
    }
  }
  APPROXIMATE.lastIndex = pos;
  if (APPROXIMATE.exec(text) && unitAt(text, pos + 1) !== null) pos += 1;
  const unit = unitAt(text, pos);
  if (unit === null && !number.arabic) return null;
  pos += unit?.length ?? 0;
  let rate: string | null = null;
  if (unit !== null) {
    RATE.lastIndex = pos;
    const r = RATE.exec(text);
    if (r) {
      rate = r[1] ?? null;
      pos += r[0].length;
    }
  }
  return { value: number.value, myriad, unit, rate, end: pos };
}

/** An Arabic number, or a Chinese numeral with a place character or before 个月 / 倍, or 半 before 个月 (a trailing 万 / 亿 is kept apart, as printed). */
function readNumber(text: string, at: number): { value: number; myriad: string; arabic: boolean; end: number } | null {
  ARABIC.lastIndex = at;
  const arabic = ARABIC.exec(text);
  if (arabic) return { value: Number(arabic[0]), myriad: '', arabic: true, end: at + arabic[0].length };
  if (text.startsWith('半', at)) return { value: 0.5, myriad: '', arabic: false, end: at + 1 };
  CHINESE.lastIndex = at;
  const token = CHINESE.exec(text)?.[0] ?? '';
  const lone = token.length === 1 && LONE_NUMERAL_UNIT.test(text.slice(at + 1));
  if (!lone && (token.length < 2 || !/[十百千万亿]/.test(token))) return null;
  const last = token.charAt(token.length - 1);
  const myriad = last in MYRIADS && token.length > 1 ? last : '';
  const value = parseChineseNumeral(myriad === '' ? token : token.slice(0, -1));
  return value === null ? null : { value, myriad, arabic: false, end: at + token.length };
}

function unitAt(text: string, pos: number): string | null {
  return UNITS.find((u) => text.startsWith(u, pos)) ?? null;
}

function fullUnit(s: Single): string | null {
  if (s.unit === null) return s.myriad === '' ? null : s.myriad;
  return `${s.myriad}${s.unit}${s.rate === null ? '' : `/${s.rate}`}`;
}

/**
 * The upper end of a range starting with `first`. Both ends must be in the same unit; a lower end
 * printed without a unit takes the upper end's (3~12个月). Ends in different magnitudes are brought
 * to the smaller. A lower end after 由 / 从 with 至 / 到 is a change (由10到15), not a range.
 */
function readRangeEnd(text: string, at: number, first: Single): { value: number; max: number; unit: string | null; end: number } | null {
  RANGE_SEPARATOR.lastIndex = first.end;
  const sep = RANGE_SEPARATOR.exec(text);
  if (!sep) return null;
  if (/[至到]/.test(sep[1] ?? '') && /[由从]$/.test(text.slice(0, at))) return null;
  const second = readSingle(text, first.end + sep[0].length);
  if (second === null || second.unit === null) return null;
  if (first.unit === null && first.myriad === '') {
    return first.value <= second.value ? { value: first.value, max: second.value, unit: fullUnit(second), end: second.end } : null;
  }
  if (first.unit !== second.unit || first.rate !== second.rate) return null;
  const lower = Math.min(MYRIADS[first.myriad] ?? 0, MYRIADS[second.myriad] ?? 0);
  const value = shift(first.value, (MYRIADS[first.myriad] ?? 0) - lower);
  const max = shift(second.value, (MYRIADS[second.myriad] ?? 0) - lower);
  if (value > max) return null;
  const myriad = Object.keys(MYRIADS).find((k) => MYRIADS[k] === lower) ?? '';
  return { value, max, unit: fullUnit({ ...first, myriad }), end: second.end };
}

/** A 每 chain right before the number that names what the amount is per; periods alone are left out. */
function perPrefix(before: string): { text: string; denominator: string } | null {
  const chain = PER_CHAIN.exec(before)?.[0];
  if (chain === undefined) return null;
  const elements = [...chain.matchAll(PER_ELEMENT)].map((m) => m[1] ?? '');
  if (elements.every((e) => TIME_ELEMENTS.has(e))) return null;
  return { text: chain, denominator: elements.join('·') };
}

/** value × 10^power without binary rounding (1.6 × 10⁴ is 16000, not 16000.000000000002). */
function shift(value: number, power: number): number {
  return power === 0 ? value : Number(`${value}e${power}`);
}
