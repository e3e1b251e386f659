import type { APIRoute } from 'astro';
import { routes } from '../lib/site-routes.ts';
import { absoluteUrl } from '#core/routes.ts';

/** Everything may be crawled except the search placeholder; the sitemap lists every canonical page. */
export const GET: APIRoute = ({ site }) => {
  // A sitemap is published only when the site's address is known (SITE_URL): it must list absolute URLs.
  const sitemap = site === undefined ? [] : ['', `Sitemap: ${absoluteUrl(routes.file('sitemap.xml'), site)}`];
  const body = ['User-agent: *', `Disallow: ${routes.search()}`, ...sitemap, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
