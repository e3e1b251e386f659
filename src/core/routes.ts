/**
 * Every URL of the site, built here and nowhere else. Pages end in a slash (`trailingSlash:
 * 'always'`): each is a folder with an index.html. Every path starts with the site's `base`
 * (Astro's `base`, `/` or `/atlas/`), so the site can be deployed under a path.
 *
 * The search records are the one exception, and by design: Pagefind prefixes their URLs with the
 * folder its bundle is served from, less `pagefind/`, so they are built with `routes()` (base `/`).
 */

/** The site paths of every kind of page and file, under one base. */
export interface Routes {
  /** The base as given, normalised to start and end with `/`. */
  readonly base: string;
  home(): string;
  document(documentId: string): string;
  /** One node's own page: /{document}/{node}/. */
  node(documentId: string, nodeId: string): string;
  /** The node's anchor on its document's page: /{document}/#{node}. */
  nodeAnchor(documentId: string, nodeId: string): string;
  /** A target or project on its clause's (or row's) page, at its anchor (see entityAnchor). */
  entity(documentId: string, nodeId: string, entityId: string): string;
  departments(): string;
  department(departmentId: string): string;
  targets(): string;
  projects(): string;
  citations(): string;
  regions(): string;
  topics(): string;
  topic(topicId: string): string;
  charts(): string;
  /** The open data page; the downloads are files under it. */
  data(): string;
  dataFile(name: string): string;
  search(): string;
  /** The page that opens a pasted citation (src/pages/cite/). */
  cite(): string;
  /** The editorial page about the site (src/pages/about.mdx). */
  about(): string;
  /** The editorial page on method and limits (src/pages/method.mdx). */
  method(): string;
  /** A file at the site's root: feed.xml, sitemap.xml, favicon.svg, the search bundle's folder pagefind/. */
  file(name: string): string;
}

/** The routes of a site served under `base`. */
export function routes(base = '/'): Routes {
  const root = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const page = (...segments: string[]) => `${root}${segments.map((s) => `${s}/`).join('')}`;
  return {
    base: root,
    home: () => root,
    document: (documentId) => page(documentId),
    node: (documentId, nodeId) => page(documentId, nodeId),
    nodeAnchor: (documentId, nodeId) => `${page(documentId)}#${nodeId}`,
    entity: (documentId, nodeId, entityId) => `${page(documentId, nodeId)}#${entityAnchor(entityId)}`,
    departments: () => page('departments'),
    department: (departmentId) => page('departments', departmentId),
    targets: () => page('targets'),
    projects: () => page('projects'),
    citations: () => page('citations'),
    regions: () => page('regions'),
    topics: () => page('topics'),
    topic: (topicId) => page('topics', topicId),
    charts: () => page('charts'),
    data: () => page('data'),
    dataFile: (name) => `${page('data')}${name}`,
    search: () => page('search'),
    cite: () => page('cite'),
    about: () => page('about'),
    method: () => page('method'),
    file: (name) => `${root}${name}`,
  };
}

/**
 * The anchor of a target or project on its clause's (or row's) page: the last segment of its id
 * (t2, pilot-1). Pages and search records both link it, so it is written once, here.
 */
export function entityAnchor(entityId: string): string {
  return entityId.slice(entityId.lastIndexOf('/') + 1);
}

/** A page with one filter already chosen: the filter script reads it from the query string. */
export function withFilter(path: string, filter: string, value: string): string {
  return `${path}?${new URLSearchParams({ [filter]: value }).toString()}`;
}

/** An absolute URL on the site; a build without `site` configured cannot make permanent links. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  if (site === undefined) throw new Error('astro.config.mjs must set `site`: permanent links and canonical URLs are absolute');
  return new URL(path, site).href;
}
