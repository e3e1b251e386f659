import { describe, expect, it } from 'vitest';
import { bundleKey, partitionDocuments, shardCount } from '../../scripts/lib/search-index/shards.ts';
import { servedGroups } from '../../scripts/lib/search-index/served-bundles.ts';
import type { PagefindRecord } from '../../scripts/lib/search-index/records.ts';

const documents = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `doc-${String(i).padStart(4, '0')}` }));

describe('partitionDocuments', () => {
  it('keeps a corpus of up to a fifth of a shard as one group, in order', () => {
    expect(partitionDocuments(documents(5), 100)).toEqual([documents(5)]);
    expect(partitionDocuments(documents(20), 100)).toEqual([documents(20)]);
  });

  it('cuts a larger corpus into at least two shards, so that two cores can index it', () => {
    expect(shardCount(21, 100)).toBe(2);
    expect(shardCount(100, 100)).toBe(2);
    expect(shardCount(201, 100)).toBe(3);
    expect(partitionDocuments(documents(100), 100).map((g) => g.length).reduce((a, b) => a + b)).toBe(100);
  });

  it('cuts a larger corpus into about evenly filled shards holding every document once', () => {
    const groups = partitionDocuments(documents(1000), 200);
    expect(groups).toHaveLength(5);
    expect(groups.flat().map((d) => d.id).sort()).toEqual(documents(1000).map((d) => d.id));
    for (const g of groups) expect(g.length).toBeGreaterThan(150);
  });

  it('leaves every document in its shard when another document joins, while the number of shards stays', () => {
    const before = partitionDocuments(documents(950), 200);
    const after = partitionDocuments([...documents(950), { id: 'a-new-one' }], 200);
    expect(after.map((g) => g.filter((d) => d.id !== 'a-new-one'))).toEqual(before);
  });
});

describe('bundleKey', () => {
  const record = (url: string, content: string): PagefindRecord => ({ url, content, language: 'und', meta: { title: url }, filters: { kind: ['clause'] } });
  const records = [record('/a/d1/', 'a0x a0y'), record('/a/d2/', 'a0z')];
  const settings = { pagefind: '1.6.0', chunkSize: '4000' };

  it('is the same for the same records and settings, in any order of the settings', () => {
    expect(bundleKey(records, settings)).toBe(bundleKey(records.map((r) => ({ ...r })), { chunkSize: '4000', pagefind: '1.6.0' }));
    expect(bundleKey(records, settings)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('changes with any record, their order, or the indexer settings', () => {
    const key = bundleKey(records, settings);
    expect(bundleKey([records[0]!, record('/a/d2/', 'a0w')], settings)).not.toBe(key);
    expect(bundleKey([...records].reverse(), settings)).not.toBe(key);
    expect(bundleKey(records, { ...settings, pagefind: '1.6.1' })).not.toBe(key);
    expect(bundleKey([{ ...records[0]!, filters: { kind: ['clause'], bundle: ['1'] } }, records[1]!], settings)).not.toBe(key);
  });
});

describe('servedGroups', () => {
  it('serves a corpus within the limit as one bundle', () => {
    expect(servedGroups([40, 3000, 2900], 16_000)).toEqual([[0, 1, 2]]);
  });

  it('cuts a larger corpus into as few runs of consecutive bundles as the limit allows, about equal, bundle 0 first', () => {
    const counts = [40, ...Array.from({ length: 10 }, () => 3150)];
    const groups = servedGroups(counts, 16_000);
    expect(groups).toHaveLength(2);
    expect(groups.flat()).toEqual(counts.map((_, i) => i));
    const sizes = groups.map((g) => g.reduce((n, i) => n + (counts[i] ?? 0), 0));
    expect(Math.abs((sizes[0] ?? 0) - (sizes[1] ?? 0))).toBeLessThanOrEqual(3150);
    expect(servedGroups(counts, 11_000)).toHaveLength(3);
  });

  it('keeps every bundle, even one larger than the limit', () => {
    expect(servedGroups([20_000], 16_000)).toEqual([[0]]);
    expect(servedGroups([], 16_000)).toEqual([[]]);
  });
});
