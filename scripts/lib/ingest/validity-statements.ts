import type { ValidityStatement } from '#schemas/document.ts';
import { parseChineseNumeral } from '#core/chinese/numerals.ts';
import { fullDatesIn, lastDayOfTerm, type DateInText } from './chinese-dates.ts';
import type { Found } from './metadata-block.ts';

/**
 * What a text says about its own validity: 本办法自2019年1月1日起施行, 自印发之日起施行, 有效期5年,
 * 有效期至2023年12月31日, 本通知已废止 / 已失效, and 《X》同时废止 (it replaces another text).
 */

/** A statement with what it states: the date it names, a term in years, or an issue or promulgation day it counts from. */
export type ReadStatement = ValidityStatement & {
  /** The date the statement names: the day it takes effect (in-force), or its last day (until). */
  date: string | null;
  /** An until statement's first day, when it gives one (有效期自…起至…止). */
  from: string | null;
  /** A term's length in years (有效期5年). */
  years: number | null;
  /** In force from the day it was issued (印发) or promulgated (发布/公布). */
  countsFrom: 'issue' | 'promulgation' | null;
  /** Whether the statement names the text as its subject (本办法…, 此件…). */
  own: boolean;
};

/** Stands for one full date in a line while the patterns below read it. */
const D = '\uE000';
const MAX_TEXT = 60;
/** The text names itself: 本法, 本条例, 本办法, 本通知, 此件 … */
const SELF = `(?:本(?:法|条例|规定|办法|通知|意见|决定|细则|解释|方案|文件|规划|措施|计划|实施办法|实施细则|若干规定)|此件)`;
const TAKES_EFFECT = '(?:正式)?(?:施行|执行|实施|生效|试行)';

type Pattern = { kind: ValidityStatement['kind']; pattern: RegExp };

const PATTERNS: readonly Pattern[] = [
  { kind: 'in-force', pattern: new RegExp(`(${SELF})?[\\s\\u3000]*(?:[自从于][\\s\\u3000]*${D}[\\s\\u3000]*(?:起|开始)?|${D}[\\s\\u3000]*起)[\\s\\u3000]*${TAKES_EFFECT}`, 'gu') },
  {
    kind: 'in-force',
    pattern: new RegExp(`(${SELF})?[\\s\\u3000]*[自从]?(印发|下发|发文|签发|发出|发布|公布|颁布)之日(?:起)?[\\s\\u3000]*${TAKES_EFFECT}`, 'gu'),
  },
  {
    kind: 'until',
    pattern: new RegExp(
      `(${SELF})?[\\s\\u3000]*(?:有效期(?:限)?(?:为|是)?(?:自?${D}(?:起)?)?|(?:执行|实施|试行)(?:期|期限)?(?:为|是)?(?:自?${D}(?:起)?)?)[\\s\\u3000]*(?:至|到|截至|截止到?)[\\s\\u3000]*${D}(?:止)?`,
      'gu',
    ),
  },
  { kind: 'until', pattern: new RegExp(`(${SELF})[\\s\\u3000]*[自于]?${D}(?:起)?[\\s\\u3000]*(?:失效|废止|停止执行)`, 'gu') },
  { kind: 'term', pattern: new RegExp(`(${SELF})?[\\s\\u3000]*有效期(?:限)?(?:为|是)?[\\s\\u3000]*(\\d+|[一二三四五六七八九十两]+)[\\s\\u3000]*年`, 'gu') },
  { kind: 'replaces', pattern: /(?:同时|即行|一并)(?:废止|失效|停止执行)/gu },
  { kind: 'repealed', pattern: new RegExp(`(${SELF})(?:已|现已)(?:被[^，。；]{0,30})?(?:废止|作废)`, 'gu') },
  { kind: 'void', pattern: new RegExp(`(${SELF})(?:已|现已)(?:被[^，。；]{0,30})?失效`, 'gu') },
];

/** A line that is only a banner: （已废止）, 【失效】, 此件已失效. */
const BANNER = /^[（(【[]?[\s\u3000]*(?:此件|本文件)?(?:已|现已)?(废止|作废|失效)[\s\u3000]*[）)】\]]?$/u;

/** The statements of the given lines (1-based numbers not in `skip`), in text order. */
export function readValidityStatements(lines: readonly string[], skip: ReadonlySet<number>): ReadStatement[] {
  const statements: ReadStatement[] = [];
  for (const [index, text] of lines.entries()) {
    if (skip.has(index + 1) || text.trim() === '') continue;
    statements.push(...statementsOfLine(text.trim(), index + 1));
  }
  return statements;
}

