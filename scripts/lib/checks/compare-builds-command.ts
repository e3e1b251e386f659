/**
 * What `node scripts/compare-builds.ts EXPECTED ACTUAL [--skip pagefind/]` does: whether two build
 * outputs are byte for byte the same. Lists every file missing, extra or different in ACTUAL.
 */
import fs from 'node:fs';
import { consoleOutput, type CliOutput } from '../cli-output.ts';
import { fileDigests, outputDifferences } from './output-diff.ts';

export const COMPARE_BUILDS_USAGE = 'usage: node scripts/compare-builds.ts EXPECTED_DIST ACTUAL_DIST [--skip FOLDER/ ...]';

export type CompareBuildsOptions = { expected: string; actual: string; skip: readonly string[] };

/** Compares the two outputs; the exit code is 1 when they differ, 2 when either folder is missing. */
export function runCompareBuilds({ expected, actual, skip }: CompareBuildsOptions, output: CliOutput = consoleOutput): number {
  if (!fs.existsSync(expected) || !fs.existsSync(actual)) {
    output.error(COMPARE_BUILDS_USAGE);
    return 2;
  }
  const expectedFiles = fileDigests(expected, skip);
  const differences = outputDifferences(expectedFiles, fileDigests(actual, skip));
  for (const [kind, files] of Object.entries(differences)) for (const file of files) output.error(`${kind}: ${file}`);
  const count = differences.missing.length + differences.extra.length + differences.differ.length;
  output.log(`compared ${expectedFiles.size} files: ${count === 0 ? 'identical' : `${count} differences`}`);
  return count === 0 ? 0 : 1;
}
