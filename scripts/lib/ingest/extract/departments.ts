import functionsJson from '../../../../content/department-functions.json' with { type: 'json' };
import jurisdictionsJson from '../../../../content/jurisdictions.json' with { type: 'json' };
import areaData from 'china-area-data/data.json' with { type: 'json' };
import { loadDepartmentRules, registryFunctions, type DepartmentRules } from '#core/department-registry.ts';
import type { Diagnostic } from '#schemas/diagnostic.ts';
import type { Document } from '#schemas/document.ts';
import type { Department, DepartmentMention } from '#schemas/entities.ts';
import { blocksOf } from '#core/document-tree.ts';
import type { ParagraphRole } from '#schemas/structure.ts';
import { compileLexicon, gazetteerNames, type Lexicon } from './department-lexicon.ts';
import { findNames, nameReader, overlaps, type FoundName, type NameReader, type NameSpan } from './department-names.ts';
import { documentPlace, makeResolver, type Resolver } from './department-resolution.ts';
import { sentences, textUnits, type TextUnit } from './units.ts';

type Role = DepartmentMention['role'];

/** The reviewed function taxonomy and jurisdiction words (content/), checked once when the ingest starts. */
export const DEPARTMENT_RULES: DepartmentRules = loadDepartmentRules(functionsJson, jurisdictionsJson);
/** Place names a department name may begin with, wherever the document is from. */
const GAZETTEER = gazetteerNames(areaData);
const DEFAULT_LEXICON = compileLexicon(DEPARTMENT_RULES, GAZETTEER);

/** Paragraphs that name organs without assigning them anything: the issuer's signature, the addressees, the title. */
const NON_CONTENT_ROLES: ReadonlySet<ParagraphRole> = new Set(['title', 'doc-number', 'addressee', 'signature', 'date', 'toc']);

/** The labels of a responsibility list: （牵头单位：A；责任单位：B、C）, （责任单位：A、B等。列第一位者为牵头单位，下同）. */
const LIST_LABEL = /(牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|参与单位|协办单位)[:：]/;
const LABELLED_LIST = new RegExp(String.raw`[（(](${LIST_LABEL.source}(?:[^（）()]|[（(][^（）()]*[）)])*)[）)]`, 'g');
/** （A、B负责）, （A牵头负责）, （A牵头）, （A、B等负责，列第一位者为牵头单位，下同） */
const CHARGE_LIST = /[（(]((?:[^（）()]|[（(][^（）()]*[）)])+?)(牵头)?(负责)?((?:[。，,；;]\s*)?列第一位(?:者)?为牵头(?:单位|部门)(?:[，,；;]?\s*下同)?)?[）)]/g;
const LIST_ITEM_SEPARATOR = /[、，,；;]/;
const LEAD_FIRST_RULE = /列第一位(?:者)?为牵头(?:单位|部门)/;
const RULE_CARRIES_ON = /下同/;
const RULE_START = /[。，,；;]?\s*(?:列第一位|排名第一|下同)|。/;

const CLAUSE_BREAK = /[，,。；;：:！!？?]/;
const SENTENCE_BREAK = /[。；;！!？?]/;
/** Words joining names into one group that shares a predicate: 市政府督查室和市人力资源社会保障局要… */
const GROUP_JOINER = /^(?:、|和|及|与|以及|或者|或)$/;
/** What may stand before a subject in its clause: nothing, 同时, or a 由 phrase (失业保险基金由…负责管理). */
const SUBJECT_OPENER = /^(?:同时|并|另外|其中|具体)?$|由/;
const LEAD_PREDICATE = /牵头|会同|负总责|负责(?!人)|主管|主导/;
const SUPPORT_PREDICATE = /配合|协助|协同|参与/;
/** A signature line is one name: longer lines, or lines with clause punctuation, are text. */
const LONGEST_SIGNATURE = 40;
const ROLE_RANK: Readonly<Record<Role, number>> = { lead: 2, support: 1, mentioned: 0 };

/** One name of a document with what it resolved to. */
type Named = { found: FoundName; resolved: ReturnType<Resolver['resolve']> };

/**
 * Departments named in a document: responsibility lists with their lead, 负责 brackets, and names in
 * running text with the role their wording gives them. Every name is a mention; one whose form is
 * unknown keeps its printed name and is reported.
 */
