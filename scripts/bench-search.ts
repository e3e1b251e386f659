/**
 * `npm run bench:search [-- --no-build] [--site DIR] [--json FILE] [--queries FILE]`: measures the
 * site's search against the committed queries (tests/search/queries.json) in Debian's Chromium,
 * through the real search page, and the same queries against Pagefind's default setup on the same
 * pages. Prints recall@10, precision@5 and MRR per query class side by side, the targets (verbatim
 * phrases found and first, traditional = simplified), query latency and the bytes a first search
 * downloads. Measures only: it asserts nothing and always exits 0 once it has run. The work is
 * runSearchBench's (scripts/lib/bench/search-bench-command.ts).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SEARCH_BENCH_OPTIONS as D, runSearchBench } from './lib/bench/search-bench-command.ts';

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: D.noBuild },
    json: { type: 'string' },
    queries: { type: 'string', default: D.queries },
    site: { type: 'string', default: D.site },
  },
});

process.exitCode = await runSearchBench({ noBuild: args['no-build'], json: args.json, queries: args.queries, site: args.site });
