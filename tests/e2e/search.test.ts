import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { typeQuery } from '../../scripts/lib/bench/search-page.ts';
import { landingId } from '../../scripts/lib/bench/search-quality.ts';

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
      // One result per page: the table row, with the project it is listed under it.
      const first = page.locator('.search-result').first();
      expect(await first.locator('.search-result-title').innerText()).toBe('苏政办发〔2012〕91号 附件1 表1 序号10');
      expect(await first.locator('.search-result-related').innerText()).toBe('项目：农村社会养老保险经办管理服务“四个不出村”试点');
      // The row is one part of its table's page: the result links its anchor there, and the project's under it.
      expect(await first.locator('.search-result-title a').getAttribute('href')).toBe('/jiangsu-szbf-2012-91/a1-t1/#a1-t1.r10');
      expect(await first.locator('.search-result-related a').getAttribute('href')).toBe('/jiangsu-szbf-2012-91/a1-t1/#a1-t1.r10/pilot-10');
      expect(await page.locator('#search-status').innerText()).toBe('找到 1 条结果');
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
      // The counts come once the reader turns to the filters.
      await kind.focus();
      await page.waitForFunction(() => document.querySelector('select[name="kind"] option[value="department"]')?.textContent === '部门（3）');
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
    'shows the results for most of the words, labelled, and suggests fewer words',
    async () => {
      const page = await open('/search/');
      await typeQuery(page, '创业担保贷款 宇宙飞船');
      expect(await page.locator('#search-status').innerText()).toMatch(/^找到 \d+ 条部分匹配的结果$/);
      const notice = page.locator('#search-notice');
      expect(await notice.innerText()).toContain('没有同时包含全部 2 个词语的结果。以下结果包含其中 1 个。也可以减少词语：创业担保贷款');
      expect(await notice.getByRole('link', { name: '创业担保贷款' }).getAttribute('href')).toBe('/search/?q=%E5%88%9B%E4%B8%9A%E6%8B%85%E4%BF%9D%E8%B4%B7%E6%AC%BE');
    },
    timeout,
  );

  it(
    'shows near matches for a wrong character, the word read like it first, and links that word',
    async () => {
      const page = await open('/search/');
      const rendered = await typeQuery(page, '城镇登记失业律');
      expect(await page.locator('#search-status').innerText()).toMatch(/^找到 \d+ 条相近的结果$/);
      const notice = page.locator('#search-notice');
      expect(await notice.innerText()).toContain('请检查是否有错别字。读音相近：城镇登记失业率');
      expect(await notice.getByRole('link', { name: '城镇登记失业率' }).getAttribute('href')).toBe(`/search/?q=${encodeURIComponent('城镇登记失业率')}`);
      expect(await page.locator('.search-result').first().innerText()).toContain('城镇登记失业率');
      expect(rendered.urls.length).toBeGreaterThan(0);
    },
    timeout,
  );

  it(
    'says clearly when nothing matches and offers topics, regions and departments to browse',
    async () => {
      const page = await open('/search/');
      await typeQuery(page, '宇宙飞船');
      expect(await page.locator('#search-status').innerText()).toBe('没有找到结果');
      const notice = page.locator('#search-notice');
      expect(await notice.innerText()).toContain('没有找到与“宇宙飞船”相符的内容。');
      for (const [name, path] of [['主题', '/topics/'], ['地区', '/regions/'], ['部门', '/departments/']] as const) {
        expect(await notice.getByRole('link', { name }).getAttribute('href')).toBe(path);
      }
    },
    timeout,
  );

  it(
    'says which synonyms it also searched, and clears the busy state when the box is emptied mid-search',
    async () => {
      const page = await open('/search/');
      await typeQuery(page, '社保补贴');
      expect(await page.locator('#search-notice').innerText()).toContain('也搜索了：社会保险补贴。');
      // A fresh page whose search engine is slow to arrive: the search is still running when the box is emptied.
      await page.context().close();
      const slow = await open('/search/');
      await slow.route('**/pagefind/pagefind.js', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await slow.fill('#search-q', '零就业家庭');
      await slow.waitForFunction(() => document.getElementById('search-form')?.getAttribute('aria-busy') === 'true');
      await slow.fill('#search-q', '');
      await slow.waitForTimeout(2500);
      expect(await slow.locator('#search-form').getAttribute('aria-busy')).toBeNull();
      expect(await slow.locator('.search-result').count()).toBe(0);
    },
    timeout,
  );

  it(
    'lands a pasted citation or 文号 on its clause or document, on /cite/ and in the search box',
    async () => {
      const page = await open('/cite/?q=' + encodeURIComponent('《湘潭市进一步做好稳就业工作二十四条措施》第二部分第（六）项'));
      await page.waitForURL(`**/${loan}/`);
      await page.goto(session.server.origin + '/cite/?q=' + encodeURIComponent('宜府办函[2014]282号'));
      await page.waitForURL('**/yibin-yfbh-2014-282/');
      await page.goto(session.server.origin + '/search/');
      const found = await typeQuery(page, '湘潭稳就业二十四条 二、(六)');
      expect(found.urls[0]).toBe(`/${loan}/`);
      expect(await page.locator('#search-status').innerText()).toBe('按引文找到：湘潭稳就业二十四条 二、（六）');
      expect(consoleErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'searches within a document from its page, and sorts by date',
    async () => {
      const page = await open('/yibin-yfbh-2014-282/');
      await page.locator('.search-within input[name="q"]').fill('公益性岗位');
      await page.locator('.search-within input[name="q"]').press('Enter');
      await page.waitForURL(/\/search\/\?/);
      await page.locator('.search-result').first().waitFor();
      expect(new URL(page.url()).searchParams.get('document')).toBe('宜府办函〔2014〕282号');
      expect((await shownIds(page)).every((id) => id.startsWith('yibin-yfbh-2014-282/'))).toBe(true);

      await page.goto(session.server.origin + '/search/?q=%E5%85%AC%E7%9B%8A%E6%80%A7%E5%B2%97%E4%BD%8D&sort=oldest');
      await page.locator('.search-result').first().waitFor();
      const oldest = await shownIds(page);
      expect(oldest[0]?.startsWith('jiangsu-szbf-2012-91/')).toBe(true);
      expect(oldest.at(-1)?.startsWith('xiangtan-2019-stabilise-employment/')).toBe(true);
    },
    timeout,
  );

  it(
    'tries to load the search engine again after a failed load',
    async () => {
      const page = await open('/search/');
      // The network fails until the reader tries again.
      let offline = true;
      await page.route('**/pagefind/pagefind.js*', (route) => (offline ? route.abort() : route.continue()));
      await page.fill('#search-q', '零就业家庭');
      await page.waitForFunction(() => document.getElementById('search-status')?.textContent?.includes('无法加载') === true);
      expect(await page.locator('#search-form').getAttribute('aria-busy')).toBeNull();
      offline = false;
      const retried = await typeQuery(page, '创业担保贷款');
      expect(retried.urls.length).toBeGreaterThan(0);
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
