import type { APIRoute } from 'astro';
import { allViews } from '../lib/documents.ts';
import { atomFeed } from '../lib/feeds.ts';
import { routes } from '../lib/site-routes.ts';
import { absoluteUrl } from '#core/routes.ts';

const siteAuthor = '政策图谱 Policy Atlas';

/**
 * The documents, newest first. Repeated texts are left out (they are not new documents), and so are
 * undated ones: an Atom entry must say when it was updated.
 */
export const GET: APIRoute = async ({ site }) => {
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
};
