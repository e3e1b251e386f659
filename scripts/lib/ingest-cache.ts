import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { z } from 'astro/zod';
import { Diagnostic } from '../../src/schemas/diagnostic.ts';
import { Document } from '../../src/schemas/document.ts';
import { SourceRef } from '../../src/schemas/entities.ts';
import type { Ingested } from './pipeline.ts';
import { contentDigest, serialise } from './write.ts';

/** Where `npm run ingest` keeps one result per source, beside the other tools' caches. */
export const DEFAULT_CACHE_DIR = 'node_modules/.cache/policy-atlas/ingest';

/**
 * What a source's result depends on besides its own inputs, relative to the project: the pipeline's
 * code and schemas (its imports stay inside these folders, a test checks that) and the lockfile,
 * which pins opencc-js and zod.
 */
export const CODE_PATHS = ['scripts/lib', 'src/schemas', 'package-lock.json'] as const;

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
  for (const name of (Object.keys(inputs) as (keyof KeyInputs)[]).sort()) field(hash, name, inputs[name]);
  return hash.digest('hex');
}

/**
 * A digest of the code a result depends on: every .ts file under the folders of `paths` and every
 * other file listed (by path and content), and the Node version, since the cache's format and
 * text decoding come from it. Computed once per run.
 */
export function codeVersion(root: string, paths: readonly string[] = CODE_PATHS, runtime: string = process.version): string {
  const hash = createHash('sha256');
  field(hash, 'runtime', runtime);
  for (const entry of paths) {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) {
      field(hash, entry, 'absent');
      continue;
    }
    const files = fs.statSync(full).isDirectory()
      ? fs
          .readdirSync(full, { recursive: true, encoding: 'utf8' })
          .filter((f) => f.endsWith('.ts'))
          .map((f) => path.join(entry, f).split(path.sep).join('/'))
          .sort()
      : [entry];
    for (const f of files) field(hash, f, fs.readFileSync(path.join(root, f)));
  }
  return hash.digest('hex');
}

function field(hash: Hash, name: string, value: string | Uint8Array): void {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  hash.update(`${name} ${bytes.byteLength}\n`).update(bytes);
}

/**
 * A source's result and the SHA-256 of its document's committed form (`serialise`), with which the
 * ingest can tell that a document's file is up to date without serialising it again.
 */
export type CachedResult = { result: Ingested; sha256: string | null };

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
export function storeEntry(dir: string, key: string, result: Ingested): Error | null {
  const file = entryFile(dir, key);
  const partial = `${file}.${process.pid}.tmp`;
  const entry: CachedResult = { result, sha256: result.document && contentDigest(serialise(result.document)) };
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

/** Removes the entries (and interrupted stores) not in `keep`, so that the cache holds the last run's sources only; returns the removed file names. */
export function pruneEntries(dir: string, keep: ReadonlySet<string>): string[] {
  if (!fs.existsSync(dir)) return [];
  const unused = fs.readdirSync(dir).filter((f) => (ENTRY.test(f) && !keep.has(f.slice(0, -'.bin'.length))) || PARTIAL.test(f));
  for (const f of unused) fs.rmSync(path.join(dir, f), { force: true });
  return unused.sort();
}
