import type { Document } from '#schemas/document.ts';
import type { Department, DepartmentMention } from '#schemas/entities.ts';
import { indexDocument, plainText, type DocumentIndex, type NodeEntry } from '#core/document-index.ts';
import { routes } from '#core/routes.ts';
import { INDEX_LANGUAGE, indexContent } from '#core/search/tokens.ts';
import type { FilterKey, RecordKind } from '#core/search/facets.ts';
import { siteId } from '#core/site-id.ts';

/** One search result as the index holds it: a page of the site and what finds it. */
export interface SearchRecord {
  url: string;
  kind: RecordKind;
  /** How a result names it: the clause citation, or the name of the target, department or project. */
  title: string;
  /** The document it comes from (short title); empty for a record that spans documents. */
  source: string;
  /** For a record that stands in a clause: that clause's citation; else empty. */
  citation: string;
  /** The text shown under the result, excerpted and highlighted in the browser. */
  text: string;
  /** The text that is searched; differs from `text` where labels would only add noise (table column names). */
  searchText: string;
  /** Names that place the record without being its text (document short title, regions): a query term may match them, a phrase ranks by the text. */
  context: readonly string[];
  filters: Partial<Record<FilterKey, readonly string[]>>;
}

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

/** The filters every record of a document carries. */
function documentFilters(doc: Document): SearchRecord['filters'] {
  const { region, issuer, shortTitle, type, date } = doc.meta;
  return {
    region: [region.name, ...region.within],
    ...(issuer === null ? {} : { issuer: [issuer] }),
    document: [shortTitle],
    type: [type],
    ...(date === null ? {} : { year: [date.slice(0, 4)] }),
  };
}

function documentContext(doc: Document): string[] {
  return [doc.meta.shortTitle, doc.meta.region.name, ...doc.meta.region.within];
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

/** What every record standing in a node of a document carries: its kind, the document, the node's citation, the filters. */
function inNode(doc: Document, index: DocumentIndex, kind: RecordKind, nodeId: string): Pick<SearchRecord, 'kind' | 'source' | 'citation' | 'filters'> {
  return { kind, source: doc.meta.shortTitle, citation: index.byId.get(nodeId)?.citation ?? '', filters: { ...documentFilters(doc), kind: [kind] } };
}

/** One record per provision, paragraph and table row of a document. */
export function clauseRecords(doc: Document, index: DocumentIndex = indexDocument(doc)): SearchRecord[] {
  return index.entries.filter(isSearchable).flatMap((entry): SearchRecord[] => {
    const searchText = searchableText(entry);
    if (searchText.trim() === '') return [];
    return [{ ...inNode(doc, index, 'clause', entry.id), url: paths.node(doc.id, entry.id), title: entry.citation, text: plainText(entry), searchText, context: documentContext(doc) }];
  });
}

/** One record per extracted target, landing on the clause that states it. */
export function targetRecords(doc: Document, index: DocumentIndex = indexDocument(doc)): SearchRecord[] {
  return doc.extracted.targets.map((t) => ({
    ...inNode(doc, index, 'target', t.clauseId),
    url: paths.entity(doc.id, t.clauseId, t.id),
    title: t.indicator,
    text: t.sentence,
    searchText: t.sentence.includes(t.indicator) ? t.sentence : `${t.indicator}：${t.sentence}`,
    context: documentContext(doc),
  }));
}

/** One record per pilot or demonstration project, landing on its table row. */
export function projectRecords(doc: Document, index: DocumentIndex = indexDocument(doc)): SearchRecord[] {
  return doc.extracted.projects.map((p) => ({
    ...inNode(doc, index, 'project', p.rowId),
    url: paths.entity(doc.id, p.rowId, p.id),
    title: p.name,
    text: [p.goal, p.regionsText].filter((s) => s !== '').join('；'),
    searchText: [p.name, p.goal, p.requirements, p.regionsText].filter((s) => s !== '').join('；'),
    context: [...documentContext(doc), ...p.regions],
  }));
}

/** The clauses, targets and projects of every document, each document indexed once. */
export const documentRecords: RecordSource = (documents) =>
  documents.flatMap((doc) => {
    const index = indexDocument(doc);
    return [...clauseRecords(doc, index), ...targetRecords(doc, index), ...projectRecords(doc, index)];
  });

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
          source: '',
          citation: '',
          text: `${dept.jurisdiction}${dept.function}部门。${aliasText}见于${clauses}个条款${leadText}。`,
          searchText: [dept.name, ...aliases].join('；'),
          context: [dept.jurisdiction],
          filters: { region: [dept.jurisdiction], document: sorted(found.map((f) => f.doc.meta.shortTitle)), kind: ['department'] },
        },
      ];
    });
  };
}

/** The records of the corpus from the given sources; duplicate texts (linked by `duplicateOf`) are left out, since their canonical document is indexed. */
export function searchRecords(documents: readonly Document[], sources: readonly RecordSource[]): SearchRecord[] {
  const canonical = documents.filter((d) => d.duplicateOf === null);
  return sources
    .flatMap((source) => source(canonical))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/**
 * The record as Pagefind indexes it. Its content is the token stream of the searched text
 * (see src/core/search/tokens.ts); the shown text travels in the metadata, where Pagefind
 * keeps but never matches it (its words are not tokens). The context goes into the `ctx` field as
 * tokens: a query term can then be found there (湘潭 for a Xiangtan clause), while an exact search
 * tells a text match (word locations) from a context-only one (none).
 */
export function toPagefindRecord(record: SearchRecord): PagefindRecord {
  const meta: Record<string, string> = {
    title: record.title,
    kind: record.kind,
    text: record.text,
    ctx: indexContent(record.context.join('；')),
  };
  if (record.source !== '') meta['source'] = record.source;
  if (record.citation !== '' && record.citation !== record.title) meta['citation'] = record.citation;
  const filters = Object.fromEntries(Object.entries(record.filters).map(([k, v]) => [k, [...v]]));
  return { url: record.url, content: indexContent(record.searchText), language: INDEX_LANGUAGE, meta, filters };
}
