/**
 * FNV-1a, a small hash with no dependency, for the browser as well as the index step: it spreads
 * names evenly (documents over shards, pages in a sample) and gives the same number everywhere.
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
