/**
 * Reading and writing Pagefind 1.6's files: each is gzip of a signature followed by CBOR (the page
 * and chunk lists, index chunks, filters) or JSON (a page's fragment). Used to merge bundles
 * (merge-bundles.ts) and to trim fragments (trimFragments).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** What Pagefind writes before the content of its files (inside their gzip). */
const SIGNATURE = Buffer.from('pagefind_dcd');

/** A Pagefind file's content: gunzipped, its signature checked and taken off. */
export function unpacked(file: string): Buffer {
  const data = zlib.gunzipSync(fs.readFileSync(file));
  if (!data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${file}: not a Pagefind file (no ${SIGNATURE.toString()} signature)`);
  return data.subarray(SIGNATURE.length);
}

/**
 * A Pagefind file's bytes for `content`. Level 9 is worth it for the page and chunk lists, which
 * every first search loads; over the index chunks it would take 3 s more at 1,000 documents for 4 % less.
 */
export function packed(content: Uint8Array, level = 6): Buffer {
  return zlib.gzipSync(Buffer.concat([SIGNATURE, content]), { level });
}

/** A page's fragment: Pagefind's JSON of its record (url, content, word count, filters, meta, anchors). */
export type Fragment = Record<string, unknown>;

function readFragment(file: string): Fragment {
  const value: unknown = JSON.parse(unpacked(file).toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${file}: not a page fragment of Pagefind 1.6`);
  return value as Fragment;
}

/** Rewrites every fragment of the bundle in `dir` to what `keep` keeps of it. */
export function trimFragments(dir: string, keep: (fragment: Fragment) => Fragment): void {
  const folder = path.join(dir, 'fragment');
  for (const name of fs.readdirSync(folder)) {
    const file = path.join(folder, name);
    fs.writeFileSync(file, packed(Buffer.from(JSON.stringify(keep(readFragment(file))))));
  }
}
