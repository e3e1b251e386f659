import type { Document } from '#schemas/document.ts';
import type { Department, DepartmentMention } from '#schemas/entities.ts';
import { indexDocument, plainText, type DocumentIndex, type NodeEntry } from '#core/document-index.ts';
import { pageOf, routes } from '#core/routes.ts';
import { INDEX_LANGUAGE, indexContent } from '#core/search/tokens.ts';
import { PART_BREAK, partsMeta, type RecordPart } from '#core/search/record-parts.ts';
import { DEPARTMENT_TOKEN, type FilterKey, type RecordKind } from '#core/search/facets.ts';
import { linkTokens, type SynonymTable } from '#core/search/synonyms.ts';
import { siteId } from '#core/site-id.ts';
import type { Fragment } from './pagefind-files.ts';
import { validityLabel } from '#core/validity-label.ts';

/** What a clause record also states, shown with the result and found by the 目标 and 项目 kinds: a target, or the project a table row is. */
export interface RecordFact {
  kind: 'target' | 'project';
  /** The target's indicator or the project's name. */
  name: string;
  /** Its anchor on the page the clause lands on (t2; a1-t1.r3/pilot-1 for a row's project on its table's page; a statute 款's own anchor). */
  anchor: string;
}

/** One search result as the index holds it: a page of the site and what finds it. */
export interface SearchRecord {
  url: string;
  kind: RecordKind;
  /** How a result names it: the clause citation, or the department's name. */
  title: string;
  /** The document it comes from, for the catalogue's filters and within-document search; null for a record that spans documents. */
  documentId: string | null;
  /** The document's short title, shown with the result; empty for a record that spans documents. */
  source: string;
  /** The document's date (ISO), for sorting by date; null when it has none or the record spans documents. */
  date: string | null;
  /** The text shown under the result, excerpted and highlighted in the browser. */
  text: string;
  /** The text that is searched; differs from `text` where labels would only add noise (table column names). */
  searchText: string;
  /** Names that place the record without being its text (document titles, 文号, region, issuer, the headings above it): a query term may match them, a phrase ranks by the text. */
  context: readonly string[];
  facts: readonly RecordFact[];
  /** Pagefind filters, applied only when a reader picks a value (they are never all loaded: see pageRecord). */
  filters: Partial<Record<FilterKey, readonly string[]>>;
}

/** The metadata field holding a page's context tokens: the one field of its metadata that queries search. */
export const CONTEXT_FIELD = 'ctx';

/** A custom record in the shape of Pagefind's Node API (`addCustomRecord`). */
export interface PagefindRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Builds records of one kind (or more) from the documents given: a shard's, or the whole corpus (the department records count mentions over it). */
export type RecordSource = (documents: readonly Document[]) => SearchRecord[];

/**
 * Record URLs are paths from the site's root, without its base: Pagefind prefixes every result URL
 * with the folder its bundle is served from (less `pagefind/`), which is the base.
 */
const paths = routes();

/** The filters every record of a document carries; its validity as the document states it (validityLabel). */
function documentFilters(doc: Document): SearchRecord['filters'] {
  const { region, issuer, shortTitle, type, date } = doc.meta;
  return {
    region: [region.name, ...region.within],
    ...(issuer === null ? {} : { issuer: [issuer] }),
    document: [shortTitle],
    type: [type],
    status: [validityLabel(doc.meta)],
    ...(date === null ? {} : { year: [date.slice(0, 4)] }),
  };
}

/** What places every record of a document: its titles, 文号, region and issuer. */
function documentContext(doc: Document): string[] {
  const { shortTitle, title, docNumber, region, issuer } = doc.meta;
  return [shortTitle, title, docNumber, region.name, ...region.within, issuer].filter((s): s is string => s !== null && s !== '');
}

/**
 * The names that are not part of another one, each once: a statute's short title inside its full
 * title, a region inside its issuer's name (济南市 in 济南市人民代表大会常务委员会). A term found in a
 * dropped name is found in the name holding it, so nothing that finds the record is lost, and the
 * index carries about 30 % less context (on the shared laws).
 */
export function outerNames(names: readonly string[]): string[] {
  const unique = [...new Set(names)];
  return unique.filter((name) => !unique.some((other) => other !== name && other.includes(name)));
}

/** The titles of the part and the provisions a node stands in: a clause under 三、促进灵活就业 is about 灵活就业. */
function headingsAbove(index: DocumentIndex, entry: NodeEntry): string[] {
  return entry.ancestorIds.flatMap((id) => {
    const above = index.byId.get(id);
    if (above === undefined) return [];
    const title = above.kind === 'part' || above.kind === 'provision' ? above.node.title : null;
    return title === null ? [] : [title];
  });
}

/**
 * A table row is searched by its values only: the column names (序号, 项目名称 …) repeat on every
 * row and would make a query for 项目 find all of them.
 */
function searchableText(entry: NodeEntry): string {
  return entry.kind === 'row' ? entry.node.cells.map((c) => c.value).join('；') : plainText(entry);
}

