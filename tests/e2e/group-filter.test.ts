import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../helpers/browser.ts';

const timeout = 30_000;
const session = useSiteInBrowser('dist', timeout);
let context: BrowserContext;

afterEach(async () => {
  await context?.close();
});

async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  context = await session.browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(session.server.origin + path);
  return page;
}

const visibleCards = (page: Page) => page.locator('li.measure:visible');

describe('filtering a group page', () => {
  it(
    'narrows the measures by region and kind, keeps the choice in the address, and opens with it',
    async () => {
      const page = await open('/for/college-graduates/');
      const all = await visibleCards(page).count();
      await page.locator('select[name="region"]').selectOption('湘潭市');
      const inXiangtan = await visibleCards(page).count();
      expect(inXiangtan).toBeGreaterThan(0);
      expect(inXiangtan).toBeLessThan(all);
      expect(await visibleCards(page).evaluateAll((items) => items.every((i) => i.getAttribute('data-filter-region') === '湘潭市'))).toBe(true);
      await page.locator('select[name="kind"]').selectOption('subsidy');
      expect(await visibleCards(page).evaluateAll((items) => items.every((i) => i.getAttribute('data-filter-kind') === 'subsidy'))).toBe(true);
      expect(new URL(page.url()).searchParams.get('region')).toBe('湘潭市');
      // A kind section with nothing left to show is hidden with its heading.
      expect(await page.locator('section.measure-kind:visible h2').allInnerTexts()).toEqual([expect.stringMatching(/^补贴/)]);

      const filtered = await visibleCards(page).count();
      await context.close();
      const reopened = await open(`/for/college-graduates/?region=${encodeURIComponent('湘潭市')}&kind=subsidy`);
      expect(await visibleCards(reopened).count()).toBe(filtered);
    },
    timeout,
  );

  it(
    'shows every measure and the anchor lists without script',
    async () => {
      const page = await open('/for/college-graduates/', { javaScriptEnabled: false });
      expect(await page.locator('form.filters').isVisible()).toBe(false);
      expect(await page.locator('.group-filters a.chip').count()).toBeGreaterThan(1);
      expect(await visibleCards(page).count()).toBe(await page.locator('li.measure').count());
    },
    timeout,
  );

  it(
    'offers the groups on the first screen of the home page on a phone',
    async () => {
      const page = await open('/', { width: 375 });
      const first = await page.locator('.group-grid a').first().boundingBox();
      const search = await page.locator('.home-search').boundingBox();
      expect(first?.y ?? Infinity).toBeLessThan(480);
      expect(first?.y ?? Infinity).toBeLessThan(search?.y ?? 0);
    },
    timeout,
  );
});
