import fs from 'node:fs';
import path from 'node:path';
import config from '../../astro.config.mjs';
import { servedPath } from '../../scripts/lib/checks/links.ts';
import { representativePages, sitemapPaths, type BuiltPage } from '../../scripts/lib/checks/page-types.ts';
import { DIST } from './dist.ts';
import { generatedIds } from './generated.ts';

/** The HTML file that serves a URL path in a built site. */
export function fileForPage(pagePath: string): string {
  return `${pagePath.replace(/^\//, '')}index.html`;
}

/**
 * Every page of the built site: the sitemap's pages, and the built pages it leaves out on purpose
 * (search is noindex, a repeated text's pages point to the text they repeat), with their HTML size.
 */
export function builtPages(dist: string = DIST): BuiltPage[] {
  const sitemap = path.join(dist, 'sitemap.xml');
  if (!fs.existsSync(sitemap)) throw new Error(`${sitemap} is missing: build the site first (npm run build), or run npm test, which does`);
  if (config.site === undefined) throw new Error('astro.config.mjs sets no `site`: the sitemap locations cannot be read as paths');
  const fromSitemap = sitemapPaths(fs.readFileSync(sitemap, 'utf8'), new URL(config.site).origin);
  const fromFiles = fs
    .readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f === 'index.html' || f.endsWith('/index.html'))
    .map((file) => servedPath(file));
  const paths = [...new Set([...fromSitemap, ...fromFiles])].sort();
  const missing = paths.filter((p) => !fs.existsSync(path.join(dist, fileForPage(p))));
  if (missing.length > 0) throw new Error(`the sitemap lists pages that were not built: ${missing.join(', ')}`);
  return paths.map((p) => ({ path: p, bytes: fs.statSync(path.join(dist, fileForPage(p))).size }));
}

/** The largest built page of each kind. */
export function representativeBuiltPages(dist: string = DIST): Map<string, BuiltPage> {
  return representativePages(builtPages(dist), new Set(generatedIds()));
}
