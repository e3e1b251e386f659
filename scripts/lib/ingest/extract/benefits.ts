import type { BenefitTerm, BenefitTerms } from '#schemas/benefit-terms.ts';
import type { Document } from '#schemas/document.ts';
import type { BeneficiaryGroupMention, Benefit, BenefitFigure, BenefitKind, DepartmentMention, SourceRef } from '#schemas/entities.ts';
import type { Provision } from '#schemas/structure.ts';
import { findQuantities, isCountUnit, type QuantityMatch } from './quantity.ts';
import { documentYear, provisionChains, reviewUnits } from './targets.ts';
import { isFraming, leadIn, sentences, textUnits, type TextUnit } from './units.ts';

/**
 * Benefits: what a clause gives and to whom. A benefit is found by a word of the reviewed vocabulary
 * (content/benefit-terms.json) that heads what the sentence grants: 补贴 in 给予1000元/人的一次性岗位补贴,
 * 贷款 in 创业担保贷款, 失业保险金. Then, from the same sentence, its figures (amount, duration,
 * limits, read with `findQuantities`), the conditions it is granted on, the groups it serves (from
 * `doc.extracted.groups`) and the department that delivers it (from `doc.extracted.departments`).
 *
 * A word does not grant when:
 * - it modifies the word after it (培训 in 培训补贴, 贷款 in 贷款贴息), or a noun that names something else
 *   (培训机构, 补贴资金: the vocabulary's `compoundHeads`), or stands in a phrase that names no benefit
 *   (社会救助 as a system: `notBenefits`), a cited title or a quoted programme name (“双百资助工程”);
 * - it is a common word (服务, 培训) that its clause does not offer (优化服务流程);
 * - it names what a subsidy pays for (职业介绍、职业培训的补贴 is one 补贴);
 * - it is the basis of a calculation (返还标准按6个月的失业保险金确定);
 * - it stands in the condition (参加职业技能培训的，给予职业培训补贴 grants the 补贴, not training);
 * - its clause withholds it (不享受求职补贴), or its sentence, or the lead-in of its list, punishes
 *   (骗取补贴的，责令退回);
 * - its level is raised by a share (待遇平均提高10%): that is a goal for the level, which targets read;
 * - its section reviews a finished period, like the targets' review sections.
 *
 * Amounts follow the printed figure: a range keeps both ends (value is the lower), 1000元/人 is
 * 1000 元 per 人, 三倍 is 3 with no unit, and where a sentence gives only months (领取期限最长为12个月)
 * the months are the amount. A figure belongs to the nearest benefit word in its clause, else the
 * nearest before it in the sentence (…支付一次性伤残补助金，标准为：一级伤残为27个月的本人工资), and a
 * sentence that opens with 标准为 gives the figures of the benefit the sentence before it named.
 * A benefit named again in the same article without a figure is the one already read, not another.
 */


/** A service or training listed before a 补贴 is what the subsidy pays for (职业介绍、职业培训的补贴). */
const PAYING: ReadonlySet<BenefitKind> = new Set(['补贴']);
const PURPOSES: ReadonlySet<BenefitKind> = new Set(['培训', '服务']);
const LIST_SEPARATOR = /^(?:[、和及与或]|以及)/;
const CLAUSE_END = /[，,：:；;。！!？?]/;
/** Words after which a clause names what it grants: a clause with one is a grant, not a condition, and a benefit's name starts after it. */
const GRANT_VERB = /给予|提供|享受|发放|领取|支付|发给|计发|落实|实施|实行|开展|申请|获得|予以|安排|兑现|拨付|采取|通过|用于|加强|推进|完善|组织|参加|接受|按照|依照/;
/**
 * A basis of calculation: 按6个月的失业保险金, 以伤残津贴为基数, 随失业保险金按月发放; not the set
 * phrases 按规定, 按照国家有关规定, 按月.
 */
