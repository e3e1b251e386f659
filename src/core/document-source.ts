/**
 * Where a document's text comes from, as a reader should see it: the page it was captured from (the
 * sidecar's sourceUrl), or the collection, path and revision a folder's manifest names. Never the
 * file path inside the project, which says nothing to a reader.
 */
import type { DocumentMeta } from '#schemas/document.ts';

export interface DocumentSource {
  /** What the link says: the page's address, or 仓库：路径. */
  label: string;
  url: string;
  /** The collection's revision, for a text taken from one: a reader can fetch exactly that file. */
  commit: string | null;
}

/** The collections whose repositories are on GitHub; a manifest's `repository` is `owner/name` there. */
const REPOSITORY_HOST = 'https://github.com';

export function documentSource(meta: Pick<DocumentMeta, 'sourceUrl' | 'origin'>): DocumentSource | null {
  if (meta.sourceUrl !== null) return { label: meta.sourceUrl, url: meta.sourceUrl, commit: null };
  const origin = meta.origin;
  if (origin === undefined) return null;
  const path = origin.path.split('/').map(encodeURIComponent).join('/');
  return { label: `${origin.repository}：${origin.path}`, url: `${REPOSITORY_HOST}/${origin.repository}/blob/${origin.commit}/${path}`, commit: origin.commit };
}

/** The types of statute (法律 … 司法解释), whose official text the 国家法律法规数据库 holds. */
export const STATUTE_TYPES: ReadonlySet<DocumentMeta['type']> = new Set(['法律', '行政法规', '地方性法规', '部门规章', '司法解释']);
