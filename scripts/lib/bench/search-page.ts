import type { Page } from 'playwright-core';

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

