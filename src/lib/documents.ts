import path from 'node:path';
import { DOCUMENT_FOLDERS, readDocumentFiles } from '#core/document-files.ts';
import { catalogue, type Catalogue, type DocumentView } from './catalogue.ts';

export type { DocumentView } from './catalogue.ts';

let loaded: Promise<Catalogue> | undefined;

/** The ingested documents (src/core/document-files.ts), read from the project the build runs in. */
async function loadCatalogue(): Promise<Catalogue> {
  const files = readDocumentFiles(DOCUMENT_FOLDERS.map((folder) => path.resolve(process.cwd(), folder)));
  return catalogue(files.map(({ document, digest }) => ({ data: document, digest })));
}

/** The documents are read once per build (or dev server) and shared by every page. */
function getCatalogue(): Promise<Catalogue> {
  loaded ??= loadCatalogue();
  return loaded;
}
/** Every document with its index, newest first, then by id. */
export async function allViews(): Promise<readonly DocumentView[]> {
  return (await getCatalogue()).views;
}

/** An ISO date (2012-05-14) as written in Chinese documents (2012年5月14日). */
export function formatChineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
