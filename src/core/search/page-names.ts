/**
 * How the index names its pages (scripts/lib/search-index/merge-bundles.ts names them so): by a
 * prefix, their bundle and their place, `und-1a2b3c4d_3_1k` being page 56 of bundle 3. The search
 * page reads a result's bundle from its name: when the primary bundle (0) holds the department pages
 * alone, a result from it is a department page, with no search needed to tell.
 */

/** The name of page `index` of bundle `bundle` (0: the primary bundle, then the shards in their order); `prefix` holds no `_`. */
export function pageName(prefix: string, bundle: number, index: number): string {
  return `${prefix}_${bundle.toString(36)}_${index.toString(36)}`;
}

/** The bundle a page name says it is in; null for a name not made by pageName. */
export function bundleOfPage(name: string): number | null {
  const match = /^[^_]+_([0-9a-z]+)_[0-9a-z]+$/.exec(name);
  return match?.[1] === undefined ? null : parseInt(match[1], 36);
}