export function extractDepartments(
  doc: Document,
  registry: readonly Department[],
  rules: DepartmentRules = DEPARTMENT_RULES,
): { mentions: DepartmentMention[]; diagnostics: Diagnostic[] } {
  const lexicon = rules === DEPARTMENT_RULES ? DEFAULT_LEXICON : compileLexicon(rules, GAZETTEER);
  const place = documentPlace(doc, rules, lexicon);
  const resolver = makeResolver(place, registry, registryFunctions(registry, rules.functions), lexicon);
  const reader = nameReader(lexicon, placeNames(place.chain, lexicon), resolver.registryForms);
  const diagnostics: Diagnostic[] = [];
  const found: DepartmentMention[] = [];
  const skipLines = nonContentLines(doc);
  const rule = { inForce: false };

  const warnUnknown = (name: string, unit: TextUnit) =>
    diagnostics.push({
      level: 'warning',
      code: 'department-unknown',
      message: `"${name}" in ${unit.clauseId} is a department of no known function: kept under its printed name`,
      file: doc.sourceFile,
      line: unit.line,
    });
  const resolve = (f: FoundName): Named => ({ found: f, resolved: resolver.resolve(f) });

  for (const unit of textUnits(doc)) {
    if (skipLines.has(unit.line) || isSignature(unit.text, reader)) continue;
    const local: { at: number; mention: DepartmentMention }[] = [];
    const lists = explicitLists(unit.text, reader);
    for (const list of lists) {
      const leadFirst = list.states || rule.inForce || list.items.length === 1;
      if (list.carries) rule.inForce = true;
      if (list.unranked && !leadFirst)
        diagnostics.push({
          level: 'warning',
          code: 'department-lead-unstated',
          message: `the list in ${unit.clauseId} does not say which unit leads; all are recorded as support`,
          file: doc.sourceFile,
          line: unit.line,
        });
      list.items.forEach((item, i) => {
        const named = resolve(item.found);
        if (named.resolved.resolution === 'unknown') warnUnknown(item.found.name, unit);
        // Group phrases name no unit a role could attach to (SPEC): they stay mentions, even first in a list.
        const role: Role = named.resolved.group ? 'mentioned' : (item.role ?? (leadFirst && i === 0 ? 'lead' : 'support'));
        local.push({ at: list.start, mention: mention(doc, unit, list.sentence, named, role, false) });
      });
    }
    const scanned = maskRanges(maskTitles(unit.text), lists);
    const joined = joinedGroups(findNames(scanned, reader), scanned);
    joined.forEach((group, g) => {
      const role = implicitRole(scanned, group, joined[g + 1]?.start ?? scanned.length);
      for (const span of group.spans)
        for (const item of span.items) {
          const named = resolve(item);
          if (named.resolved.resolution === 'unknown') warnUnknown(item.name, unit);
          local.push({ at: span.start, mention: mention(doc, unit, sentenceAt(unit.text, span.start), named, named.resolved.group ? 'mentioned' : role, true) });
        }
    });
    // Stable sort: items of one list or one enumeration keep their printed order.
    found.push(...local.sort((a, b) => a.at - b.at).map((l) => l.mention));
  }
  return { mentions: onePerClause(found), diagnostics };
}

/** The document's place names in the forms texts print them: 湘潭市 and 湘潭. */
function placeNames(chain: readonly string[], lexicon: Lexicon): string[] {
  return chain.flatMap((j) => {
    const suffix = lexicon.placeSuffixes.find((s) => j.endsWith(s) && j.length - s.length >= 2);
    return suffix === undefined ? [j] : [j, j.slice(0, -suffix.length)];
  });
}

