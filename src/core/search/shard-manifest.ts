/**
 * The search index is one Pagefind bundle at `/pagefind/` or, for a large corpus, that bundle plus
 * shards that the browser merges into it (Pagefind's `mergeIndex`). The index step writes the list
 * of shards beside the bundle; the search page reads it before its first search.
 */

/** The list of shards, in the primary bundle's folder. */
export const SHARD_MANIFEST = 'shards.json';

/**
 * What the manifest holds: each shard's folder, relative to the primary bundle's, ending in `/`; and
 * whether the primary bundle holds the department pages and nothing else (a sharded index), so that
 * a result is known to be a department page by its bundle (src/core/search/page-names.ts).
 */
export interface ShardManifest {
  shards: string[];
  departmentsApart: boolean;
}

/** A manifest as read from the network; an unexpected shape is an error, not an empty list. */
export function readManifest(manifest: unknown): ShardManifest {
  const { shards, departmentsApart } = (manifest ?? {}) as Partial<ShardManifest>;
  if (!Array.isArray(shards) || !shards.every((s) => typeof s === 'string' && /^[\w/-]+\/$/.test(s) && !s.startsWith('/')) || typeof departmentsApart !== 'boolean') {
    throw new Error(`search: ${SHARD_MANIFEST} does not list shard folders: ${JSON.stringify(manifest)}`);
  }
  return { shards, departmentsApart };
}
