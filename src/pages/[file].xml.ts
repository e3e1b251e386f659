import type { APIRoute, GetStaticPaths } from 'astro';
import { allViews } from '../lib/documents.ts';
import { atomFeed, sitemapXml } from '../lib/feeds.ts';
import { entityPagePaths } from '../lib/site-data.ts';
import { routes } from '../lib/site-routes.ts';
import { absoluteUrl, hasFullPage } from '#core/routes.ts';

/**
 * The sitemap and the Atom feed. Both must list absolute URLs, so they are published only when the
 * site's address is configured (SITE_URL); without it there is nothing honest to put in them.
 */
export const getStaticPaths = (() => (import.meta.env.SITE === undefined ? [] : [{ params: { file: 'sitemap' } }, { params: { file: 'feed' } }])) satisfies GetStaticPaths;

const siteAuthor = '政策图谱 Policy Atlas';

export const GET: APIRoute = async ({ params, site }) => (params['file'] === 'sitemap' ? sitemap(site) : feed(site));

/** Every page whose canonical URL is itself: a repeated text's pages point to the text they repeat. */
async function sitemap(site: URL | undefined): Promise<Response> {
  const views = await allViews();
  const paths = [
    routes.home(),
    ...views.flatMap((view) => {
      const own = view.duplicate === null ? [routes.document(view.document.id)] : [];
      const nodes = view.index.entries.filter((e) => hasFullPage(e.id) && !view.duplicate?.counterparts.has(e.id)).map((e) => routes.node(view.document.id, e.id));
      return [...own, ...nodes];
    }),
    ...(await entityPagePaths()),
  ];
  return new Response(sitemapXml(paths.map((p) => absoluteUrl(p, site))), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}

/**
 * The documents, newest first. Repeated texts are left out (they are not new documents), and so are
 * undated ones: an Atom entry must say when it was updated.
 */
async function feed(site: URL | undefined): Promise<Response> {
  const views = await allViews();
  const entries = views.flatMap(({ document: d, duplicate }) =>
    duplicate !== null || d.meta.date === null
      ? []
      : [
          {
            url: absoluteUrl(routes.document(d.id), site),
            title: d.meta.title,
            date: d.meta.date,
            author: d.meta.issuer ?? siteAuthor,
            summary: [d.meta.docNumber, d.meta.issuer, d.meta.region.name, d.meta.type].filter((s) => s !== null).join(' · '),
          },
        ],
  );
  const xml = atomFeed({ title: '政策图谱：新收录的文件', siteUrl: absoluteUrl(routes.home(), site), feedUrl: absoluteUrl(routes.file('feed.xml'), site), author: siteAuthor, entries });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
