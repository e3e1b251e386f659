import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { beforeAll, describe, expect, it } from 'vitest';
import { cacheKey, codeVersion, loadEntry, moduleGraph, PIPELINE_ENTRIES, pruneEntries, storeEntry, withDigest, type KeyInputs } from '../../scripts/lib/ingest/cache.ts';
import { loadRegistry } from '#core/department-registry.ts';
import { loadOverrides } from '../../scripts/lib/ingest/normalise.ts';
import { ingestSource, type Ingested } from '../../scripts/lib/ingest/pipeline.ts';
import { contentDigest } from '#core/digest.ts';
import { serialise } from '../../scripts/lib/ingest/write.ts';
import { ingestCorpus } from '../helpers/ingest-corpus.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

const KEY = 'a'.repeat(64);

describe('cacheKey', () => {
  const inputs: KeyInputs = {
    file: 'content/sources/a.txt',
    source: Buffer.from('一、总体要求\n'),
    sidecar: Buffer.from('{"id":"a"}'),
    overrides: Buffer.from('[]'),
    registry: Buffer.from('{"departments":[]}'),
    code: 'c'.repeat(64),
  };

  it('is the same for the same inputs, whatever order they are given in', () => {
    const reordered = Object.fromEntries(Object.entries(inputs).reverse()) as KeyInputs;
    expect(cacheKey(reordered)).toBe(cacheKey(inputs));
    expect(cacheKey(inputs)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when any one input changes', () => {
    const changed: KeyInputs[] = [
      { ...inputs, file: 'content/sources/b.txt' },
      { ...inputs, source: Buffer.from('一、总体要求。\n') },
      { ...inputs, sidecar: Buffer.from('{"id":"b"}') },
      { ...inputs, overrides: Buffer.from('[{}]') },
      { ...inputs, registry: Buffer.from('{"departments":[{}]}') },
      { ...inputs, code: 'd'.repeat(64) },
    ];
    const keys = new Set([inputs, ...changed].map(cacheKey));
    expect(keys.size).toBe(changed.length + 1);
  });

  it('tells apart inputs that only differ in where one ends and the next begins', () => {
    const a = { ...inputs, sidecar: Buffer.from('ab'), source: Buffer.from('c') };
    const b = { ...inputs, sidecar: Buffer.from('a'), source: Buffer.from('bc') };
    expect(cacheKey(a)).not.toBe(cacheKey(b));
  });
});

describe('codeVersion', () => {
  function project(): string {
    const root = tempDir('atlas-code-');
    fs.mkdirSync(path.join(root, 'scripts/lib/ingest/extract'), { recursive: true });
    fs.mkdirSync(path.join(root, 'scripts/lib/bench'), { recursive: true });
    fs.mkdirSync(path.join(root, 'src/core/schemas'), { recursive: true });
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ imports: { '#schemas/*': './src/core/schemas/*' } }));
    fs.writeFileSync(path.join(root, 'scripts/lib/ingest/pipeline.ts'), "import { b } from './extract/dates.ts';\nimport { c } from '#schemas/document.ts';\nexport const a = b + c;\n");
    fs.writeFileSync(path.join(root, 'scripts/lib/ingest/cache.ts'), "import type { a } from './pipeline.ts';\n");
    fs.writeFileSync(path.join(root, 'scripts/lib/ingest/extract/dates.ts'), 'export const b = 2;\n');
    fs.writeFileSync(path.join(root, 'scripts/lib/bench/run.ts'), 'export const unrelated = 1;\n');
    fs.writeFileSync(path.join(root, 'src/core/schemas/document.ts'), 'export const c = 3;\n');
    fs.writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
    return root;
  }

  it('changes with the content of any module the pipeline imports, a new import, the lockfile and the Node version', () => {
    const root = project();
    const before = codeVersion(root, PIPELINE_ENTRIES, 'v22.0.0');
    expect(codeVersion(root, PIPELINE_ENTRIES, 'v22.0.0')).toBe(before);
    expect(codeVersion(root, PIPELINE_ENTRIES, 'v22.0.1')).not.toBe(before);
    const edits: [string, () => void][] = [
      ['a nested module', () => fs.appendFileSync(path.join(root, 'scripts/lib/ingest/extract/dates.ts'), '// more\n')],
      ['a schema', () => fs.writeFileSync(path.join(root, 'src/core/schemas/document.ts'), 'export const c = 4;\n')],
      ['a new import', () => {
        fs.writeFileSync(path.join(root, 'scripts/lib/ingest/extract/units.ts'), 'export const u = 1;\n');
        fs.appendFileSync(path.join(root, 'scripts/lib/ingest/extract/dates.ts'), "export { u } from './units.ts';\n");
      }],
      ['the lockfile', () => fs.writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n')],
    ];
    const seen = new Set([before]);
    for (const [what, edit] of edits) {
      edit();
      const now = codeVersion(root, PIPELINE_ENTRIES, 'v22.0.0');
      expect(seen.has(now), what).toBe(false);
      seen.add(now);
    }
  });

  it('ignores modules the pipeline does not import, such as the benchmark', () => {
    const root = project();
    const before = codeVersion(root);
    fs.writeFileSync(path.join(root, 'scripts/lib/bench/run.ts'), 'export const unrelated = 2;\n');
    fs.mkdirSync(path.join(root, 'scripts/lib/search-index'));
    fs.writeFileSync(path.join(root, 'scripts/lib/search-index/shards.ts'), 'export const s = 1;\n');
    expect(codeVersion(root)).toBe(before);
  });

  it('follows the real pipeline through its modules to the schemas, and the packages it imports are locked', () => {
    const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, unknown> };
    const { files, packages } = moduleGraph('.', PIPELINE_ENTRIES);
    expect(files.length).toBeGreaterThan(10);
    expect(files).toContain('scripts/lib/ingest/extract/targets.ts');
    expect(files).toContain('src/core/schemas/document.ts');
    expect(files.some((f) => f.startsWith('scripts/lib/bench/') || f.includes('search'))).toBe(false);
    expect(packages).toEqual(['astro', 'china-area-data', 'es-module-lexer', 'opencc-js', 'pinyin-pro']);
    for (const p of packages) expect(lock.packages[`node_modules/${p}`], p).toBeDefined();
  });
});

