import type { Diagnostic } from '#schemas/diagnostic.ts';
import type { Document } from '#schemas/document.ts';
import type { BenefitFigure, SourceRef, Target } from '#schemas/entities.ts';
import { blocksOf } from '#core/document-tree.ts';
import type { Provision, Row, Table } from '#schemas/structure.ts';
import { findQuantities, inBaseUnit, isCountUnit, type QuantityMatch } from './quantity.ts';
import { sentences, tableRows, textUnits, type TextUnit } from './units.ts';

/**
 * Quantitative targets: what a document sets out to reach (城镇新增就业100万人以上), the standards it
 * fixes (见习期为3~12个月) and the changes it makes (由10万元提高到15万元), from running text and from
 * indicator tables. Precision comes before recall: a number is only read as a target in one of the
 * forms below, and every other sentence with a number is listed as unmatched for the reviewer.
 *
 * Running text is read clause by clause (clauses end at , and :). A value is read in these forms:
 * - at the end of its clause, after what it measures: 城镇登记失业率控制在4%以内;
 *   the indicator is the text before it, less the words that say how it is bounded;
 * - in a 分别 list, one value per listed subject: A、B和C保险参保人数分别达到x、y和z;
 * - as a change: 额度由10万元提高到15万元;
 * - counting the object of an action verb: 开发5000个基层公益性岗位 (indicator 开发基层公益性岗位).
 * What a measure gives is a benefit, not a goal (the benefits extractor reads it): the amount of a
 * grant (给予3000元至2万元的一次性开办费补贴) is never read, and a value that the document's benefits
 * give (最高贷款额度为75万元, 基础养老金最低标准提高到每人每月70元) is dropped.
 * A value at the end of its clause with no bounding word (城镇失业人员再就业36万人) is a target only
 * under a heading about goals (主要目标, 总体目标 …) or where the sentence names its period.
 */

type Comparator = NonNullable<Target['comparator']>;
type Draft = Omit<Target, 'id' | keyof SourceRef>;
type Found = { ref: SourceRef; draft: Draft };
type Warn = (code: string, message: string) => void;

/** Drafts whose value the text itself calls a goal (…的目标): kept even where a benefit gives the same figure. */
const NAMED_GOALS = new WeakSet<Draft>();

export type TargetExtraction = { targets: Target[]; unmatched: SourceRef[]; diagnostics: Diagnostic[] };

/** Where a sentence stands: whether its section is about goals, and the period its document part covers. */
type Setting = { goalSection: boolean; defaultPeriod: string | null };

/** What a clause inherits from the clauses before it in its sentence. */
type ClauseContext = Setting & { period: string | null; periodStated: boolean; scope: string | null };

const QUALIFIERS: Readonly<Record<string, Comparator>> = { 及以上: '≥', 以上: '≥', 以内: '≤', 以下: '≤', 左右: '≈' };
const QUALIFIER = /^(?:及以上|以上|以内|以下|左右)/;
const AT_LEAST = ['不低于', '不少于', '不小于', '至少', '超过', '高于', '多于', '最低', '最少'];
const AT_MOST = ['不超过', '不高于', '不多于', '控制在', '低于', '少于', '最高', '最多'];
const ABOUT = ['大约', '约', '力争', '争取'];
const REACH = [
  '达到', '达', '为', '完成', '实现', '稳定在', '保持在', '提高到', '提高至', '提升到', '提升至', '增加到', '增加至',
  '扩大到', '扩大至',
];
const BOUND_WORDS = [...AT_LEAST, ...AT_MOST, ...ABOUT, ...REACH, '均', '分别', '平均', '年均', '总计', '共计', '共'];
const BOUND_WORDS_LONGEST_FIRST = [...BOUND_WORDS].sort((a, b) => b.length - a.length);
/** Words before what is measured that say how hard it is pursued, not what it is. */
const LEADING_WORDS = [
  '其中', '并且', '同时', '另外', '以及', '确保', '力争', '争取', '努力', '实现', '完成', '达到', '进一步', '重点', '积极',
  '大力', '切实', '将', '把',
];
/** Verbs after which the text names the work done, and before them its doer (机构每年组织招聘会). */
const DOER_VERBS = ['组织开展', '组织', '开展', '完成', '举办'];
/** Verbs whose object is counted by the value after them: 开发5000个岗位. */
const COUNTING_VERBS = [
  '组织开展', '开发', '新增', '培养', '组织', '开展', '举办', '创建', '建设', '建成', '帮助', '安置', '吸纳', '扶持',
  '培训', '培育', '引进', '招聘', '打造', '认定', '表彰', '资助', '配备', '增加',
];
const CHANGE = /^(?:提高|提升|增加|增长|扩大|调整|降低|下降|减少|放宽|延长|缩短|上调|下调)(?:到|至|为)$/;
const SCOPE = /^全(?:省|市|区|县|州|盟|旗|镇|国)/;
const LIST_SEPARATOR = /[、和及与]/;
/** The period a clause is for, as printed. */
const PERIOD = new RegExp(
  [
    String.raw`到\s*(?:19|20)\d{2}\s*年(?:底|末)?`,
    String.raw`(?:19|20)\d{2}\s*年?\s*[-—–~～至到]\s*(?:19|20)\d{2}\s*年`,
    String.raw`(?:19|20)\d{2}\s*年(?:底|末)?(?:以前|之前|前)`,
    '[“"]?十[一二三四五六七八九]?五[”"]?(?:期间|时期|期末|末)',
    '每(?:半年|年|季度|月)',
    '年内',
    String.raw`(?:19|20)\d{2}\s*年(?!\s*\d{1,2}\s*月)`,
  ].join('|'),
  'g',
);
/** The period a plan's title names: 2012年…工作计划, …“十三五”发展规划. */
const PLAN_PERIOD = /(?:19|20)\d{2}年|“十[一二三四五六七八九]?五”/g;
const BOOK_TITLE = /《[^《》]*》/g;

