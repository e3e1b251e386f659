import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { siteFixture } from '../helpers/site-fixture.ts';

const timeout = 30_000;

const session = useSiteInBrowser('dist', timeout);
let context: BrowserContext;


afterEach(async () => {
  await context?.close();
});

/** A page whose console errors (Content Security Policy violations among them) and script requests are recorded. */
async function open(path: string, options: { javaScriptEnabled?: boolean; height?: number } = {}): Promise<{ page: Page; errors: string[]; scripts: string[] }> {
  context = await session.browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: 1280, height: options.height ?? 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const scripts: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(session.server.origin + path, { waitUntil: 'load' });
  return { page, errors, scripts };
}

/** How many pixels of the canvas have been painted (alpha > 0), and whether a colour close to `rgb` is among them. */
function paint(page: Page, selector: string, rgb: readonly [number, number, number]): Promise<{ painted: number; hasColour: boolean }> {
  return page.evaluate(
    ([sel, [r, g, b]]) => {
      const canvas = document.querySelector<HTMLCanvasElement>(sel);
      const context = canvas?.getContext('2d');
      if (!canvas || !context) return { painted: 0, hasColour: false };
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      let hasColour = false;
      for (let i = 0; i < data.length; i += 4) {
        if ((data[i + 3] ?? 0) === 0) continue;
        painted += 1;
        if (Math.abs((data[i] ?? 0) - r) < 8 && Math.abs((data[i + 1] ?? 0) - g) < 8 && Math.abs((data[i + 2] ?? 0) - b) < 8) hasColour = true;
      }
      return { painted, hasColour };
    },
    [selector, rgb] as const,
  );
}

describe('charts', () => {
  it(
    'load chart.js only when a chart scrolls into view, then draw it, with no CSP or other console error',
    async () => {
      const { page, errors, scripts } = await open('/projects/', { height: 600 });
      const chart = page.locator('atlas-chart');
      expect(await chart.getAttribute('data-drawn')).toBeNull();
      const before = new Set(scripts);

      await chart.scrollIntoViewIfNeeded();
      await page.waitForSelector('atlas-chart[data-drawn="true"]', { timeout: 10_000 });
      const lazy = scripts.filter((s) => !before.has(s));
      expect(lazy.length).toBeGreaterThan(0);

      // The 试点 bars are drawn in the first colour of the palette, #0072B2.
      const { painted, hasColour } = await paint(page, 'atlas-chart canvas', [0x00, 0x72, 0xb2]);
      expect(painted).toBeGreaterThan(5_000);
      expect(hasColour).toBe(true);
      expect(await page.locator('atlas-chart canvas').getAttribute('aria-label')).toMatch(/^堆叠柱状图，按完成年份统计项目数：2012年试点5个、示范5个/);
      expect(errors).toEqual([]);

      const document = await open('/xiangtan-2019-stabilise-employment/');
      expect(document.scripts.filter((s) => lazy.includes(s))).toEqual([]);
      expect(await document.page.evaluate(() => customElements.get('atlas-chart') === undefined)).toBe(true);
      expect(document.errors).toEqual([]);
    },
    timeout,
  );

  it(
    'draws every chart of the charts page',
    async () => {
      const { page, errors } = await open('/charts/');
      const count = await page.locator('atlas-chart').count();
      expect(count).toBe(10);
      for (let i = 0; i < count; i++) await page.locator('atlas-chart').nth(i).scrollIntoViewIfNeeded();
      await page.waitForFunction((n) => document.querySelectorAll('atlas-chart[data-drawn="true"]').length === n, count, { timeout: 10_000 });
      expect(errors).toEqual([]);
    },
    timeout,
  );

  it(
    'leave only the tables when scripts are off',
    async () => {
      const { page } = await open('/charts/', { javaScriptEnabled: false });
      expect(await page.locator('atlas-chart').first().isVisible()).toBe(false);
      expect(await page.locator('.chart-table').first().isVisible()).toBe(true);
    },
    timeout,
  );
});

describe('table filters', () => {
  it(
    'filter the projects by place, say how many are shown, and keep the choice in the address',
    async () => {
      const { page, errors } = await open('/projects/');
      await page.selectOption('select[name="region"]', '南京');
      expect(await page.locator('#projects-table tr[data-project]:visible').count()).toBe(8);
      expect(await page.locator('.filter-count').innerText()).toBe('显示 8 / 24 个项目');
      expect(decodeURIComponent(new URL(page.url()).search)).toBe('?region=南京');

      await page.selectOption('select[name="kind"]', '示范');
      expect(await page.locator('#projects-table tr[data-project]:visible').count()).toBe(3);
      await page.getByRole('button', { name: '清除筛选' }).click();
      await page.waitForFunction(() => document.querySelector('.filter-count')?.textContent === '显示 24 / 24 个项目');
      expect(errors).toEqual([]);
    },
    timeout,
  );

  it(
    'open with the filter named in the address',
    async () => {
      const { page } = await open('/targets/?document=xuhui-2016-employment-plan&status=met');
      expect(await page.locator('#targets-table tbody tr:not(.group-head):visible').count()).toBe(6);
      expect(await page.locator('#targets-table tr.group-head:visible').count()).toBe(1);
    },
    timeout,
  );

  it(
    'show the full table and no filter form without scripts',
    async () => {
      const { page } = await open('/targets/', { javaScriptEnabled: false });
      expect(await page.locator('form.filters').isVisible()).toBe(false);
      expect(await page.locator('#targets-table tbody tr:not(.group-head):visible').count()).toBe(siteFixture().corpus.targets.length);
    },
    timeout,
  );
});
