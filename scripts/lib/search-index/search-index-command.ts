/**
 * What `node scripts/search-index.ts` does: builds the search index of a built site with Pagefind's
 * Node API, from the generated documents rather than from the HTML, one bundle per shard of
 * documents, each built into the cache folder under a key of its records; merges them into the few
 * bundles the browser loads (served-bundles.ts), cached likewise, and links those into the site.
 * Fails when a clause record has no page in the built site.
 *
 * Since the records come from the documents, the bundles can be built before the pages exist:
 * `prepareSearchIndex` builds them into the cache beside `astro build`
 * (src/integrations/search-index-beside.ts) and merges the served ones, and the run after the build
 * finds them there and only checks the pages and links the served bundles into the site.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageOf } from '#core/routes.ts';
import { SHARD_MANIFEST, type ShardManifest } from '#core/search/shard-manifest.ts';
import { loadRegistry } from '#core/department-registry.ts';
import { loadSynonyms, synonymTable } from '#core/search/synonym-table.ts';
import { consoleOutput, type CliOutput } from '../cli-output.ts';
import { readDocuments } from '../ingest/write.ts';
import { EXTERNAL_OUTPUT } from '#core/document-files.ts';
import { hasBundle, linkTree, pruneCache, storeBundle } from './bundle-cache.ts';
import { eachConcurrently } from './concurrency.ts';
import { writeBundle } from './pagefind-bundle.ts';
import { planFingerprint, readPlan, writePlan, type SavedPlan } from './saved-plan.ts';
import { mergeServed, SERVED_SETTINGS, servedBundles } from './served-bundles.ts';
import { bundleKey, filesDigest, partitionDocuments } from './shards.ts';
import {
  departmentRecords,
  documentRecords,
  searchRecords,
  shownFragment,
  toPagefindRecords,
  type PagefindRecord,
  type SearchRecord,
} from './records.ts';

/** Where the records come from, where bundles are cached, and how many are indexed at once. */
export type IndexInputs = {
  documents: string;
  departments: string;
  synonyms: string;
  cache: string;
  documentsPerShard: number;
  /** The most pages of a bundle served to the browser (served-bundles.ts's MAX_SERVED_PAGES). */
  pagesPerServedBundle: number;
  jobs: number;
};

/** `site` the built site, `out` the index folder (SITE/pagefind when undefined). */
export type SearchIndexOptions = IndexInputs & {
  site: string;
  out: string | undefined;
};

/** One Pagefind bundle to have: its records (one a page) and the key it is cached under. */
interface PlannedBundle {
  records: PagefindRecord[];
  key: string;
}