/**
 * Reads the quantitative targets of a document from its running text and tables. Sentences with a
 * number (not a date, year, document or item number) that yield no target are returned as
 * `unmatched`. Text in a section that reviews a period ended before the document's date (the
 * “十二五” results in a “十三五” plan) reports results, not targets, and is only listed as unmatched.
 */
export function extractTargets(doc: Document): TargetExtraction {
  const diagnostics: Diagnostic[] = [];
  const found: Found[] = [];
  const unmatched: SourceRef[] = [];
  const chains = provisionChains(doc);
  const units = textUnits(doc);
  const review = reviewUnits(units, chains, documentYear(doc));
  const given = benefitFigures(doc);
  const read = (ref: Omit<SourceRef, 'sentence'>, text: string, setting: Setting, skip: boolean) => {
    for (const sentence of sentences(text)) {
      const source = { ...ref, sentence };
      const warn: Warn = (code, message) =>
        diagnostics.push({ level: 'warning', code, message: `${ref.clauseId}: ${message}`, file: doc.sourceFile, line: ref.line });
      const drafts = skip ? [] : readSentence(sentence, setting, warn);
      const benefits = given.get(`${ref.clauseId}\u0000${sentence}`) ?? [];
      const kept = drafts.filter((d) => NAMED_GOALS.has(d) || !benefits.some((f) => sameFigure(f, d)));
      found.push(...kept.map((draft) => ({ ref: source, draft })));
      if (drafts.length === 0 && findQuantities(sentence).length > 0) unmatched.push(source);
    }
  };
  for (const unit of units) {
    const setting = { goalSection: isGoalSection(unit, chains), defaultPeriod: partPeriod(doc, partOf(unit.clauseId)) };
    read({ documentId: doc.id, clauseId: unit.clauseId, line: unit.line }, unit.text, setting, review.has(unit));
  }
  for (const { table, row, partId } of tableRows(doc)) {
    const columns = indicatorColumns(table);
    if (columns !== null) {
      const target = readIndicatorRow(row, columns);
      const sentence = row.cells.map((c) => c.value).join(' | ');
      const ref = { documentId: doc.id, clauseId: row.id, line: row.lines.start, sentence };
      if (target !== null) found.push({ ref, draft: target });
      else {
        const message = `${row.id}: the indicator cell is empty; no target read`;
        diagnostics.push({ level: 'warning', code: 'target-row-without-indicator', message, file: doc.sourceFile, line: ref.line });
        if (findQuantities(sentence).length > 0) unmatched.push(ref);
      }
      continue;
    }
    // A row with a cell that is just a year (an annex's 时间 column) is due that year.
    const rowYear = row.cells.map((c) => c.value.trim()).find((v) => /^(?:19|20)\d{2}年$/.test(v)) ?? null;
    for (const cell of row.cells) {
      if (cell.inherited || cell.value === row.num) continue;
      const setting = { goalSection: /目标|指标/.test(cell.column), defaultPeriod: rowYear ?? partPeriod(doc, partId) };
      read({ documentId: doc.id, clauseId: row.id, line: cell.line }, cell.value, setting, false);
    }
  }
  return { targets: numbered(found), unmatched, diagnostics };
}