const BASIS = /(?:按照|按(?!照)|依照|参照|随)(?!规定|有关规定|国家规定|国家有关规定|相关规定|政策|条件|月|年|时|期)|以(?=[^，,；;。]*?为(?:基数|标准|依据))/g;
/** A sentence that gives the figures of the benefit named just before it: 标准为：配偶每月40%…. */
const STANDARD_OPENING = /^(?:其)?(?:具体)?(?:发放|支付|计发)?标准(?:为|是)/;
/** 最高贷款额度为75万元, 不超过800元/月: a cap on the figure, said just before it. */
const AT_MOST = /(?:最高|最多|最长|不超过|不高于|不得超过|上限)[^，,；;。、]{0,6}$/;
/** 最低标准提高到每人每月70元, 不低于240元: a floor (not 最低工资标准的120%, a yardstick named 最低). */
const AT_LEAST = /(?:最低(?!工资|生活保障)|不低于|不少于|不得低于)[^，,；;。、]{0,6}$/;
/** 由800元/人提高至1500元/人: the figure before the change is what it was. */
const CHANGE_FROM = /^(?:提高|提升|增加|调整|扩大|上调|下调|降低)(?:到|至|为)/;
/**
 * 提高10%, 每增加一周岁递减百分之二十: a figure after a verb of change without 到/至 is the size of the
 * change; but 在上述标准的基础上增加10% is what is added to a benefit.
 */
const CHANGE_BY = /(?<!基础上再?)(?:提高|提升|增长|增加|上调|下调|降低|减少|递减|递增)$/;
/** 满1年, 实际在岗12个月, 留用率超过50%, 不足一个月: a threshold to reach, which is a condition, not what is given. */
const THRESHOLD = /(?:满|在岗|工作|就业|缴费|参保|(?<!不)超过|不足|(?<!不)低于|(?<!不)高于|率(?:达到?|为)?)$/;
/** 以缴费基准值60%为基数, 按照一个月计算: the base or a rule of a calculation. */
const CALCULATION_AFTER = /^[^，,；;。]*?(?:为基数|计算)/;
/** 自…之日起六个月内: a deadline for a procedure. */
const DEADLINE = { before: /之日起$/, after: /^内/ };
/** Where a benefit's name cannot reach back past: list marks, 的, brackets, and verbs of plans (积极宣传国家税收优惠政策). */
const NAME_BOUNDARY = /[、和及与或等的（）()“”《》]|宣传|鼓励|支持|推动|强化|加大|做好|继续|进一步|积极/;
/** 本人失业保险金的三倍, 培训补贴标准的50%: a share taken of what stands before. */
const SHARE_OF = /^(?:标准)?的\s*(?:\d|百分之|[一二两三四五六七八九十]+倍)/;
/** 每满一年…一个月: a figure that accrues per period, which the printed cap (最长为二十四个月) supersedes. */
const ACCRUAL = /每满/;
const ACCRUAL_CLAUSE = /^\s*每满(?:[一二两三四五六七八九十半]|\d+)个?(?:年|月)\s*$/;

type Span = { start: number; end: number };
type Head = Span & { term: BenefitTerm; kind: BenefitKind; clause: Span; name: string };
type FigureClass = 'amount' | 'months' | 'years' | 'limit';
type Figure = { figure: BenefitFigure; cls: FigureClass; index: number; accrual: boolean };
type Reading = Omit<Benefit, 'id' | keyof SourceRef | 'groups' | 'department'> & { term: string; accrual: boolean };
type Found = { ref: SourceRef; article: string; reading: Reading };
/** What a sentence is read with: the vocabulary, whether it speaks of social insurance, and its list's lead-in. */
type Context = { terms: readonly BenefitTerm[]; vocabulary: BenefitTerms; insurance: boolean; lead: string };

