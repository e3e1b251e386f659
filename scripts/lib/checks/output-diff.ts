import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from '#core/list-files.ts';
import { contentDigest } from '#core/digest.ts';

/** Every file under `dir`, by path relative to it (with `/`), with a hash of its bytes; files in the `skip` folders (ending in `/`) left out. */
export function fileDigests(dir: string, skip: readonly string[]): Map<string, string> {
  return new Map(listFiles(dir, skip).map((file) => [file, contentDigest(fs.readFileSync(path.join(dir, file)))]));
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
