/**
 * Short page names for a Pagefind bundle linked into the site. Pagefind names each page after a hash
 * of its fragment (`und_583b533`) and lists every page's name in the bundle's `pf_meta`, which the
 * browser loads, for every bundle, before its first search. Random hashes hardly compress: at 1,000
 * documents (51,000 records in 11 bundles) these lists were 413 KB of the 679 KB a first search
 * downloaded. Named by their place instead (`und_3_0`, `und_3_1` …: bundle 3, pages 0, 1 …) they
 * compress to about 60 %. The bundle's number in the name keeps pages of different bundles apart,
 * as the search engine tells results by their name (src/core/search/page-names.ts).
 *
 * The renaming works on the site's copy only: the cache keeps Pagefind's files as written, and
 * since the site's files are hard links into it, a changed file is written anew, never through
 * its link.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { decode, encode } from 'cborg';
import { pageName } from '#core/search/page-names.ts';

/** What Pagefind writes before the CBOR of its binary files (inside their gzip). */
const SIGNATURE = Buffer.from('pagefind_dcd');

/** A page as pf_meta lists it: its name, its word count, and the fragment group holding it ('' for a fragment of its own). */
type PageEntry = [name: string, words: number, group: string];
/** An index chunk as pf_meta lists it: the first and last token it holds, and its name. */
type ChunkEntry = [from: string, to: string, name: string];

interface Entry {
  languages: Record<string, { hash: string }>;
}

function isPageEntry(value: unknown): value is PageEntry {
  return Array.isArray(value) && value.length === 3 && typeof value[0] === 'string' && typeof value[1] === 'number' && typeof value[2] === 'string';
}

function isChunkEntry(value: unknown): value is ChunkEntry {
  return Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === 'string');
}

function readPagefindFile(file: string): unknown {
  const data = zlib.gunzipSync(fs.readFileSync(file));
  if (!data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${file}: not a Pagefind file (no ${SIGNATURE.toString()} signature)`);
  return decode(data.subarray(SIGNATURE.length), { useMaps: true });
}

/** Replaces a file of the site by new content, leaving the cache file it may be linked to as it was. */
function replaceFile(file: string, content: string | Buffer): void {
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, content);
}

/**
 * Renames the pages and index chunks of the bundle in `dir` (bundle number `bundle` of the site) by
 * their place: their fragments and chunk files, the lists of each language's pf_meta (written under a new name, the hash of
 * its new content, as Pagefind names it) and pagefind-entry.json. Returns the pages renamed. Fails
 * on a layout it does not know (another Pagefind version, fragment groups) rather than guessing.
 */
export function renamePages(dir: string, bundle: number): number {
  const entryFile = path.join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(fs.readFileSync(entryFile, 'utf8')) as Entry;
  let renamed = 0;
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaFile = path.join(dir, `pagefind.${info.hash}.pf_meta`);
    const meta = readPagefindFile(metaFile);
    const pages: unknown = Array.isArray(meta) ? meta[1] : undefined;
    const chunks: unknown = Array.isArray(meta) ? meta[2] : undefined;
    if (!Array.isArray(pages) || !pages.every(isPageEntry) || !Array.isArray(chunks) || !chunks.every(isChunkEntry)) {
      throw new Error(`${metaFile}: not the pf_meta layout of Pagefind 1.6 (version, pages of [name, words, group], index chunks of [from, to, name], …)`);
    }
    pages.forEach((page, i) => {
      if (page[2] !== '') throw new Error(`${metaFile}: page ${page[0]} is in fragment group ${page[2]}: renaming grouped fragments is not supported`);
      const name = pageName(language, bundle, i);
      fs.renameSync(path.join(dir, 'fragment', `${page[0]}.pf_fragment`), path.join(dir, 'fragment', `${name}.pf_fragment`));
      page[0] = name;
    });
    // The index chunks too, in their own folder: their random names were about 7 % of the lists at 1,000 documents.
    chunks.forEach((chunk, i) => {
      const name = pageName(language, bundle, i);
      fs.renameSync(path.join(dir, 'index', `${chunk[2]}.pf_index`), path.join(dir, 'index', `${name}.pf_index`));
      chunk[2] = name;
    });
    const content = zlib.gzipSync(Buffer.concat([SIGNATURE, encode(meta)]), { level: 9 });
    const hash = `${language}_${createHash('sha256').update(content).digest('hex').slice(0, 11)}`;
    fs.rmSync(metaFile);
    replaceFile(path.join(dir, `pagefind.${hash}.pf_meta`), content);
    info.hash = hash;
    renamed += pages.length;
  }
  replaceFile(entryFile, JSON.stringify(entry));
  return renamed;
}
