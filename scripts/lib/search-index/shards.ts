/**
 * How the search index is cut into Pagefind bundles. Pagefind's indexer holds every record of a
 * bundle in memory until it writes (about 100 KB a record), so a corpus of 1000 documents in one
 * bundle needs 9 GB; bundles of a bounded number of documents bound the memory, and a changed
 * document re-indexes its bundle only. The browser is served these bundles merged into a few
 * (merge-bundles.ts): see servedGroups.
 */
import { createHash } from 'node:crypto';
import type { Document } from '#schemas/document.ts';
import { fnv1a } from '#core/fnv1a.ts';
import type { PagefindRecord } from './records.ts';

/**
 * About 3,000 pages, about 0.8 GB in Pagefind's indexer, so that the indexer beside `astro build`
 * stays well under 4 GB; the real corpus (5 documents) stays one bundle.
 */
export const DOCUMENTS_PER_SHARD = 100;


/**
 * How many shards: one for a corpus of up to a fifth of a shard, which indexes in a second or two and
 * keeps the browser on a single bundle; above that at least two, so that both cores index.
 */
export function shardCount(documents: number, perShard: number): number {
  return documents <= perShard / 5 ? 1 : Math.max(2, Math.ceil(documents / perShard));
}

/**
 * The documents of each shard, in the input order. Their number depends only on the number of
 * documents: as long as it stays, a document keeps its shard.
 */
export function partitionDocuments<D extends Pick<Document, 'id'>>(documents: readonly D[], perShard: number): D[][] {
  const count = shardCount(documents.length, perShard);
  const groups: D[][] = Array.from({ length: count }, () => []);
  // A shard is chosen by the document id alone, so adding a document leaves the others where they were.
  for (const doc of documents) groups[fnv1a(doc.id) % count]?.push(doc);
  return groups.filter((g) => g.length > 0);
}

/**
 * The most pages of a bundle served to the browser. Pagefind's quoted search, which finds every
 * term here, compares each result page with every page entry of the phrase's words, so its time
 * grows with the square of a bundle's pages: at 1,000 documents (31,500 pages), one bundle made
 * near-match queries take 1.1–1.3 s at p95, two bundles 0.8 s. Each bundle more costs every query
 * token one more index chunk and every first search one more page list (two bundles: 291 KB, three:
 * 304 KB, measured with npm run bench:search -- --size 1000).
 */
export const MAX_SERVED_PAGES = 16_000;

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

/**
 * Names a bundle by everything that makes its files: its records and the indexer's settings. Equal
 * keys mean a bundle built before can be used as it is.
 */
export function bundleKey(records: readonly PagefindRecord[], settings: Readonly<Record<string, string>>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : 1))));
  for (const record of records) hash.update(JSON.stringify(record)).update('\n');
  return hash.digest('hex').slice(0, 32);
}

/** Names a served bundle by the keys of the bundles merged into it and the merge's settings. */
export function servedKey(sources: readonly string[], settings: Readonly<Record<string, string>>): string {
  return bundleKey([], { ...settings, sources: sources.join(' ') });
}
