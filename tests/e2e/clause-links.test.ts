import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../helpers/browser.ts';

const xiangtan = '/xiangtan-2019-stabilise-employment/';
const timeout = 30_000;

const session = useSiteInBrowser('dist', timeout);
let context: BrowserContext;
/** Console errors of the page, such as Content Security Policy violations. */
let consoleErrors: string[];


afterEach(async () => {
  await context?.close();
});

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  context = await session.browser.newContext({ ...options, viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.origin });
  const page = await context.newPage();
  consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(session.server.origin + path);
  return page;
}

describe('copying a clause link on a document page', () => {
  it(
    'copies the absolute URL of the clause page, announces it, and the URL opens that clause',
    async () => {
      const page = await open(xiangtan);
      const head = page.locator('[id="d1-2.6"] > .clause-head');
      await head.hover();
      await head.getByRole('button', { name: '复制链接：湘潭稳就业二十四条 二、（六）' }).click();
      await page.waitForFunction(() => document.getElementById('announcer')?.textContent === '已复制链接');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe('https://policy-atlas.test/xiangtan-2019-stabilise-employment/d1-2.6/');

      await page.goto(copied.replace(new URL(copied).origin, session.server.origin));
      expect(await page.locator('h1').innerText()).toBe('（六）加大创业担保贷款工作力度');
      expect(await page.locator('cite').innerText()).toBe('湘潭稳就业二十四条 二、（六）');
      expect(await page.locator('.clause-body').innerText()).toContain('将农村自主创业的农民纳入支持范围');
      expect(consoleErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'copies the citation',
    async () => {
      const page = await open(`${xiangtan}d1-2.6/`);
      await page.getByRole('button', { name: '复制引文' }).click();
      await page.waitForFunction(() => document.getElementById('announcer')?.textContent === '已复制引文和链接');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('湘潭稳就业二十四条 二、（六） https://policy-atlas.test/xiangtan-2019-stabilise-employment/d1-2.6/');
    },
    timeout,
  );

  it(
    'copies the formal citation with its link, and the GB/T 7714 reference dated the day it is copied',
    async () => {
      const page = await open(`${xiangtan}d1-2.6/`);
      await page.getByText('正式引文和参考文献格式').click();
      await page.locator('.citation-forms button').first().click();
      await page.waitForFunction(() => document.getElementById('announcer')?.textContent === '已复制正式引文和链接');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('《湘潭市进一步做好稳就业工作二十四条措施》第二部分第（六）项 https://policy-atlas.test/xiangtan-2019-stabilise-employment/d1-2.6/');
      await page.locator('.citation-forms button').nth(1).click();
      await page.waitForFunction(() => document.getElementById('announcer')?.textContent === '已复制参考文献');
      const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        `湘潭市人民政府. 湘潭市人民政府关于印发《湘潭市进一步做好稳就业工作二十四条措施》的通知[EB/OL]. (2019-02-01)[${today}]. https://policy-atlas.test/xiangtan-2019-stabilise-employment/.`,
      );
    },
    timeout,
  );
});

describe('the 采集原文 / 规范简体 switch', () => {
  it(
    'shows the published traditional text in place of the simplified one, and remembers the choice for that document only',
    async () => {
      const page = await open(xiangtan);
      const title = page.locator('[id="d1-2.6"] .provision-heading');
      expect(await title.innerText()).toBe('（六）加大创业担保贷款工作力度');
      await page.getByText('采集原文（繁体）', { exact: true }).click();
      expect(await title.innerText()).toBe('（六）加大創業擔保貸款工作力度');
      expect(await page.locator('[id="d1-2.6"] .provision-text').innerText()).toContain('將農村自主創業的農民納入支持范圍');

      // Another document opens in the normalised text: the choice does not silently carry over.
      await page.goto(`${session.server.origin}/jiangsu-szbf-2012-91/`);
      expect(await page.locator('input[data-script-choice][value="simplified"]').isChecked()).toBe(true);

      await page.goto(`${session.server.origin}${xiangtan}d1-2.6/`);
      expect(await page.locator('h1').innerText()).toBe('（六）加大創業擔保貸款工作力度');
      await page.getByText('规范简体', { exact: true }).click();
      expect(await page.locator('h1').innerText()).toBe('（六）加大创业担保贷款工作力度');
      expect(consoleErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'works without JavaScript, and then hides the copy buttons that would do nothing',
    async () => {
      const page = await open(xiangtan, { javaScriptEnabled: false });
      expect(await page.locator('button[data-copy]:visible').count()).toBe(0);
      await page.getByText('采集原文（繁体）', { exact: true }).click();
      expect(await page.locator('[id="d1-2.6"] .provision-heading').innerText()).toBe('（六）加大創業擔保貸款工作力度');
    },
    timeout,
  );
});
