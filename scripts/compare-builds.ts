/**
 * `node scripts/compare-builds.ts EXPECTED ACTUAL [--skip pagefind/]`: whether two build outputs are
 * byte for byte the same, e.g. an incremental build against a full build of the same sources. Lists
 * every file missing, extra or different in ACTUAL and exits 1 when there is any.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { fileDigests, outputDifferences } from './lib/checks/output-diff.ts';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { skip: { type: 'string', multiple: true, default: [] } },
});
const [expected, actual] = positionals;
if (expected === undefined || actual === undefined || !fs.existsSync(expected) || !fs.existsSync(actual)) {
  console.error('usage: node scripts/compare-builds.ts EXPECTED_DIST ACTUAL_DIST [--skip FOLDER/ ...]');
  process.exit(2);
}

const expectedFiles = fileDigests(expected, args.skip);
const differences = outputDifferences(expectedFiles, fileDigests(actual, args.skip));
for (const [kind, files] of Object.entries(differences)) for (const file of files) console.error(`${kind}: ${file}`);
const count = differences.missing.length + differences.extra.length + differences.differ.length;
console.log(`compared ${expectedFiles.size} files: ${count === 0 ? 'identical' : `${count} differences`}`);
process.exitCode = count === 0 ? 0 : 1;
