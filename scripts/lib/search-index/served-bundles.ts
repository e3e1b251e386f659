/**
 * The bundles served to the browser: the built ones (one per shard of documents, shards.ts) merged in
 * groups (merge-bundles.ts), each cached under a key of what makes it. Served as built, every query
 * token cost an index chunk from every shard and every first search every shard's page list (at
 * 1,000 documents, 11 bundles: a first search made 65 chunk requests and fetched 456 KB; merged into
 * two, 13 requests and 270 KB).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { hasBundle, storeBundle } from './bundle-cache.ts';
import { mergeBundles } from './merge-bundles.ts';
import { CONTEXT_FIELD } from './records.ts';
import type { ServedBundle } from './saved-plan.ts';
import { filesDigest } from './shards.ts';

/**
 * The most pages of a bundle served to the browser. Pagefind's quoted search, which finds every
 * term here, compares each result page with every page entry of the phrase's words, so its time
 * grows with the square of a bundle's pages: at 1,000 documents (31,500 pages), one bundle made
 * near-match queries take 1.1–1.3 s at p95, two bundles 0.6–0.8 s. Each bundle more costs every query
 * token one more index chunk and every first search one more page list (two bundles: 270–291 KB,
 * three: 289–304 KB, measured with npm run bench:search -- --size 1000).
 */
export const MAX_SERVED_PAGES = 16_000;

/**
 * The index chunk size of the served bundles, in Pagefind's measure (a word's page entries plus their
 * locations). A query fetches one chunk per token and bundle, and every first search loads the list
 * of all chunks: Pagefind's 20,000 made 7 KB chunks, and a fifth of that is about where the chunk
 * list and the chunks fetched cost the same (at 1,000 documents: 2,900 chunks, a 30 KB list).
 */
const CHUNK_SIZE = 4000;

/**
 * What shapes a served bundle besides its sources: the chunk size, the metadata field left
 * searchable (only the context's holds tokens a query can ask for: the words of the shown text,
 * titles and facts would only fill the index), and the code that merges and names (its text, so
 * that changing it makes new bundles rather than taking old ones from the cache).
 */
export const SERVED_SETTINGS = {
  chunkSize: String(CHUNK_SIZE),
  searchedField: CONTEXT_FIELD,
  code: filesDigest(['scripts/lib/search-index/merge-bundles.ts', 'scripts/lib/search-index/pagefind-files.ts', 'src/core/search/page-names.ts', 'package-lock.json']),
};

/**
 * The built bundles (their page counts, in order) in groups to merge for the browser: as few as hold
 * about `maxPages` pages each, cut where the running total passes an even share, so that the groups
 * are about equal (one can pass `maxPages` by half a bundle). Each group is a run of consecutive
 * bundles, so bundle 0 stays first.
 */
export function servedGroups(pageCounts: readonly number[], maxPages: number): number[][] {
  const total = pageCounts.reduce((a, b) => a + b, 0);
  const count = Math.max(1, Math.ceil(total / maxPages));
  const groups: number[][] = [[]];
  let sum = 0;
  pageCounts.forEach((pages, i) => {
    const current = groups.at(-1) ?? [];
    // A new group starts with the bundle that would end past this one's share by more than half its pages; the last group takes the rest.
    if (current.length > 0 && groups.length < count && sum + pages / 2 > (total * groups.length) / count) groups.push([i]);
    else current.push(i);
    sum += pages;
  });
  return groups;
}

/** The served bundles of the built ones (their keys and page counts, in order), each keyed by its sources, its place and the settings. */
export function servedBundles(built: readonly { key: string; pages: number }[], maxPages: number): ServedBundle[] {
  return servedGroups(
    built.map((b) => b.pages),
    maxPages,
  ).map((group) => {
    const sources = group.map((i) => built[i]?.key);
    const firstBundle = group[0];
    if (firstBundle === undefined || !sources.every((s): s is string => s !== undefined)) throw new Error(`servedBundles: group ${JSON.stringify(group)} is not of the ${built.length} bundles`);
    // The first bundle's number goes into every page name, so it is part of what makes the bundle.
    const key = createHash('sha256').update(JSON.stringify({ ...SERVED_SETTINGS, sources, firstBundle })).digest('hex').slice(0, 32);
    return { key, sources, firstBundle };
  });
}

/** Merges the served bundles the cache does not hold yet from their built bundles, in it; returns how many it merged and what failed. */
export async function mergeServed(served: readonly ServedBundle[], cache: string): Promise<{ merged: number; failures: string[] }> {
  const failures: string[] = [];
  let merged = 0;
  for (const { key, sources, firstBundle } of served.filter((b) => !hasBundle(cache, b.key))) {
    try {
      await storeBundle(cache, key, async (dir) => {
        // The key's start tags the file names: a browser never mixes a cached file of another build into this one.
        mergeBundles(
          sources.map((source) => path.join(cache, source)),
          dir,
          { chunkSize: CHUNK_SIZE, tag: key.slice(0, 8), firstBundle, searchedFields: [SERVED_SETTINGS.searchedField] },
        );
      });
      merged += 1;
    } catch (error) {
      failures.push(`merging bundle ${key} (of ${sources.length}): ${(error as Error).message}`);
    }
  }
  return { merged, failures };
}
