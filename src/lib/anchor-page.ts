/**
 * The light page left at the URL of a paragraph, table row or bullet (src/core/routes.ts,
 * isAnchoredBlock): a few hundred bytes that send the reader to the anchor where the text now is,
 * at once (a refresh, for browsers and crawlers) and by a visible link (for readers whose browser
 * ignores it). Search engines are told the anchor's page is the canonical one and not to index this
 * one; the site's own index has no record for it. No layout, styles or scripts: a page like this
 * costs the build a fraction of a full page.
 */
import { escapeXml } from './feeds.ts';
import { routes } from './site-routes.ts';
import { absoluteUrl, pageOf } from '#core/routes.ts';
import type { NodeEntry } from '#core/document-index.ts';

/**
 * The page: `name` is what the link says (the clause's citation), `target` the path with the anchor,
 * `canonical` the absolute URL of the target's page when the site has an address (else its path).
 */
export function anchorPage(name: string, target: string, canonical: string): string {
  const href = escapeXml(target);
  const title = escapeXml(name);
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title}</title>`,
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${escapeXml(canonical)}">`,
    `<meta http-equiv="refresh" content="0; url=${href}">`,
    '</head>',
    '<body>',
    `<p>内容已移至：<a href="${href}">${title}</a></p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The light page of a paragraph, row or bullet of a document: its citation, and the anchor where its text is; `site` as Astro's. */
export function lightPage(documentId: string, entry: Pick<NodeEntry, 'id' | 'citation'>, site: URL | undefined): string {
  const target = routes.node(documentId, entry.id);
  return anchorPage(entry.citation, target, absoluteUrl(pageOf(target), site));
}
