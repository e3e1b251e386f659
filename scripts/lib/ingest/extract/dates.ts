import type { Diagnostic } from '#schemas/diagnostic.ts';
import type { Document } from '#schemas/document.ts';
import type { DateMention } from '#schemas/entities.ts';
import {
  dateExists,
  isoOfAtom,
  readDateAtom,
  scanDates,
  skipSpaces,
  type BareNumber,
  type DateAtom,
} from '../chinese-dates.ts';
import { sentences, textUnits, type TextUnit } from './units.ts';

type Expression = {
  start: number;
  end: number;
  kind: DateMention['kind'];
  from: DateAtom | null;
  to: DateAtom | null;
  /** Every date the expression lists, checked for existence (a recurring list has no from/to). */
  atoms: DateAtom[];
};

const RANGE_SEPARATOR = /^\s*(?:至|到|——|—|–|-|~|～|－|―)\s*/;
const DEADLINE_SUFFIX = /^(?:以前|之前|前(?!后))/;
const OPEN_RANGE_SUFFIX = /^(?:起|开始|以来|至今)/;
// 到2015年 / 力争到2016年 at the head of a clause is a deadline; 提高到2014年的540元 is not.
const DEADLINE_PREFIX = /(?:^|[,，;；:：(（、])(?:力争|争取|确保|计划|预计)?(到|至)$/;

/**
 * Finds the dates and periods stated in running text: dates (2019年2月1日, 2015年), ranges
 * (2019年1月1日至12月31日, 2016—2017年, …起), deadlines (2015年前, 5月底前, 到2016年) and
 * recurring dates (每年6月30日、12月31日前). A missing year is taken from the other end of a range,
 * else from the document's date (yearInferred); nothing that cannot be derived is filled in, and a
 * date that does not exist is skipped with a warning. Dates inside 《cited titles》 belong to the
 * title, and the document's own date and history lines are not clause dates.
 */
export function extractDates(doc: Document): { dates: DateMention[]; diagnostics: Diagnostic[] } {
  const dates: DateMention[] = [];
  const diagnostics: Diagnostic[] = [];
  const documentYear = doc.meta.date === null ? null : Number(doc.meta.date.slice(0, 4));
  // The lines metadata was read from are not clauses: the heading, the signature, a statute's history.
  // The day a text takes effect or lapses is read from clauses, which stay clauses.
  const metadataLines = new Set([
    ...Object.entries(doc.meta.provenance).flatMap(([field, p]) =>
      p !== undefined && p.from === 'text' && field !== 'effective' && field !== 'expires' ? [p.line] : [],
    ),
    ...doc.meta.history.map((event) => event.line),
  ]);
  for (const unit of textUnits(doc)) {
    if (metadataLines.has(unit.line) || isDateLine(unit.text)) continue;
    const warn = (code: string, text: string, problem: string) =>
      diagnostics.push({ level: 'warning', code, message: `${text} in ${unit.clauseId}: ${problem}`, file: doc.sourceFile, line: unit.line });
    for (const sentence of sentences(unit.text)) {
      for (const expression of scanSentence(sentence)) {
        const text = sentence.slice(expression.start, expression.end);
        const resolved = resolve(expression, documentYear);
        if (resolved === 'invalid') warn('date-invalid', text, 'no such date; skipped');
        if (resolved === 'reversed') warn('date-range-reversed', text, 'the range ends before it starts; skipped');
        if (typeof resolved === 'string') continue;
        if ((resolved.start === null && expression.from !== null) || (resolved.end === null && expression.to !== null)) {
          warn('date-year-unknown', text, 'no year in the text and the document has no date; left unparsed');
        }
        dates.push({ ...sourceRef(doc, unit, sentence), text, kind: expression.kind, ...resolved });
      }
    }
  }
  return { dates, diagnostics };
}

function sourceRef(doc: Document, unit: TextUnit, sentence: string) {
  return { documentId: doc.id, clauseId: unit.clauseId, line: unit.line, sentence };
}

/** A line that is nothing but a date is a signature date (2014年 10月26日), not a clause's. */
function isDateLine(text: string): boolean {
  const expressions = scanSentence(text.trim());
  return expressions.length === 1 && expressions[0]?.start === 0 && expressions[0].end === text.trim().length;
}

function scanSentence(sentence: string): Expression[] {
  return scanDates(sentence, readExpression);
}

/** Reads the date expression starting at i: an atom or range, with its 每年 / 到 prefix and 前 / 起 suffix. */
function readExpression(s: string, i: number): Expression | null {
  if (/每年$/.test(s.slice(0, i))) return readRecurring(s, i);
  const left = readDateAtom(s, i, { bare: true, dayOnly: false });
  if (left === null) return null;
  const range = readRange(s, i, null, left);
  if (range !== null) return range;
  if ('value' in left) return null;
  // 2019年1—6月, 2019年1月1—15日: the start's last number is bare and takes the end's unit.
  const inner = readDateAtom(s, skipSpaces(s, left.end), { bare: true, dayOnly: false });
  const innerRange = inner !== null && 'value' in inner ? readRange(s, i, left, inner) : null;
  if (innerRange !== null) return innerRange;
  const prefix = DEADLINE_PREFIX.exec(s.slice(0, i));
  if (prefix?.[1] !== undefined) {
    const suffix = DEADLINE_SUFFIX.exec(s.slice(left.end));
    return { start: i - prefix[1].length, end: left.end + (suffix?.[0].length ?? 0), kind: 'deadline', from: null, to: left, atoms: [left] };
  }
  return withSuffix(s, { start: i, end: left.end, kind: 'date', from: left, to: left, atoms: [left] });
}

/** A range whose start is `left` (completed by `base` when left is a bare number) and whose end follows a separator. */
function readRange(s: string, start: number, base: DateAtom | null, left: DateAtom | BareNumber): Expression | null {
  const separator = RANGE_SEPARATOR.exec(s.slice(left.end));
  if (!separator) return null;
  const dayOnly = 'value' in left ? base !== null && base.m !== null : left.m !== null;
  const right = readDateAtom(s, left.end + separator[0].length, { bare: false, dayOnly });
  if (right === null || 'value' in right) return null;
  const from = 'value' in left ? joinBare(base, left, right) : left;
  if (from === null) return null;
  return withSuffix(s, { start, end: right.end, kind: 'range', from, to: right, atoms: [from, right] });
}

/**
 * 每年 then dates listed with 、 or spanned with 至, each possibly with its own 前
 * (每年6月30日、12月31日前; 每年3月底前、9月底前): kept whole, as one recurring mention.
 */
function readRecurring(s: string, i: number): Expression | null {
  const first = readDateAtom(s, i, { bare: false, dayOnly: false });
  if (first === null || 'value' in first || first.y !== null) return null;
  const atoms = [first];
  let end = first.end + (DEADLINE_SUFFIX.exec(s.slice(first.end))?.[0].length ?? 0);
  for (;;) {
    const last = atoms[atoms.length - 1] ?? first;
    const joint = s[end] === '、' ? '、' : (RANGE_SEPARATOR.exec(s.slice(end))?.[0] ?? null);
    const next = joint === null ? null : readDateAtom(s, end + joint.length, { bare: false, dayOnly: last.m !== null });
    if (next === null || 'value' in next || next.y !== null) break;
    if (next.m === null) next.m = last.m;
    atoms.push(next);
    end = next.end + (DEADLINE_SUFFIX.exec(s.slice(next.end))?.[0].length ?? 0);
  }
  return { start: i - '每年'.length, end, kind: 'recurring', from: null, to: null, atoms };
}

function withSuffix(s: string, e: Expression): Expression {
  const rest = s.slice(e.end);
  const deadline = DEADLINE_SUFFIX.exec(rest);
  if (deadline) return { ...e, end: e.end + deadline[0].length, kind: 'deadline', from: null };
  const open = OPEN_RANGE_SUFFIX.exec(rest);
  if (open && e.kind === 'date') return { ...e, end: e.end + open[0].length, kind: 'range', to: null };
  return e;
}

type Unit = 'y' | 'm' | 'd';

function leadingUnit(a: DateAtom): Unit {
  return a.y !== null ? 'y' : a.m !== null ? 'm' : 'd';
}

function finestUnit(a: DateAtom): Unit {
  return a.d !== null ? 'd' : a.m !== null ? 'm' : 'y';
}

/**
 * Gives a bare number the unit of the range end's leading component (2016—2017年 → 2016年), appended
 * to `base` when that is the next unit down from base's finest (2019年 + 1 in 2019年1—6月).
 */
function joinBare(base: DateAtom | null, bare: BareNumber, right: DateAtom): DateAtom | null {
  const unit = leadingUnit(right);
  const above: Record<Unit, Unit | null> = { y: null, m: 'y', d: 'm' };
  if (base !== null && finestUnit(base) !== above[unit]) return null;
  if (unit === 'y' ? bare.digits !== 4 : bare.digits > 2) return null;
  const empty: DateAtom = { y: null, m: null, d: null, edgeEnd: false, start: bare.start, end: bare.end };
  return { ...(base ?? empty), [unit]: bare.value, edgeEnd: false, end: bare.end };
}

type Resolved = Pick<DateMention, 'start' | 'end' | 'yearInferred'>;

/** Turns the atoms into ISO values, filling a missing year from the range's other end, then from the document. */
function resolve(e: Expression, documentYear: number | null): Resolved | 'invalid' | 'reversed' {
  // A recurring date has no year; the schema's ISO forms cannot say "every 30 June".
  if (e.kind === 'recurring') return e.atoms.every(dateExists) ? { start: null, end: null, yearInferred: false } : 'invalid';
  const from = e.from === null ? null : { ...e.from };
  const to = e.to === null ? null : e.to === e.from ? from : { ...e.to };
  if (from !== null && to !== null && from !== to) {
    from.y ??= to.y;
    to.y ??= from.y;
    // 6月1日至30日: the day takes the month of the start.
    if (to.m === null && to.d !== null) to.m = from.m;
  }
  let yearInferred = false;
  for (const atom of [from, to]) {
    if (atom !== null && atom.y === null && documentYear !== null) {
      atom.y = documentYear;
      yearInferred = true;
    }
  }
  if ((from !== null && !dateExists(from)) || (to !== null && !dateExists(to))) return 'invalid';
  const start = from === null ? null : isoOfAtom(from);
  const end = to === null ? null : isoOfAtom(to);
  if (e.kind === 'range' && start !== null && end !== null && isAfter(start, end)) return 'reversed';
  return { start, end, yearInferred };
}

/** Compares at the coarser of the two precisions: 2019-05 is not after 2019. */
function isAfter(start: string, end: string): boolean {
  const n = Math.min(start.length, end.length);
  return start.slice(0, n) > end.slice(0, n);
}
