/**
 * What `node scripts/search-index.ts` does: builds the search index of a built site with Pagefind's
 * Node API, from the generated documents rather than from the HTML, one bundle per shard of
 * documents, each built into the cache folder under a key of its records and linked into the site.
 * Fails when a clause record has no page in the built site.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SHARD_MANIFEST, type ShardManifest } from '#core/search/shard-manifest.ts';
import { loadRegistry } from '#core/department-registry.ts';
import { loadSynonyms, synonymTable } from '#core/search/synonym-table.ts';
import { consoleOutput, type CliOutput } from '../cli-output.ts';
import { readDocuments } from '../ingest/write.ts';
import { EXTERNAL_OUTPUT } from '#core/document-files.ts';
import { hasBundle, linkTree, pruneCache, storeBundle } from './bundle-cache.ts';
import { eachConcurrently } from './concurrency.ts';
import { renamePages } from './page-names.ts';
import { writeBundle } from './pagefind-bundle.ts';
import { bundleKey, partitionDocuments } from './shards.ts';
import {
  departmentRecords,
  documentRecords,
  searchRecords,
  toPagefindRecords,
  type SearchRecord,
} from './records.ts';

/** `site` the built site, `out` the index folder (SITE/pagefind when undefined). */
export type SearchIndexOptions = {
  site: string;
  out: string | undefined;
  documents: string;
  departments: string;
  synonyms: string;
  cache: string;
  documentsPerShard: number;
  jobs: number;
};

const PAGEFIND_VERSION = (JSON.parse(fs.readFileSync(new URL('../../../node_modules/pagefind/package.json', import.meta.url), 'utf8')) as { version: string }).version;

function countByKind(records: readonly SearchRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

/** Builds the index; the exit code is 1 when a clause has no page or a bundle fails. */
export async function runSearchIndex(options: SearchIndexOptions, output: CliOutput = consoleOutput): Promise<number> {
  const { site, cache: cacheDir } = options;
  const out = options.out ?? path.join(site, 'pagefind');

  // A paragraph's, row's or bullet's record lands on its anchor on its holder's page: many records, one page to look for.
  const pages = new Map<string, boolean>();
  function pageExists(url: string): boolean {
    const pagePath = url.replace(/#.*$/, '');
    let exists = pages.get(pagePath);
    if (exists === undefined) {
      exists = fs.existsSync(path.join(site, ...pagePath.split('/').filter((s) => s !== ''), 'index.html'));
      pages.set(pagePath, exists);
    }
    return exists;
  }

  /** Records whose page is missing: a clause without its page is a site bug; entity pages may not be built yet. */
  function splitByPage(records: readonly SearchRecord[]): { present: SearchRecord[]; missing: SearchRecord[] } {
    const present: SearchRecord[] = [];
    const missing: SearchRecord[] = [];
    for (const r of records) (pageExists(r.url) ? present : missing).push(r);
    return { present, missing };
  }

  // The committed sources' documents and those of the ATLAS_SOURCES folders, as the site reads them (src/core/document-files.ts).
  const documents = [options.documents, EXTERNAL_OUTPUT].filter((dir) => fs.existsSync(dir)).flatMap(readDocuments);
  const canonical = documents.filter((d) => d.duplicateOf === null);
  const departments = departmentRecords(loadRegistry(JSON.parse(fs.readFileSync(options.departments, 'utf8'))));
  const synonyms = synonymTable(loadSynonyms(JSON.parse(fs.readFileSync(options.synonyms, 'utf8'))));
  const groups = partitionDocuments(canonical, options.documentsPerShard);
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
    output.error(`search-index: ${missingClauses.length} clause records have no page in ${site}:`);
    for (const r of missingClauses.slice(0, 20)) output.error(`  ${r.url}  ${r.title}`);
    return 1;
  }
  if (missing.length > 0) {
    output.error(`search-index: left out, no page in ${site} yet: ${countByKind(missing)} (e.g. ${missing[0]?.url})`);
  }

  // Pagefind cuts the word index into chunks of about 20,000 positions and a query downloads every
  // chunk its tokens fall in. A query of n characters asks for about n pair tokens spread over the whole
  // key space, so it would fetch most of the index; chunks a fifth of the size cut the first search's
  // download by about 70 KB on this corpus (measured with npm run bench:search). The variable is
  // Pagefind's own, marked unstable: without it the index only gets larger chunks, nothing breaks.
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= '4000';
  const settings = { pagefind: PAGEFIND_VERSION, chunkSize: process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] };

  const bundles = checked.map((c) => {
    const records = toPagefindRecords(c.present, synonyms);
    return { records, key: bundleKey(records, settings) };
  });
  const failures: string[] = [];
  const toBuild = bundles.filter((b) => !hasBundle(cacheDir, b.key));
  await eachConcurrently(toBuild, options.jobs, async ({ records, key }) => {
    try {
      await storeBundle(cacheDir, key, (dir) => writeBundle(records, dir));
    } catch (error) {
      failures.push(`bundle ${key} (${records.length} records): ${(error as Error).message}`);
    }
  });
  if (failures.length > 0) {
    output.error(`search-index: ${failures.length} bundles failed:\n  ${failures.join('\n  ')}`);
    return 1;
  }

  const [primary, ...shards] = bundles.map((b) => b.key);
  fs.rmSync(out, { recursive: true, force: true });
  const manifest: ShardManifest = { shards: shards.map((key) => `shards/${key}/`), departmentsApart: sharded };
  // Linking is cheap, so the site's copy is remade whole: nothing of an older index can stay behind.
  const files =
    linkTree(path.join(cacheDir, primary ?? ''), out) +
    shards.reduce((n, key, i) => n + linkTree(path.join(cacheDir, key), path.join(out, manifest.shards[i] ?? '')), 0);
  // Pages named by their place, so that the page lists the browser loads first compress (page-names.ts).
  [out, ...manifest.shards.map((folder) => path.join(out, folder))].forEach((folder, bundle) => renamePages(folder, bundle));
  fs.writeFileSync(path.join(out, SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
  pruneCache(cacheDir, bundles.map((b) => b.key));

  output.log(
    `search-index: ${present.length} records (${countByKind(present)}) on ${bundles.reduce((n, b) => n + b.records.length, 0)} pages in ${bundles.length} bundle${bundles.length === 1 ? '' : 's'}, ` +
      `${toBuild.length} built, ${bundles.length - toBuild.length} from cache → ${out} (${files} files)`,
  );
  return 0;
}
