/**
 * `node scripts/search-index.ts [SITE] [--out DIR] [--cache DIR] [--documents-per-shard N] [--pages-per-served-bundle N] [--jobs N] [--prepare]`: builds the search index of the
 * built site SITE (default dist) into SITE/pagefind with Pagefind's Node API, from the generated
 * documents rather than from the HTML, so that every record is one clause page (or department page)
 * and its text is tokenised the way the search page tokenises queries
 * (src/core/search/tokens.ts). A large corpus gets one bundle per shard of documents
 * (scripts/lib/search-index/shards.ts), merged into the few bundles the browser loads
 * (scripts/lib/search-index/merge-bundles.ts): the first at SITE/pagefind, any others listed in
 * SITE/pagefind/shards.json for the search page to merge.
 * Bundles are built into the cache folder under a key of their records and linked into the site, so
 * an unchanged shard is never indexed twice. Runs after `astro build`; fails when a clause record
 * has no page in the built site.
 * With --prepare it only builds and merges the bundles into the cache, before the site exists: `astro build` runs
 * it beside itself (src/integrations/search-index-beside.ts), so that the run after the build finds them.
 * The work is runSearchIndex's and prepareSearchIndex's (scripts/lib/search-index/search-index-command.ts).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { prepareSearchIndex, runSearchIndex } from './lib/search-index/search-index-command.ts';
import { MAX_SERVED_PAGES } from './lib/search-index/served-bundles.ts';
import { DOCUMENTS_PER_SHARD } from './lib/search-index/shards.ts';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    documents: { type: 'string', default: 'content/generated/documents' },
    departments: { type: 'string', default: 'content/departments.json' },
    synonyms: { type: 'string', default: 'content/synonyms.json' },
    cache: { type: 'string', default: 'node_modules/.cache/policy-atlas/search' },
    'documents-per-shard': { type: 'string', default: String(DOCUMENTS_PER_SHARD) },
    'pages-per-served-bundle': { type: 'string', default: String(MAX_SERVED_PAGES) },
    jobs: { type: 'string', default: String(Math.min(2, os.availableParallelism())) },
    prepare: { type: 'boolean', default: false },
  },
});

function positiveInteger(option: 'documents-per-shard' | 'pages-per-served-bundle' | 'jobs'): number {
  const value = Number(args[option]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`search-index: --${option} must be a positive integer, not ${args[option]}`);
  return value;
}
const { out, documents, departments, synonyms, cache } = args;
const inputs = {
  documents,
  departments,
  synonyms,
  cache,
  documentsPerShard: positiveInteger('documents-per-shard'),
  pagesPerServedBundle: positiveInteger('pages-per-served-bundle'),
  jobs: positiveInteger('jobs'),
};
process.exitCode = args.prepare ? await prepareSearchIndex(inputs) : await runSearchIndex({ ...inputs, site: positionals[0] ?? 'dist', out });
