import type { Diagnostic } from '#schemas/diagnostic.ts';
import type { Document } from '#schemas/document.ts';
import { abbreviate, isLevelPrefix } from '#core/department-registry.ts';
import type { Department, DepartmentMention } from '#schemas/entities.ts';
import { blocksOf } from '#core/document-tree.ts';
import type { ParagraphRole } from '#schemas/structure.ts';
import { sentences, textUnits, type TextUnit } from './units.ts';

type Role = DepartmentMention['role'];

/** The jurisdiction of central government departments, searched from every document. */
const NATIONAL = '国家';

/** Paragraphs that name organs without assigning them anything: the issuer's signature, the addressees, the title. */
const NON_CONTENT_ROLES: ReadonlySet<ParagraphRole> = new Set(['title', 'doc-number', 'addressee', 'signature', 'date', 'toc']);

const HAN = String.raw`\u4e00-\u9fff`;

/** （责任单位：A、B等。列第一位者为牵头单位，下同） */
const DUTY_LIST = /[（(](?:责任单位|责任部门)[:：]([^（）()]*)[）)]/g;
/** （A、B负责） or （A牵头负责） */
const CHARGE_LIST = /[（(]([^（）()]+?)(牵头)?负责[）)]/g;
const LIST_ITEM_SEPARATOR = /[、，,；;]/;
const LEAD_FIRST_RULE = /列第一位(?:者)?为牵头(?:单位|部门)/;
const RULE_CARRIES_ON = /下同/;

/** A level qualifier in front of a generic department name: 各级财政部门, 县(区)人力资源社会保障部门, 市财政部门. */
const QUALIFIER = String.raw`各级|各地|当地|各县[(（]区[)）]|县[(（]区[)）]|各县市区|县市区|(?<![${HAN}])[省市区县]`;
/**
 * A named organ the registry may not know: a level prefix, a few Han characters, an organ ending (局, 厅, 委 …).
 * Collectives (省各委办厅局, 市有关部门, 市直单位) are not names.
 */
const ORGAN_LIKE = new RegExp(
  // Starts a word (本市就业局势 and 社区服务大厅 do not) …
  String.raw`(?<=^|[^${HAN}]|[由和与及向在对经照将同受])` +
    String.raw`[省市区县](?!各|有关|相关|直)[${HAN}]{1,10}?(?:委员会|办公室|办公厅|局|厅|委|办)` +
    // … and ends one.
    String.raw`(?=$|[^${HAN}]|[要应和与及的等牵会负统指在将对])`,
  'g',
);
const WHOLE_ORGAN_LIKE = new RegExp(`^${ORGAN_LIKE.source}$`);

const CLAUSE_BREAK = /[，,。；;：:！!？?]/;
/** Words joining names into one group that shares a predicate: 市政府督查室和市人力资源社会保障局要… */
const GROUP_JOINER = /^(?:、|和|及|与|以及)$/;
/** What may stand before a subject in its clause: 由市统计局牵头. */
const SUBJECT_OPENER = /^(?:同时|并|由|另外)?$/;
const LEAD_PREDICATE = /牵头|会同|负总责|负责(?!人)|主导/;
const SUPPORT_PREDICATE = /配合|协助|协同|参与/;
const ROLE_RANK: Readonly<Record<Role, number>> = { lead: 2, support: 1, mentioned: 0 };

// ---------------------------------------------------------------- resolution

type Resolver = {
  /** Every way the document can name a registry entry: names, aliases and their level abbreviations. */
  forms: ReadonlyMap<string, Department>;
  /** Finds those forms in running text, longest first. */
  formPattern: RegExp | null;
  /** Finds generic names: 财政部门, 各级财政部门, 发展改革、财政等相关部门. */
  genericPattern: RegExp | null;
  resolve: (name: string) => Department | null;
};

/** The document's government, then the governments it belongs to, innermost first, then the central government. */
function jurisdictionChain(doc: Document): string[] {
  const { name, within } = doc.meta.region;
  return [name, ...[...within].reverse(), NATIONAL];
}

/** Which government of the chain a level prefix refers to: 市 in a 徐汇区 document is 上海市. */
function jurisdictionAtLevel(chain: readonly string[], level: string): string | null {
  return chain.find((j) => j !== NATIONAL && j.endsWith(level)) ?? null;
}

