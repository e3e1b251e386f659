/**
 * The search index is one Pagefind bundle at `/pagefind/` or, for a large corpus, that bundle plus
 * others that the browser merges into it (Pagefind's `mergeIndex`). Each of these served bundles is
 * itself merged from built bundles, one per shard of documents (scripts/lib/search-index/served-bundles.ts);
 * the manifest keeps its old name, `shards.json`, and lists the served bundles after the first. The
 * index step writes it beside the first bundle; the search page reads it before its first search.
 */

/** The list of the served bundles after the first, in the first one's folder. */
export const SHARD_MANIFEST = 'shards.json';

/**
 * What the manifest holds: the folder of each served bundle after the first, relative to the first
 * one's, ending in `/`; and whether built bundle 0 holds the department pages and nothing else (a
 * sharded index), so that a result is known to be a department page by the built bundle its name
 * gives (src/core/search/page-names.ts).
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
