import type { Page } from 'playwright-core';
import { isAnchoredBlock } from '#core/routes.ts';

/** What the search page showed for a query. */
export interface RenderedSearch {
  query: string;
  /** From the search starting (after the typing delay) to its results being on screen. */
  ms: number;
  /** The result links, in order, one per page landed on. */
  urls: string[];
}

/**
 * Types a query into the search page's box, as a user would, and waits for the page to report
 * its results on screen (the `search-rendered` event of src/scripts/search-page.ts).
 */
export async function typeQuery(page: Page, query: string): Promise<RenderedSearch> {
  const rendered = page.evaluate(
    () =>
      new Promise<RenderedSearch>((resolve) => {
        document.getElementById('search-form')?.addEventListener('search-rendered', (e) => resolve((e as CustomEvent<RenderedSearch>).detail), { once: true });
      }),
  );
  await page.fill('#search-q', query);
  return rendered;
}

/**
 * The site path a result URL lands on, without slashes: documentId/nodeId. A paragraph, row or
 * bullet lands at its anchor on its holder's page (/d/a1-t1/#a1-t1.r3, /d/#ch-1.p1): that names it.
 */
export function landingId(url: string): string {
  const { pathname, hash } = new URL(url, 'http://site.invalid');
  const path = pathname.replace(/^\/|\/$/g, '');
  // A target's or project's anchor there names its node first: #a1-t1.r3/pilot-1.
  const anchor = decodeURIComponent(hash.slice(1)).split('/')[0] ?? '';
  if (!isAnchoredBlock(anchor)) return path;
  const holder = path.split('/').at(-1) ?? '';
  return anchor.startsWith(`${holder}.`) || anchor.startsWith(`${holder}-`) ? `${path.slice(0, -holder.length)}${anchor}` : `${path}/${anchor}`;
}