function mention(doc: Document, unit: TextUnit, sentence: string, named: Named, role: Role, inferred: boolean): DepartmentMention {
  return {
    documentId: doc.id,
    clauseId: unit.clauseId,
    line: unit.line,
    sentence,
    departmentId: named.resolved.departmentId,
    entityId: named.resolved.entityId,
    name: named.found.name,
    resolution: named.resolved.resolution,
    function: named.resolved.function,
    jurisdiction: named.resolved.jurisdiction,
    levels: named.resolved.levels,
    group: named.resolved.group,
    historical: named.resolved.historical,
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
function isSignature(text: string, reader: NameReader): boolean {
  const name = text.trim();
  if (name === '' || name.length > LONGEST_SIGNATURE || /[，,。；;：:]/.test(name)) return false;
  const spans = findNames(name, reader);
  return spans.length === 1 && spans[0]?.start === 0 && spans[0].end === name.length && spans[0].items.length === 1;
}

// ---------------------------------------------------------------- explicit lists

type ListItem = { found: FoundName; role: Role | null };

type ExplicitList = {
  start: number;
  end: number;
  /** The sentence reported with the list's mentions. */
  sentence: string;
  items: ListItem[];
  /** Some items have no role of their own label: the lead-first rule or the warning applies to them. */
  unranked: boolean;
  /** The list says its first unit leads. */
  states: boolean;
  /** …and that this holds for the lists after it (下同). */
  carries: boolean;
};

function explicitLists(text: string, reader: NameReader): ExplicitList[] {
  const lists: ExplicitList[] = [];
  for (const m of text.matchAll(LABELLED_LIST)) {
    const body = m[1] ?? '';
    const segments = body.split(LIST_LABEL).slice(1);
    const hasLead = segments.some((s, i) => i % 2 === 0 && s.startsWith('牵头'));
    const items: ListItem[] = [];
    let ruleText = '';
    let unranked = false;
    for (let i = 0; i < segments.length; i += 2) {
      const label = segments[i] ?? '';
      const segment = segments[i + 1] ?? '';
      // The rule follows the names after 。 or ，: （责任单位：A、B，列第一位者为牵头单位）.
      const ruleAt = segment.search(RULE_START);
      const names = ruleAt < 0 ? segment : segment.slice(0, ruleAt);
      if (ruleAt >= 0) ruleText += segment.slice(ruleAt);
      const role: Role | null = label.startsWith('牵头') ? 'lead' : label.startsWith('责任') ? (hasLead ? 'support' : null) : 'support';
      if (role === null) unranked = true;
      items.push(...listItems(names.replace(/[；;，,]$/, ''), reader).map((found) => ({ found, role })));
    }
    lists.push({
      start: m.index,
      end: m.index + m[0].length,
      sentence: m[0],
      items,
      unranked,
      states: LEAD_FIRST_RULE.test(ruleText),
      carries: LEAD_FIRST_RULE.test(ruleText) && RULE_CARRIES_ON.test(ruleText),
    });
  }
  for (const m of text.matchAll(CHARGE_LIST)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if ((m[2] === undefined && m[3] === undefined) || lists.some((l) => overlaps(l, span))) continue;
    const items = listItems(m[1] ?? '', reader);
    // 负责 closes many parentheticals; only a list of names is a 负责 list.
    if (items.length === 0 || items.some((item) => item.target.type === 'unknown' && !/(?:局|厅|委|办|室|中心|部门|政府)$/.test(item.name))) continue;
    // The parenthetical assigns the sentence it closes, so that sentence is reported.
    const rule = m[4] ?? '';
    lists.push({ ...span, sentence: sentenceAt(text, m.index), items: items.map((found) => ({ found, role: null })), unranked: true, states: m[2] !== undefined || LEAD_FIRST_RULE.test(rule), carries: RULE_CARRIES_ON.test(rule) });
  }
  return lists.sort((a, b) => a.start - b.start);
}

/** The names of a list: each item read whole; an item the reader cannot cover is kept under its printed name. */
function listItems(names: string, reader: NameReader): FoundName[] {
  return names
    .split(LIST_ITEM_SEPARATOR)
    .map((s) => s.trim().replace(/等$/, '').replace(/^由/, ''))
    .filter((s) => s !== '')
    .flatMap((item): FoundName[] => {
      const spans = findNames(item, reader);
      const covered = spans.reduce((n, s) => n + (s.end - s.start), 0);
      const rest = item.length - covered;
      // 市人社局和市财政局 is two names; anything else left over makes the item one name of unknown form.
      if (spans.length > 0 && spans.every((s) => s.items.every((f) => f.target.type !== 'unknown')) && rest <= spans.length - 1) return spans.flatMap((s) => s.items);
      return [{ name: item, target: { type: 'unknown' }, place: { type: 'none' }, national: false, body: null, each: false }];
    });
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

type Group = { start: number; end: number; spans: NameSpan[] };

/** Names joined by 、 和 及 与 share the predicate that follows the last of them. */
function joinedGroups(spans: readonly NameSpan[], text: string): Group[] {
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

/**
 * The subject of a clause leads where its predicate says 牵头/负责/主管/会同 and supports where it says
 * 配合/参与/协助; in X会同Y, Y supports. The first such word after the subject decides, up to the next
 * name or the end of the sentence: a subject keeps its part over a comma (X提供服务，负责登记).
 */
function implicitRole(text: string, group: Group, nextName: number): Role {
  const before = text.slice(0, group.start).split(CLAUSE_BREAK).at(-1) ?? '';
  const after = text.slice(group.end, nextName).split(SENTENCE_BREAK)[0] ?? '';
  if (/会同$/.test(before)) return 'support';
  if (!SUBJECT_OPENER.test(before)) return 'mentioned';
  const lead = after.search(LEAD_PREDICATE);
  const support = after.search(SUPPORT_PREDICATE);
  if (lead >= 0 && (support < 0 || lead < support)) return 'lead';
  return support >= 0 ? 'support' : 'mentioned';
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
  const keyOf = (m: DepartmentMention) => `${m.clauseId}\u0000${m.entityId ?? `name:${m.name}`}`;
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