/** The project's root, whose code makes the records (saved-plan.ts). */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * What shapes a built bundle besides its records: Pagefind's version, and the code that writes it and
 * trims its fragments (pagefind-bundle.ts, records.ts's shownFragment).
 */
function indexSettings(): Record<string, string> {
  return {
    pagefind: PAGEFIND_VERSION,
    code: createHash('sha256')
      .update(filesDigest(['scripts/lib/search-index/pagefind-bundle.ts', 'scripts/lib/search-index/pagefind-files.ts']))
      .update(shownFragment.toString())
      .digest('hex'),
  };
}

/** The fingerprint of what the records of these inputs are made from (saved-plan.ts). */
function fingerprintOf(options: IndexInputs): string {
  return planFingerprint({
    documentFolders: [options.documents, EXTERNAL_OUTPUT],
    tables: [options.departments, options.synonyms],
    settings: { ...indexSettings(), ...SERVED_SETTINGS, documentsPerShard: options.documentsPerShard, pagesPerServedBundle: options.pagesPerServedBundle },
    root: ROOT,
  });
}

const PAGEFIND_VERSION = (JSON.parse(fs.readFileSync(new URL('../../../node_modules/pagefind/package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** How many records of each kind, and on how many pages: the index step's report. */
function recordCounts(present: readonly SearchRecord[], bundles: readonly PlannedBundle[]): string {
  return `${present.length} records (${countByKind(present)}) on ${bundles.reduce((n, b) => n + b.records.length, 0)} pages`;
}

function countByKind(records: readonly SearchRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

/**
 * The records of the corpus by bundle, with their keys. `hasPage` tells whether a record's page
 * exists; a record without one is left out of its bundle and returned apart.
 */
function planIndex(options: IndexInputs, hasPage: (url: string) => boolean): { bundles: PlannedBundle[]; present: SearchRecord[]; missing: SearchRecord[]; sharded: boolean } {
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
  const settings = indexSettings();

  const present: SearchRecord[] = [];
  const missing: SearchRecord[] = [];
  const bundles = planned.map((group) => {
    const kept: SearchRecord[] = [];
    for (const r of group) (hasPage(r.url) ? kept : missing).push(r);
    present.push(...kept);
    const records = toPagefindRecords(kept, synonyms);
    return { records, key: bundleKey(records, settings) };
  });
  return { bundles, present, missing, sharded };
}

/** Indexes the bundles the cache does not hold yet, `jobs` at a time; returns how many it built and what failed. */
async function buildMissing(bundles: readonly PlannedBundle[], options: IndexInputs): Promise<{ built: number; failures: string[] }> {
  const failures: string[] = [];
  const toBuild = bundles.filter((b) => !hasBundle(options.cache, b.key));
  await eachConcurrently(toBuild, options.jobs, async ({ records, key }) => {
    try {
      await storeBundle(options.cache, key, (dir) => writeBundle(records, dir));
    } catch (error) {
      failures.push(`bundle ${key} (${records.length} records): ${(error as Error).message}`);
    }
  });
  return { built: toBuild.length, failures };
}

/** The plan of an index: its built bundles (keys and pages) and served bundles, without the records. */
type IndexPlan = Omit<SavedPlan, 'fingerprint'>;

/**
 * Builds the bundles of a plan that the cache lacks; returns the plan without its records, so that
 * they can be let go before the merge (at 1,000 documents they hold hundreds of MB).
 */
async function buildPlanned(planned: ReturnType<typeof planIndex>, options: IndexInputs): Promise<{ plan: IndexPlan; built: number; failures: string[] }> {
  const { bundles, present, sharded } = planned;
  const { built, failures } = await buildMissing(bundles, options);
  // A Pagefind record is a page: its URL is one of the pages the index step checks.
  const saved = bundles.map(({ key, records }) => ({ key, pages: records.map((r) => r.url) }));
  const served = servedBundles(
    saved.map(({ key, pages }) => ({ key, pages: pages.length })),
    options.pagesPerServedBundle,
  );
  return { plan: { bundles: saved, served, sharded, counts: recordCounts(present, bundles) }, built, failures };
}

/**
 * Builds the bundles into the cache before the site is built, taking every record's page to exist (a
 * clause's page does once the build succeeds), and merges the served ones. The run after the build
 * finds them there; should a page be missing after all, its bundle's key differs and that run builds
 * the bundle again.
 */
export async function prepareSearchIndex(options: IndexInputs, output: CliOutput = consoleOutput): Promise<number> {
  const fingerprint = fingerprintOf(options);
  const { plan, built, failures } = await buildPlanned(planIndex(options, () => true), options);
  if (failures.length === 0) failures.push(...(await mergeServed(plan.served, options.cache)).failures);
  if (failures.length > 0) {
    output.error(`search-index --prepare: ${failures.length} bundles failed:\n  ${failures.join('\n  ')}`);
    return 1;
  }
  writePlan(options.cache, { fingerprint, ...plan });
  output.log(`search-index --prepare: ${plan.bundles.length} bundles, ${built} built, ${plan.bundles.length - built} in the cache already; served as ${plan.served.length}`);
  return 0;
}

/** What the index step links into the site, and what it reports. */
type LinkPlan = IndexPlan & { built: number; saved: boolean };

/**
 * The plan `--prepare` saved for these very inputs, when every page its records land on exists and
 * every bundle is in the cache; otherwise null, and the index step plans again.
 */
function savedPlanFor(options: IndexInputs, pageExists: (url: string) => boolean): LinkPlan | null {
  const saved = readPlan(options.cache, fingerprintOf(options));
  if (saved === null) return null;
  // A served bundle missing from the cache is merged from the built ones, as after any plan.
  const usable = saved.bundles.every((b) => hasBundle(options.cache, b.key) && b.pages.every(pageExists));
  return usable ? { ...saved, built: 0, saved: true } : null;
}

/** Plans from the documents and builds the bundles the cache lacks; null (with the errors told) when a clause has no page or a bundle fails. */
async function planAndBuild(options: IndexInputs, pageExists: (url: string) => boolean, site: string, output: CliOutput): Promise<LinkPlan | null> {
  const planned = planIndex(options, pageExists);
  const missingClauses = planned.missing.filter((r) => r.kind === 'clause');
  if (missingClauses.length > 0) {
    output.error(`search-index: ${missingClauses.length} clause records have no page in ${site}:`);
    for (const r of missingClauses.slice(0, 20)) output.error(`  ${r.url}  ${r.title}`);
    return null;
  }
  if (planned.missing.length > 0) {
    output.error(`search-index: left out, no page in ${site} yet: ${countByKind(planned.missing)} (e.g. ${planned.missing[0]?.url})`);
  }
  const { plan, built, failures } = await buildPlanned(planned, options);
  if (failures.length > 0) {
    output.error(`search-index: ${failures.length} bundles failed:\n  ${failures.join('\n  ')}`);
    return null;
  }
  return { ...plan, built, saved: false };
}

/** Builds the index; the exit code is 1 when a clause has no page or a bundle fails. */
export async function runSearchIndex(options: SearchIndexOptions, output: CliOutput = consoleOutput): Promise<number> {
  const { site, cache: cacheDir } = options;
  const out = options.out ?? path.join(site, 'pagefind');

  // A paragraph's, row's or bullet's record lands on its anchor on its holder's page: many records, one page to look for.
  const pages = new Map<string, boolean>();
  function pageExists(url: string): boolean {
    const pagePath = pageOf(url);
    let exists = pages.get(pagePath);
    if (exists === undefined) {
      exists = fs.existsSync(path.join(site, ...pagePath.split('/').filter((s) => s !== ''), 'index.html'));
      pages.set(pagePath, exists);
    }
    return exists;
  }

  const plan = savedPlanFor(options, pageExists) ?? (await planAndBuild(options, pageExists, site, output));
  if (plan === null) return 1;
  const merge = await mergeServed(plan.served, cacheDir);
  if (merge.failures.length > 0) {
    output.error(`search-index: ${merge.failures.length} bundles failed:\n  ${merge.failures.join('\n  ')}`);
    return 1;
  }
  const { bundles, served, sharded, counts, built, saved } = plan;

  const [primary, ...shards] = served.map((b) => b.key);
  fs.rmSync(out, { recursive: true, force: true });
  const manifest: ShardManifest = { shards: shards.map((key) => `shards/${key}/`), departmentsApart: sharded };
  // Linking is cheap, so the site's copy is remade whole: nothing of an older index can stay behind.
  const files =
    linkTree(path.join(cacheDir, primary ?? ''), out) +
    shards.reduce((n, key, i) => n + linkTree(path.join(cacheDir, key), path.join(out, manifest.shards[i] ?? '')), 0);
  fs.writeFileSync(path.join(out, SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
  pruneCache(cacheDir, [...bundles, ...served].map((b) => b.key));

  output.log(
    `search-index: ${counts} in ${bundles.length} bundle${bundles.length === 1 ? '' : 's'}, ` +
      `${built} built, ${bundles.length - built} from cache${saved ? ' as planned by --prepare' : ''}; ` +
      `served as ${served.length}, ${merge.merged} merged → ${out} (${files} files)`,
  );
  return 0;
}
