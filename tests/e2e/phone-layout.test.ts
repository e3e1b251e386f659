import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../helpers/browser.ts';

const timeout = 30_000;
const xiangtan = '/xiangtan-2019-stabilise-employment/';
/** A phone's first screen: 375 × 800 CSS pixels, touch, no hovering pointer. */
const PHONE = { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

const session = useSiteInBrowser('dist', timeout);
let context: BrowserContext;

afterEach(async () => {
  await context?.close();
});

async function open(path: string, device: typeof PHONE | typeof DESKTOP = PHONE): Promise<Page> {
  context = await session.browser.newContext(device);
  const page = await context.newPage();
  await page.goto(session.server.origin + path);
  return page;
}

const top = (page: Page, selector: string) => page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
/** How far the page itself scrolls sideways beyond the screen (0: it does not). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('on a phone (375 × 800)', () => {
  it(
    'starts the clause text within the top 480 px, and offers the tools below it',
    async () => {
      const page = await open(`${xiangtan}d1-2.6/`);
      expect(await top(page, '.clause-body')).toBeLessThanOrEqual(480);
      expect(await top(page, '.citation-bar')).toBeGreaterThan(await top(page, '.clause-body'));
      expect(await sidewaysOverflow(page)).toBe(0);
      // A section's page offers its own two buttons, not two more beside each clause inside it.
      await page.goto(`${session.server.origin}${xiangtan}d1-2/`);
      expect(await page.locator('main button[data-copy]:visible').count()).toBe(2);
    },
    timeout,
  );

  it(
    'shows no copy buttons on the document page until a clause is chosen, and none on paragraphs at all',
    async () => {
      const page = await open('/xuhui-2016-employment-plan/');
      expect(await page.locator('.doc-body .para button[data-copy]').count()).toBe(0);
      const visibleCopies = () => page.locator('.doc-body button[data-copy]:visible').count();
      expect(await visibleCopies()).toBe(0);
      // Tapping a clause's § chooses it: its two buttons appear, and only its.
      await page.locator('[id="m-2.1"] > .clause-head .anchor').tap();
      expect(await visibleCopies()).toBe(2);
      expect(await sidewaysOverflow(page)).toBe(0);
    },
    timeout,
  );

  it(
    'has one search box on the search page and shows the first result on the first screen, the filters folded',
    async () => {
      const page = await open(`/search/?q=${encodeURIComponent('就业见习')}`);
      const first = page.locator('.search-result').first();
      await first.waitFor();
      expect(await page.locator('input[type="search"]').count()).toBe(1);
      expect(await page.locator('#search-filter-fold').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      const title = await first.locator('.search-result-title').boundingBox();
      expect(title).not.toBeNull();
      expect((title?.y ?? Infinity) + (title?.height ?? 0)).toBeLessThanOrEqual(800);
      // One control opens the filters.
      await page.locator('#search-filter-fold > summary').tap();
      expect(await page.locator('#search-filters select[name="region"]').isVisible()).toBe(true);
    },
    timeout,
  );

  it(
    'keeps the targets table usable: the page does not scroll sideways, the table does, with its first column in view and a cue',
    async () => {
      const page = await open('/targets/');
      expect(await sidewaysOverflow(page)).toBe(0);
      const wrap = page.locator('.table-wrap.wide').first();
      expect(await wrap.evaluate((w) => w.scrollWidth > w.clientWidth)).toBe(true);
      expect(await wrap.evaluate((w) => getComputedStyle(w, '::before').content)).toContain('左右滑动');
      const firstCell = wrap.locator('tbody tr:not(.group-head) > :first-child').first();
      const before = await firstCell.boundingBox();
      await wrap.evaluate((w) => w.scrollBy(400, 0));
      const after = await firstCell.boundingBox();
      expect(after?.x).toBe(before?.x);
      expect(await firstCell.isVisible()).toBe(true);
    },
    timeout,
  );

  it(
    'lets no page type scroll sideways',
    async () => {
      for (const path of ['/', xiangtan, '/xuhui-2016-employment-plan/m-t1/', '/targets/', '/projects/', '/departments/', '/citations/', '/regions/', '/topics/', '/charts/', '/data/']) {
        const page = await open(path);
        expect([path, await sidewaysOverflow(page)]).toEqual([path, 0]);
        await context.close();
      }
    },
    timeout * 2,
  );
});

describe('on a desktop screen (1280 × 900)', () => {
  it(
    'opens the search filters beside the results',
    async () => {
      const page = await open(`/search/?q=${encodeURIComponent('就业见习')}`, DESKTOP);
      await page.locator('.search-result').first().waitFor();
      expect(await page.locator('#search-filter-fold').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    },
    timeout,
  );
});
