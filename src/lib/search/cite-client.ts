/**
 * Resolving a pasted citation in the browser, for /cite/ and the search page: the documents file
 * first (names and 文号), then the file of the document named (its nodes), each fetched once.
 */
import { citationKey, findDocument, findNode, type CiteDocument } from '#core/citing/paste.ts';
import type { CiteNodesFile } from '../cite-data.ts';

/** Where a citation lands: the page, and how to name it. */
export interface CitedPage {
  url: string;
  citation: string;
  /** True when the citation named a document without numbering, or numbering the document lacks: the page is the document's. */
  documentOnly: boolean;
  /** True when the whole text was the citation (nothing left over that could be words to search). */
  whole: boolean;
  /** True when what follows the document's name reads as numbering (二、, 第五十条 …), found or not: no words to search. */
  numbering: boolean;
}

const loads = new Map<string, Promise<unknown>>();

function fetchJson<T>(url: string): Promise<T> {
  let load = loads.get(url);
  if (load === undefined) {
    load = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json() as Promise<unknown>;
    });
    // A failed fetch is not kept: the next citation tries again.
    load.catch(() => loads.delete(url));
    loads.set(url, load);
  }
  return load as Promise<T>;
}

/** The page a pasted text cites, or null when it names no document of the site. */
export async function citedPage(base: string, pasted: string): Promise<CitedPage | null> {
  const { documents } = await fetchJson<{ documents: CiteDocument[] }>(`${base}cite/documents.json`);
  const match = findDocument(pasted, documents);
  if (match === null) return null;
  const file = await fetchJson<CiteNodesFile>(`${base}cite/${match.document.id}.json`);
  const node = findNode(match, file.nodes);
  const name = match.document.names[0]?.name ?? match.document.id;
  const numbering = /[;:]/.test(citationKey(match.rest));
  if (node === null) return { url: `${base}${match.document.id}/`, citation: name, documentOnly: true, whole: match.rest.trim() === '', numbering };
  return { url: `${base}${match.document.id}/${node}/`, citation: file.citations[node] ?? name, documentOnly: false, whole: true, numbering };
}
