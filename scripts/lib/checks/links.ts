import { Parser } from 'htmlparser2';
import { diagnostic, type Diagnostic } from '#schemas/diagnostic.ts';
import { lineLocator } from '../text-lines.ts';

/** A link target found in a page, with the 1-based line it is on. */
export interface LinkRef {
  url: string;
  line: number;
}

/** What the link checker needs from one HTML page. */
export interface PageRefs {
  /** Every `id` in the page: the fragments a link may point to. */
  ids: ReadonlySet<string>;
  /** Every href, src and form action. */
  links: readonly LinkRef[];
}

/** The built site: every file (paths relative to the output folder, with `/`) and the scanned HTML pages. */
export interface BuiltSite {
  files: ReadonlySet<string>;
  pages: ReadonlyMap<string, PageRefs>;
  /** The site's own origin (https://example.org): absolute links to it are checked like relative ones. */
  origin: string;
  /** The path the site is served under (Astro's `base`, `/` or `/atlas/`): the output folder's root is served there. */
  base: string;
}

const LINK_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'action']);

/**
 * The ids and link targets of one HTML page, as a browser reads them (htmlparser2: character
 * references decoded, the contents of scripts, styles and comments not markup).
 */
export function scanHtml(html: string): PageRefs {
  const lineOf = lineLocator(html);
  const ids = new Set<string>();
  const links: LinkRef[] = [];
  const parser: Parser = new Parser(
    {
      onopentag(_name, attributes) {
        const line = lineOf(parser.startIndex);
        for (const [name, value] of Object.entries(attributes)) {
          if (name === 'id') ids.add(value);
          else if (LINK_ATTRIBUTES.has(name)) links.push({ url: value, line });
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { ids, links };
}

/** The URL path a file is served at, under `base`: a/index.html → /a/, feed.xml → /feed.xml. */
export function servedPath(file: string, base = '/'): string {
  return `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The file that serves a decoded URL path, if the path names one the way a static host would. */
function fileForPath(path: string): string {
  const relative = path.replace(/^\//, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

function problem(file: string, line: number, code: string, message: string): Diagnostic {
  return diagnostic('error', code, message, file, line);
}

/** Problems with one link: a missing file, a missing anchor, or an encoding that cannot be read. */
function checkLink(site: BuiltSite, file: string, link: LinkRef): Diagnostic[] {
  const base = new URL(servedPath(file, site.base), site.origin);
  let target: URL;
  try {
    target = new URL(link.url, base);
  } catch {
    return [problem(file, link.line, 'link-malformed', `${link.url} is not a valid URL`)];
  }
  if (target.origin !== base.origin) return [];
  let path: string;
  let fragment: string;
  try {
    path = decodeURIComponent(target.pathname);
    fragment = decodeURIComponent(target.hash.replace(/^#/, ''));
  } catch {
    return [problem(file, link.line, 'link-bad-encoding', `${link.url} has a malformed percent-encoding`)];
  }
  if (!path.startsWith(site.base)) return [problem(file, link.line, 'link-outside-base', `${link.url} → ${path}: outside the site's base ${site.base}`)];
  const targetFile = fileForPath(path.slice(site.base.length - 1));
  if (!site.files.has(targetFile)) {
    const hint = site.files.has(`${targetFile}/index.html`) ? ` (the page is ${path}/)` : '';
    return [problem(file, link.line, 'link-missing-file', `${link.url} → ${path}: no such file in the build${hint}`)];
  }
  if (fragment === '') return [];
  const page = site.pages.get(targetFile);
  if (!page) return [problem(file, link.line, 'link-missing-anchor', `${link.url}: #${fragment} points into ${targetFile}, which is not an HTML page`)];
  if (!page.ids.has(fragment)) return [problem(file, link.line, 'link-missing-anchor', `${link.url}: ${targetFile} has no element with id "${fragment}"`)];
  return [];
}

/** Every internal link of every page that does not resolve to a built file, or to an id in it; sorted by file and line. */
export function checkLinks(site: BuiltSite): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const [file, page] of [...site.pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const link of page.links) problems.push(...checkLink(site, file, link));
  }
  return problems;
}
