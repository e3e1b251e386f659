import { splitSiteId } from '#core/site-id.ts';
import { plainText, type DocumentIndex, type NodeEntry } from '#core/document-index.ts';
import { routes } from './site-routes.ts';

/** Every document's node index, by document id: what a site-wide id is resolved against. */
export type IndexMap = ReadonlyMap<string, DocumentIndex>;

/** What a page needs to link to one node of the corpus and name it. */
export interface NodeRef {
  /** `{documentId}/{nodeId}`, as the open data writes it. */
  siteId: string;
  documentId: string;
  nodeId: string;
  path: string;
  /** How a reader cites it: 湘潭稳就业二十四条 二、（六）. */
  citation: string;
  /** The printed title of a provision; null for paragraphs, rows and untitled provisions. */
  title: string | null;
  /** What a list calls it when there is no title: 第1段, 序号3, or the start of an untitled provision. */
  heading: string;
  documentTitle: string;
  documentShortTitle: string;
  /** Its place in document order, for sorting references to the same document. */
  position: number;
}

/** A node with the words it says, for quoting. */
export type Quote = NodeRef & { text: string };

function lookup(indexes: IndexMap, siteId: string): { index: DocumentIndex; entry: NodeEntry; position: number } {
  const { documentId, nodeId } = splitSiteId(siteId);
  const index = indexes.get(documentId);
  if (index === undefined) throw new Error(`${siteId}: no document with id ${documentId}`);
  const entry = index.byId.get(nodeId);
  if (entry === undefined) throw new Error(`${siteId}: document ${documentId} has no node ${nodeId}`);
  return { index, entry, position: index.entries.indexOf(entry) };
}

/** The reference for a site-wide node id; an id that names nothing is a broken link and fails the build. */
export function resolveNode(indexes: IndexMap, siteId: string): NodeRef {
  const { index, entry, position } = lookup(indexes, siteId);
  const { document } = index;
  return {
    siteId,
    documentId: document.id,
    nodeId: entry.id,
    path: routes.node(document.id, entry.id),
    citation: entry.citation,
    title: entry.kind === 'provision' ? entry.node.title : null,
    heading: entry.heading,
    documentTitle: document.meta.title,
    documentShortTitle: document.meta.shortTitle,
    position,
  };
}

/** The node's reference and its text (a provision's own words, without its sub-items); fails the build for an unknown id. */
export function quoteNode(indexes: IndexMap, siteId: string): Quote {
  const { entry } = lookup(indexes, siteId);
  const text = entry.kind === 'provision' && entry.node.kind !== 'implicit' ? entry.node.text : plainText(entry);
  return { ...resolveNode(indexes, siteId), text };
}

/** Document order: by the order the documents are listed in, then by place in the document. */
export function compareRefs(documentOrder: ReadonlyMap<string, number>): (a: NodeRef, b: NodeRef) => number {
  return (a, b) => (documentOrder.get(a.documentId) ?? 0) - (documentOrder.get(b.documentId) ?? 0) || a.position - b.position;
}

/** A title in 《》; titles inside it take 〈〉, as Chinese typesetting nests them. */
export function bookTitle(title: string): string {
  return `《${title.replace(/《/g, '〈').replace(/》/g, '〉')}》`;
}

/** A citation without the document's short title, for lists already headed by the document: 二、（六）. */
export function citationWithin(citation: string, documentShortTitle: string): string {
  return citation.startsWith(`${documentShortTitle} `) ? citation.slice(documentShortTitle.length + 1) : citation;
}
