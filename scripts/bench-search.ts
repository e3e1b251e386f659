/**
 * `npm run bench:search [-- --size N] [--no-build] [--site DIR --documents DIR] [--default] [--json FILE]`:
 * measures the site's search against tests/search/queries.json in Debian's Chromium, through the real
 * search page: top-1 and recall@10 per query class (relevant pages by hand or by rule, evaluated
 * over the corpus measured), latency per class and the bytes a first search downloads.
 *
 * - without --size: the project's own site (dist/, built first unless --no-build);
 * - --size N: a copy of the project in $TMPDIR/policy-atlas-bench-search/<project>/size-N with
 *   the benchmark corpus of N documents (the 5 real ones and N − 5 synthetic ones, as `npm run bench`
 *   makes them), built there (ingest, astro build, search index; the copy is kept, so a rebuild is
 *   incremental);
 * - --site DIR --documents DIR: a site built elsewhere (an older version, for before/after tables);
 *   --sample N measures the first N queries of each class only (an engine too slow for all of them).
 * --default also measures Pagefind's default setup on the same pages (`pagefind --site`, slow and
 * memory-hungry at 1,000 documents: 48 s and 5.9 GB). Measures only: it asserts nothing. The work is
 * runSearchBench's (scripts/lib/bench/search-bench-command.ts).
 */
import { parseArgs } from 'node:util';
import { runSearchBench } from './lib/bench/search-bench-command.ts';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'no-build': { type: 'boolean', default: false },
    default: { type: 'boolean', default: false },
    json: { type: 'string' },
    queries: { type: 'string', default: 'tests/search/queries.json' },
    site: { type: 'string' },
    documents: { type: 'string' },
    sample: { type: 'string' },
  },
});

process.exitCode = await runSearchBench({ ...args, noBuild: args['no-build'] });
