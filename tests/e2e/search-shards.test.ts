/**
 * A large corpus is indexed in shards, merged into the few bundles the browser loads, which the
 * search page merges in turn (scripts/search-index.ts, scripts/lib/search-index/merge-bundles.ts,
 * src/core/search/shard-manifest.ts). Here the real site's index is rebuilt with two documents a
 * shard and at most 120 pages a served bundle, and a search on it must show what the same search
 * shows on the site's single bundle.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decode } from 'cborg';
import { linkTree } from '../../scripts/lib/search-index/bundle-cache.ts';
import { unpacked } from '../../scripts/lib/search-index/pagefind-files.ts';
import { bundleOfPage } from '#core/search/page-names.ts';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/bench/static-server.ts';
import { typeQuery } from '../../scripts/lib/bench/search-page.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

const timeout = 60_000;
const work = tempDir('atlas-shards-');
const sharded = path.join(work, 'site');

beforeAll(() => {
  // The built site without its index, by hard links (cheap), and an index of shards.
  fs.mkdirSync(sharded, { recursive: true });
  for (const entry of fs.readdirSync('dist', { withFileTypes: true })) {
    if (entry.name === 'pagefind') continue;
    const from = path.join('dist', entry.name);
    if (entry.isDirectory()) linkTree(from, path.join(sharded, entry.name));
    else fs.linkSync(from, path.join(sharded, entry.name));
  }
  execFileSync(process.execPath, ['scripts/search-index.ts', 'dist', '--out', path.join(sharded, 'pagefind'), '--cache', path.join(work, 'cache'), '--documents-per-shard', '2', '--pages-per-served-bundle', '120']);
}, timeout);

const session = useSiteInBrowser(sharded, timeout);
let single: StaticServer;
let context: BrowserContext;

beforeAll(async () => {
  single = await serveStatic('dist');
}, timeout);
afterAll(async () => {
  await single?.close();
});
afterEach(async () => {
  await context?.close();
});

interface Shown {
  status: string;
  urls: string[];
  kinds: string[];
}

async function search(page: Page, query: string): Promise<Shown> {
  const { urls } = await typeQuery(page, query);
  // The filter menus come after the results (with counts up to MAX_COUNTED results).
  await page.waitForFunction(() => document.getElementById('search-filters')?.hidden === false);
  return {
    status: await page.locator('#search-status').innerText(),
    urls,
    kinds: await page.locator('select[name="kind"] option').allInnerTexts(),
  };
}

async function searchOn(origin: string, query: string): Promise<Shown> {
  context = await session.browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/search/`);
  const shown = await search(page, query);
  await context.close();
  expect(errors).toEqual([]);
  return shown;
}

describe('a search index in shards', () => {
  it('lists its shards beside the primary bundle, one of them merged from several built bundles', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(sharded, 'pagefind', 'shards.json'), 'utf8')) as { shards: string[] };
    expect(manifest.shards.length).toBeGreaterThanOrEqual(1);
    // The built bundles a served one holds, as its page names tell (src/core/search/page-names.ts).
    const sourcesOf = (folder: string) => {
      const { languages } = JSON.parse(fs.readFileSync(path.join(folder, 'pagefind-entry.json'), 'utf8')) as { languages: { und: { hash: string } } };
      const [, pages] = decode(unpacked(path.join(folder, `pagefind.${languages.und.hash}.pf_meta`))) as [string, [string, number, string][]];
      return new Set(pages.map(([name]) => bundleOfPage(name)));
    };
    const served = [path.join(sharded, 'pagefind'), ...manifest.shards.map((f) => path.join(sharded, 'pagefind', f))].map(sourcesOf);
    expect(served.some((bundles) => bundles.size >= 2)).toBe(true);
    expect(served.flatMap((bundles) => [...bundles])).not.toContain(null);
    for (const folder of manifest.shards) expect(fs.existsSync(path.join(sharded, 'pagefind', folder, 'pagefind-entry.json'))).toBe(true);
    expect(JSON.parse(fs.readFileSync('dist/pagefind/shards.json', 'utf8'))).toEqual({ shards: [], departmentsApart: false });
  });

  // Records holding the query verbatim come first either way; among them Pagefind's scores, which
  // weigh a token by its frequency in its own bundle, may order them differently.
  for (const query of ['创业担保贷款', '零就業家庭', '人社局', '就业 湘潭', '"公益性岗位"']) {
    it(
      `shows for ${query} as many results and the same filter counts as the single bundle`,
      async () => {
        const [fromShards, fromOne] = [await searchOn(session.server.origin, query), await searchOn(single.origin, query)];
        expect(fromShards.urls.length).toBeGreaterThan(0);
        expect(fromShards.status).toBe(fromOne.status);
        expect(fromShards.kinds).toEqual(fromOne.kinds);
        // All of them on the first page: the same ones. Beyond, which of the equally ranked come first may differ.
        if (fromOne.urls.length < 10) expect([...fromShards.urls].sort()).toEqual([...fromOne.urls].sort());
        else expect(fromShards.urls).toHaveLength(fromOne.urls.length);
      },
      timeout,
    );
  }

  it(
    'lands a query with one verbatim answer on the same first result',
    async () => {
      const { urls } = await searchOn(session.server.origin, '创业担保贷款');
      expect(urls[0]).toBe('/xiangtan-2019-stabilise-employment/d1-2.6/');
    },
    timeout,
  );
});
