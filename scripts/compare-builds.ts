/**
 * `node scripts/compare-builds.ts EXPECTED ACTUAL [--skip pagefind/]`: whether two build outputs are
 * byte for byte the same, e.g. an incremental build against a full build of the same sources. Lists
 * every file missing, extra or different in ACTUAL and exits 1 when there is any. The work is
 * runCompareBuilds's (scripts/lib/checks/compare-builds-command.ts).
 */
import { parseArgs } from 'node:util';
import { COMPARE_BUILDS_USAGE, runCompareBuilds } from './lib/checks/compare-builds-command.ts';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { skip: { type: 'string', multiple: true, default: [] } },
});
const [expected, actual] = positionals;
if (expected === undefined || actual === undefined) {
  console.error(COMPARE_BUILDS_USAGE);
  process.exit(2);
}
process.exitCode = runCompareBuilds({ expected, actual, skip: args.skip });
