import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../../scripts/lib/bench/project-copy.ts';
import { launchChromium } from '../helpers/browser.ts';
import { astroBuild, runInCopy } from '../helpers/project-build.ts';
import { landingId, typeQuery } from '../helpers/search-page.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

/**
 * The site deployed under a path: built in a copy of the project with `astro build --base /atlas/`,
 * indexed, link-checked against that base, then served under it and searched in Chromium. Every URL
 * comes from src/core/routes.ts; this is what shows that none of them forgets the base.
 */
const ROOT = process.cwd();
const BASE = '/atlas/';
const NOT_COPIED = new Set(['dist', '.astro', '.git', 'bench', 'tests', 'content/sources']);
const timeout = 10 * 60_000;
const loan = 'xiangtan-2019-stabilise-employment/d1-2.6';

describe('a site built under a base path', () => {
  const tempDir = useTempDirs();
  let work = '';
  let site = '';
  let linkReport = '';
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    work = tempDir('atlas-base-');
    site = path.join(work, 'site');
    copyProject(ROOT, site, NOT_COPIED, path.join(ROOT, 'node_modules'));
    astroBuild(site, ['--base', BASE]);
    runInCopy(site, 'scripts/search-index.ts', ['dist', '--cache', path.join(work, 'search-cache')]);
    linkReport = runInCopy(site, 'scripts/check-links.ts', ['dist', '--base', BASE]);
    server = await serveStatic(path.join(site, 'dist'), BASE);
    browser = await launchChromium();
  }, timeout);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('links only to pages, files and anchors under the base', () => {
    expect(linkReport).toMatch(/^links: \d+ links in \d+ pages checked, 0 problems$/m);
  });

  it('publishes open data whose URLs are under the base', () => {
    const documents = JSON.parse(fs.readFileSync(path.join(site, 'dist/data/documents.json'), 'utf8')) as { url: string }[];
    expect(documents.length).toBeGreaterThan(0);
    for (const d of documents) expect(d.url).toMatch(/^https:\/\/[^/]+\/atlas\/[^/]+\/$/);
  });

  it(
    'searches from under the base and lands on the clause page there',
    async () => {
      if (server === undefined || browser === undefined) throw new Error('the site is not served');
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.origin}${BASE}search/`);
      const shown = await typeQuery(page, '创业担保贷款');
      expect(shown.urls.length).toBeGreaterThan(0);
      for (const url of shown.urls) expect(new URL(url, server.origin).pathname.startsWith(BASE)).toBe(true);
      expect(shown.urls.map((url) => landingId(url).slice(BASE.length - 1))).toContain(loan);
      await page.locator('.search-result-title a').first().click();
      await page.waitForURL(`**${BASE}${loan}/`);
      expect(await page.locator('cite').first().innerText()).toBe('湘潭稳就业二十四条 二、（六）');
      expect(errors).toEqual([]);
      await context.close();
    },
    timeout,
  );
});