function numbered(found: readonly Found[]): Target[] {
  const counts = new Map<string, number>();
  return [...found]
    .sort((a, b) => a.ref.line - b.ref.line)
    .map(({ ref, draft }) => {
      const n = (counts.get(ref.clauseId) ?? 0) + 1;
      counts.set(ref.clauseId, n);
      return { id: `${ref.documentId}/${ref.clauseId}/t${n}`, ...ref, ...draft };
    });
}

/** The figures the document's benefits give (amounts, durations, limits), by clause and sentence. */
function benefitFigures(doc: Document): Map<string, BenefitFigure[]> {
  const figures = new Map<string, BenefitFigure[]>();
  for (const b of doc.extracted.benefits) {
    const key = `${b.clauseId}\u0000${b.sentence}`;
    figures.set(key, [...(figures.get(key) ?? []), ...[b.amount, b.duration, ...b.limits].filter((f) => f !== null)]);
  }
  return figures;
}

/** True where a target's value is a benefit's figure: the same value (and upper end) in the same base unit. */
function sameFigure(figure: BenefitFigure, target: Draft): boolean {
  // A multiple has no unit in a benefit (三倍 is 3); its text still says 倍.
  const unit = figure.unit ?? (figure.text.endsWith('倍') ? '倍' : null);
  const printed = unit === null || figure.per === null ? unit : `${unit}/${figure.per}`;
  const a = inBaseUnit(figure.value, printed);
  const b = inBaseUnit(target.value ?? Number.NaN, target.unit);
  const max = (value: number | null, u: string | null) => (value === null ? null : inBaseUnit(value, u).value);
  return a.value === b.value && a.unit === b.unit && max(figure.max, printed) === max(target.max, target.unit);
}

// ——— Where a sentence stands ———

export function documentYear(doc: Document): number | null {
  return doc.meta.date === null ? null : Number(doc.meta.date.slice(0, 4));
}

function partOf(nodeId: string): string {
  return nodeId.split('-')[0] ?? nodeId;
}

/** Every provision with the provisions around it, outermost first. */
export function provisionChains(doc: Document): Map<string, Provision[]> {
  const chains = new Map<string, Provision[]>();
  for (const { block, provisions } of blocksOf(doc)) if (block.type === 'provision') chains.set(block.id, [...provisions, block]);
  return chains;
}

function isGoalSection(unit: TextUnit, chains: ReadonlyMap<string, Provision[]>): boolean {
  const chain = unit.provision === null ? [] : (chains.get(unit.provision.id) ?? []);
  return chain.some((p) => /目标|指标/.test(p.title ?? ''));
}

/** The period named by the title of a part (or of a single-part document), when it names one. */
function partPeriod(doc: Document, partId: string): string | null {
  const part = doc.parts.find((p) => p.id === partId);
  const title = part?.title ?? (doc.parts.length === 1 ? doc.meta.title : null);
  const periods = new Set(title?.match(PLAN_PERIOD) ?? []);
  return periods.size === 1 ? ([...periods][0] ?? null) : null;
}

/**
 * The units of sections that review a finished period. A section opens where a unit names a period
 * that ended before the document's year (“十二五”期间 in 2016, 2011-2015年) or looks back (五年来),
 * and lasts until the next heading at the same or a higher level (a part-level paragraph opens a
 * section that lasts until the next first-level heading).
 */
export function reviewUnits(units: readonly TextUnit[], chains: ReadonlyMap<string, Provision[]>, year: number | null): Set<TextUnit> {
  const inReview = new Set<TextUnit>();
  let open: { partId: string; level: number; around: Set<string> } | null = null;
  for (const unit of units) {
    const chain = unit.provision === null ? [] : (chains.get(unit.provision.id) ?? []);
    const headings = chain.filter((p) => p.kind !== 'implicit');
    if (open !== null) {
      const { partId, level, around } = open;
      if (partId !== partOf(unit.clauseId) || headings.some((p) => p.level <= level && !around.has(p.id))) open = null;
    }
    if (open === null && year !== null && looksBack(unit.text, year)) {
      open = { partId: partOf(unit.clauseId), level: headings.at(-1)?.level ?? 1, around: new Set(chain.map((p) => p.id)) };
    }
    if (open !== null) inReview.add(unit);
  }
  return inReview;
}

