/**
 * `search-index.ts --prepare` builds the search bundles before the site exists, beside `astro build`
 * (src/integrations/search-index-beside.ts). The index step after the build must then find every
 * bundle in the cache, and give the index a run without them gives.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnScript } from '../helpers/commands.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

/** Every file under `dir` with its bytes, by path relative to it. */
function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), fs.readFileSync(file));
  }
  return files;
}

describe('search-index --prepare', () => {
  const work = tempDir('atlas-prepare-');
  // Two documents a shard: the seeds make several bundles, as a large corpus does.
  const shards = ['--documents-per-shard', '2'];

  it('builds the bundles into the cache, and the index step after the build only links them', () => {
    const cache = path.join(work, 'prepared-cache');
    const prepared = spawnScript('scripts/search-index.ts', ['--prepare', '--cache', cache, ...shards]);
    expect(prepared.stderr).toBe('');
    expect(prepared.status).toBe(0);
    const [, bundles, built] = /(\d+) bundles, (\d+) built, 0 in the cache already/.exec(prepared.stdout) ?? [];
    expect(Number(bundles)).toBeGreaterThan(1);
    expect(built).toBe(bundles);

    const again = spawnScript('scripts/search-index.ts', ['--prepare', '--cache', cache, ...shards]);
    expect(again.stdout).toContain(`${bundles} bundles, 0 built, ${bundles} in the cache already`);

    const out = path.join(work, 'prepared');
    const linked = spawnScript('scripts/search-index.ts', ['dist', '--out', out, '--cache', cache, ...shards]);
    expect(linked.status).toBe(0);
    expect(linked.stdout).toContain(`in ${bundles} bundles, 0 built, ${bundles} from cache as planned by --prepare`);
    // The served bundles were merged by --prepare too.
    expect(linked.stdout).toMatch(/served as \d+, 0 merged →/);

    const direct = path.join(work, 'direct');
    const whole = spawnScript('scripts/search-index.ts', ['dist', '--out', direct, '--cache', path.join(work, 'fresh-cache'), ...shards]);
    expect(whole.stdout).toContain(`in ${bundles} bundles, ${bundles} built, 0 from cache`);
    expect(filesUnder(out)).toEqual(filesUnder(direct));
  }, 120_000);

  it('plans again from the documents when one of them changed since --prepare', () => {
    const documents = path.join(work, 'documents');
    fs.cpSync('content/generated/documents', documents, { recursive: true });
    const cache = path.join(work, 'changed-cache');
    const options = ['--documents', documents, '--cache', cache, ...shards];
    expect(spawnScript('scripts/search-index.ts', ['--prepare', ...options]).status).toBe(0);
    const [first] = fs.readdirSync(documents).filter((f) => f.endsWith('.json'));
    const file = path.join(documents, first ?? '');
    // Written again (as the ingest writes a changed document): the plan's fingerprint no longer holds.
    fs.writeFileSync(file, fs.readFileSync(file));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const linked = spawnScript('scripts/search-index.ts', ['dist', '--out', path.join(work, 'changed'), ...options]);
    expect(linked.status).toBe(0);
    expect(linked.stdout).toMatch(/0 built, \d+ from cache; served as \d+, 0 merged →/);
  }, 120_000);
});
