/** The cite index of the site's documents (src/core/citing/cite-index.ts), built once per build for /cite/ and the search page. */
import synonymFile from '../../content/synonyms.json';
import { citeIndex } from '#core/citing/cite-index.ts';
import type { CiteDocument, CiteNodes } from '#core/citing/paste.ts';
import { indexDocument } from '#core/document-index.ts';
import { loadSynonyms, synonymTable } from '#core/search/synonym-table.ts';
import { getSiteData } from './site-data.ts';

/** One document's nodes as /cite/<id>.json publishes them: by the key of their citation, and each node's citation for showing it. */
export interface CiteNodesFile {
  nodes: CiteNodes;
  citations: Readonly<Record<string, string>>;
}

let data: Promise<{ documents: CiteDocument[]; files: Map<string, CiteNodesFile> }> | undefined;

export function getCiteData(): Promise<{ documents: CiteDocument[]; files: Map<string, CiteNodesFile> }> {
  data ??= getSiteData().then(({ canonical }) => {
    const { documents, nodes } = citeIndex(canonical, synonymTable(loadSynonyms(synonymFile)).related);
    const files = new Map(
      canonical.map((doc) => [doc.id, { nodes: nodes.get(doc.id) ?? {}, citations: Object.fromEntries(indexDocument(doc).entries.map((e) => [e.id, e.citation])) }]),
    );
    return { documents, files };
  });
  return data;
}
