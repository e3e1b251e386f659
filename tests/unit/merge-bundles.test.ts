import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { decode } from 'cborg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundPrefixes, chunkBounds, compareUtf8, mergeBundles } from '../../scripts/lib/search-index/merge-bundles.ts';
import { unpacked } from '../../scripts/lib/search-index/pagefind-files.ts';
import { writeBundle } from '../../scripts/lib/search-index/pagefind-bundle.ts';
import type { PagefindRecord } from '../../scripts/lib/search-index/records.ts';
import { bundleOfPage, pageName } from '#core/search/page-names.ts';
import { indexContent, termTokens } from '#core/search/tokens.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

/** A chunk size small enough to cut these few records into several chunks (Pagefind's own variable, for the bundles it writes). */
const CHUNK_SIZE = 12;
let savedChunkSize: string | undefined;
beforeAll(() => {
  savedChunkSize = process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = String(CHUNK_SIZE);
});
afterAll(() => {
  if (savedChunkSize === undefined) delete process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
  else process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = savedChunkSize;
});

function read(file: string): unknown {
  return decode(unpacked(file));
}

function fragment(dir: string, name: string): Record<string, unknown> {
  return JSON.parse(unpacked(path.join(dir, 'fragment', `${name}.pf_fragment`)).toString()) as Record<string, unknown>;
}

type Meta = [string, [string, number, string][], [string, string, string][], [string, string][], unknown[], string[]];

/** A bundle as what it says, not how its files are named: its pages (by URL), chunk bounds, words, filters (values by name) and meta fields. */
function contentOf(dir: string) {
  const entry = JSON.parse(fs.readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: { und: { hash: string; page_count: number } } };
  const meta = read(path.join(dir, `pagefind.${entry.languages.und.hash}.pf_meta`)) as Meta;
  const [version, pages, chunks, filters, sorts, fields] = meta;
  return {
    version,
    pageCount: entry.languages.und.page_count,
    pages: pages.map(([name, words, group]) => [fragment(dir, name)['url'], words, group]),
    chunks: chunks.map(([from, to]) => [from, to]),
    words: chunks.flatMap(([, , name]) => (read(path.join(dir, 'index', `${name}.pf_index`)) as [unknown[]])[0]),
    filters: Object.fromEntries(
      filters.map(([filter, name]) => {
        const [, values] = read(path.join(dir, 'filter', `${name}.pf_filter`)) as [string, [string, number[]][]];
        return [filter, Object.fromEntries(values)];
      }),
    ),
    sorts,
    fields,
  };
}

const record = (url: string, text: string, meta: Record<string, string>, filters: Record<string, string[]>): PagefindRecord => ({
  url,
  content: `${indexContent(text)} café naïve`,
  language: 'und',
  meta,
  filters,
});

// Two halves that share words (就业, 补贴, café) and differ in meta fields (source, ctx) and filter values.
const first = [
  record('/a/d1/', '创业担保贷款，就业补贴', { title: '一、（一）', source: '甲', ctx: indexContent('湘潭') }, { kind: ['clause'], region: ['湘潭市'] }),
  record('/a/d2/', '零就业家庭', { title: '一、（二）', source: '甲' }, { kind: ['clause'], region: ['湘潭市'] }),
];
const second = [
  record('/b/d1/', '公益性岗位补贴，就业', { title: '第三条' }, { kind: ['clause', 'target'], region: ['江苏省'] }),
  record('/b/d2/', '就业困难人员', { title: '第四条', ctx: indexContent('江苏') }, { kind: ['clause'] }),
  record('/b/d3/', 'cafe 补贴', { title: '第五条' }, { kind: ['clause'], region: ['湘潭市'] }),
];