function looksBack(text: string, year: number): boolean {
  const own = text.replace(BOOK_TITLE, '');
  for (const m of own.matchAll(/十([一二三四五六七八九]?)五[”"]?(?:期间|时期)/g)) {
    const n = 10 + '一二三四五六七八九'.indexOf(m[1] ?? '') + 1;
    if (1955 + 5 * n < year) return true; // the nth five-year plan runs 1951+5n … 1955+5n (from the third on)
  }
  for (const m of own.matchAll(/((?:19|20)\d{2})\s*年?\s*[-—–~～至到]\s*((?:19|20)\d{2})\s*年/g)) {
    if (Number(m[2]) < year) return true;
  }
  return /[\d一二三四五六七八九十]+年来/.test(own);
}

// ——— Sentences and clauses ———

/** A period or scope stated in a clause holds for that clause and the ones after it in the sentence. */
function readSentence(sentence: string, setting: Setting, warn: Warn): Draft[] {
  let stated: string | null = null;
  let scope: string | null = null;
  const drafts: Draft[] = [];
  for (const raw of clauses(sentence)) {
    const clause = withoutNumberedAsides(raw);
    scope = openingScope(clause) ?? scope;
    stated = firstPeriod(clause) ?? stated;
    if (isCondition(clause)) continue;
    const period = stated ?? setting.defaultPeriod;
    const ctx = { ...setting, period, periodStated: stated !== null, scope };
    drafts.push(...readClause(clause, ctx, warn), ...readBreakdowns(raw, ctx));
  }
  return drafts;
}

/** Splits at , and : outside brackets and quotes, dropping the sentence's final punctuation. */
function clauses(sentence: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of sentence.replace(/[。;；!！?？]+$/, '')) {
    if ('(（“《〈'.includes(c)) depth += 1;
    if (')）”》〉'.includes(c)) depth = Math.max(0, depth - 1);
    if (depth === 0 && ',，:：'.includes(c)) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  return [...parts, current].map((p) => p.trim()).filter((p) => p !== '');
}

/** Bracketed asides with numbers in them (最多24个月) explain a value; they are not values of their own. */
function withoutNumberedAsides(clause: string): string {
  return clause.replace(/[(（][^()（）]*\d[^()（）]*[)）]/g, '');
}

/**
 * A bracketed list of indicators with their values (乡镇、街道120个、社区60个; 实名登记率100%、跟踪回访率100%)
 * breaks a goal down or spells out the standards of a work target: each value is read with the text
 * before it, when the clause stands under a goal heading or names its period, or when the words after
 * the brackets call it a goal (…的工作目标). A list item without a value shares the next value (乡镇、街道120个).
 */
function readBreakdowns(clause: string, ctx: ClauseContext): Draft[] {
  const drafts: Draft[] = [];
  for (const aside of clause.matchAll(/[(（]([^()（）]*\d[^()（）]*)[)）]/g)) {
    const inner = aside[1] ?? '';
    const after = clause.slice(aside.index + aside[0].length);
    const licensed = ctx.goalSection || ctx.periodStated || /^的?(?:工作)?(?:目标|指标)/.test(after.trim());
    const matches = findQuantities(inner);
    if (!licensed || matches.length < 2) continue;
    const values = matches.map((m) => valueAt(inner, m));
    const items = values.map((v, i) => inner.slice(i === 0 ? 0 : (values[i - 1]?.end ?? 0), v.start).replace(/^\s*、/, '').trim());
    const closed = (values.at(-1)?.rest.trim() ?? '') === '';
    if (!closed || !items.every((item, i) => i === 0 || !/[、]$/.test(item)) || !items.every((item) => isIndicator(item) && !/[,，]/.test(item))) continue;
    if (values.some((v, i) => i > 0 && !/^\s*、/.test(inner.slice(values[i - 1]?.end ?? 0, v.start)))) continue;
    drafts.push(...values.map((v, i) => draft(ctx, items[i] ?? '', v, comparatorOf([], v.qualifier))));
  }
  return drafts;
}

/** A clause ending in 的 is a condition (对…稳定就业6个月以上的), not a target. */
function isCondition(clause: string): boolean {
  return /的$/.test(clause.trim());
}

function openingScope(clause: string): string | null {
  const opening = removePeriods(clause).replace(/^[\s“”"]*(?:其中)?/, '');
  return SCOPE.exec(opening)?.[0] ?? null;
}

/** The first period named in a text, outside cited titles and not inside a quantity (每人每年240元). */
function firstPeriod(text: string): string | null {
  const own = text.replace(BOOK_TITLE, (t) => '　'.repeat(t.length));
  const quantities = findQuantities(own);
  for (const m of own.matchAll(PERIOD)) {
    const end = m.index + m[0].length;
    if (!quantities.some((q) => m.index < q.index + q.length && q.index < end)) return m[0];
  }
  return null;
}

function removePeriods(text: string): string {
  return text.replace(PERIOD, '');
}

// ——— Values in a clause ———

/** One value being read, with the text around it. */
type Value = { match: QuantityMatch; start: number; end: number; qualifier: string | null; rest: string };
/** The reading of the previous value, which a listed value (、创业培训6万人) continues. */
type Previous = { form: 'end' | 'count'; words: string[]; verb: string; licensed: boolean };
type Reading = { draft: Draft | null; previous: Previous | null; end: number };

function readClause(clause: string, ctx: ClauseContext, warn: Warn): Draft[] {
  const matches = findQuantities(clause);
  if (matches.length === 0) return readZero(clause, ctx);
  const change = readChange(clause, matches, ctx);
  if (change !== null) return [change];
  const distributed = readDistributive(clause, matches, ctx, warn);
  if (distributed !== null) return distributed;
  const drafts: Draft[] = [];
  let previous: Previous | null = null;
  let from = 0;
  for (const [i, match] of matches.entries()) {
    const gap = clause.slice(from, match.index);
    const listed: boolean = previous !== null && /^\s*[、和及与]/.test(gap);
    const value = valueAt(clause, match);
    from = value.end;
    const lead: string = listed ? gap.replace(/^\s*[、和及与]/, '') : clause.slice(0, match.index);
    const read: Reading | null = i > 0 && !listed ? null : readValue(clause, value, matches[i + 1], lead, listed ? previous : null, ctx);
    previous = read?.previous ?? null;
    if (read === null) continue;
    from = read.end;
    if (read.draft !== null) drafts.push(read.draft);
  }
  return drafts;
}

/**
 * 保持零就业家庭动态为零, 实现…动态清零: a count brought to zero, one target per listed subject
 * (A和B动态为零), value 0 with no unit. Read after a verb of effort (保持, 实现, 确保, 力争) or where
 * the clause is under a goal heading or names its period.
 */
function readZero(clause: string, ctx: ClauseContext): Draft[] {
  const m = /^(.*?)(?:动态)?(?:为零|清零|归零)$/.exec(removePeriods(clause).trim().replace(SCOPE, ''));
  if (m === null) return [];
  const words: string[] = [];
  const own = (m[1] ?? '').replace(/^保持/, (w) => (words.push(w), ''));
  const subject = stripLeading(own, words);
  if (words.length === 0 && !ctx.goalSection && !ctx.periodStated) return [];
  const subjects = subject.split(/[、和]/).map((x) => x.trim());
  if (!subjects.every(isIndicator)) return [];
  const zero: Value = { match: { quantity: { value: 0, max: null, unit: null, text: '零' }, index: 0, length: 0 }, start: 0, end: 0, qualifier: null, rest: '' };
  return subjects.map((x) => draft(ctx, x, zero, '='));
}

function valueAt(clause: string, match: QuantityMatch): Value {
  const end = match.index + match.length;
  const qualifier = QUALIFIER.exec(clause.slice(end))?.[0] ?? null;
  const after = end + (qualifier?.length ?? 0);
  return { match, start: match.index, end: after, qualifier, rest: clause.slice(after) };
}

function readValue(
  clause: string,
  value: Value,
  next: QuantityMatch | undefined,
  lead: string,
  previous: Previous | null,
  ctx: ClauseContext,
): Reading | null {
  const { quantity } = value.match;
  const before = clause.slice(0, value.start);
  if (quantity.unit === null || /的$|(?:按照|按|以|依照|依据)(?:不少于|不低于|不超过)?$/.test(before)) return null;
  const rest = value.rest.replace(/^\s*[(（][^()（）]*[)）]/, '');
  if (rest.trim() === '' || (next !== undefined && LIST_SEPARATOR.test(rest.trim().charAt(0)))) {
    return readValueAtEnd(value, lead, previous, ctx);
  }
  // 电价减负10%的目标: a value the text itself calls a goal (目标, 指标) is one, bounded or not.
  if (/^的(?:工作)?(?:目标|指标)/.test(rest)) {
    const reading = readValueAtEnd(value, lead, previous, { ...ctx, goalSection: true });
    if (reading.draft !== null) NAMED_GOALS.add(reading.draft);
    return reading;
  }
  // 给予300元的就业创业服务补贴: the amount of a grant, which is a benefit, not a goal.
  if (rest.startsWith('的')) return null;
  if (isCountUnit(quantity.unit) && /^\p{Script=Han}/u.test(rest)) return readObject(clause, value, next, lead, previous, ctx);
  return null;
}

/** 城镇登记失业率控制在4%以内: the indicator before, the bound from the words and the qualifier. */
function readValueAtEnd(value: Value, lead: string, previous: Previous | null, ctx: ClauseContext): Reading {
  const { indicator, words: own } = indicatorOf(lead);
  const words = previous?.form === 'end' ? [...previous.words, ...own] : own;
  const comparator = comparatorOf(words, value.qualifier);
  const licensed =
    previous?.form === 'end' ? previous.licensed : ctx.goalSection || ctx.periodStated || comparator !== null || words.includes('确保');
  if (!licensed || !isIndicator(indicator)) return { draft: null, previous: null, end: value.end };
  return { draft: draft(ctx, indicator, value, comparator), previous: { form: 'end', words, verb: '', licensed }, end: value.end };
}

/**
 * 开发5000个基层公益性岗位: the value counts the noun after it, and the verb before it must say so.
 * A counted object keeps the verb and the words before it that say where or by whom (在县一级培育
 * 20个…窗口), when they still make a plausible indicator. A listed value continues the previous one's verb.
 */
function readObject(clause: string, value: Value, next: QuantityMatch | undefined, lead: string, previous: Previous | null, ctx: ClauseContext): Reading {
  const { rest, words } = trailingWords(removePeriods(lead));
  const noun = nounAfter(clause, value.end, next);
  const end = value.end + noun.length;
  const verb = previous?.form === 'count' && rest === '' ? previous.verb : verbPhrase(rest);
  if (verb === null) return { draft: null, previous: null, end };
  const indicator = `${verb}${noun}`;
  const reading: Previous = { form: 'count', words, verb, licensed: true };
  if (!isIndicator(noun) || !isIndicator(indicator)) return { draft: null, previous: reading, end };
  return { draft: draft(ctx, indicator, value, comparatorOf(words, value.qualifier)), previous: reading, end };
}

/** The counting verb ending `text`, with what stands before it, or null. */
function verbPhrase(text: string): string | null {
  const verb = COUNTING_VERBS.find((v) => text.endsWith(v));
  if (verb === undefined) return null;
  const before = stripLeading(text.slice(0, -verb.length).replace(SCOPE, ''), []);
  return before !== '' && isIndicator(`${before}${verb}`) ? `${before}${verb}` : verb;
}

/** The noun a value counts: up to the separator before the next listed value, else to the clause's end. */
function nounAfter(clause: string, start: number, next: QuantityMatch | undefined): string {
  if (next !== undefined) {
    const between = clause.slice(start, next.index);
    const listed = /^(.*)[、和及与]\s*$/.exec(between);
    if (listed) return listed[1] ?? '';
  }
  return clause.slice(start).trim();
}

/**
 * 额度由10万元提高到15万元: the last two values of the clause joined by a change verb. Values in
 * different magnitudes of one unit (由8000元提高到1万元) are both given in the base unit.
 */
function readChange(clause: string, matches: readonly QuantityMatch[], ctx: ClauseContext): Draft | null {
  const to = matches.at(-1);
  const from = matches.at(-2);
  if (to === undefined || from === undefined || from.quantity.max !== null || to.quantity.max !== null) return null;
  const head = /^(.*)[由从]$/.exec(clause.slice(0, from.index));
  const verb = clause.slice(from.index + from.length, to.index);
  const value = valueAt(clause, to);
  if (head === null || !CHANGE.test(verb) || value.rest.trim() !== '') return null;
  const { indicator } = indicatorOf(head[1] ?? '');
  const printed = from.quantity.unit === to.quantity.unit;
  const start = inBaseUnit(from.quantity.value, from.quantity.unit);
  const end = inBaseUnit(to.quantity.value, to.quantity.unit);
  if (to.quantity.unit === null || !isIndicator(indicator) || (!printed && (start.unit === null || start.unit !== end.unit))) return null;
  const target = draft(ctx, indicator, value, comparatorOf([], value.qualifier) ?? '=');
  return printed ? { ...target, from: from.quantity.value } : { ...target, from: start.value, value: end.value, unit: end.unit };
}

/**
 * 企业职工基本养老、…和生育保险参保人数分别达到1718万人、…和1215万人: one value per listed subject.
 * Parallel subjects are written alike, so the text the last subject adds to its parallel part
 * (保险参保人数) is shared by all of them. A trailing qualifier (80%和70%以上) holds for every value.
 */
function readDistributive(clause: string, matches: readonly QuantityMatch[], ctx: ClauseContext, warn: Warn): Draft[] | null {
  const first = matches[0];
  if (matches.length < 2 || first === undefined) return null;
  const head = /^(.*)分别(.*)$/.exec(clause.slice(0, first.index));
  if (head === null) return null;
  const values = matches.map((m) => valueAt(clause, m));
  const joined = values.every((v, i) => {
    const following = values[i + 1];
    const between = following === undefined ? v.rest.trim() : clause.slice(v.end, following.start).trim();
    return following === undefined ? between === '' : /^[、和及与]$/.test(between);
  });
  if (!joined) return null;
  const { indicator: subject } = indicatorOf(head[1] ?? '');
  const subjects = subject.split(/[、和及与]/).filter((s) => s !== '');
  if (subjects.length < 2) return null;
  if (subjects.length !== values.length) {
    warn('target-distributive-mismatch', `${subjects.length} subjects for ${values.length} values in “${clause}”; no target read`);
    return [];
  }
  const { words } = trailingWords(head[2] ?? '');
  const shared = values.at(-1)?.qualifier ?? null;
  const indicators = withSharedTail(subjects);
  return values.map((v, i) => draft(ctx, indicators[i] ?? '', v, comparatorOf(words, v.qualifier ?? shared)));
}

function withSharedTail(subjects: readonly string[]): string[] {
  const last = subjects.at(-1) ?? '';
  const parallel = subjects.at(-2) ?? '';
  if (last.length <= parallel.length) return [...subjects];
  const candidates = [0, -1, 1, -2, 2].map((d) => parallel.length + d).filter((k) => k >= 1 && k < last.length);
  const cut = candidates.find((k) => last.charAt(k - 1) === parallel.charAt(parallel.length - 1)) ?? Math.min(parallel.length, last.length - 1);
  const tail = last.slice(cut);
  return subjects.map((s, i) => (i === subjects.length - 1 ? s : `${s}${tail}`));
}

function draft(ctx: ClauseContext, indicator: string, value: Value, comparator: Comparator | null): Draft {
  const { quantity } = value.match;
  return {
    indicator,
    value: quantity.value,
    max: quantity.max,
    unit: quantity.unit,
    comparator,
    from: null,
    deadline: ctx.period,
    scope: ctx.scope,
    achieved: null,
    status: null,
    attribute: null,
  };
}

// ——— Indicators and bounds ———

/**
 * What a value measures, from the text before it: periods and the opening scope removed, words of
 * effort in front (确保, 力争, 完成) and bounding words at the end (控制在, 不低于, 分别达到) stripped and
 * returned, and a doer before 组织 / 开展 / 完成 dropped (机构每年组织招聘会 → 招聘会).
 */
function indicatorOf(lead: string): { indicator: string; words: string[] } {
  let text = removePeriods(lead).trim().replace(SCOPE, '');
  const words: string[] = [];
  text = stripLeading(text, words);
  const trailing = trailingWords(text);
  text = trailing.rest;
  words.push(...trailing.words);
  const doer = Math.max(...DOER_VERBS.map((v) => (text.lastIndexOf(v) > 0 ? text.lastIndexOf(v) : -1)));
  if (doer > 0) {
    const verb = DOER_VERBS.find((v) => text.startsWith(v, doer)) ?? '';
    words.push(verb);
    text = stripLeading(text.slice(doer + verb.length), words);
  }
  return { indicator: text.trim(), words };
}

function stripLeading(text: string, words: string[]): string {
  for (let changed = true; changed; ) {
    const trimmed = text.replace(/^[\s,，、:：]+/, '');
    const word = LEADING_WORDS.find((w) => trimmed.startsWith(w));
    changed = word !== undefined || trimmed !== text;
    if (word !== undefined) words.push(word);
    text = word === undefined ? trimmed : trimmed.slice(word.length);
  }
  return text;
}

function trailingWords(text: string): { rest: string; words: string[] } {
  const words: string[] = [];
  let rest = text.trim();
  for (let word = endingWord(rest); word !== undefined; word = endingWord(rest)) {
    words.unshift(word);
    rest = rest.slice(0, -word.length).trim();
  }
  return { rest, words };
}

function endingWord(text: string): string | undefined {
  return BOUND_WORDS_LONGEST_FIRST.find((w) => text.endsWith(w));
}

function comparatorOf(words: readonly string[], qualifier: string | null): Comparator | null {
  if (qualifier !== null) return QUALIFIERS[qualifier] ?? null;
  const bounds: [Comparator, readonly string[]][] = [['≥', AT_LEAST], ['≤', AT_MOST], ['≈', ABOUT], ['=', REACH]];
  return bounds.find(([, list]) => words.some((w) => list.includes(w)))?.[0] ?? null;
}

/** A plausible indicator: a short Han phrase, not a condition, a basis or a per-unit phrase. */
function isIndicator(text: string): boolean {
  return (
    text.length >= 2 &&
    text.length <= 40 &&
    /\p{Script=Han}/u.test(text) &&
    !/\d/.test(text) &&
    !/^[每对按以凡]/.test(text) &&
    !/的$/.test(text)
  );
}

// ——— Indicator tables ———

type IndicatorColumns = { indicator: string; target: string; unit?: string; achieved?: string; attribute?: string };

/** A table with an indicator column (指标, 指标名称) and a target column (“十二五”目标); null for other tables. */
function indicatorColumns(table: Table): IndicatorColumns | null {
  const find = (test: RegExp) => table.columns.find((c) => test.test(c));
  const indicator = table.columns.find((c) => /指标/.test(c) && !/目标/.test(c));
  const target = find(/目标/);
  if (indicator === undefined || target === undefined) return null;
  const unit = find(/^单位$/);
  const achieved = find(/完成|实际/);
  const attribute = find(/属性/);
  return {
    indicator,
    target,
    ...(unit === undefined ? {} : { unit }),
    ...(achieved === undefined ? {} : { achieved }),
    ...(attribute === undefined ? {} : { attribute }),
  };
}

/**
 * One row of an indicator table: the indicator cell names it, the target cell gives value, bound and
 * period (the period in the column header where the cell names none), the achieved cell what was
 * done. A target written as text (控制在市政府下达的指标数以内) is kept with value null.
 */
function readIndicatorRow(row: Row, columns: IndicatorColumns): Draft | null {
  const cell = (column: string | undefined) => (column === undefined ? '' : (row.cells.find((c) => c.column === column)?.value.trim() ?? ''));
  const indicator = cell(columns.indicator);
  if (indicator === '') return null;
  const text = cell(columns.target);
  const match = firstValue(text);
  const value = match === null ? null : valueAt(text, match);
  const comparator =
    value === null ? comparatorIn(text) : comparatorOf(indicatorOf(text.slice(0, value.start)).words, value.qualifier);
  const unit = match?.quantity.unit ?? (cell(columns.unit) || null);
  const headerPeriod = columns.target.match(PLAN_PERIOD)?.[0] ?? null;
  const target: Draft = {
    indicator,
    value: match?.quantity.value ?? null,
    max: match?.quantity.max ?? null,
    unit,
    comparator,
    from: null,
    deadline: firstPeriod(text) ?? headerPeriod,
    scope: null,
    achieved: null,
    status: null,
    attribute: /^(约束性|预期性)$/.test(cell(columns.attribute)) ? (cell(columns.attribute) as '约束性' | '预期性') : null,
  };
  if (columns.achieved === undefined) return target;
  const done = cell(columns.achieved);
  const achievedMatch = firstValue(done);
  const achieved = done === '' ? null : { value: achievedMatch?.quantity.value ?? null, unit: achievedMatch?.quantity.unit ?? null, text: done };
  return { ...target, achieved, status: statusOf(target, achieved, fiveYearPlan(columns.target) ? 5 : null) };
}

/** The first value of a cell outside brackets (年均完成48037个 (合计240184个) → 48037个). */
function firstValue(text: string): QuantityMatch | null {
  return findQuantities(withoutNumberedAsides(text))[0] ?? null;
}

/** The bound of a target written as text (不低于市政府下达指标数); reaching words say nothing without a value. */
function comparatorIn(text: string): Comparator | null {
  const qualifier = /及以上|以上|以内|以下|左右/.exec(text)?.[0] ?? null;
  const words = [...AT_LEAST, ...AT_MOST, ...ABOUT].filter((w) => text.includes(w));
  return comparatorOf(words, qualifier);
}

function fiveYearPlan(header: string): boolean {
  return /十[一二三四五六七八九]?五/.test(header);
}

/**
 * Met when the achieved value satisfies the target's bound (a target with no bound or 达到 is met by
 * reaching it; 左右 gives no tolerance, so unknown). A yearly target against a total for the plan
 * period is compared with the yearly value times the period's years, when the period is known.
 */
function statusOf(target: Draft, achieved: Target['achieved'], periodYears: number | null): Target['status'] {
  if (achieved === null || achieved.value === null || target.value === null || target.comparator === '≈') return 'unknown';
  const goal = inBaseUnit(target.value, target.unit);
  const done = inBaseUnit(achieved.value, achieved.unit ?? target.unit);
  if (goal.unit !== done.unit) return 'unknown';
  let bound = goal.value;
  if (target.deadline === '每年' && !/每年|年均/.test(achieved.text)) {
    if (periodYears === null || target.comparator === '≤') return 'unknown';
    bound *= periodYears;
  }
  const met = target.comparator === '≤' ? done.value <= bound : done.value >= bound;
  return met ? 'met' : 'not-met';
}
