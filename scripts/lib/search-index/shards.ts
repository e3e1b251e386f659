/**
 * How the search index is cut into Pagefind bundles. Pagefind's indexer holds every record of a
 * bundle in memory until it writes (about 100 KB a record), so a corpus of 1000 documents in one
 * bundle needs 9 GB; bundles of a bounded number of documents bound the memory, and a changed
 * document re-indexes its bundle only.
 */
import { createHash } from 'node:crypto';
import type { Document } from '#schemas/document.ts';
import { fnv1a } from '#core/fnv1a.ts';
import type { PagefindRecord } from './records.ts';

/**
 * About 9,000 records, about 1 GB in Pagefind's indexer, so that two bundles indexed side by side
 * (one per core) stay well under 4 GB; the real corpus (5 documents) stays one bundle, so its search
 * loads one index. More documents a shard would make the browser fetch fewer index chunks per query.
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
 * Names a bundle by everything that makes its files: its records and the indexer's settings. Equal
 * keys mean a bundle built before can be used as it is.
 */
export function bundleKey(records: readonly PagefindRecord[], settings: Readonly<Record<string, string>>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : 1))));
  for (const record of records) hash.update(JSON.stringify(record)).update('\n');
  return hash.digest('hex').slice(0, 32);
}