describe('mergeBundles', () => {
  it('writes the bundle Pagefind writes from all the records: same pages, chunks, words, filters and fields', async () => {
    const [a, b, all, merged] = ['merge-a-', 'merge-b-', 'merge-all-', 'merge-out-'].map(tempDir) as [string, string, string, string];
    await Promise.all([writeBundle(first, a), writeBundle(second, b), writeBundle([...first, ...second], all)]);

    mergeBundles([a, b], merged, { chunkSize: CHUNK_SIZE, tag: 't1' });

    const expected = contentOf(all);
    expect([expected.pageCount, expected.chunks.length > 3]).toEqual([5, true]);
    expect(contentOf(merged)).toEqual(expected);
  }, 60_000);

  it('gives back a bundle as Pagefind cut it, merged alone at its chunk size', async () => {
    const [a, merged] = ['merge-one-', 'merge-one-out-'].map(tempDir) as [string, string];
    await writeBundle([...second, ...first], a);
    mergeBundles([a], merged, { chunkSize: CHUNK_SIZE, tag: 't1' });
    expect(contentOf(merged)).toEqual(contentOf(a));
  }, 60_000);

  it('names files by tag, bundle and place, and links the fragments as written', async () => {
    const [a, b, merged] = ['merge-names-a-', 'merge-names-b-', 'merge-names-out-'].map(tempDir) as [string, string, string];
    await Promise.all([writeBundle(first, a), writeBundle(second, b)]);
    mergeBundles([a, b], merged, { chunkSize: CHUNK_SIZE, tag: 'c0ffee', firstBundle: 4 });

    const names = [0, 1].map((i) => pageName('und-c0ffee', 4, i)).concat([0, 1, 2].map((i) => pageName('und-c0ffee', 5, i)));
    expect(fs.readdirSync(path.join(merged, 'fragment')).sort()).toEqual(names.map((n) => `${n}.pf_fragment`).sort());
    expect(names.map(bundleOfPage)).toEqual([4, 4, 5, 5, 5]);
    expect(fragment(merged, names[0] ?? '')).toMatchObject({ url: '/a/d1/', meta: { title: '一、（一）', source: '甲' } });
    // Pagefind's scripts come along.
    expect(fs.existsSync(path.join(merged, 'pagefind.js'))).toBe(true);
  }, 60_000);

  it('keeps the words of the searched meta fields only, and every word of the content', async () => {
    const [a, b, all, merged] = ['merge-fields-a-', 'merge-fields-b-', 'merge-fields-all-', 'merge-fields-out-'].map(tempDir) as [string, string, string, string];
    await Promise.all([writeBundle(first, a), writeBundle(second, b), writeBundle([...first, ...second], all)]);
    mergeBundles([a, b], merged, { chunkSize: CHUNK_SIZE, tag: 't1', searchedFields: ['ctx'] });

    type Word = [string, [number, number[], number[]][], unknown[]];
    const words = (dir: string) => new Map((contentOf(dir).words as Word[]).map((w) => [w[0], w]));
    const [whole, kept] = [words(all), words(merged)];
    // Titles and sources are gone, the context's tokens and the content's words are not.
    for (const gone of ['一、（一）', '第三条', '甲']) expect([whole.has(gone), kept.has(gone)]).toEqual([true, false]);
    const ctx = -(contentOf(merged).fields.indexOf('ctx') + 1);
    expect(kept.get(termTokens('湘潭'))?.[1].map(([page, locs, metaLocs]) => [page, locs.length, metaLocs])).toEqual([[0, 0, [ctx, 0]]]);
    for (const [word, entry] of whole) if (entry[1].some(([, locs]) => locs.length > 0)) expect(kept.get(word)?.[1].map(([, locs]) => locs)).toEqual(entry[1].filter(([, locs]) => locs.length > 0).map(([, locs]) => locs));
  }, 60_000);

  it('refuses what it cannot merge rather than merging it wrongly', async () => {
    const [sorted, notPagefind, out] = ['merge-sorted-', 'merge-broken-', 'merge-refused-'].map(tempDir) as [string, string, string];
    await writeBundle([{ ...first[0], sort: { date: '2019-01-01' } } as PagefindRecord], sorted);
    expect(() => mergeBundles([sorted], out, { chunkSize: CHUNK_SIZE, tag: 't' })).toThrow(/sort orders/);
    fs.writeFileSync(path.join(notPagefind, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { und: { hash: 'und_x', wasm: null, page_count: 1 } } }));
    fs.writeFileSync(path.join(notPagefind, 'pagefind.und_x.pf_meta'), zlib.gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from([0x80])])));
    expect(() => mergeBundles([notPagefind], tempDir('merge-refused-2-'), { chunkSize: CHUNK_SIZE, tag: 't' })).toThrow(/not the pf_meta layout/);
  }, 60_000);
});

describe('compareUtf8, boundPrefixes and chunkBounds', () => {
  it('orders by code point, as UTF-8 bytes do, where UTF-16 units would not', () => {
    expect('\uffff' < '😀').toBe(false);
    expect(compareUtf8('\uffff', '😀')).toBeLessThan(0);
    expect(['b', 'ab', 'a', '就业', 'a0'].sort(compareUtf8)).toEqual(['a', 'a0', 'ab', 'b', '就业']);
  });

  it('bounds neighbouring chunks by the shortest prefixes that tell them apart', () => {
    expect(boundPrefixes('apple', 'apricot')).toEqual(['app', 'apr']);
    expect(boundPrefixes('cath', 'cathartic')).toEqual(['cath', 'catha']);
    expect(boundPrefixes('就业补贴', '就业困难')).toEqual(['就业补', '就业困']);
  });

  it('keeps the whole last word where its prefix would sort before its chunk\'s start', () => {
    // abcy | abz: the prefix abc of the middle chunk's end sorts before its start abcy.
    expect(chunkBounds([['aa', 'abcx'], ['abcy', 'abcy'], ['abz', 'b']])).toEqual([
      ['aa', 'abcx'],
      ['abcy', 'abcy'],
      ['abz', 'b'],
    ]);
    expect(chunkBounds([['a', 'apple'], ['apricot', 'banana'], ['cherry', 'date']])).toEqual([
      ['a', 'app'],
      ['apr', 'b'],
      ['c', 'date'],
    ]);
  });
});
