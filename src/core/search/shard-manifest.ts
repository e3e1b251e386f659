/**
 * The search index is one Pagefind bundle at `/pagefind/` or, for a large corpus, that bundle plus
 * shards that the browser merges into it (Pagefind's `mergeIndex`). The index step writes the list
 * of shards beside the bundle; the search page reads it before its first search.
 */

/** The list of shards, in the primary bundle's folder. */
export const SHARD_MANIFEST = 'shards.json';

/** What the manifest holds: each shard's folder, relative to the primary bundle's, ending in `/`. */
export interface ShardManifest {
  shards: string[];
}

/** The shard folders of a manifest as read from the network; an unexpected shape is an error, not an empty list. */
export function shardFolders(manifest: unknown): string[] {
  const shards = (manifest as Partial<ShardManifest> | null)?.shards;
  if (!Array.isArray(shards) || !shards.every((s) => typeof s === 'string' && /^[\w/-]+\/$/.test(s) && !s.startsWith('/'))) {
    throw new Error(`search: ${SHARD_MANIFEST} does not list shard folders: ${JSON.stringify(manifest)}`);
  }
  return shards;
}
