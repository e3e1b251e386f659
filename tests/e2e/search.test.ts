import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { landingId, typeQuery } from '../helpers/search-page.ts';

const SITE = 'dist';
const timeout = 30_000;
const loan = 'xiangtan-2019-stabilise-employment/d1-2.6';

const session = useSiteInBrowser(SITE, timeout);
let context: BrowserContext;
/** Console errors of the page, such as Content Security Policy violations. */
let consoleErrors: string[];


afterEach(async () => {
  await context?.close();
});

async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  context = await session.browser.newContext({ viewport });
  const page = await context.newPage();
  consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(session.server.origin + path);
  return page;
}

/** The landing ids of the results on screen, in order. */
async function shownIds(page: Page): Promise<string[]> {
  return (await page.locator('.search-result').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset['url'] ?? ''))).map(landingId);
}

describe('search', () => {
  it(
    'submits from the header of any page to /search/?q=, lands the first result on the clause, and keeps Back working',
    async () => {
      const page = await open('/xiangtan-2019-stabilise-employment/');
      await page.locator('.site-search input[name="q"]').fill('创业担保贷款');
      await page.locator('.site-search input[name="q"]').press('Enter');
      await page.waitForURL(/\/search\/\?q=/);
      await page.locator('.search-result').first().waitFor();
      expect(new URL(page.url()).searchParams.get('q')).toBe('创业担保贷款');
      expect(await page.locator('#search-status').innerText()).toMatch(/^找到 \d+ 条结果$/);

      const first = page.locator('.search-result').first();
      expect(landingId((await first.getAttribute('data-url')) ?? '')).toBe(loan);
      expect(await first.locator('.search-result-title').innerText()).toBe('湘潭稳就业二十四条 二、（六）');
      expect(await first.locator('mark').first().innerText()).toBe('创业担保贷款');

      await first.locator('.search-result-title a').click();
      await page.waitForURL(`**/${loan}/`);
      expect(await page.locator('cite').first().innerText()).toBe('湘潭稳就业二十四条 二、（六）');
      await page.goBack();
      await page.locator('.search-result').first().waitFor();
      expect(await page.locator('#search-q').inputValue()).toBe('创业担保贷款');
      expect(consoleErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'gives a traditional query the results of its simplified form, and says so',
    async () => {
      const page = await open('/search/');
      const simplified = await typeQuery(page, '零就业家庭');
      const traditional = await typeQuery(page, '零就業家庭');
      expect(traditional.urls).toEqual(simplified.urls);
      expect(traditional.urls.length).toBeGreaterThanOrEqual(4);
      expect(await page.locator('#search-status').innerText()).toMatch(/^找到 \d+ 条结果（已按简体“零就业家庭”搜索）$/);
      expect(await page.locator('.search-result mark').first().innerText()).toBe('零就业家庭');
      expect(consoleErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'returns only exact matches for a quoted phrase',
    async () => {
      const page = await open('/search/?q=%22%E5%9B%9B%E4%B8%AA%E4%B8%8D%E5%87%BA%E6%9D%91%22');
      await page.locator('.search-result').first().waitFor();
      expect(await shownIds(page)).toEqual(['jiangsu-szbf-2012-91/a1-t1.r10']);
      // The project and the table row it comes from both say it: one result, the row listed under the project.
      const first = page.locator('.search-result').first();
      expect(await first.locator('.search-result-title').innerText()).toBe('农村社会养老保险经办管理服务“四个不出村”试点');
      expect(await first.locator('.search-result-related').innerText()).toBe('条款：苏政办发〔2012〕91号 附件1 表1 序号10');
      expect(await page.locator('#search-status').innerText()).toBe('找到 2 条结果');
    },
    timeout,
  );

  it(
    'finds the department page by the name the texts use, and filters by kind with a count per value',
    async () => {
      const page = await open('/search/');
      await typeQuery(page, '人社局');
      expect((await shownIds(page))[0]).toMatch(/^departments\//);
      const kind = page.locator('select[name="kind"]');
      await kind.locator('option[value="department"]').waitFor({ state: 'attached' });
      expect(await kind.locator('option[value="department"]').innerText()).toBe('部门（3）');
      const filtered = page.evaluate(() => new Promise<void>((resolve) => document.getElementById('search-form')?.addEventListener('search-rendered', () => resolve(), { once: true })));
      await kind.selectOption('department');
      await filtered;
      expect((await shownIds(page)).every((id) => id.startsWith('departments/'))).toBe(true);
      expect(new URL(page.url()).searchParams.get('kind')).toBe('department');
      await page.goBack();
      await page.waitForFunction(() => (document.querySelector('select[name="kind"]') as HTMLSelectElement | null)?.value === '');
    },
    timeout,
  );

  it(
    'says clearly when nothing matches and suggests fewer words',
    async () => {
      const page = await open('/search/');
      await typeQuery(page, '创业担保贷款 宇宙飞船');
      expect(await page.locator('#search-status').innerText()).toBe('没有找到结果');
      const notice = page.locator('#search-notice');
      expect(await notice.innerText()).toContain('没有找到与“创业担保贷款 宇宙飞船”相符的内容。试试减少词语：创业担保贷款');
      expect(await notice.getByRole('link', { name: '创业担保贷款' }).getAttribute('href')).toBe('/search/?q=%E5%88%9B%E4%B8%9A%E6%8B%85%E4%BF%9D%E8%B4%B7%E6%AC%BE');
    },
    timeout,
  );

  it(
    'is keyboard operable and fits a phone screen',
    async () => {
      const page = await open('/search/?q=%E5%A4%B1%E4%B8%9A%E4%BF%9D%E9%99%A9%E9%87%91', { width: 360, height: 740 });
      await page.locator('.search-result').first().waitFor();
      await page.locator('#search-q').focus();
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.closest('.search-result') !== null)).toBe(true);
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await page.getByLabel('搜索条款、目标、部门和项目').count()).toBe(1);
      expect(consoleErrors).toEqual([]);
    },
    timeout,
  );
});
