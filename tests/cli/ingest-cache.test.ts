import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runIngest, type IngestOptions } from '../../scripts/lib/ingest/ingest-command.ts';
import { callCommand } from '../helpers/commands.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

const PAST = new Date('2000-01-01T00:00:00Z');
const CHANGED = 'xuhui-2016-employment-plan';

/** Runs the ingest in this process, as `npm run ingest` would with these options. */
function ingest(options: Partial<IngestOptions>) {
  return callCommand((output) => runIngest(options, output));
}
type Run = ReturnType<typeof ingest>;

/** The output without the number of sources taken from the cache, which is all that may differ between a cached and an uncached run. */
const withoutCacheCount = (r: Run) => ({ status: r.status, stdout: r.stdout.replace(/, \d+ from cache\n$/, '\n'), stderr: r.stderr });
const fromCache = (r: Run) => Number(/, (\d+) from cache\n$/.exec(r.stdout)?.[1]);

/** Each output file's bytes and modification time. */
function snapshot(dir: string): Map<string, { text: string; mtime: Date }> {
  return new Map(fs.readdirSync(dir).sort().map((f) => [f, { text: fs.readFileSync(path.join(dir, f), 'utf8'), mtime: fs.statSync(path.join(dir, f)).mtime }]));
}
function dateInPast(dir: string): void {
  for (const f of fs.readdirSync(dir)) fs.utimesSync(path.join(dir, f), PAST, PAST);
}
const entries = (cache: string) => fs.readdirSync(cache).filter((f) => f.endsWith('.bin'));

describe('npm run ingest with its cache', () => {
  let sources: string;
  let out: string;
  let cache: string;
  const args = () => ({ sources, out, cache });
  let first: Run;
  let second: Run;
  let firstFiles: ReturnType<typeof snapshot>;
  let secondFiles: ReturnType<typeof snapshot>;

  beforeAll(() => {
    // The real corpus (warnings with lines, a duplicate excerpt) and the bad inputs (errors, odd encodings, a source without sidecar).
    sources = tempDir('atlas-sources-');
    for (const dir of ['content/sources', 'tests/fixtures/bad-input']) for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(sources, f));
    fs.writeFileSync(path.join(sources, 'orphan.txt'), '一、总体要求\n');
    out = tempDir('atlas-out-');
    cache = path.join(tempDir('atlas-cache-'), 'ingest');
    first = ingest(args());
    firstFiles = snapshot(out);
    dateInPast(out);
    second = ingest(args());
    secondFiles = snapshot(out);
  }, 120_000);

  it('fills the cache on a first run and takes every source with a sidecar from it on the next', () => {
    expect(first.stdout).toMatch(/^13 sources, 10 documents ingested, 3 errors, \d+ warnings, 0 from cache$/m);
    expect(entries(cache)).toHaveLength(12);
    expect(fromCache(second)).toBe(12);
  });

  it('reports the same summaries, warnings and errors from the cache, file and line included', () => {
    expect(second.stderr).toContain('orphan.meta.json: error [sidecar-missing]');
    expect(second.stderr).toMatch(/binary\.txt: error \[decode-binary\]/);
    expect(second.stdout).toMatch(/xuhui-2016-employment-plan\.txt:31: warning \[parse-numbering-restart\]/);
    expect(withoutCacheCount(second)).toEqual(withoutCacheCount(first));
  });

  it('leaves every output file as it was, modification time included', () => {
    expect([...secondFiles.keys()]).toEqual([...firstFiles.keys()]);
    for (const [name, { text, mtime }] of secondFiles) {
      expect(text, name).toBe(firstFiles.get(name)?.text);
      expect(mtime, name).toEqual(PAST);
    }
  });

  it('gives what a run without the cache gives', () => {
    const uncachedOut = tempDir('atlas-out-');
    const uncached = ingest({ sources, out: uncachedOut, noCache: true });
    expect(fromCache(uncached)).toBe(0);
    expect(withoutCacheCount(uncached)).toEqual(withoutCacheCount(second));
    expect([...snapshot(uncachedOut)].map(([name, { text }]) => [name, text])).toEqual([...secondFiles].map(([name, { text }]) => [name, text]));
  }, 60_000);

  it('after one source changed, ingests that one again and rewrites only its file', () => {
    const file = path.join(sources, `${CHANGED}.txt`);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('进一步健全。', '进一步健全，并定期评估落实情况。'));
    const before = snapshot(out);
    const third = ingest(args());
    expect(fromCache(third)).toBe(11);
    expect(entries(cache)).toHaveLength(12);
    for (const [name, { text, mtime }] of snapshot(out)) {
      if (name === `${CHANGED}.json`) {
        expect(text).not.toBe(before.get(name)?.text);
        expect(mtime).not.toEqual(PAST);
      } else expect(mtime, name).toEqual(PAST);
    }
    const uncached = ingest({ sources, out: tempDir('atlas-out-'), noCache: true });
    expect(withoutCacheCount(third)).toEqual(withoutCacheCount(uncached));
  }, 60_000);

  it('ingests a source again when its cache entry is corrupt, and still writes nothing that did not change', () => {
    dateInPast(out);
    for (const f of entries(cache)) fs.writeFileSync(path.join(cache, f), 'not a cache entry');
    const before = snapshot(out);
    const run = ingest(args());
    expect(fromCache(run)).toBe(0);
    expect(run.stderr).not.toContain('could not be cached');
    expect(snapshot(out)).toEqual(before);
    expect(fromCache(ingest(args()))).toBe(12);
  }, 60_000);

  it('with --check, uses the cache and writes no data', () => {
    const stale = path.join(out, 'no-structure.json');
    fs.writeFileSync(stale, fs.readFileSync(stale, 'utf8').replace('这是一段', '那是一段'));
    const before = snapshot(out);
    const check = ingest({ ...args(), check: true });
    expect(fromCache(check)).toBe(12);
    expect(check.stderr).toContain(`${stale}: differs from what the sources produce`);
    expect(snapshot(out)).toEqual(before);
  }, 60_000);
});
