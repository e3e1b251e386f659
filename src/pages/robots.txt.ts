import type { APIRoute } from 'astro';
import { absoluteUrl, homePath } from '../lib/urls.ts';

/** Everything may be crawled except the search placeholder; the sitemap lists every canonical page. */
export const GET: APIRoute = ({ site }) => {
  const body = ['User-agent: *', `Disallow: ${homePath()}search/`, '', `Sitemap: ${absoluteUrl(`${homePath()}sitemap.xml`, site)}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