/** Reads the benefits of every clause. Needs `doc.extracted.groups` and `doc.extracted.departments` filled. */
export function extractBenefits(doc: Document, vocabulary: BenefitTerms): Benefit[] {
  const units = textUnits(doc);
  const chains = provisionChains(doc);
  const review = reviewUnits(units, chains, documentYear(doc));
  const terms = [...vocabulary.terms].sort((a, b) => b.term.length - a.term.length);
  const punishes = (text: string) => [...vocabulary.sanctions, ...vocabulary.oversight].some((c) => text.includes(c.word));
  const found: Found[] = [];
  for (const unit of units) {
    const lead = leadIn(unit, chains);
    // The items of a liability article (…有下列行为之一的，由…责令改正：) punish like their lead-in.
    if (review.has(unit) || isFraming(unit) || punishes(lead)) continue;
    const around = headings(unit, chains);
    const article = chains.get(unit.provision?.id ?? '')?.find((p) => p.kind === 'article')?.id ?? unit.clauseId;
    let previous: Head | null = null;
    for (const sentence of sentences(unit.text)) {
      if (punishes(sentence)) {
        previous = null;
        continue;
      }
      const insurance = vocabulary.insuranceMarkers.some((c) => sentence.includes(c.word) || around.includes(c.word));
      const ref = { documentId: doc.id, clauseId: unit.clauseId, line: unit.line, sentence };
      const read = readSentence(sentence, { terms, vocabulary, insurance, lead }, previous);
      found.push(...read.readings.map((reading) => ({ ref, article, reading })));
      previous = read.last;
    }
  }
  // Indexed by clause once: looking facts up per benefit in the whole document's lists is quadratic in its size.
  const groupsByClause = Map.groupBy(doc.extracted.groups, (g) => g.clauseId);
  const departmentsByClause = Map.groupBy(doc.extracted.departments, (d) => d.clauseId);
  const benefits = once(found).map(({ ref, reading: { term: _term, accrual: _accrual, ...reading } }) => ({
    ...ref,
    ...reading,
    groups: groupsFor(groupsByClause, ref),
    department: departmentFor(departmentsByClause, ref),
  }));
  return numbered(benefits);
}

/**
 * Each benefit once per article: a benefit named again without a figure (失业保险金标准不得低于…
 * after 失业保险金按…百分之九十计发), or again in its sentence, or again with the same figure
 * (每人最高15万元额度 after 最高申请额度…提高到15万元), is the one already read; and a figure that
 * accrues (每满一年…一个月) gives way to the cap the article prints (最长为二十四个月).
 */
function once(found: readonly Found[]): Found[] {
  const key = (f: Found, ...by: unknown[]) => [f.article, f.reading.kind, ...by].join('\u0000');
  const figureKey = (f: Found) => key(f, f.reading.term, f.reading.amount?.value, f.reading.amount?.max, f.reading.amount?.unit, f.reading.amount?.per);
  const figured = new Set(found.filter((f) => f.reading.amount !== null).map((f) => key(f, f.reading.name)));
  const capped = new Set(found.filter((f) => !f.reading.accrual && f.reading.amount?.comparator === '≤').map((f) => key(f, f.reading.term, f.reading.amount?.unit)));
  const seen = new Set<string>();
  const namesInSentence = new Map<string, string[]>();
  return found.filter((f) => {
    const { amount, name, term, accrual } = f.reading;
    if (amount !== null) {
      if ((accrual && capped.has(key(f, term, amount.unit))) || seen.has(figureKey(f))) return false;
      seen.add(figureKey(f));
      return true;
    }
    if (figured.has(key(f, name)) || seen.has(key(f, name))) return false;
    seen.add(key(f, name));
    // 宣传国家税收优惠政策，兑现…税收优惠政策: in one sentence, a name holding another is the same benefit.
    const inSentence = key(f, f.ref.sentence, term);
    const named = namesInSentence.get(inSentence) ?? [];
    namesInSentence.set(inSentence, [...named, name]);
    return !named.some((n) => n.includes(name) || name.includes(n));
  });
}