describe('loadEntry and storeEntry', () => {
  let results: Ingested[];
  beforeAll(() => {
    const overrides = loadOverrides(JSON.parse(fs.readFileSync('content/normalise/t2s-overrides.json', 'utf8')));
    const registry = loadRegistry(JSON.parse(fs.readFileSync('content/departments.json', 'utf8')));
    const failed = ingestSource({ file: 'tests/fixtures/bad-input/binary.txt', bytes: fs.readFileSync('tests/fixtures/bad-input/binary.txt'), sidecar: null, overrides, registry });
    results = [...ingestCorpus().results.values(), failed];
  }, 60_000);

  it('misses when nothing is stored', () => {
    expect(loadEntry(tempDir('atlas-cache-'), KEY)).toBeNull();
    expect(loadEntry(path.join(os.tmpdir(), 'no-such-cache-dir'), KEY)).toBeNull();
  });

  it('gives back what was stored, with the digest of the document’s committed form', () => {
    const dir = tempDir('atlas-cache-');
    expect(results.some((r) => r.document === null && r.diagnostics.some((d) => d.level === 'error'))).toBe(true);
    expect(results.some((r) => r.unmatched.length > 0 && r.diagnostics.some((d) => d.line !== undefined))).toBe(true);
    results.forEach((r, i) => expect(storeEntry(dir, i.toString(16).padStart(64, '0'), withDigest(r))).toBeNull());
    results.forEach((r, i) => {
      const hit = loadEntry(dir, i.toString(16).padStart(64, '0'));
      expect(hit?.result).toEqual(r);
      // The ingest trusts the digest for the document it validated: both must serialise alike.
      if (r.document && hit?.result.document) {
        expect(serialise(hit.result.document)).toBe(serialise(r.document));
        expect(hit.sha256).toBe(contentDigest(serialise(r.document)));
      } else expect(hit?.sha256).toBeNull();
    });
  });

  it('treats a corrupt, truncated, unreadable or invalid entry as a miss', () => {
    const dir = tempDir('atlas-cache-');
    const result = results[0] as Ingested;
    if (!result.document) throw new Error('the first real source has a document');
    storeEntry(dir, KEY, withDigest(result));
    const good = fs.readFileSync(path.join(dir, `${KEY}.bin`));
    const valid = { result, sha256: contentDigest(serialise(result.document)) };
    const bad: [string, Uint8Array][] = [
      ['garbage', Buffer.from('not a cache entry at all')],
      ['truncated', good.subarray(0, good.length >> 1)],
      ['empty', Buffer.alloc(0)],
      ['JSON instead', Buffer.from(JSON.stringify(valid))],
      ['the wrong shape', v8.serialize({ document: result.document, diagnostics: [], unmatched: [] })],
      ['an invalid document', v8.serialize({ ...valid, result: { ...result, document: { ...result.document, id: 'Not A Slug!' } } })],
      ['an invalid diagnostic', v8.serialize({ ...valid, result: { ...result, diagnostics: [{ level: 'fatal', code: 'x', message: 'm', file: 'f' }] } })],
      ['a digest without a document', v8.serialize({ ...valid, result: { ...result, document: null } })],
      ['a digest that is not one', v8.serialize({ ...valid, sha256: 'abc' })],
    ];
    for (const [what, bytes] of bad) {
      fs.writeFileSync(path.join(dir, `${KEY}.bin`), bytes);
      expect(loadEntry(dir, KEY), what).toBeNull();
    }
    fs.rmSync(path.join(dir, `${KEY}.bin`));
    fs.mkdirSync(path.join(dir, `${KEY}.bin`));
    expect(loadEntry(dir, KEY), 'a folder in its place').toBeNull();
    fs.rmdirSync(path.join(dir, `${KEY}.bin`));
    // A fresh store replaces a bad entry.
    fs.writeFileSync(path.join(dir, `${KEY}.bin`), 'garbage');
    expect(storeEntry(dir, KEY, withDigest(result))).toBeNull();
    expect(loadEntry(dir, KEY)?.result).toEqual(result);
  });

  it('returns the error instead of throwing when the entry cannot be written, and leaves no partial file', () => {
    const parent = tempDir('atlas-cache-');
    const blocked = path.join(parent, 'a-file');
    fs.writeFileSync(blocked, '');
    expect(storeEntry(path.join(blocked, 'cache'), KEY, withDigest(results[0] as Ingested))).toBeInstanceOf(Error);
    expect(fs.readdirSync(parent)).toEqual(['a-file']);
  });
});

describe('pruneEntries', () => {
  it('removes the entries not kept and stores a dead run left, and nothing else', () => {
    const dir = tempDir('atlas-cache-');
    const [kept, unused] = ['1', '2'].map((c) => c.repeat(64)) as [string, string];
    for (const f of [`${kept}.bin`, `${unused}.bin`, `${unused}.bin.4242.tmp`, `${kept}.bin.4343.tmp`, 'README.md', 'other.json']) fs.writeFileSync(path.join(dir, f), '');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(path.join(dir, `${unused}.bin.4242.tmp`), twoHoursAgo, twoHoursAgo);
    expect(pruneEntries(dir, new Set([kept]))).toEqual([`${unused}.bin`, `${unused}.bin.4242.tmp`]);
    // A young store may be another ingest's, still writing.
    expect(fs.readdirSync(dir).sort()).toEqual([`${kept}.bin`, `${kept}.bin.4343.tmp`, 'README.md', 'other.json']);
    expect(pruneEntries(dir, new Set([kept]))).toEqual([]);
  });

  it('does nothing when there is no cache yet', () => {
    expect(pruneEntries(path.join(os.tmpdir(), 'no-such-cache-dir'), new Set())).toEqual([]);
  });
});
