import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { decode } from 'cborg';
import { describe, expect, it } from 'vitest';
import { linkTree } from '../../scripts/lib/search-index/bundle-cache.ts';
import { renamePages } from '../../scripts/lib/search-index/page-names.ts';
import { bundleOfPage, pageName } from '#core/search/page-names.ts';
import { writeBundle } from '../../scripts/lib/search-index/pagefind-bundle.ts';
import { indexContent } from '#core/search/tokens.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

function entryHash(dir: string): string {
  return (JSON.parse(fs.readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: { und: { hash: string } } }).languages.und.hash;
}

function metaOf(dir: string): [string, [string, number, string][], [string, string, string][]] {
  const data = zlib.gunzipSync(fs.readFileSync(path.join(dir, `pagefind.${entryHash(dir)}.pf_meta`)));
  return decode(data.subarray('pagefind_dcd'.length), { useMaps: true }) as [string, [string, number, string][], [string, string, string][]];
}

function pageNames(dir: string): string[] {
  return metaOf(dir)[1].map(([name]) => name);
}

function chunkNames(dir: string): string[] {
  return metaOf(dir)[2].map(([, , name]) => name);
}

describe('renamePages', () => {
  it('names the pages and index chunks of a linked bundle by their place, and leaves the cached bundle as Pagefind wrote it', async () => {
    const cached = tempDir('page-names-cache-');
    const record = (url: string, text: string) => ({ url, content: indexContent(text), language: 'und', meta: { title: text }, filters: {} });
    await writeBundle([record('/a/d1/', '创业担保贷款'), record('/a/d2/', '零就业家庭'), record('/a/d3/', '公益性岗位')], cached);
    const before = { hash: entryHash(cached), names: pageNames(cached), fragments: fs.readdirSync(path.join(cached, 'fragment')).sort(), chunks: fs.readdirSync(path.join(cached, 'index')).sort() };
    const oldChunks = chunkNames(cached);
    const site = tempDir('page-names-site-');
    linkTree(cached, site);

    expect(renamePages(site, 2)).toBe(3);

    const names = pageNames(site);
    expect(names).toEqual([0, 1, 2].map((i) => pageName('und', 2, i)));
    expect(fs.readdirSync(path.join(site, 'fragment')).sort()).toEqual(names.map((n) => `${n}.pf_fragment`).sort());
    expect(entryHash(site)).not.toBe(before.hash);
    expect(fs.existsSync(path.join(site, `pagefind.${before.hash}.pf_meta`))).toBe(false);
    // Each renamed fragment is the one its place named before.
    before.names.forEach((old, i) => expect(fs.readFileSync(path.join(site, 'fragment', `${names[i]}.pf_fragment`))).toEqual(fs.readFileSync(path.join(cached, 'fragment', `${old}.pf_fragment`))));
    // The index chunks likewise, each the one its place named before.
    const chunks = chunkNames(site);
    expect(chunks).toEqual(oldChunks.map((_, i) => pageName('und', 2, i)));
    oldChunks.forEach((old, i) => expect(fs.readFileSync(path.join(site, 'index', `${chunks[i]}.pf_index`))).toEqual(fs.readFileSync(path.join(cached, 'index', `${old}.pf_index`))));
    expect(fs.readdirSync(path.join(site, 'index')).sort()).toEqual(chunks.map((n) => `${n}.pf_index`).sort());
    expect({ hash: entryHash(cached), names: pageNames(cached), fragments: fs.readdirSync(path.join(cached, 'fragment')).sort(), chunks: fs.readdirSync(path.join(cached, 'index')).sort() }).toEqual(before);
  }, 30_000);

  it('keeps pages of different bundles apart, and reads the bundle back from the name', () => {
    expect(pageName('und', 1, 11)).not.toBe(pageName('und', 11, 1));
    expect([bundleOfPage(pageName('und', 0, 5)), bundleOfPage(pageName('und', 37, 1000))]).toEqual([0, 37]);
    expect(bundleOfPage('und_583b533')).toBeNull();
  });
});