function numbered(benefits: readonly Omit<Benefit, 'id'>[]): Benefit[] {
  const counts = new Map<string, number>();
  return benefits.map((b) => {
    const n = (counts.get(b.clauseId) ?? 0) + 1;
    counts.set(b.clauseId, n);
    return { id: `${b.documentId}/${b.clauseId}/b${n}`, ...b };
  });
}

/** The titles and texts of the provisions around a unit (第五章 工伤保险待遇, an item's lead-in), which say what scheme it is in. */
function headings(unit: TextUnit, chains: ReadonlyMap<string, readonly Provision[]>): string {
  const chain = unit.provision === null ? [] : (chains.get(unit.provision.id) ?? []);
  return chain
    .filter((p) => p.id !== unit.clauseId)
    .map((p) => `${p.title ?? ''}。${p.text}`)
    .join('。');
}

// ——— Sentences ———

function readSentence(sentence: string, context: Context, previous: Head | null): { readings: Reading[]; last: Head | null } {
  const clauses = clauseSpans(sentence);
  const conditions = conditionClauses(sentence, clauses);
  const own = grantingHeads(sentence, clauses, conditions, context);
  const carried = own.length === 0 && previous !== null && STANDARD_OPENING.test(sentence);
  const heads = carried && previous !== null ? [{ ...previous, start: 0, end: 0, clause: clauses[0] ?? { start: 0, end: 0 } }] : own;
  if (heads.length === 0) return { readings: [], last: null };
  const byHead = new Map<Head, Figure[]>(heads.map((h) => [h, []]));
  for (const f of figuresOf(sentence, clauses, conditions)) {
    const head = nearestHead(sentence, f, heads, clauses);
    if (head !== undefined) byHead.get(head)?.push(f);
  }
  const readings: Reading[] = [];
  for (const head of heads) {
    const figures = byHead.get(head) ?? [];
    // A level raised by a share (待遇平均提高10%) is a goal, not a grant.
    if (figures.length === 0 && (carried || hasChangeBy(sentence, head.clause))) continue;
    const of = (cls: FigureClass) => figures.filter((f) => f.cls === cls);
    const pick = (cls: FigureClass) => of(cls).map((f) => f.figure);
    const base = {
      kind: head.kind,
      name: head.name,
      term: head.term.term,
      limits: pick('limit'),
      conditions: conditionsBefore(sentence, clauses, conditions, heads, head),
    };
    // Beside an amount, months say how long it is paid (最多24个月); the capped figure first.
    const longest = (list: readonly BenefitFigure[]) => list.find((f) => f.comparator === '≤') ?? list[0] ?? null;
    const amounts = of('amount');
    const months = of('months');
    // Months that accrue (每满一年领取三个月) give way to the cap beside them (领取期限最长为十二个月).
    const paid = months.some((f) => !f.accrual && f.figure.comparator === '≤') ? months.filter((f) => !f.accrual) : months;
    if (amounts.length > 0) {
      readings.push(...amounts.map((f) => ({ ...base, amount: f.figure, accrual: f.accrual, duration: longest(pick('months')) ?? longest(pick('years')) })));
    } else if (paid.length > 0) readings.push(...paid.map((f) => ({ ...base, amount: f.figure, accrual: f.accrual, duration: longest(pick('years')) })));
    else readings.push({ ...base, amount: null, accrual: false, duration: longest(pick('years')) });
  }
  return { readings, last: heads.at(-1) ?? null };
}

/** Clauses of a sentence as spans, split at commas, colons and the sentence's end. */
function clauseSpans(sentence: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i < sentence.length; i += 1) {
    if (CLAUSE_END.test(sentence.charAt(i))) {
      spans.push({ start, end: i });
      start = i + 1;
    }
  }
  if (start < sentence.length) spans.push({ start, end: sentence.length });
  return spans;
}

function clauseAt(clauses: readonly Span[], index: number): Span {
  return clauses.find((c) => index >= c.start && index <= c.end) ?? { start: 0, end: 0 };
}