function statementsOfLine(text: string, line: number): ReadStatement[] {
  const banner = BANNER.exec(text);
  if (banner !== null) return [statement(banner[1] === '失效' ? 'void' : 'repealed', text, line, { own: true })];
  const dates = fullDatesIn(text);
  const { tokens, original } = tokenise(text, dates);
  const found: { at: number; statement: ReadStatement }[] = [];
  for (const { kind, pattern } of PATTERNS) {
    for (const m of tokens.matchAll(pattern)) {
      const words = original(m.index, m.index + m[0].length).trim();
      const named = datesOf(tokens, m.index, m[0], dates);
      const own = m[1] !== undefined;
      // Terms and end dates of something else (合同有效期限为三年) say nothing about the text: only
      // those said of the text, as a sentence of their own, or right after an in-force clause count.
      if ((kind === 'term' || kind === 'until') && !own && !opensItsSentence(tokens, m.index) && !followsInForce(found, m.index)) continue;
      const details =
        kind === 'in-force'
          ? { date: named.at(0) ?? null, countsFrom: m[2] === undefined ? null : m[2] === '发布' || m[2] === '公布' || m[2] === '颁布' ? ('promulgation' as const) : ('issue' as const) }
          : kind === 'until'
            ? { date: named.at(-1) ?? null, from: named.length > 1 ? (named[0] ?? null) : null }
            : kind === 'term'
              ? { years: termYears(m[2] ?? '') }
              : {};
      const sentence = kind === 'replaces' ? replacedText(sentenceBefore(tokens, m.index, original)) + words : words;
      found.push({ at: m.index, statement: statement(kind, sentence, line, { own, ...details }) });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.statement);
}

function statement(kind: ValidityStatement['kind'], words: string, line: number, details: Partial<ReadStatement>): ReadStatement {
  const text = words.length > MAX_TEXT ? words.slice(words.length - MAX_TEXT) : words;
  return { kind, text, line, date: null, from: null, years: null, countsFrom: null, own: false, ...details };
}

/** The line with each full date replaced by one placeholder character, and a way back to the printed words. */
function tokenise(text: string, dates: readonly DateInText[]): { tokens: string; original: (start: number, end: number) => string } {
  let tokens = '';
  const starts: number[] = [];
  let at = 0;
  for (const date of dates) {
    for (let i = at; i < date.start; i++) starts.push(i);
    tokens += text.slice(at, date.start) + D;
    starts.push(date.start);
    at = date.end;
  }
  for (let i = at; i <= text.length; i++) starts.push(i);
  tokens += text.slice(at);
  const ends = (end: number) => (tokens[end - 1] === D ? (dates.find((d) => d.start === starts[end - 1])?.end ?? text.length) : (starts[end - 1] ?? 0) + 1);
  return { tokens, original: (start, end) => (end <= start ? '' : text.slice(starts[start] ?? 0, ends(end))) };
}

/** The ISO dates of the placeholders inside one match. */
function datesOf(tokens: string, start: number, match: string, dates: readonly DateInText[]): (string | null)[] {
  const before = [...tokens.slice(0, start)].filter((c) => c === D).length;
  const inside = [...match].filter((c) => c === D).length;
  return dates.slice(before, before + inside).map((d) => d.iso);
}

/** 有效期5年 as a sentence of its own (after 。 or at the start of the line) is said of the text. */
function opensItsSentence(tokens: string, at: number): boolean {
  return /(?:^|[。；;])[\s\u3000]*$/.test(tokens.slice(0, at));
}

/** 自印发之日起施行，有效期5年: a term right after an in-force clause is the same text's. */
function followsInForce(found: readonly { at: number; statement: ReadStatement }[], at: number): boolean {
  return found.some((f) => f.statement.kind === 'in-force' && f.at < at);
}

/** The words of the sentence before a 同时废止: what the text replaces (《X》, 原…). */
function sentenceBefore(tokens: string, at: number, original: (start: number, end: number) => string): string {
  const start = Math.max(...['。', '；', ';'].map((p) => tokens.lastIndexOf(p, at - 1) + 1), 0);
  return original(start, at).trim();
}

/** What a 同时废止 replaces, as short as it can say it: the whole sentence, else from the last cited title on. */
function replacedText(sentence: string): string {
  const title = sentence.lastIndexOf('《');
  return sentence.length + 4 <= MAX_TEXT || title < 0 ? sentence : sentence.slice(title);
}

function termYears(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text);
}

/** What the effective day is reckoned from: ISO dates, at their lines where they are values of their own. */
export type ValidityDates = {
  /** The page's 施行日期. */
  printedEffective: Found | null;
  /** A statute's latest 施行 event. */
  inForce: Found | null;
  /** The day the text was issued (its date), and the day it was promulgated. */
  issued: string | null;
  promulgated: string | null;
};

/**
 * The day the text takes effect: the page's 施行日期, else a statute's 施行 event, else its own in-force
 * statement (本办法自…起施行), counted from its issue or promulgation when relative (自印发之日起施行).
 */
export function effectiveDate(statements: readonly ReadStatement[], dates: ValidityDates): Found | null {
  if (dates.printedEffective !== null) return dates.printedEffective;
  if (dates.inForce !== null) return dates.inForce;
  const statement = chosen(statements, 'in-force');
  if (statement === undefined) return null;
  const from = statement.date ?? (statement.countsFrom === 'promulgation' ? (dates.promulgated ?? dates.issued) : dates.issued);
  return from === null ? null : { value: from, line: statement.line };
}

/** The last day the text is valid: the page's 失效日期, else its 有效期至…, else its term counted from `start` (its first day). */
export function expiryDate(statements: readonly ReadStatement[], printed: Found | null, start: string | null): Found | null {
  if (printed !== null) return printed;
  const until = chosen(statements, 'until');
  if (until?.date) return { value: until.date, line: until.line };
  const term = chosen(statements, 'term');
  const from = until?.from ?? start;
  if (term === undefined || term.years === null || from === null) return null;
  return { value: lastDayOfTerm(from, term.years), line: term.line };
}

/** Of several statements of a kind, the last the text makes of itself (本办法…), else the last. */
function chosen(statements: readonly ReadStatement[], kind: ReadStatement['kind']): ReadStatement | undefined {
  const ofKind = statements.filter((s) => s.kind === kind);
  return ofKind.filter((s) => s.own).at(-1) ?? ofKind.at(-1);
}
