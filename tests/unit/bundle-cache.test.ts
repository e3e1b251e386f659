import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { hasBundle, linkTree, pruneCache, storeBundle } from '../../scripts/lib/search-index/bundle-cache.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

let dir: string;
beforeEach(() => {
  dir = tempDir('bundle-cache-');
});

function bundle(cache: string, key: string, mtime: Date): void {
  fs.mkdirSync(path.join(cache, key, 'index'), { recursive: true });
  fs.writeFileSync(path.join(cache, key, 'pagefind-entry.json'), '{}');
  fs.utimesSync(path.join(cache, key), mtime, mtime);
}

describe('linkTree', () => {
  it('puts every file at the same place, sharing its inode', () => {
    const from = path.join(dir, 'from');
    fs.mkdirSync(path.join(from, 'index'), { recursive: true });
    fs.writeFileSync(path.join(from, 'pagefind.js'), 'js');
    fs.writeFileSync(path.join(from, 'index', 'a.pf_index'), 'idx');
    expect(linkTree(from, path.join(dir, 'to', 'pagefind'))).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'to', 'pagefind', 'index', 'a.pf_index'), 'utf8')).toBe('idx');
    expect(fs.statSync(path.join(dir, 'to', 'pagefind', 'pagefind.js')).ino).toBe(fs.statSync(path.join(from, 'pagefind.js')).ino);
  });
});

describe('storeBundle', () => {
  it('makes a bundle visible under its key only once it is written', async () => {
    const stored = await storeBundle(dir, 'k1', async (tmp) => {
      expect(hasBundle(dir, 'k1')).toBe(false);
      fs.writeFileSync(path.join(tmp, 'pagefind-entry.json'), '{}');
    });
    expect(stored).toBe(path.join(dir, 'k1'));
    expect(hasBundle(dir, 'k1')).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['k1']);
  });

  it('leaves no bundle when writing fails', async () => {
    await expect(storeBundle(dir, 'k2', async () => Promise.reject(new Error('Pagefind failed')))).rejects.toThrow('Pagefind failed');
    expect(hasBundle(dir, 'k2')).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('pruneCache', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  it('keeps the bundles used and as many of the most recently used others; deletes the rest and abandoned partial ones', () => {
    bundle(dir, 'used-1', ago(300));
    bundle(dir, 'used-2', ago(300));
    bundle(dir, 'recent-1', ago(5));
    bundle(dir, 'recent-2', ago(10));
    bundle(dir, 'old', ago(200));
    bundle(dir, 'x.partial-123', ago(120));
    bundle(dir, 'y.partial-456', ago(1));
    expect(pruneCache(dir, ['used-1', 'used-2'], now)).toEqual(['old', 'x.partial-123']);
    expect(fs.readdirSync(dir).sort()).toEqual(['recent-1', 'recent-2', 'used-1', 'used-2', 'y.partial-456']);
    expect(fs.statSync(path.join(dir, 'used-1')).mtime).toEqual(now);
  });

  it('leaves the files beside the bundles (the saved plan) alone', () => {
    bundle(dir, 'used', ago(300));
    bundle(dir, 'other', ago(5));
    bundle(dir, 'older', ago(10));
    fs.writeFileSync(path.join(dir, 'plan.json'), '{}');
    fs.utimesSync(path.join(dir, 'plan.json'), ago(400), ago(400));
    expect(pruneCache(dir, ['used'], now)).toEqual(['older']);
    expect(fs.readdirSync(dir).sort()).toEqual(['other', 'plan.json', 'used']);
  });

  it('does nothing where there is no cache yet', () => {
    expect(pruneCache(path.join(dir, 'none'), ['a'])).toEqual([]);
  });
});