/**
 * Which clauses state a condition: one ending in 的 (对…稳定就业6个月以上的，), and the clauses without
 * a grant verb that lead up to one from the start of the sentence or the condition before
 * (连续工作满1年，…，劳动合同期满未续订的，); after a grant they say more about the grant.
 */
function conditionClauses(sentence: string, clauses: readonly Span[]): Set<Span> {
  const texts = clauses.map((c) => sentence.slice(c.start, c.end).trim());
  const leads = texts.map(() => false);
  let leadsToCondition = false;
  for (let i = texts.length - 1; i >= 0; i -= 1) {
    const text = texts[i] ?? '';
    if (text.endsWith('的')) leadsToCondition = true;
    else if (GRANT_VERB.test(text)) leadsToCondition = false;
    leads[i] = leadsToCondition;
  }
  const conditions = new Set<Span>();
  let afterGrant = false;
  clauses.forEach((clause, i) => {
    const text = texts[i] ?? '';
    if (text.endsWith('的')) {
      conditions.add(clause);
      afterGrant = false;
    } else if (leads[i] === true && !afterGrant) conditions.add(clause);
    else afterGrant = true;
  });
  return conditions;
}

// ——— Benefit words ———

function grantingHeads(sentence: string, clauses: readonly Span[], conditions: ReadonlySet<Span>, context: Context): Head[] {
  const { terms, vocabulary, insurance, lead } = context;
  const names = [
    ...vocabulary.notBenefits.flatMap((c) => spansOf(sentence, c.word)),
    ...[...sentence.matchAll(/《[^《》]*》|“[^“”]*”/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] })),
  ];
  const found: Head[] = [];
  for (let i = 0; i < sentence.length; ) {
    const term = terms.find((t) => sentence.startsWith(t.term, i));
    if (term === undefined) {
      i += 1;
      continue;
    }
    const span = { start: i, end: i + term.term.length };
    const clause = clauseAt(clauses, i);
    const kind = insurance ? (term.inInsurance ?? term.kind) : term.kind;
    found.push({ ...span, term, kind, clause, name: nameOf(sentence, span, clause) });
    i = span.end;
  }
  return found.filter((head, n) => {
    const next = found[n + 1];
    const clause = sentence.slice(head.clause.start, head.clause.end);
    const before = sentence.slice(head.clause.start, head.start);
    // 培训补贴, 贷款贴息, 创业担保贷款最高贷款额度: the last benefit word of a noun phrase heads it.
    if (next !== undefined && (next.start === head.end || (next.kind === head.kind && /^[^、和及与或等的，,；;。：:]{1,4}$/.test(sentence.slice(head.end, next.start)) && !GRANT_VERB.test(sentence.slice(head.end, next.start))))) return false;
    if (vocabulary.compoundHeads.some((c) => sentence.startsWith(c.word, head.end))) return false;
    // A quoted name (“双百资助工程”) is a programme, unless the quote is the word itself (“以奖代投”).
    if (names.some((s) => head.start >= s.start && head.end <= s.end && !('text' in s && s.text === `“${head.term.term}”`))) return false;
    if (head.term.offered === true && !vocabulary.offeringVerbs.some((c) => before.includes(c.word) || lead.includes(c.word))) return false;
    // 标准为本人失业保险金的三倍: a benefit a share is taken of is the basis of another's amount.
    if (found.slice(0, n).some((h) => !conditions.has(h.clause)) && SHARE_OF.test(sentence.slice(head.end))) return false;
    if (PURPOSES.has(head.kind) && found.slice(n + 1).some((later) => PAYING.has(later.kind) && paysFor(sentence.slice(head.end, later.start)))) return false;
    const granted = found.slice(0, n).some((h) => !conditions.has(h.clause));
    if (isBasis(before) || (granted && measuresAnother(before))) return false;
    if (conditions.has(head.clause)) return false;
    return !vocabulary.notGranted.some((c) => clause.includes(c.word));
  });
}

