import type { APIRoute } from 'astro';
import { allViews } from '../lib/documents.ts';
import { sitemapXml } from '../lib/feeds.ts';
import { entityPagePaths } from '../lib/site-data.ts';
import { routes } from '../lib/site-routes.ts';
import { absoluteUrl } from '#core/routes.ts';

/** Every page whose canonical URL is itself: a repeated text's pages point to the text they repeat. */
export const GET: APIRoute = async ({ site }) => {
  const views = await allViews();
  const paths = [
    routes.home(),
    ...views.flatMap((view) => {
      const own = view.duplicate === null ? [routes.document(view.document.id)] : [];
      const nodes = view.index.entries.filter((e) => !view.duplicate?.counterparts.has(e.id)).map((e) => routes.node(view.document.id, e.id));
      return [...own, ...nodes];
    }),
    ...(await entityPagePaths()),
  ];
  return new Response(sitemapXml(paths.map((p) => absoluteUrl(p, site))), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
