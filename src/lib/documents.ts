import { getCollection } from 'astro:content';
import { catalogue, type Catalogue, type DocumentView } from './catalogue.ts';

export type { DocumentView } from './catalogue.ts';

let loaded: Promise<Catalogue> | undefined;

async function loadCatalogue(): Promise<Catalogue> {
  const entries = await getCollection('documents');
  return catalogue(
    entries.map(({ id, data, digest }) => {
      // The glob loader always sets it; without it no page could be keyed for the incremental build.
      if (digest === undefined) throw new Error(`${id}: the content entry has no digest`);
      return { data, digest: String(digest) };
    }),
  );
}

/** The collection is read once per build and shared by every page. */
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