function spansOf(text: string, phrase: string): Span[] {
  const spans: Span[] = [];
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) spans.push({ start: i, end: i + phrase.length });
  return spans;
}

/** The text between a service and a subsidy that makes the service what the subsidy pays for: 、职业培训的 / 和技能鉴定 / 等的. */
function paysFor(between: string): boolean {
  if (CLAUSE_END.test(between)) return false;
  return /^(?:等)?的$/.test(between) || LIST_SEPARATOR.test(between);
}

/** True where the words before a benefit word in its clause make it the basis of a calculation (按6个月的…失业保险金). */
function isBasis(before: string): boolean {
  const marker = [...before.matchAll(BASIS)].at(-1);
  return marker !== undefined && !GRANT_VERB.test(before.slice(marker.index + marker[0].length));
}

/**
 * True where a benefit word after another one counts that one's months (生育补助金…，最多不超过六个月的
 * 失业保险金): it measures, it is not granted.
 */
function measuresAnother(before: string): boolean {
  const last = findQuantities(before).at(-1);
  return last !== undefined && last.quantity.unit === '个月' && /^的\s*$/.test(before.slice(last.index + last.length));
}

/** The benefit as the clause names it: the words before the term back to the clause's start, a grant verb, 、 or 的. */
function nameOf(sentence: string, span: Span, clause: Span): string {
  const lead = sentence.slice(clause.start, span.start);
  let from = 0;
  for (const m of lead.matchAll(new RegExp(`${GRANT_VERB.source}|${NAME_BOUNDARY.source}`, 'g'))) from = m.index + m[0].length;
  const words = lead.slice(from).replace(/^[\s对为向由]+/, '');
  const term = sentence.slice(span.start, span.end);
  return words.length + term.length > 20 || findQuantities(words).length > 0 ? term : `${words}${term}`;
}

// ——— Figures ———

/**
 * The figures a sentence gives its benefits, outside its conditions: amounts of money, rates,
 * multiples, months, years, and caps on times or counts.
 */
function figuresOf(sentence: string, clauses: readonly Span[], conditions: ReadonlySet<Span>): Figure[] {
  const figures: Figure[] = [];
  for (const match of findQuantities(sentence)) {
    const clause = clauseAt(clauses, match.index);
    if (conditions.has(clause)) continue;
    const before = sentence.slice(clause.start, match.index);
    const after = sentence.slice(match.index + match.length);
    if (THRESHOLD.test(before) || CHANGE_BY.test(before) || CALCULATION_AFTER.test(after)) continue;
    if (DEADLINE.before.test(before.trimEnd()) && DEADLINE.after.test(after)) continue;
    if ((/[由从]$/.test(before) && CHANGE_FROM.test(after.trimStart())) || /^\s*(?:及以上|以上|以下)/.test(after)) continue;
    const figure = figureOf(match, before);
    const previous = clauses[clauses.indexOf(clause) - 1];
    // Only the listed part the figure stands in accrues: 每满一年发给一个月、最多不超过十二个月.
    const accrual = ACCRUAL.test(before.split('、').at(-1) ?? '') || (previous !== undefined && ACCRUAL_CLAUSE.test(sentence.slice(previous.start, previous.end)));
    if (figure !== null) figures.push({ ...figure, index: match.index, accrual });
  }
  return figures;
}

function figureOf(match: QuantityMatch, before: string): Omit<Figure, 'index' | 'accrual'> | null {
  const { quantity } = match;
  if (quantity.unit === null) return null;
  const [unit = '', per = null] = quantity.unit.split('/');
  const comparator: BenefitFigure['comparator'] = AT_MOST.test(before) ? '≤' : AT_LEAST.test(before) ? '≥' : null;
  const figure = (u: string | null): BenefitFigure => ({ value: quantity.value, max: quantity.max, unit: u, per, comparator, text: quantity.text });
  if (unit.endsWith('元')) return { figure: figure(unit), cls: 'amount' };
  if (unit === '%' || unit === '％') return { figure: figure('%'), cls: 'amount' };
  if (unit === '倍') return { figure: figure(null), cls: 'amount' };
  if (unit === '个月') return { figure: figure(unit), cls: 'months' };
  if (unit === '年') return { figure: figure(unit), cls: 'years' };
  // 累计次数不超过3次, 500元/个(最多不超过3个): a cap on how often or how many.
  if ((unit === '次' || isCountUnit(unit)) && comparator === '≤') return { figure: figure(unit), cls: 'limit' };
  return null;
}