/**
 * Which nodes get a record: the ones whose page shows text of their own. Parts, tables and implicit
 * groups only gather their children, which have records already; a 目录 repeats the headings.
 */
function isSearchable(entry: NodeEntry): boolean {
  switch (entry.kind) {
    case 'provision':
      return entry.node.kind !== 'implicit';
    case 'paragraph':
      return entry.node.role !== 'toc';
    case 'row':
      return true;
    case 'part':
    case 'table':
      return false;
  }
}

/**
 * The targets a document states and the projects its rows are, by the node they stand in, each with
 * its anchor as the site links it (routes' `entity`): a clause's records share their page with the
 * other parts of it, so the anchor must be the page's, not the clause's own.
 */
function factsByNode(doc: Document): Map<string, RecordFact[]> {
  const facts = new Map<string, RecordFact[]>();
  const add = (nodeId: string, entityId: string, fact: Omit<RecordFact, 'anchor'>) => {
    const anchor = paths.entity(doc.id, nodeId, entityId).replace(/^[^#]*#?/, '');
    facts.set(nodeId, [...(facts.get(nodeId) ?? []), { ...fact, anchor }]);
  };
  for (const t of doc.extracted.targets) add(t.clauseId, t.id, { kind: 'target', name: t.indicator });
  for (const p of doc.extracted.projects) add(p.rowId, p.id, { kind: 'project', name: p.name });
  return facts;
}

/**
 * One record per provision, paragraph and table row page of a document. The targets a clause states
 * and the project a row is travel with it: their words are the clause's words, so a record of their
 * own would only repeat the clause in the results and the index.
 */
export function clauseRecords(doc: Document, index: DocumentIndex = indexDocument(doc)): SearchRecord[] {
  const context = documentContext(doc);
  const facts = factsByNode(doc);
  const filters = documentFilters(doc);
  return index.entries.filter(isSearchable).flatMap((entry): SearchRecord[] => {
    const searchText = searchableText(entry);
    if (searchText.trim() === '') return [];
    const stated = facts.get(entry.id) ?? [];
    // A clause stating a target is also a 目标 result, a row that is a project a 项目 result.
    const kinds: RecordKind[] = ['clause', ...(['target', 'project'] as const).filter((k) => stated.some((f) => f.kind === k))];
    return [
      {
        url: paths.node(doc.id, entry.id),
        kind: 'clause',
        title: entry.citation,
        documentId: doc.id,
        source: doc.meta.shortTitle,
        date: doc.meta.date,
        text: plainText(entry),
        searchText,
        context: outerNames([...context, ...headingsAbove(index, entry)]),
        facts: stated,
        filters: { ...filters, kind: kinds },
      },
    ];
  });
}

/** The clause records of every document. */
export const documentRecords: RecordSource = (documents) => documents.flatMap((doc) => clauseRecords(doc));

function sorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/**
 * One record per registered department named anywhere in the corpus, found by its name, its aliases
 * and every way the texts print it (人社局 finds 湘潭市人力资源和社会保障局).
 */
export function departmentRecords(registry: readonly Department[]): RecordSource {
  return (documents) => {
    const mentions = new Map<string, { mention: DepartmentMention; doc: Document }[]>();
    for (const doc of documents) {
      for (const mention of doc.extracted.departments) {
        if (mention.departmentId === null) continue;
        const list = mentions.get(mention.departmentId) ?? [];
        list.push({ mention, doc });
        mentions.set(mention.departmentId, list);
      }
    }
    return registry.flatMap((dept): SearchRecord[] => {
      const found = mentions.get(dept.id);
      if (found === undefined) return [];
      const printed = sorted(found.map((f) => f.mention.name)).filter((n) => n !== dept.name && !dept.aliases.includes(n));
      const clauses = new Set(found.map((f) => siteId(f.doc.id, f.mention.clauseId))).size;
      const leads = new Set(found.filter((f) => f.mention.role === 'lead').map((f) => siteId(f.doc.id, f.mention.clauseId))).size;
      const aliases = [...dept.aliases, ...printed];
      const aliasText = aliases.length > 0 ? `又称${aliases.join('、')}。` : '';
      const leadText = leads > 0 ? `，其中牵头${leads}个` : '';
      return [
        {
          url: paths.department(dept.id),
          kind: 'department',
          title: dept.name,
          documentId: null,
          source: '',
          date: null,
          text: `${dept.jurisdiction}${dept.function}部门。${aliasText}见于${clauses}个条款${leadText}。`,
          searchText: [dept.name, ...aliases].join('；'),
          context: [dept.jurisdiction],
          facts: [],
          filters: { region: [dept.jurisdiction], document: sorted(found.map((f) => f.doc.meta.shortTitle)), kind: ['department'] },
        },
      ];
    });
  };
}

/**
 * The records of the corpus from the given sources, in document order (the order the catalogue lists
 * them in); duplicate texts (linked by `duplicateOf`) are left out, since their canonical document is indexed.
 */
export function searchRecords(documents: readonly Document[], sources: readonly RecordSource[]): SearchRecord[] {
  const canonical = documents.filter((d) => d.duplicateOf === null);
  return sources.flatMap((source) => source(canonical));
}

/** The content Pagefind indexes for one part: the tokens of its searched text, then the link tokens of the synonyms standing free in it. */
function partTokens(record: SearchRecord, synonyms: SynonymTable): string[] {
  const marker = record.kind === 'department' ? [DEPARTMENT_TOKEN] : [];
  return [indexContent(record.searchText), ...linkTokens(record.searchText, synonyms), ...marker].filter((s) => s !== '').flatMap((s) => s.split(' '));
}

/** Every value of every part's filters, each once, in the order the parts give them. */
function unionFilters(records: readonly SearchRecord[]): Record<string, string[]> {
  const union = new Map<string, Set<string>>();
  for (const record of records) {
    for (const [key, values] of Object.entries(record.filters)) {
      const set = union.get(key) ?? new Set<string>();
      for (const value of values) set.add(value);
      union.set(key, set);
    }
  }
  return Object.fromEntries([...union].map(([key, values]) => [key, [...values]]));
}

/**
 * The record Pagefind indexes for one page, from the records landing on it (its parts, in document
 * order). Its content is each part's tokens (the searched text's, then the synonym link tokens that
 * stand free in it: src/core/search/tokens.ts, src/core/search/synonyms.ts), the parts kept apart by
 * PART_BREAK; the metadata holds each part's anchor, citation, shown text and first word position
 * (src/core/search/record-parts.ts), so that the browser lands a match on the part holding it. The
 * shown text travels in the metadata, where Pagefind keeps but never matches it (its words are not
 * tokens). The contexts, unioned, go into the `ctx` field as tokens: a query term can then be found
 * there (湘潭 for a Xiangtan clause), while an exact search tells a text match (word locations) from
 * a context-only one (none). The facts (targets, projects) and filters are unioned too. The filters
 * are Pagefind's, but the search page never loads them all: Pagefind counts every value of every
 * loaded filter over all results of every search, in time that grows with their product (12.7 s for
 * 公益性岗位 湘潭 at 1,000 documents).
 */
export function pageRecord(records: readonly SearchRecord[], synonyms: SynonymTable): PagefindRecord {
  const [first] = records;
  if (first === undefined) throw new Error('a page record needs at least one record');
  const url = pageOf(first.url);
  const content: string[] = [];
  const parts: RecordPart[] = records.map((record, i) => {
    if (pageOf(record.url) !== url) throw new Error(`${record.url} is not on the page ${url}`);
    if (i > 0) content.push(PART_BREAK);
    const part = { anchor: record.url === url ? null : record.url.slice(url.length + 1), title: record.title, text: record.text, word: content.length };
    content.push(...partTokens(record, synonyms));
    return part;
  });
  // Each fact with the part stating it: a result lists the facts of the part it lands on.
  const facts = records.flatMap((r, part) => r.facts.map((f) => [f.kind, f.name, f.anchor, part]));
  const meta: Record<string, string> = {
    ...partsMeta(parts),
    kind: first.kind,
    [CONTEXT_FIELD]: indexContent(outerNames(records.flatMap((r) => r.context)).join('；')),
  };
  if (first.source !== '') meta['source'] = first.source;
  if (first.date !== null) meta['date'] = first.date;
  if (facts.length > 0) meta['facts'] = JSON.stringify(facts);
  return { url, content: content.join(' '), language: INDEX_LANGUAGE, meta, filters: unionFilters(records) };
}

/**
 * One Pagefind record per page, in the order the pages first appear: the records landing on a
 * page's anchors (paragraphs, rows, bullets, a statute's 款/项/目) join the page's own.
 */
export function toPagefindRecords(records: readonly SearchRecord[], synonyms: SynonymTable): PagefindRecord[] {
  const byPage = new Map<string, SearchRecord[]>();
  for (const record of records) {
    const page = pageOf(record.url);
    const parts = byPage.get(page);
    if (parts === undefined) byPage.set(page, [record]);
    else parts.push(record);
  }
  return [...byPage.values()].map((parts) => pageRecord(parts, synonyms));
}

/**
 * What the browser reads of a page's fragment (Pagefind's JSON of the page's record): all of it but
 * the indexed content and the `ctx` tokens. Both are token strings (src/core/search/tokens.ts) the
 * search page never shows, since a result's text and excerpt come from its parts' metadata; they
 * were half of every fragment's bytes (26 MB of 58 at 1,000 documents), and a search of several
 * terms reads 30 fragments. The content stays as an empty string, which Pagefind's script expects.
 */
export function shownFragment(fragment: Readonly<Fragment>): Fragment {
  const meta = typeof fragment['meta'] === 'object' && fragment['meta'] !== null ? (fragment['meta'] as Record<string, unknown>) : {};
  return { ...fragment, content: '', meta: Object.fromEntries(Object.entries(meta).filter(([key]) => key !== CONTEXT_FIELD)) };
}
