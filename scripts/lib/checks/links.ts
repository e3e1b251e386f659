import type { Diagnostic } from '#schemas/diagnostic.ts';

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
// Contents of these elements and comments are not markup: a URL in JSON-LD or a script is not a link.
const NOT_MARKUP = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<[a-zA-Z][a-zA-Z0-9-]*((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const NAMED_REFERENCES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text and attribute values as the browser reads them: character references decoded. */
export function decodeReferences(value: string): string {
  return value.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));/g, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    return NAMED_REFERENCES[name ?? ''] ?? whole;
  });
}

/** Blanks out script and style contents and comments, keeping line breaks so that line numbers stay right. */
function markupOnly(html: string): string {
  return html.replace(NOT_MARKUP, (block) => block.replace(/[^\n]/g, ' '));
}

/** The ids and link targets of one HTML page. */
export function scanHtml(html: string): PageRefs {
  const markup = markupOnly(html);
  const lineStarts = [0];
  for (let i = markup.indexOf('\n'); i >= 0; i = markup.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] ?? Infinity) <= offset) line += 1;
    return line + 1;
  };
  const ids = new Set<string>();
  const links: LinkRef[] = [];
  for (const tag of markup.matchAll(TAG)) {
    for (const attr of (tag[1] ?? '').matchAll(ATTRIBUTE)) {
      const name = (attr[1] ?? '').toLowerCase();
      const raw = attr[2] ?? attr[3] ?? attr[4];
      if (raw === undefined) continue;
      const value = decodeReferences(raw);
      if (name === 'id') ids.add(value);
      else if (LINK_ATTRIBUTES.has(name)) links.push({ url: value, line: lineAt(tag.index) });
    }
  }
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
  return { level: 'error', code, message, file, line };
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
