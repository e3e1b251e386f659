/**
 * How the index names its pages (scripts/lib/search-index/merge-bundles.ts names them so): by a
 * prefix, the built bundle they come from and their place in it, `und-1a2b3c4d_3_1k` being page 56
 * of built bundle 3, whichever served bundle holds it. The search page reads a result's built bundle
 * from its name: when built bundle 0 holds the department pages alone, a result from it is a
 * department page, with no search needed to tell.
 */

/** The name of page `index` of built bundle `bundle` (0: the departments' in a sharded index, then the shards in order); `prefix` holds no `_`. */
export function pageName(prefix: string, bundle: number, index: number): string {
  return `${prefix}_${bundle.toString(36)}_${index.toString(36)}`;
}

/** The bundle a page name says it is in; null for a name not made by pageName. */
export function bundleOfPage(name: string): number | null {
  const match = /^[^_]+_([0-9a-z]+)_[0-9a-z]+$/.exec(name);
  return match?.[1] === undefined ? null : parseInt(match[1], 36);
}