function surfaceForms(chain: readonly string[], registry: readonly Department[]): Map<string, Department> {
  const forms = new Map<string, Department>();
  const add = (form: string, d: Department) => {
    if (!forms.has(form)) forms.set(form, d);
  };
  for (const j of chain) {
    const level = j.at(-1) ?? '';
    const abbreviable = jurisdictionAtLevel(chain, level) === j;
    for (const d of registry.filter((d) => d.jurisdiction === j)) {
      for (const form of [d.name, ...d.aliases]) {
        add(form, d);
        const short = abbreviable ? abbreviate(form, j) : null;
        if (short !== null) add(short, d);
      }
    }
  }
  return forms;
}

/** Function words as printed in generic names: the functions themselves and the stems of aliases like 编制部门. */
function functionWords(registry: readonly Department[]): string[] {
  const words = new Set<string>();
  for (const d of registry.filter((d) => d.kind === 'department')) {
    words.add(d.function);
    for (const alias of d.aliases) if (alias.endsWith('部门') && alias.length > 2) words.add(alias.slice(0, -2));
  }
  return [...words].sort((a, b) => b.length - a.length);
}

/** 人力资源社会保障 also matches 人力资源和社会保障. */
function flexiblePattern(word: string): string {
  return [...word].map(escapeRegExp).join('和?');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function makeResolver(doc: Document, registry: readonly Department[]): Resolver {
  const chain = jurisdictionChain(doc);
  const forms = surfaceForms(chain, registry);
  const words = functionWords(registry);
  const wordPattern = words.map(flexiblePattern).join('|');
  const genericName = words.length === 0 ? null : new RegExp(`^(${QUALIFIER})?(${wordPattern})(?:相关|有关)?部门$`);
  const bareWord = words.length === 0 ? null : new RegExp(`^(?:${wordPattern})$`);

  const byFunction = (word: string, qualifier: string | undefined): Department | null => {
    const jurisdiction = qualifier !== undefined && isLevelPrefix(qualifier) ? jurisdictionAtLevel(chain, qualifier) : doc.meta.region.name;
    const fn = word.replace(/和/g, '');
    return (
      registry.find((d) => d.kind === 'department' && d.jurisdiction === jurisdiction && d.function.replace(/和/g, '') === fn) ??
      forms.get(`${word}部门`) ??
      null
    );
  };
  const resolve = (name: string): Department | null => {
    const known = forms.get(name);
    if (known !== undefined) return known;
    const generic = genericName?.exec(name);
    if (generic?.[2] !== undefined) return byFunction(generic[2], generic[1]);
    return bareWord?.test(name) === true ? byFunction(name, undefined) : null;
  };

  const sortedForms = [...forms.keys()].sort((a, b) => b.length - a.length);
  return {
    forms,
    formPattern: sortedForms.length === 0 ? null : new RegExp(sortedForms.map(escapeRegExp).join('|'), 'g'),
    genericPattern:
      words.length === 0
        ? null
        : new RegExp(`(${QUALIFIER})?(${wordPattern})((?:、[${HAN}]{2,8}?)*)(等)?(?:相关|有关)?部门`, 'g'),
    resolve,
  };
}

// ---------------------------------------------------------------- extraction

type Found = { name: string; department: Department | null };
/** A stretch of text naming one or more departments (a generic enumeration names several). */
type Span = { start: number; end: number; items: Found[] };

/** Departments named in a document: 责任单位 and 负责 lists with their lead, and departments named in the running text. */
export function extractDepartments(
  doc: Document,
  registry: readonly Department[],
): { mentions: DepartmentMention[]; diagnostics: Diagnostic[] } {
  const resolver = makeResolver(doc, registry);
  const diagnostics: Diagnostic[] = [];
  const found: DepartmentMention[] = [];
  const skipLines = nonContentLines(doc);
  const rule = { inForce: false };

  const unknown = (name: string, unit: TextUnit) =>
    diagnostics.push({
      level: 'warning',
      code: 'department-unknown',
      message: `"${name}" in ${unit.clauseId} is not in the department registry`,
      file: doc.sourceFile,
      line: unit.line,
    });

  for (const unit of textUnits(doc)) {
    if (skipLines.has(unit.line) || isSignature(unit.text, resolver)) continue;
    const local: { at: number; mention: DepartmentMention }[] = [];
    const lists = explicitLists(unit.text, resolver);
    for (const list of lists) {
      const leadFirst = list.states || rule.inForce || list.items.length === 1;
      if (list.carries) rule.inForce = true;
      if (!leadFirst)
        diagnostics.push({
          level: 'warning',
          code: 'department-lead-unstated',
          message: `the list in ${unit.clauseId} does not say which unit leads; all are recorded as support`,
          file: doc.sourceFile,
          line: unit.line,
        });
      list.items.forEach((item, i) => {
        if (item.department === null) unknown(item.name, unit);
        const role: Role = leadFirst && i === 0 ? 'lead' : 'support';
        local.push({ at: list.start, mention: mention(doc, unit, list.sentence, item, role, false) });
      });
    }
    const scanned = maskRanges(maskTitles(unit.text), lists);
    for (const group of groups(findSpans(scanned, resolver), scanned)) {
      const role = implicitRole(scanned, group);
      for (const span of group.spans)
        for (const item of span.items) {
          if (item.department === null) unknown(item.name, unit);
          local.push({ at: span.start, mention: mention(doc, unit, sentenceAt(unit.text, span.start), item, role, true) });
        }
    }
    // Stable sort: items of one list or one enumeration keep their printed order.
    found.push(...local.sort((a, b) => a.at - b.at).map((l) => l.mention));
  }
  return { mentions: onePerClause(found), diagnostics };
}

function mention(doc: Document, unit: TextUnit, sentence: string, item: Found, role: Role, inferred: boolean): DepartmentMention {
  return {
    documentId: doc.id,
    clauseId: unit.clauseId,
    line: unit.line,
    sentence,
    departmentId: item.department?.id ?? null,
    name: item.name,
    role,
    inferred,
  };
}

/** Lines of paragraphs that only frame the document (title, addressees, signature). */
function nonContentLines(doc: Document): Set<number> {
  const lines = new Set<number>();
  for (const { block: b } of blocksOf(doc)) if (b.type === 'paragraph' && b.role !== undefined && NON_CONTENT_ROLES.has(b.role)) lines.add(b.line);
  return lines;
}

/** A line that is nothing but an organ's name signs the document, even where the parser kept it inside a clause. */
function isSignature(text: string, resolver: Resolver): boolean {
  const name = text.trim();
  return resolver.forms.has(name) || WHOLE_ORGAN_LIKE.test(name);
}

// ---------------------------------------------------------------- explicit lists

type ExplicitList = {
  start: number;
  end: number;
  /** The sentence reported with the list's mentions. */
  sentence: string;
  items: Found[];
  /** The list says its first unit leads. */
  states: boolean;
  /** …and that this holds for the lists after it (下同). */
  carries: boolean;
};

function explicitLists(text: string, resolver: Resolver): ExplicitList[] {
  const lists: ExplicitList[] = [];
  for (const m of text.matchAll(DUTY_LIST)) {
    const [names = '', ...rest] = (m[1] ?? '').split(/[。；;]/);
    const ruleText = rest.join('');
    lists.push({
      start: m.index,
      end: m.index + m[0].length,
      sentence: m[0],
      items: listItems(names, resolver),
      states: LEAD_FIRST_RULE.test(ruleText),
      carries: LEAD_FIRST_RULE.test(ruleText) && RULE_CARRIES_ON.test(ruleText),
    });
  }
  for (const m of text.matchAll(CHARGE_LIST)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (lists.some((l) => overlaps(l, span))) continue;
    const items = listItems(m[1] ?? '', resolver);
    // 负责 closes many parentheticals; only a list of organ names is a 负责 list.
    if (items.length === 0 || !items.every((item) => item.department !== null || WHOLE_ORGAN_LIKE.test(item.name))) continue;
    // The parenthetical assigns the sentence it closes, so that sentence is reported.
    const sentence = sentenceAt(text, m.index);
    lists.push({ ...span, sentence, items, states: m[2] !== undefined, carries: false });
  }
  return lists.sort((a, b) => a.start - b.start);
}

function listItems(names: string, resolver: Resolver): Found[] {
  return names
    .split(LIST_ITEM_SEPARATOR)
    .map((s) => s.trim().replace(/等$/, ''))
    .filter((s) => s !== '')
    .map((name) => ({ name, department: resolver.resolve(name) }));
}

// ---------------------------------------------------------------- running text

/** A title in 《》 names its issuer without giving it a part in the clause. */
function maskTitles(text: string): string {
  return text.replace(/《[^《》]*》/g, (m) => '□'.repeat(m.length));
}

function maskRanges(text: string, ranges: readonly { start: number; end: number }[]): string {
  let masked = text;
  for (const r of ranges) masked = masked.slice(0, r.start) + '□'.repeat(r.end - r.start) + masked.slice(r.end);
  return masked;
}

/** Registry names, generic names (财政部门, 发展改革、财政等相关部门) and unknown organ-like names, without overlaps. */
function findSpans(text: string, resolver: Resolver): Span[] {
  const candidates: Span[] = [];
  if (resolver.formPattern !== null)
    for (const m of text.matchAll(resolver.formPattern))
      candidates.push({
        start: m.index,
        end: m.index + m[0].length,
        items: [{ name: m[0], department: resolver.forms.get(m[0]) ?? null }],
      });
  if (resolver.genericPattern !== null)
    for (const m of text.matchAll(resolver.genericPattern)) candidates.push(genericSpan(m, resolver));
  const known = takeNonOverlapping(candidates);
  const unknown = [...text.matchAll(ORGAN_LIKE)]
    .map((m) => ({ start: m.index, end: m.index + m[0].length, items: [{ name: m[0], department: resolver.resolve(m[0]) }] }))
    .filter((u) => !known.some((k) => overlaps(k, u)));
  return [...known, ...unknown].sort((a, b) => a.start - b.start);
}

/** One generic name (各级财政部门) keeps its qualifier and 部门; an enumeration (发展改革、财政等相关部门) names each function. */
function genericSpan(m: RegExpExecArray, resolver: Resolver): Span {
  const start = m.index;
  const [whole, qualifier = '', first = '', more = ''] = m;
  const words = [first, ...more.split('、').filter((w) => w !== '')];
  const items =
    words.length === 1
      ? [{ name: whole, department: resolver.resolve(`${qualifier}${first}部门`) }]
      : words.map((w, i) => {
          const name = i === 0 ? qualifier + w : w;
          return { name, department: resolver.resolve(`${name}部门`) };
        });
  return { start, end: start + whole.length, items };
}

function takeNonOverlapping(spans: readonly Span[]): Span[] {
  const taken: Span[] = [];
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  for (const s of ordered) if (!taken.some((t) => overlaps(t, s))) taken.push(s);
  return taken;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

type Group = { start: number; end: number; spans: Span[] };

/** Names joined by 、 和 及 与 share the predicate that follows the last of them. */
function groups(spans: readonly Span[], text: string): Group[] {
  const result: Group[] = [];
  for (const span of spans) {
    const last = result.at(-1);
    if (last !== undefined && GROUP_JOINER.test(text.slice(last.end, span.start))) {
      last.spans.push(span);
      last.end = span.end;
    } else result.push({ start: span.start, end: span.end, spans: [span] });
  }
  return result;
}

/** The subject of a clause leads where its predicate says 牵头/会同/负责 and supports where it says 配合; 会同 X makes X support. */
function implicitRole(text: string, group: Group): Role {
  const before = text.slice(0, group.start).split(CLAUSE_BREAK).at(-1) ?? '';
  const after = text.slice(group.end).split(CLAUSE_BREAK)[0] ?? '';
  if (before.endsWith('会同')) return 'support';
  if (!SUBJECT_OPENER.test(before) || /^(?:、|和)/.test(after)) return 'mentioned';
  if (LEAD_PREDICATE.test(after)) return 'lead';
  if (SUPPORT_PREDICATE.test(after)) return 'support';
  return 'mentioned';
}

/** The sentence of `text` that contains the character at `index`. */
function sentenceAt(text: string, index: number): string {
  let cursor = 0;
  for (const s of sentences(text)) {
    const at = text.indexOf(s, cursor);
    if (at < 0) continue;
    if (index < at + s.length) return s;
    cursor = at + s.length;
  }
  return text;
}

// ---------------------------------------------------------------- one mention per department and clause

/**
 * A department counts once per clause: a list beats the wording, and a stronger role beats a weaker one.
 * The winner takes the place of the first mention, so lists keep their printed order.
 */
function onePerClause(found: readonly DepartmentMention[]): DepartmentMention[] {
  const keyOf = (m: DepartmentMention) => `${m.clauseId}\u0000${m.departmentId ?? `name:${m.name}`}`;
  const listed = new Set(found.filter((m) => !m.inferred).map(keyOf));
  const kept = new Map<string, DepartmentMention>();
  for (const m of found) {
    const key = keyOf(m);
    if (m.inferred && listed.has(key)) continue;
    const prior = kept.get(key);
    // Map.set on a present key keeps its place in iteration order.
    if (prior === undefined || ROLE_RANK[m.role] > ROLE_RANK[prior.role]) kept.set(key, m);
  }
  return [...kept.values()];
}
