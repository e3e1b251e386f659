import type { APIRoute } from 'astro';
import { routes } from '../lib/site-routes.ts';
import { absoluteUrl } from '#core/routes.ts';

/** Everything may be crawled except the search placeholder; the sitemap lists every canonical page. */
export const GET: APIRoute = ({ site }) => {
  const body = ['User-agent: *', `Disallow: ${routes.search()}`, '', `Sitemap: ${absoluteUrl(routes.file('sitemap.xml'), site)}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
