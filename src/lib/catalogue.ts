import type { Document } from '#schemas/document.ts';
import { counterparts, indexDocument, type DocumentIndex, type NodeEntry } from '#core/document-index.ts';
import { alignOriginal, type OriginalText } from './original.ts';

/** Everything the pages need about one document, computed once per build. */
export interface DocumentView {
  document: Document;
  /**
   * The SHA-256 of the generated JSON file (src/core/document-files.ts). The ingest writes that file as
   * the Document schema's output, so equal digests mean equal data; page cache keys are made from it.
   */
  digest: string;
  index: DocumentIndex;
  original: OriginalText;
  /** For a text that repeats (part of) another document: that document and each node's counterpart in it. */
  duplicate: { canonical: DocumentView; counterparts: ReadonlyMap<string, NodeEntry> } | null;
}

/** One document as read from its file. */
export interface CatalogueEntry {
  data: Document;
  digest: string;
}

export interface Catalogue {
  /** Newest first, then by id, so every build lists the documents in the same order. */
  views: readonly DocumentView[];
}

/** Newest first; undated documents last; ties broken by id. */
function compareDocuments(a: Document, b: Document): number {
  const da = a.meta.date ?? '';
  const db = b.meta.date ?? '';
  if (da !== db) return da < db ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Astro writes a dead link and still exits 0 for a dangling reference, so the build must fail here instead. */
function canonicalView(document: Document, base: ReadonlyMap<string, DocumentView>): DocumentView {
  const target = document.duplicateOf?.documentId;
  const view = target === undefined ? undefined : base.get(target);
  if (!view) throw new Error(`${document.id}: duplicateOf points to ${target}, which is not in the corpus`);
  if (view.document.duplicateOf !== null) throw new Error(`${document.id}: duplicateOf points to ${target}, itself a duplicate`);
  return view;
}

/** Every document indexed and aligned with its original, and each repeat linked to the document it repeats. */
export function catalogue(entries: readonly CatalogueEntry[]): Catalogue {
  const sorted = [...entries].sort((a, b) => compareDocuments(a.data, b.data));
  const plain = new Map<string, DocumentView>(
    sorted.map(({ data: document, digest }) => [document.id, { document, digest, index: indexDocument(document), original: alignOriginal(document), duplicate: null }]),
  );
  const views = [...plain.values()].map((view): DocumentView => {
    if (view.document.duplicateOf === null) return view;
    const canonical = canonicalView(view.document, plain);
    return { ...view, duplicate: { canonical, counterparts: counterparts(view.index, canonical.index) } };
  });
  return { views };
}

/**
 * Where the facts beside a clause (departments, targets, citations, projects) are read: a repeated
 * clause shows those of its counterpart in the canonical document, since a repeat contributes none.
 */
export function factsSource(view: DocumentView, entry: NodeEntry): { documentId: string; nodeId: string } {
  return {
    documentId: view.duplicate?.canonical.document.id ?? view.document.id,
    nodeId: view.duplicate?.counterparts.get(entry.id)?.id ?? entry.id,
  };
}
