/**
 * `node scripts/search-index.ts [SITE] [--out DIR] [--cache DIR] [--documents-per-shard N] [--jobs N]`: builds the search index of the
 * built site SITE (default dist) into SITE/pagefind with Pagefind's Node API, from the generated
 * documents rather than from the HTML, so that every record is one clause page (or department page)
 * and its text is tokenised the way the search page tokenises queries
 * (src/core/search/tokens.ts). A large corpus gets one bundle per shard of documents
 * (scripts/lib/search-index/shards.ts), listed in SITE/pagefind/shards.json for the search page to merge.
 * Bundles are built into the cache folder under a key of their records and linked into the site, so
 * an unchanged shard is never indexed twice. Runs after `astro build`; fails when a clause record
 * has no page in the built site.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SHARD_MANIFEST, type ShardManifest } from '#core/search/shard-manifest.ts';
import { hasBundle, linkTree, pruneCache, storeBundle } from './lib/search-index/bundle-cache.ts';
import { loadRegistry } from '#core/department-registry.ts';
import { eachConcurrently } from './lib/search-index/concurrency.ts';
import { writeBundle } from './lib/search-index/pagefind-bundle.ts';
import { bundleKey, DOCUMENTS_PER_SHARD, partitionDocuments } from './lib/search-index/shards.ts';
import { readDocuments } from './lib/ingest/write.ts';
import { loadSynonyms, synonymTable } from '#core/search/synonym-table.ts';
import {
  departmentRecords,
  documentRecords,
  searchRecords,
  toPagefindRecord,
  type SearchRecord,
} from './lib/search-index/records.ts';

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
  },
});

const site = positionals[0] ?? 'dist';
const PAGEFIND_VERSION = (JSON.parse(fs.readFileSync(new URL('../node_modules/pagefind/package.json', import.meta.url), 'utf8')) as { version: string }).version;
const out = args.out ?? path.join(site, 'pagefind');

function pageExists(url: string): boolean {
  return fs.existsSync(path.join(site, ...url.split('/').filter((s) => s !== ''), 'index.html'));
}

/** Records whose page is missing: a clause without its page is a site bug; entity pages may not be built yet. */
function splitByPage(records: readonly SearchRecord[]): { present: SearchRecord[]; missing: SearchRecord[] } {
  const present: SearchRecord[] = [];
  const missing: SearchRecord[] = [];
  for (const r of records) (pageExists(r.url) ? present : missing).push(r);
  return { present, missing };
}

function countByKind(records: readonly SearchRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

const documents = readDocuments(args.documents);
const canonical = documents.filter((d) => d.duplicateOf === null);
const departments = departmentRecords(loadRegistry(JSON.parse(fs.readFileSync(args.departments, 'utf8'))));
const synonyms = synonymTable(loadSynonyms(JSON.parse(fs.readFileSync(args.synonyms, 'utf8'))));
const perShard = Number(args['documents-per-shard']);
if (!Number.isInteger(perShard) || perShard < 1) throw new Error(`search-index: --documents-per-shard must be a positive integer, not ${args['documents-per-shard']}`);
const groups = partitionDocuments(canonical, perShard);
const jobs = Number(args.jobs);
if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`search-index: --jobs must be a positive integer, not ${args.jobs}`);
// One bundle holds everything while the corpus fits in one shard; beyond that the department
// records, which count mentions over the whole corpus, form the primary bundle on their own, so that
// a changed document re-indexes its own shard and that small bundle.
const sharded = groups.length > 1;
const planned: SearchRecord[][] = sharded
  ? [searchRecords(canonical, [departments]), ...groups.map((g) => searchRecords(g, [documentRecords]))]
  : [searchRecords(canonical, [documentRecords, departments])];
const checked = planned.map(splitByPage);
const present = checked.flatMap((c) => c.present);
const missing = checked.flatMap((c) => c.missing);

const missingClauses = missing.filter((r) => r.kind === 'clause');
if (missingClauses.length > 0) {
  console.error(`search-index: ${missingClauses.length} clause records have no page in ${site}:`);
  for (const r of missingClauses.slice(0, 20)) console.error(`  ${r.url}  ${r.title}`);
  process.exit(1);
}
if (missing.length > 0) {
  console.warn(`search-index: left out, no page in ${site} yet: ${countByKind(missing)} (e.g. ${missing[0]?.url})`);
}

// Pagefind cuts the word index into chunks of about 20,000 positions and a query downloads every
// chunk its tokens fall in. A query of n characters asks for about n pair tokens spread over the whole
// key space, so it would fetch most of the index; chunks a fifth of the size cut the first search's
// download by about 70 KB on this corpus (measured with npm run bench:search). The variable is
// Pagefind's own, marked unstable: without it the index only gets larger chunks, nothing breaks.
process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= '4000';
const settings = { pagefind: PAGEFIND_VERSION, chunkSize: process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] };

const bundles = checked.map((c) => {
  const records = c.present.map((r) => toPagefindRecord(r, synonyms));
  return { records, key: bundleKey(records, settings) };
});
const failures: string[] = [];
const toBuild = bundles.filter((b) => !hasBundle(args.cache, b.key));
await eachConcurrently(toBuild, jobs, async ({ records, key }) => {
  try {
    await storeBundle(args.cache, key, (dir) => writeBundle(records, dir));
  } catch (error) {
    failures.push(`bundle ${key} (${records.length} records): ${(error as Error).message}`);
  }
});
if (failures.length > 0) {
  console.error(`search-index: ${failures.length} bundles failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}

const [primary, ...shards] = bundles.map((b) => b.key);
fs.rmSync(out, { recursive: true, force: true });
const manifest: ShardManifest = { shards: shards.map((key) => `shards/${key}/`) };
// Linking is cheap, so the site's copy is remade whole: nothing of an older index can stay behind.
const files =
  linkTree(path.join(args.cache, primary ?? ''), out) +
  shards.reduce((n, key, i) => n + linkTree(path.join(args.cache, key), path.join(out, manifest.shards[i] ?? '')), 0);
fs.writeFileSync(path.join(out, SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
pruneCache(args.cache, bundles.map((b) => b.key));

console.log(
  `search-index: ${present.length} records (${countByKind(present)}) in ${bundles.length} bundle${bundles.length === 1 ? '' : 's'}, ` +
    `${toBuild.length} built, ${bundles.length - toBuild.length} from cache → ${out} (${files} files)`,
);
