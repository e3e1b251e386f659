/**
 * The kinds of page the site builds, told apart by URL path, so that site-wide checks (accessibility,
 * size budgets) can pick one page of each kind from whatever the build produced — new kinds of page
 * are picked up without editing a list of URLs.
 */
import { isAnchoredBlock } from '#core/routes.ts';

/** A page kind named by a fixed path pattern (site sections other than the documents). */
export interface SectionType {
  name: string;
  pattern: RegExp;
}

/** Sections with paths of their own; anything under a document id is a document or one of its nodes. */
export const SECTION_TYPES: readonly SectionType[] = [
  { name: 'home', pattern: /^\/$/ },
  { name: 'search', pattern: /^\/search\/$/ },
  { name: 'cite', pattern: /^\/cite\/$/ },
  { name: 'data', pattern: /^\/data\/$/ },
  { name: 'about', pattern: /^\/(?:about|method|methods)\/$/ },
  { name: 'group-index', pattern: /^\/for\/$/ },
  { name: 'group', pattern: /^\/for\/[^/]+\/$/ },
  { name: 'department-index', pattern: /^\/departments\/$/ },
  { name: 'department', pattern: /^\/departments\/[^/]+\/$/ },
  { name: 'targets', pattern: /^\/targets\/$/ },
  { name: 'projects', pattern: /^\/projects\/$/ },
  { name: 'citations', pattern: /^\/citations\/$/ },
  { name: 'charts', pattern: /^\/charts\/$/ },
  { name: 'regions', pattern: /^\/regions\/$/ },
  { name: 'topic-index', pattern: /^\/topics\/$/ },
  { name: 'topic', pattern: /^\/topics\/[^/]+\/$/ },
];

// Node ids follow the scheme of docs/ids.md: parts are n, m, dN, aN; tables aN-tN.
const PART_ID = /^(?:n|m|d\d+|a\d+)$/;
const TABLE_ID = /-t\d+$/;

/** One built page: its URL path and the size of its HTML, used to prefer the fullest page of a kind. */
export interface BuiltPage {
  path: string;
  bytes: number;
}

/**
 * The kind of a page from its URL path: a section type, `document`, `part`, `table`, `anchor` (the
 * light page of a paragraph, row or bullet, which sends readers to its anchor: src/lib/anchor-page.ts)
 * or `clause` (any other node page) under a known document id, else `other /first-segment/` for a
 * section's own page and `other /first-segment/…/` below it, so that an unforeseen section is still checked.
 */
export function pageType(path: string, documentIds: ReadonlySet<string>): string {
  const section = SECTION_TYPES.find((t) => t.pattern.test(path));
  if (section) return section.name;
  const segments = path.split('/').filter((s) => s !== '');
  const [first, node] = segments;
  if (first !== undefined && documentIds.has(first) && path.endsWith('/')) {
    if (segments.length === 1) return 'document';
    if (segments.length === 2 && node !== undefined) {
      if (PART_ID.test(node)) return 'part';
      if (isAnchoredBlock(node)) return 'anchor';
      if (TABLE_ID.test(node)) return 'table';
      return 'clause';
    }
  }
  return segments.length > 1 ? `other /${first}/…/` : `other /${first ?? ''}/`;
}

/** The URL paths of the `<loc>` entries of a sitemap, for the locations on `origin`. */
export function sitemapPaths(xml: string, origin: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)]
    .map((m) => new URL((m[1] ?? '').replace(/&amp;/g, '&')))
    .filter((url) => url.origin === origin)
    .map((url) => url.pathname);
}

/** For each page kind, its largest page (most content, so most to check); ties go to the first path in sort order. */
export function representativePages(pages: readonly BuiltPage[], documentIds: ReadonlySet<string>): Map<string, BuiltPage> {
  const chosen = new Map<string, BuiltPage>();
  for (const page of [...pages].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const type = pageType(page.path, documentIds);
    const current = chosen.get(type);
    if (current === undefined || page.bytes > current.bytes) chosen.set(type, page);
  }
  return new Map([...chosen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
