/**
 * How the search index is cut into Pagefind bundles. Pagefind's indexer holds every record of a
 * bundle in memory until it writes (about 0.8 GB per 100 documents here), so a corpus of 1000
 * documents in one bundle needs 8 GB; bundles of a bounded number of documents bound the memory,
 * and a changed document re-indexes its bundle only. The browser is served these bundles merged
 * into a few (served-bundles.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Document } from '#schemas/document.ts';
import { fnv1a } from '#core/fnv1a.ts';
import type { PagefindRecord } from './records.ts';

/**
 * About 3,000 pages, about 0.8 GB in Pagefind's indexer, so that the indexer beside `astro build`
 * stays well under 4 GB; the real corpus (5 documents) stays one bundle.
 */
export const DOCUMENTS_PER_SHARD = 100;

/**
 * How many shards: one for a corpus of up to a fifth of a shard, which indexes in a second or two
 * and needs no merge; above that at least two, so that two jobs (`--jobs`) can index side by side.
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
 * Names a bundle by everything that makes its files: its records and the indexer's settings. Equal
 * keys mean a bundle built before can be used as it is.
 */
export function bundleKey(records: readonly PagefindRecord[], settings: Readonly<Record<string, string>>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : 1))));
  for (const record of records) hash.update(JSON.stringify(record)).update('\n');
  return hash.digest('hex').slice(0, 32);
}

/** A digest of files of the project (paths from its root): the code a cached bundle was made by. */
export function filesDigest(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(fs.readFileSync(new URL(`../../../${file}`, import.meta.url)));
  return hash.digest('hex');
}
