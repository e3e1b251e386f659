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
  /**
   * Where a node is shown: its own page, /{document}/{node}/; for a statute's 款, 项 or 目 its
   * article's page at its anchor, /{document}/art-50/#art-50.2.3; for a paragraph, table row or
   * bullet its holder's page at its anchor, /{document}/a1-t1/#a1-t1.r3; for a 编, 章, 节 or 目录
   * the document's page at its anchor (see hasOwnPage).
   */
  node(documentId: string, nodeId: string): string;
  /** The node's anchor on its document's page: /{document}/#{node}. */
  nodeAnchor(documentId: string, nodeId: string): string;
  /** A target or project on its clause's (or row's) page, at its anchor (see entityAnchor); for a statute's 款 or 项, the 款's or 项's anchor on its article's page. */
  entity(documentId: string, nodeId: string, entityId: string): string;
  /** A work with versions: its current version's contents and every version (src/core/works.ts). */
  work(workId: string): string;
  departments(): string;
  department(departmentId: string): string;
  /** The citizen's way in: every beneficiary group with its measures (/for/). */
  groups(): string;
  /** One beneficiary group's measures across documents and regions: /for/{groupId}/. */
  group(groupId: string): string;
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

/** A statute's 款, 项 or 目 (art-50.2, art-50.2.3, d1-art-5.1): the article's id is the first group. */
const STATUTE_SUB_ARTICLE = /^((?:(?:n|d\d+|a\d+)-)?art-\d+(?:-\d+)?)\./;
/** A statute's 编, 章, 节 or 目录 (bk-1, ch-3, bk-1.ch-3, ch-3.s2, sec-2, toc). */
const STATUTE_DIVISION = /^(?:(?:n|d\d+|a\d+)-)?(?:toc|bk-\d+|ch-\d+|sec-\d+)(?:\.|$)/;

/** A paragraph (d1-p1, d1-2.p1, toc.p1), table row (a1-t1.r3) or bullet (m-2.1.b2): the id of the node holding it is the first group. */
const ANCHORED_BLOCK = /^(.+)[-.][prb]\d+$/;

/**
 * Whether a node is a paragraph, table row or bullet: a permanent anchor on the page of the nearest
 * node holding it that has a page (its paragraph's provision, its row's table). Such a node had a
 * page of its own until issue 16; that URL stays, as a light page sending readers to the anchor
 * (src/lib/anchor-page.ts), so that a page per paragraph no longer costs a full page to build.
 */
export function isAnchoredBlock(nodeId: string): boolean {
  return ANCHORED_BLOCK.test(nodeId);
}

/**
 * Whether a node has a page of its own. A statute's article has one, and its 款, 项 and 目 are
 * permanent anchors on it; its 编, 章 and 节 are anchors on the document's page, whose table of
 * contents lists them. Every 公文 node has its own page: for a paragraph, table row or bullet a
 * light one (isAnchoredBlock).
 */
export function hasOwnPage(nodeId: string): boolean {
  return !STATUTE_SUB_ARTICLE.test(nodeId) && !STATUTE_DIVISION.test(nodeId);
}

/** Whether a node's own page shows it: it has one (hasOwnPage) and it is not a light page sending readers to an anchor. */
export function hasFullPage(nodeId: string): boolean {
  return hasOwnPage(nodeId) && !ANCHORED_BLOCK.test(nodeId);
}

/** A URL without its anchor: the page it lands on (`/doc/art-50/#art-50.2` → `/doc/art-50/`). */
export function pageOf(url: string): string {
  return url.replace(/#.*$/, '');
}

/** The routes of a site served under `base`. */
export function routes(base = '/'): Routes {
  const root = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const page = (...segments: string[]) => `${root}${segments.map((s) => `${s}/`).join('')}`;
  const r: Routes = {
    base: root,
    home: () => root,
    document: (documentId) => page(documentId),
    node: (documentId, nodeId) => {
      const article = STATUTE_SUB_ARTICLE.exec(nodeId)?.[1];
      if (article !== undefined) return `${page(documentId, article)}#${nodeId}`;
      const holder = ANCHORED_BLOCK.exec(nodeId)?.[1];
      if (holder !== undefined) return `${pageOf(r.node(documentId, holder))}#${nodeId}`;
      return STATUTE_DIVISION.test(nodeId) ? `${page(documentId)}#${nodeId}` : page(documentId, nodeId);
    },
    nodeAnchor: (documentId, nodeId) => `${page(documentId)}#${nodeId}`,
    // A statute's 款 or 项 is an anchor on its article's page already: the entity lands on it.
    entity: (documentId, nodeId, entityId) => {
      if (hasFullPage(nodeId)) return `${page(documentId, nodeId)}#${entityAnchor(entityId)}`;
      if (isAnchoredBlock(nodeId)) return `${pageOf(r.node(documentId, nodeId))}#${entityAnchorOn(nodeId, entityId)}`;
      return r.node(documentId, nodeId);
    },
    work: (workId) => page('works', workId),
    departments: () => page('departments'),
    department: (departmentId) => page('departments', departmentId),
    groups: () => page('for'),
    group: (groupId) => page('for', groupId),
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
  return r;
}

/**
 * The anchor of a target, benefit or project where its node is shown: entityAnchor on the node's own page; a
 * paragraph, row or bullet is shown with others on its holder's page, whose targets' last segments
 * (t1, t2) would repeat there, so it is prefixed with the node's id: `d1-p1/t2`. The URL stays apart
 * from the node's own (search records with one URL are one result).
 */
export function entityAnchorOn(nodeId: string, entityId: string): string {
  return ANCHORED_BLOCK.test(nodeId) ? `${nodeId}/${entityAnchor(entityId)}` : entityAnchor(entityId);
}

/**
 * The anchor of a target, benefit or project on its clause's (or row's) page: the last segment of its id
 * (t2, b1, pilot-1). Pages and search records both link it, so it is written once, here.
 */
export function entityAnchor(entityId: string): string {
  return entityId.slice(entityId.lastIndexOf('/') + 1);
}

/** A page with one filter already chosen: the filter script reads it from the query string. */
export function withFilter(path: string, filter: string, value: string): string {
  return `${path}?${new URLSearchParams({ [filter]: value }).toString()}`;
}

/**
 * The address to publish for a path: absolute on the site's origin when one is configured
 * (SITE_URL), else the path itself, from the site's root, which browsers resolve and which stays
 * valid wherever the site is served. No placeholder origin is ever made up.
 */
export function absoluteUrl(path: string, site: URL | undefined): string {
  return site === undefined ? path : new URL(path, site).href;
}
