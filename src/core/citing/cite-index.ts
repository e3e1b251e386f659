/**
 * The index /cite/ and the search page read a pasted citation with (src/core/citing/paste.ts): for
 * every document the names it is cited by and its 文号, and for each document apart the key of every
 * node's citation. Built over whatever documents are indexed: 公文 and statutes alike.
 */
import { indexDocument, type NodeEntry } from '../document-index.ts';
import { normaliseDocNumber } from '../doc-number.ts';
import type { Document } from '../schemas/document.ts';
import { citationKey, type CiteDocument, type CiteName, type CiteNodes } from './paste.ts';

/** What a statute's title is also cited as: without 中华人民共和国 (《社会保险法》). */
const STATE_PREFIX = /^中华人民共和国/;

/** The citation of a node without the document's name in front: 二、（六）, 第五十条第二款, 附件1 表1 序号10. */
export function citationTail(doc: Document, citation: string): string {
  const short = doc.meta.shortTitle;
  for (const prefix of [`${short} `, `《${short.replace(/^《|》$/g, '')}》`, short]) if (citation.startsWith(prefix)) return citation.slice(prefix.length).trim();
  return citation;
}

function partTail(doc: Document, entries: readonly NodeEntry[], partId: string): string {
  const part = entries.find((e) => e.id === partId);
  return part === undefined ? '' : citationKey(citationTail(doc, part.citation));
}

/**
 * The names a document is cited by: its short and full titles, a statute's title without
 * 中华人民共和国, what the synonym list links those to (社会保险法 ↔ 社保法), and the titles of the
 * documents a notice issues (with the tail their parts' citations carry).
 */
export function citeDocument(doc: Document, entries: readonly NodeEntry[], related: Readonly<Record<string, readonly string[]>>): CiteDocument {
  const titles = [doc.meta.shortTitle, doc.meta.title, doc.meta.title.replace(STATE_PREFIX, ''), doc.meta.shortTitle.replace(/^《|》$/g, '')];
  const names: CiteName[] = [...new Set([...titles, ...titles.flatMap((t) => related[t] ?? [])])].map((name) => ({ name, tail: '' }));
  for (const part of doc.parts) {
    if (part.kind === 'document' && part.title !== null) names.push({ name: part.title, tail: partTail(doc, entries, part.id) });
  }
  return { id: doc.id, names, docNumber: doc.meta.docNumber === null ? null : normaliseDocNumber(doc.meta.docNumber) };
}

/** Every node of a document by the key of its citation; a key two nodes would share is left out (and reported by the caller's test). */
export function citeNodes(doc: Document, entries: readonly NodeEntry[]): { nodes: CiteNodes; ambiguous: string[] } {
  const nodes: Record<string, string> = {};
  const ambiguous = new Set<string>();
  for (const entry of entries) {
    const key = citationKey(citationTail(doc, entry.citation));
    if (key === '') continue;
    if (key in nodes && nodes[key] !== entry.id) ambiguous.add(key);
    nodes[key] = entry.id;
  }
  for (const key of ambiguous) delete nodes[key];
  return { nodes, ambiguous: [...ambiguous] };
}

/** The cite index of a corpus: duplicates (texts repeating another) are left out, like everywhere else in search. */
export function citeIndex(documents: readonly Document[], related: Readonly<Record<string, readonly string[]>>): { documents: CiteDocument[]; nodes: Map<string, CiteNodes> } {
  const canonical = documents.filter((d) => d.duplicateOf === null);
  const indexed = canonical.map((doc) => ({ doc, entries: indexDocument(doc).entries }));
  return {
    documents: indexed.map(({ doc, entries }) => citeDocument(doc, entries, related)),
    nodes: new Map(indexed.map(({ doc, entries }) => [doc.id, citeNodes(doc, entries).nodes])),
  };
}
