import { getCollection } from 'astro:content';
import type { Document } from '../schemas/document.ts';
import type { Block, Part, Provision } from '../schemas/structure.ts';

interface Catalogue {
  /** Newest first, then by id, so every build lists the documents in the same order. */
  documents: readonly Document[];
  byId: ReadonlyMap<string, Document>;
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
function assertDuplicateTargetsExist(byId: ReadonlyMap<string, Document>): void {
  const dangling = [...byId.values()]
    .filter((d) => d.duplicateOf !== null && !byId.has(d.duplicateOf.documentId))
    .map((d) => `${d.id} → ${d.duplicateOf?.documentId}`);
  if (dangling.length > 0) {
    throw new Error(`duplicateOf points to documents that do not exist: ${dangling.join(', ')}`);
  }
}

async function loadCatalogue(): Promise<Catalogue> {
  const entries = await getCollection('documents');
  const documents = entries.map((e) => e.data).sort(compareDocuments);
  const byId = new Map(documents.map((d) => [d.id, d]));
  assertDuplicateTargetsExist(byId);
  return { documents, byId };
}

/** The collection is read once per build and shared by every page. */
function getCatalogue(): Promise<Catalogue> {
  catalogue ??= loadCatalogue();
  return catalogue;
}

/** Every document, newest first, then by id. */
export async function allDocuments(): Promise<readonly Document[]> {
  return (await getCatalogue()).documents;
}

/** The document with this id, or undefined. */
export async function documentById(id: string): Promise<Document | undefined> {
  return (await getCatalogue()).byId.get(id);
}

/** The site path of a document's page. */
export function documentHref(id: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}/${id}/`;
}

/** An ISO date (2012-05-14) as written in Chinese documents (2012年5月14日). */
export function formatChineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

const partKindNames: Record<Part['kind'], string> = { cover: '通知', document: '文件', annex: '附件', main: '正文' };

/** A part's printed label and title (附件1 试点项目), or the name of its kind when nothing is printed. */
export function partHeading(part: Part): string {
  const printed = [part.label, part.title].filter((s) => s !== null).join(' ');
  return printed === '' ? partKindNames[part.kind] : printed;
}

/** One line of a table of contents, linking to the anchor `#id`. */
export interface TocEntry {
  id: string;
  text: string;
  children: TocEntry[];
}

const untitledExcerptLength = 20;

/** A provision's printed number and title; an untitled one shows the start of its text instead. */
function provisionHeading(p: Provision): string {
  const name = p.title ?? (p.text.length > untitledExcerptLength ? `${p.text.slice(0, untitledExcerptLength)}…` : p.text);
  return `${p.label}${name}`;
}

/** Provisions down to `depth` levels; implicit groups print nothing, so their children stand in their place. */
function provisionEntries(blocks: readonly Block[], depth: number): TocEntry[] {
  if (depth === 0) return [];
  return blocks.flatMap((b): TocEntry[] => {
    if (b.type !== 'provision') return [];
    if (b.kind === 'implicit') return provisionEntries(b.children, depth);
    return [{ id: b.id, text: provisionHeading(b), children: provisionEntries(b.children, depth - 1) }];
  });
}

/** The parts of a document with their first two levels of provisions. */
export function tableOfContents(doc: Document): TocEntry[] {
  return doc.parts.map((part) => ({ id: part.id, text: partHeading(part), children: provisionEntries(part.children, 2) }));
}