/**
 * The benefit word a figure belongs to: the one it qualifies (500元/个(最多不超过3个)的商标注册补贴),
 * else the nearest in its clause, else the nearest before it, else after it.
 */
function nearestHead(sentence: string, figure: Figure, heads: readonly Head[], clauses: readonly Span[]): Head | undefined {
  const { index } = figure;
  const clause = clauseAt(clauses, index);
  const distance = (h: Head) => Math.min(Math.abs(h.start - index), Math.abs(h.end - index));
  const closest = (list: readonly Head[]) => [...list].sort((a, b) => distance(a) - distance(b))[0];
  const qualified = heads.find((h) => h.start > index && h.clause.start === clause.start && /^[^、和及与或，,；;]*的/.test(sentence.slice(index, h.start)));
  return (
    qualified ??
    closest(heads.filter((h) => h.clause.start === clause.start)) ??
    closest(heads.filter((h) => h.end <= index)) ??
    closest(heads)
  );
}

function hasChangeBy(sentence: string, clause: Span): boolean {
  const text = sentence.slice(clause.start, clause.end);
  return findQuantities(text).some((q) => CHANGE_BY.test(text.slice(0, q.index)));
}

// ——— What is said around a benefit ———

/** The condition clauses before a benefit and after the benefit before it, as printed. */
function conditionsBefore(sentence: string, clauses: readonly Span[], conditions: ReadonlySet<Span>, heads: readonly Head[], head: Head): string[] {
  const previous = heads.filter((h) => h.clause.end < head.clause.start).at(-1);
  return clauses
    .filter((c) => conditions.has(c) && c.start < head.clause.start && (previous === undefined || c.start > previous.clause.end))
    .map((c) => sentence.slice(c.start, c.end).trim())
    .filter((c) => c !== '');
}

/** The groups the sentence names, else those of its clause, else of the clauses around it (an item's article). */
function groupsFor(byClause: ReadonlyMap<string, readonly BeneficiaryGroupMention[]>, ref: SourceRef): string[] {
  const inSentence = (byClause.get(ref.clauseId) ?? []).filter((g) => g.sentence === ref.sentence);
  const found = inSentence.length > 0 ? inSentence : nearestClause(byClause, ref.clauseId);
  return [...new Set(found.map((g) => g.groupId))];
}

/** The department that delivers a benefit: the strongest role in its sentence, else in its clause or the clauses around it. */
function departmentFor(byClause: ReadonlyMap<string, readonly DepartmentMention[]>, ref: SourceRef): Benefit['department'] {
  const inSentence = (byClause.get(ref.clauseId) ?? []).filter((d) => d.sentence === ref.sentence);
  const candidates = inSentence.length > 0 ? inSentence : nearestClause(byClause, ref.clauseId);
  const rank = { lead: 0, support: 1, mentioned: 2 } as const;
  const best = [...candidates].sort((a, b) => rank[a.role] - rank[b.role])[0];
  return best === undefined ? null : { departmentId: best.departmentId, name: best.name, role: best.role };
}

/** The facts of the clause, or of the nearest enclosing clause that has any (art-38.1.2 → art-38.1 → art-38). */
function nearestClause<T>(byClause: ReadonlyMap<string, readonly T[]>, clauseId: string): readonly T[] {
  for (let id = clauseId; id !== ''; id = id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : '') {
    const here = byClause.get(id);
    if (here !== undefined && here.length > 0) return here;
  }
  return [];
}
