import { getCollection } from 'astro:content';
import type { Document } from '../schemas/document.ts';
import { counterparts, indexDocument, type DocumentIndex, type NodeEntry } from './nodes.ts';
import { alignOriginal, type OriginalText } from './original.ts';

/** Everything the pages need about one document, computed once per build. */
export interface DocumentView {
  document: Document;
  index: DocumentIndex;
  original: OriginalText;
  /** For a text that repeats (part of) another document: that document and each node's counterpart in it. */
  duplicate: { canonical: DocumentView; counterparts: ReadonlyMap<string, NodeEntry> } | null;
}

interface Catalogue {
  /** Newest first, then by id, so every build lists the documents in the same order. */
  views: readonly DocumentView[];
  byId: ReadonlyMap<string, DocumentView>;
}

let catalogue: Promise<Catalogue> | undefined;

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

async function loadCatalogue(): Promise<Catalogue> {
  const entries = await getCollection('documents');
  const documents = entries.map((e) => e.data).sort(compareDocuments);
  const plain = new Map<string, DocumentView>(
    documents.map((document) => [document.id, { document, index: indexDocument(document), original: alignOriginal(document), duplicate: null }]),
  );
  const views = [...plain.values()].map((view): DocumentView => {
    if (view.document.duplicateOf === null) return view;
    const canonical = canonicalView(view.document, plain);
    return { ...view, duplicate: { canonical, counterparts: counterparts(view.index, canonical.index) } };
  });
  return { views, byId: new Map(views.map((v) => [v.document.id, v])) };
}

/** The collection is read once per build and shared by every page. */
function getCatalogue(): Promise<Catalogue> {
  catalogue ??= loadCatalogue();
  return catalogue;
}

/** Every document with its index, newest first, then by id. */
export async function allViews(): Promise<readonly DocumentView[]> {
  return (await getCatalogue()).views;
}

/** The document with this id; an unknown id is a broken reference and fails the build. */
export async function viewById(id: string): Promise<DocumentView> {
  const view = (await getCatalogue()).byId.get(id);
  if (!view) throw new Error(`no document with id ${id}`);
  return view;
}

/** An ISO date (2012-05-14) as written in Chinese documents (2012年5月14日). */
export function formatChineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
