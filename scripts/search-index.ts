/**
 * `node scripts/search-index.ts [SITE] [--out DIR] [--cache DIR] [--documents-per-shard N] [--jobs N] [--prepare]`: builds the search index of the
 * built site SITE (default dist) into SITE/pagefind with Pagefind's Node API, from the generated
 * documents rather than from the HTML, so that every record is one clause page (or department page)
 * and its text is tokenised the way the search page tokenises queries
 * (src/core/search/tokens.ts). A large corpus gets one bundle per shard of documents
 * (scripts/lib/search-index/shards.ts), listed in SITE/pagefind/shards.json for the search page to merge.
 * Bundles are built into the cache folder under a key of their records and linked into the site, so
 * an unchanged shard is never indexed twice. Runs after `astro build`; fails when a clause record
 * has no page in the built site.
 * With --prepare it only builds the bundles into the cache, before the site exists: `astro build` runs
 * it beside itself (src/integrations/search-index-beside.ts), so that the run after the build finds them.
 * The work is runSearchIndex's and prepareSearchIndex's (scripts/lib/search-index/search-index-command.ts).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { prepareSearchIndex, runSearchIndex } from './lib/search-index/search-index-command.ts';
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
    jobs: { type: 'string', default: String(Math.min(2, os.availableParallelism())) },
    prepare: { type: 'boolean', default: false },
  },
});

const documentsPerShard = Number(args['documents-per-shard']);
if (!Number.isInteger(documentsPerShard) || documentsPerShard < 1) throw new Error(`search-index: --documents-per-shard must be a positive integer, not ${args['documents-per-shard']}`);
const jobs = Number(args.jobs);
if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`search-index: --jobs must be a positive integer, not ${args.jobs}`);
const { out, documents, departments, synonyms, cache } = args;
const inputs = { documents, departments, synonyms, cache, documentsPerShard, jobs };
process.exitCode = args.prepare ? await prepareSearchIndex(inputs) : await runSearchIndex({ ...inputs, site: positionals[0] ?? 'dist', out });
