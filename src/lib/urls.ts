/** Site paths end in a slash (trailingSlash: 'always'), so every page is a directory with an index.html. */
const base = import.meta.env.BASE_URL.replace(/\/$/, '');

/** The site path of the home page. */
export function homePath(): string {
  return `${base}/`;
}

/** The site path of a document's page. */
export function documentPath(documentId: string): string {
  return `${base}/${documentId}/`;
}

/** The site path of one node's own page: /{document}/{node}/. */
export function nodePath(documentId: string, nodeId: string): string {
  return `${base}/${documentId}/${nodeId}/`;
}

/** The node's anchor on its document's page: /{document}/#{node}. */
export function nodeAnchorPath(documentId: string, nodeId: string): string {
  return `${documentPath(documentId)}#${nodeId}`;
}

/** An absolute URL on the site; a build without `site` configured cannot make permanent links. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  if (site === undefined) throw new Error('astro.config.mjs must set `site`: permanent links and canonical URLs are absolute');
  return new URL(path, site).href;
}
