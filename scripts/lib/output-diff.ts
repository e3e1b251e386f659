import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isKept } from '../../src/integrations/stale-output.ts';

/** Every file under `dir`, by path relative to it (with `/`), with a hash of its bytes; files in the `skip` folders (ending in `/`) left out. */
export function fileDigests(dir: string, skip: readonly string[]): Map<string, string> {
  const digests = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, full).split(path.sep).join('/');
    if (!isKept(relative, skip)) digests.set(relative, createHash('sha256').update(fs.readFileSync(full)).digest('hex'));
  }
  return digests;
}

/** How one build's output differs from another's, file by file, each list sorted. */
export interface OutputDifferences {
  /** Files the expected output has and the actual one lacks. */
  missing: string[];
  /** Files only the actual output has. */
  extra: string[];
  /** Files in both whose bytes differ. */
  differ: string[];
}

/** Compares two outputs given as file digests (see fileDigests). */
export function outputDifferences(expected: ReadonlyMap<string, string>, actual: ReadonlyMap<string, string>): OutputDifferences {
  const missing = [...expected.keys()].filter((f) => !actual.has(f));
  const extra = [...actual.keys()].filter((f) => !expected.has(f));
  const differ = [...expected].filter(([f, digest]) => actual.has(f) && actual.get(f) !== digest).map(([f]) => f);
  return { missing: missing.sort(), extra: extra.sort(), differ: differ.sort() };
}
