/**
 * `npm run ingest [-- --check] [--sources DIR] [--out DIR] [--no-cache]`: ingests every source text
 * with its sidecar and writes one JSON file per document, rewriting only the files whose content
 * changed. With --check it writes no data and fails when the committed data differs from what the
 * sources produce now. A source unchanged since an earlier run comes from the cache (`--cache DIR`,
 * by default under node_modules/.cache); --no-cache neither reads nor writes it. The work is
 * runIngest's (scripts/lib/ingest/ingest-command.ts).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_INGEST_OPTIONS as D, runIngest } from './lib/ingest/ingest-command.ts';

const { values: args } = parseArgs({
  options: {
    check: { type: 'boolean', default: D.check },
    sources: { type: 'string', default: D.sources },
    out: { type: 'string', default: D.out },
    overrides: { type: 'string', default: D.overrides },
    departments: { type: 'string', default: D.departments },
    quiet: { type: 'boolean', default: D.quiet },
    'update-golden': { type: 'boolean', default: D.updateGolden },
    cache: { type: 'string', default: D.cache },
    'no-cache': { type: 'boolean', default: D.noCache },
  },
});

process.exitCode = runIngest({ ...args, updateGolden: args['update-golden'], noCache: args['no-cache'] });
