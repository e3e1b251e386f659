import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { z } from 'astro/zod';
import { Diagnostic } from '#schemas/diagnostic.ts';
import { Document } from '#schemas/document.ts';
import { SourceRef } from '#schemas/entities.ts';
import type { Ingested } from './pipeline.ts';
import { contentDigest, hashField } from '#core/digest.ts';
import { importSpecifiers } from '../module-imports.ts';
import { isAbandoned } from '../partial-writes.ts';
import { serialise } from './write.ts';

/** Where `npm run ingest` keeps one result per source, beside the other tools' caches. */
export const DEFAULT_CACHE_DIR = 'node_modules/.cache/policy-atlas/ingest';

/** The modules a source's result is computed by: the pipeline, and this cache (its format). */
export const PIPELINE_ENTRIES = ['scripts/lib/ingest/pipeline.ts', 'scripts/lib/ingest/cache.ts'] as const;

/** The lockfile, which pins the packages the pipeline imports (opencc-js, zod through astro). */
const LOCKFILE = 'package-lock.json';

/** Everything one source's result is computed from. */
export type KeyInputs = {
  /** The source path as the ingest names it: it is part of the result (sourceFile, diagnostics). */
  file: string;
  source: Uint8Array;
  sidecar: Uint8Array;
  overrides: Uint8Array;
  registry: Uint8Array;
  /** From `codeVersion`. */
  code: string;
};

/** The cache key of one source: a digest of every input, each framed by its length so that no two sets of inputs run together. */
export function cacheKey(inputs: KeyInputs): string {
  const hash = createHash('sha256');
  for (const name of (Object.keys(inputs) as (keyof KeyInputs)[]).sort()) hashField(hash, name, inputs[name]);
  return hash.digest('hex');
}

/**
 * The project's modules that `entries` import, directly or not (paths relative to `root`, sorted),
 * and the packages they import by name. Only the ingest's own code, so that editing a benchmark or
 * a search module leaves the cache as it is.
 */
export function moduleGraph(root: string, entries: readonly string[]): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const aliases = importAliases(root);
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of importSpecifiers(fs.readFileSync(path.join(root, file), 'utf8'))) {
      if (spec.startsWith('node:')) continue;
      const aliased = aliases.find(([prefix]) => spec.startsWith(prefix));
      if (spec.startsWith('.')) visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
      else if (aliased !== undefined) visit(path.posix.normalize(aliased[1] + spec.slice(aliased[0].length)));
      else packages.add(spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'));
    }
  };
  for (const entry of entries) visit(entry);
  return { files: [...files].sort(), packages: [...packages].sort() };
}

/** The project's `imports` aliases (`#core/*` → `./src/core/*`) as [prefix, folder] pairs, from its package.json. */
function importAliases(root: string): [string, string][] {
  const file = path.join(root, 'package.json');
  const imports = fs.existsSync(file) ? ((JSON.parse(fs.readFileSync(file, 'utf8')) as { imports?: Record<string, string> }).imports ?? {}) : {};
  return Object.entries(imports).map(([prefix, target]) => [prefix.replace(/\*$/, ''), target.replace(/\*$/, '')]);
}

/**
 * A digest of the code a result depends on: every module of the pipeline's import graph (by path
 * and content), the lockfile, and the Node version, since the cache's format and text decoding come
 * from it. Computed once per run.
 */
export function codeVersion(root: string, entries: readonly string[] = PIPELINE_ENTRIES, runtime: string = process.version): string {
  const hash = createHash('sha256');
  hashField(hash, 'runtime', runtime);
  for (const f of moduleGraph(root, entries).files) hashField(hash, f, fs.readFileSync(path.join(root, f)));
  const lockfile = path.join(root, LOCKFILE);
  hashField(hash, LOCKFILE, fs.existsSync(lockfile) ? fs.readFileSync(lockfile) : 'absent');
  return hash.digest('hex');
}

/**
 * A source's result and the SHA-256 of its document's committed form (`serialise`), with which the
 * ingest can tell that a document's file is up to date without serialising it again.
 */
export type CachedResult = { result: Ingested; sha256: string | null };

/** A fresh result with the digest of its document's committed form, computed once for the cache and the output's up-to-date check. */
export function withDigest(result: Ingested): CachedResult {
  return { result, sha256: result.document && contentDigest(serialise(result.document)) };
}

// Checked on every read: an entry is only as good as what it holds, whatever wrote it.
const Entry = z
  .object({
    result: z.object({ document: Document.nullable(), diagnostics: z.array(Diagnostic), unmatched: z.array(SourceRef) }),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  })
  .refine((e) => (e.result.document === null) === (e.sha256 === null), 'a digest goes with a document');

const ENTRY = /^[0-9a-f]{64}\.bin$/;
// A store in progress, or one a crash interrupted.
const PARTIAL = /^[0-9a-f]{64}\.bin\.\d+\.tmp$/;

const entryFile = (dir: string, key: string) => path.join(dir, `${key}.bin`);

/** The stored result for `key`, or null when there is none or it cannot be read, decoded or validated. */
export function loadEntry(dir: string, key: string): CachedResult | null {
  let value: unknown;
  try {
    value = v8.deserialize(fs.readFileSync(entryFile(dir, key)));
  } catch {
    return null;
  }
  const parsed = Entry.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Stores a result under `key`, written whole or not at all (a reader never sees half an entry).
 * V8's serialisation rather than JSON: it reads the entries of 1000 documents several times faster.
 * Returns the error when the entry could not be written: a cache that cannot be written only costs time.
 */
export function storeEntry(dir: string, key: string, entry: CachedResult): Error | null {
  const file = entryFile(dir, key);
  const partial = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(partial, v8.serialize(entry));
    fs.renameSync(partial, file);
    return null;
  } catch (error) {
    if (fs.existsSync(partial)) fs.rmSync(partial);
    return error as Error;
  }
}

/**
 * Removes the entries not in `keep`, so that the cache holds the last run's sources only, and the
 * stores a dead run left; returns the removed file names.
 */
export function pruneEntries(dir: string, keep: ReadonlySet<string>): string[] {
  if (!fs.existsSync(dir)) return [];
  const now = new Date();
  const unused = fs
    .readdirSync(dir)
    .filter((f) => (ENTRY.test(f) && !keep.has(f.slice(0, -'.bin'.length))) || (PARTIAL.test(f) && isAbandoned(path.join(dir, f), now)));
  for (const f of unused) fs.rmSync(path.join(dir, f), { force: true });
  return unused.sort();
}
