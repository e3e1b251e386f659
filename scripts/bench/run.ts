/**
 * `npm run bench [-- --sizes 5,100,1000,real] [--seed S] [--keep] [--out FILE]`: measures how the build
 * scales on isolated copies of the project, N documents each (the real seeds and synthetic ones; `real`:
 * the seeds and the ATLAS_SOURCES texts, by default the shared law corpus), and writes a markdown table
 * with the targets to FILE (bench/results/latest.md). Prints figures only: it never fails on a missed
 * target. The work is runBuildBench's (scripts/lib/bench/build-bench-command.ts).
 */
import { parseArgs } from 'node:util';
import { progressMode } from '../lib/bench/build-bench-plan.ts';
import { DEFAULT_BUILD_BENCH_OPTIONS as D, runBuildBench } from '../lib/bench/build-bench-command.ts';

const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    sizes: { type: 'string', default: D.sizes },
    seed: { type: 'string', default: D.seed },
    keep: { type: 'boolean', default: D.keep },
    out: { type: 'string', default: D.out },
  },
});

process.exitCode = await runBuildBench({ ...args, progress: progressMode(process.env['CI'], process.stdout.isTTY === true), columns: process.stdout.columns || 120 });
