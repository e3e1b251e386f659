/**
 * Where a citation leads: the corpus document (the version in force when the citing text was
 * written) and, where the citation names one, the article, 款 or 项 in it; or, for a text the
 * corpus lacks, the official database to look it up in. Pure: the open data and the pages share it.
 */
import type { Document } from '#schemas/document.ts';
import type { CitationMention } from '#schemas/entities.ts';
import type { Block } from '#schemas/structure.ts';
import { parseChineseNumeral } from './chinese/numerals.ts';
import { normaliseDocNumber } from './citation-key.ts';
import { siteId } from './site-id.ts';

/** A cited text found in the corpus: the document, and the node the citation names (null: the whole text). */
export interface CitationTarget {
  documentId: string;
  nodeId: string | null;
}

/**
 * How titles are compared: 中华人民共和国 dropped (lawyers cite 《社会保险法》), inner titles in
 * one bracket style, spaces gone. Nothing else is folded: 《江苏省实施〈就业促进法〉办法》 stays a
 * different work from 《就业促进法》.
 */
export function titleKey(title: string): string {
  return title
    .replace(/\s+/g, '')
    .replace(/〈/g, '《')
    .replace(/〉/g, '》')
    .replace(/^中华人民共和国(?=.)/, '');
}

const NUMERAL = '[〇零一二两三四五六七八九十百千]+';
/** 第五十条, 第十条之一, then optionally 第二款, then optionally 第（三）项 (half-width brackets too). */
const PROVISION_AFTER_TITLE = new RegExp(`^》?\\s*第(${NUMERAL})条(?:之(${NUMERAL}))?(?:第(${NUMERAL})款)?(?:第[（(](${NUMERAL})[）)]项)?`);

/**
 * The node a citation names right after the title in its sentence: 《社会保险法》第五十条 →
 * art-50, 第五十条第二款 → art-50.2, 第五十条第二款第（三）项 → art-50.2.3, and for an article with
 * one 款, 第五十条第（三）项 → art-50.1.3 (the statute ids of the parser). Null when no article follows.
 */
export function citedProvision(sentence: string, title: string): string | null {
  const variants = [title, title.replace(/《/g, '〈').replace(/》/g, '〉')];
  for (const variant of variants) {
    for (let at = sentence.indexOf(variant); at >= 0; at = sentence.indexOf(variant, at + 1)) {
      const m = PROVISION_AFTER_TITLE.exec(sentence.slice(at + variant.length));
      if (m === null) continue;
      const [article, inserted, paragraph, item] = [m[1], m[2], m[3], m[4]].map((n) => (n === undefined ? null : parseChineseNumeral(n)));
      if (article === null || article === undefined) continue;
      let id = inserted ? `art-${article}-${inserted}` : `art-${article}`;
      if (paragraph) id += `.${paragraph}`;
      if (item) id += `${paragraph ? '' : '.1'}.${item}`;
      return id;
    }
  }
  return null;
}

/** Every node id of a document. */
function nodeIds(doc: Document): Set<string> {
  const ids = new Set<string>();
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      ids.add(b.id);
      if (b.type === 'provision') walk(b.children);
    }
  };
  for (const part of doc.parts) walk(part.children);
  return ids;
}

/** The longest of `id`, its article or its 款 that the document has: a citation to a 项 the text lacks still lands on the article. */
function existingNode(id: string, ids: ReadonlySet<string>): string | null {
  const pieces = id.split('.');
  for (let n = pieces.length; n > 0; n--) {
    const candidate = pieces.slice(0, n).join('.');
    if (ids.has(candidate)) return candidate;
  }
  return null;
}

/** Resolves citations against a corpus; built once. */
export type CitationResolver = (mention: CitationMention, citingDate: string | null) => CitationTarget | null;

/**
 * A resolver over `documents` (repeats left out): a citation matches a document by its 文号, or by
 * its full or short title (titleKey). Of several versions of one title, the one in force when the
 * citing text was dated (the latest on or before that day) is chosen; a citing text older than
 * every version, or undated, gets the oldest or the newest version respectively.
 */
export function citationResolver(documents: readonly Document[]): CitationResolver {
  const canonical = documents.filter((d) => d.duplicateOf === null);
  const byTitle = new Map<string, Document[]>();
  const byNumber = new Map<string, Document>();
  for (const d of canonical) {
    for (const key of new Set([titleKey(d.meta.title), titleKey(d.meta.shortTitle)])) byTitle.set(key, [...(byTitle.get(key) ?? []), d]);
    if (d.meta.docNumber !== null) byNumber.set(normaliseDocNumber(d.meta.docNumber), d);
  }
  for (const list of byTitle.values()) list.sort((a, b) => (a.meta.date ?? '').localeCompare(b.meta.date ?? '') || a.id.localeCompare(b.id));
  const ids = new Map<string, Set<string>>();
  const idsOf = (d: Document) => {
    let set = ids.get(d.id);
    if (set === undefined) ids.set(d.id, (set = nodeIds(d)));
    return set;
  };
  return (mention, citingDate) => {
    const byNo = mention.docNumber === null ? undefined : byNumber.get(normaliseDocNumber(mention.docNumber));
    const versions = byNo !== undefined ? [byNo] : mention.title === null ? [] : (byTitle.get(titleKey(mention.title)) ?? []);
    if (versions.length === 0) return null;
    const inForce = citingDate === null ? versions.at(-1) : (versions.filter((v) => (v.meta.date ?? '') <= citingDate).at(-1) ?? versions[0]);
    if (inForce === undefined || inForce.id === mention.documentId) return null;
    const named = mention.title === null ? null : citedProvision(mention.sentence, mention.title);
    return { documentId: inForce.id, nodeId: named === null ? null : existingNode(named, idsOf(inForce)) };
  };
}

/** One citing clause and where its citation leads. */
export interface ResolvedCitation {
  /** The citing clause, `{documentId}/{clauseId}`. */
  citedBy: string;
  mention: CitationMention;
  target: CitationTarget | null;
}

/** Every citation of the corpus's canonical documents with its target, in document order. */
export function resolveCitations(documents: readonly Document[]): ResolvedCitation[] {
  const resolve = citationResolver(documents);
  return documents
    .filter((d) => d.duplicateOf === null)
    .flatMap((d) => d.extracted.citations.map((m) => ({ citedBy: siteId(d.id, m.clauseId), mention: m, target: resolve(m, d.meta.date) })));
}

/** An official database to look up a text the corpus lacks. */
export interface OfficialSearch {
  name: string;
  url: string;
}

/**
 * Where to look up a cited text that is not in the corpus: laws and regulations (national and
 * local) in the NPC's 国家法律法规数据库, State Council documents (国发, 国办发, 国务院…) in the
 * 国务院政策文件库. Other documents have no national database: null.
 */
export function officialSearch(mention: Pick<CitationMention, 'kind' | 'title' | 'docNumber'>): OfficialSearch | null {
  const query = mention.title ?? mention.docNumber ?? '';
  if (query === '') return null;
  if (mention.kind === 'law') return { name: '国家法律法规数据库', url: `https://flk.npc.gov.cn/search?keyword=${encodeURIComponent(titleKey(query))}` };
  const stateCouncil = /^国(?:发|办发|办函|函)/.test(mention.docNumber ?? '') || /^国务院/.test(mention.title ?? '');
  return stateCouncil ? { name: '国务院政策文件库', url: `https://sousuo.www.gov.cn/zcwjk/policyDocumentLibrary?t=zhengcelibrary&q=${encodeURIComponent(query)}` } : null;
}
