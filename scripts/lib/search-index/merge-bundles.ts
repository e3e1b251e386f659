/**
 * Merges Pagefind bundles into one bundle, as Pagefind would have written it from all their records.
 *
 * Why: Pagefind's indexer holds a whole bundle in memory (about 0.8 GB per 100 documents here), so a
 * large corpus is indexed in shards (shards.ts). Served as shards, though, every query token costs
 * the browser one index chunk from every shard and every shard's page list before the first search
 * (at 1,000 documents: 65 chunk requests and 456 KB). Merged, a token costs one chunk and the lists
 * are one. The merge streams: it holds one decoded index chunk per bundle and the chunk it writes.
 *
 * What it relies on is Pagefind 1.6's file layout, checked as it reads (an unknown layout fails
 * rather than merging wrongly), and reproduced as Pagefind writes it: merging one bundle at
 * Pagefind's chunk size gives back its chunks and their bounds, and merging the bundles of two halves
 * of some records gives the bundle of all of them (tests/unit/merge-bundles.test.ts).
 * - pf_meta: [version, pages [name, word count, fragment group], index chunks [from, to, name],
 *   filters [name, file], sorts, meta fields]; each page's fragment is `fragment/NAME.pf_fragment`.
 * - An index chunk: [[word, [[page number, locations, meta locations], …]], …], the words in UTF-8
 *   order, a word's pages ascending, each page number given as the step from the one before
 *   (the first from 0). A negative meta location names the field the following ones are in, as
 *   -(its place in the meta field list + 1).
 * - Pagefind cuts chunks once the entries plus locations of the words taken reach the chunk size,
 *   and bounds each by the shortest prefixes that tell it from its neighbours, but for an end whose
 *   prefix would sort before the chunk's start (checked against 12,000 chunk bounds of its bundles).
 * - A filter file: [filter, [[value, [page number, …]], …]], page numbers ascending and absolute.
 *
 * Every file is named by its place with a tag of the bundle's content (`und-TAG_b_i`): names by
 * place compress in the page list the browser loads first (random hashes hardly do), and the tag
 * changes with the content, so that a browser never mixes a cached file of another build with this one.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decode, encode } from 'cborg';
import { pageName } from '#core/search/page-names.ts';
import { linkFile } from './bundle-cache.ts';
import { packed, unpacked } from './pagefind-files.ts';

const ENTRY = 'pagefind-entry.json';

/** A page of a word: the step from the word's page before, its locations in the content, and in the meta fields. */
type PageHit = [step: number, locations: number[], metaLocations: number[]];
/** A word, its pages, and the spellings with diacritics folded into it (café under cafe), each with its pages. */
type Word = [word: string, pages: PageHit[], variants: [variant: string, pages: PageHit[]][]];
type PageEntry = [name: string, words: number, group: string];
type ChunkEntry = [from: string, to: string, name: string];
type FilterEntry = [filter: string, name: string];
type Meta = [version: string, pages: PageEntry[], chunks: ChunkEntry[], filters: FilterEntry[], sorts: unknown[], fields: string[]];
type FilterFile = [filter: string, values: [value: string, pages: number[]][]];

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters?: string[];
}

/** How the merged bundle is written: Pagefind's chunk size, and the tag its file names carry. */
interface MergeOptions {
  chunkSize: number;
  tag: string;
  /** The number of the first bundle in page names (pageName), when several merged bundles make one index. */
  firstBundle?: number;
  /**
   * The meta fields whose words stay searchable; the words of the others are taken out of the index
   * (the fields themselves stay in the fragments). All of them by default.
   */
  searchedFields?: readonly string[];
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isTuple = (v: unknown, check: (items: unknown[]) => boolean): boolean => Array.isArray(v) && v.length === 3 && check(v);

function isMeta(value: unknown): value is Meta {
  if (!Array.isArray(value) || value.length !== 6) return false;
  const [version, pages, chunks, filters, sorts, fields] = value as unknown[];
  return (
    isString(version) &&
    Array.isArray(pages) &&
    pages.every((p) => isTuple(p, ([name, words, group]) => isString(name) && typeof words === 'number' && isString(group))) &&
    Array.isArray(chunks) &&
    chunks.every((c) => isTuple(c, (items) => items.every(isString))) &&
    Array.isArray(filters) &&
    filters.every((f) => Array.isArray(f) && f.length === 2 && f.every(isString)) &&
    Array.isArray(sorts) &&
    Array.isArray(fields) &&
    fields.every(isString)
  );
}

function isPageList(value: unknown): value is PageHit[] {
  return Array.isArray(value) && value.every((p) => isTuple(p, ([step, locs, metaLocs]) => typeof step === 'number' && Array.isArray(locs) && Array.isArray(metaLocs)));
}

function isWordList(value: unknown): value is [Word[]] {
  if (!Array.isArray(value) || value.length !== 1 || !Array.isArray(value[0])) return false;
  return (value[0] as unknown[]).every(
    (w) => Array.isArray(w) && w.length === 3 && isString(w[0]) && isPageList(w[1]) && Array.isArray(w[2]) && (w[2] as unknown[]).every((v) => Array.isArray(v) && v.length === 2 && isString(v[0]) && isPageList(v[1])),
  );
}

function isFilterFile(value: unknown): value is FilterFile {
  return Array.isArray(value) && value.length === 2 && isString(value[0]) && Array.isArray(value[1]) && (value[1] as unknown[]).every((v) => Array.isArray(v) && v.length === 2 && isString(v[0]) && Array.isArray(v[1]));
}

function readPagefindFile<T>(file: string, check: (value: unknown) => value is T, layout: string): T {
  const value: unknown = decode(unpacked(file));
  if (!check(value)) throw new Error(`${file}: not ${layout} of Pagefind 1.6`);
  return value;
}

/** Orders strings by their UTF-8 bytes, as Pagefind sorts words (code point order; JS's `<` compares UTF-16 units). */
export function compareUtf8(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
  }
  // One is a prefix of the other: the shorter comes first.
  return a.length - b.length;
}

/** The shortest prefixes that tell the last word of a chunk from the first of the next one, as Pagefind bounds its chunks. */
export function boundPrefixes(last: string, next: string): [string, string] {
  const a = Array.from(last);
  const b = Array.from(next);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
  return [a.slice(0, common + 1).join(''), b.slice(0, common + 1).join('')];
}

/**
 * The bounds Pagefind gives chunks holding the words `first` to `last` each, in order: the shortest
 * prefixes that tell each chunk's last word from the next one's first, but for an end whose prefix
 * would sort before its chunk's (already shortened) start, which keeps the whole word.
 */
export function chunkBounds(chunks: readonly (readonly [first: string, last: string])[]): [from: string, to: string][] {
  const bounds = chunks.map(([first, last]): [string, string] => [first, last]);
  bounds.forEach((chunk, i) => {
    const next = bounds[i + 1];
    if (next === undefined) return;
    const [to, from] = boundPrefixes(chunk[1], next[0]);
    if (compareUtf8(to, chunk[0]) >= 0) chunk[1] = to;
    next[0] = from;
  });
  return bounds;
}

/** One source bundle of a language: its folder, its pf_meta, and where its pages start in the merged bundle. */
interface Source {
  dir: string;
  bundle: number;
  meta: Meta;
  firstPage: number;
  /** Meta field numbers of this bundle → the merged bundle's; -1 for a field whose words are not searched. */
  fields: number[];
}

/** The words of a bundle in order, one index chunk decoded at a time. */
function* wordsOf(source: Source): Generator<Word> {
  for (const [, , name] of source.meta[2]) {
    const [words] = readPagefindFile(path.join(source.dir, 'index', `${name}.pf_index`), isWordList, 'an index chunk');
    yield* words;
  }
}

/** A page list being merged: its pages so far, and the merged number of the last one (-1: none yet). */
interface MergedPages {
  pages: PageHit[];
  last: number;
}

/**
 * A page's meta locations with the fields mapped to the merged list's, and those of unsearched
 * fields (-1) left out. Each field's run starts with its marker, -(its number + 1).
 */
function mappedMetaLocations(metaLocations: number[], fields: readonly number[]): number[] {
  // Most pages of a word hold it in their text only: nothing to map.
  if (metaLocations.length === 0) return metaLocations;
  const kept: number[] = [];
  let field = -1;
  for (const l of metaLocations) {
    if (l < 0) {
      field = fields[-l - 1] ?? -1;
      if (field >= 0) kept.push(-(field + 1));
    } else if (field >= 0) kept.push(l);
  }
  return kept;
}

/**
 * Appends a page list of one bundle to `list`, renumbered into the merged bundle and its meta fields
 * mapped to the merged list's; a page found in unsearched fields only is left out. The entries are
 * the decoded ones, changed in place: at 1,000 documents there are 9 million.
 */
function appendPages(list: MergedPages, pages: PageHit[], source: Source): void {
  let page = 0;
  pages.forEach((hit) => {
    page += hit[0];
    hit[2] = mappedMetaLocations(hit[2], source.fields);
    if (hit[1].length === 0 && hit[2].length === 0) return;
    const merged = source.firstPage + page;
    hit[0] = list.last < 0 ? merged : merged - list.last;
    list.pages.push(hit);
    list.last = merged;
  });
}

/** Writes index chunks as Pagefind cuts them: `add` takes the words in order, `finish` returns the chunk list for pf_meta, bounded as Pagefind bounds it. */
function chunkWriter(dir: string, chunkSize: number, name: (index: number) => string): { add(word: Word): void; finish(): ChunkEntry[] } {
  let pending: Word[] = [];
  let size = 0;
  const chunks: ChunkEntry[] = [];
  function flush(): void {
    const first = pending[0];
    const last = pending.at(-1);
    if (first === undefined || last === undefined) return;
    const chunk = name(chunks.length);
    fs.writeFileSync(path.join(dir, `${chunk}.pf_index`), packed(encode([pending])));
    chunks.push([first[0], last[0], chunk]);
    pending = [];
    size = 0;
  }
  return {
    add(word) {
      pending.push(word);
      size += [word[1], ...word[2].map(([, pages]) => pages)].flat().reduce((n, [, locations, metaLocations]) => n + locations.length + metaLocations.length + 1, 0);
      if (size >= chunkSize) flush();
    },
    finish() {
      flush();
      return chunkBounds(chunks.map(([first, last]) => [first, last])).map(([from, to], i) => [from, to, chunks[i]?.[2] ?? '']);
    },
  };
}

/** Merges the words of the sources, bundle after bundle where a word is in several, into chunks. */
function mergeWords(sources: readonly Source[], writer: ReturnType<typeof chunkWriter>): void {
  const streams = sources.map((source) => ({ source, words: wordsOf(source), head: undefined as Word | undefined }));
  for (const stream of streams) stream.head = stream.words.next().value ?? undefined;
  for (;;) {
    let word: string | undefined;
    for (const { head } of streams) if (head !== undefined && (word === undefined || compareUtf8(head[0], word) < 0)) word = head[0];
    if (word === undefined) return;
    const pages: MergedPages = { pages: [], last: -1 };
    const variants = new Map<string, MergedPages>();
    for (const stream of streams) {
      if (stream.head?.[0] !== word) continue;
      appendPages(pages, stream.head[1], stream.source);
      for (const [variant, variantPages] of stream.head[2]) {
        const list = variants.get(variant) ?? { pages: [], last: -1 };
        variants.set(variant, list);
        appendPages(list, variantPages, stream.source);
      }
      stream.head = stream.words.next().value ?? undefined;
    }
    const found = [...variants].filter(([, list]) => list.pages.length > 0);
    // A word found in unsearched meta fields only is no word of the merged index.
    if (pages.pages.length > 0 || found.length > 0) writer.add([word, pages.pages, found.map(([variant, list]) => [variant, list.pages])]);
  }
}

/** Merges the filters of the sources: each value's pages, renumbered, in the order the bundles give them. */
function mergeFilters(sources: readonly Source[], dir: string, name: (index: number) => string): FilterEntry[] {
  const merged = new Map<string, Map<string, number[]>>();
  for (const source of sources) {
    for (const [filter, file] of source.meta[3]) {
      const [, values] = readPagefindFile(path.join(source.dir, 'filter', `${file}.pf_filter`), isFilterFile, 'a filter file');
      const byValue = merged.get(filter) ?? new Map<string, number[]>();
      merged.set(filter, byValue);
      for (const [value, pages] of values) byValue.set(value, [...(byValue.get(value) ?? []), ...pages.map((p) => p + source.firstPage)]);
    }
  }
  return [...merged].map(([filter, values], i): FilterEntry => {
    fs.writeFileSync(path.join(dir, `${name(i)}.pf_filter`), packed(encode([filter, [...values]])));
    return [filter, name(i)];
  });
}

function readEntry(dir: string): Entry {
  return JSON.parse(fs.readFileSync(path.join(dir, ENTRY), 'utf8')) as Entry;
}

/**
 * Writes into `out` (an empty folder) the bundle of all the records of the bundles in `dirs`, their
 * pages in the order given (bundle 0's first). Page names keep their bundle's number (pageName), so
 * that the search page still tells a page of bundle 0 by its name.
 */
export function mergeBundles(dirs: readonly string[], out: string, { chunkSize, tag, firstBundle = 0, searchedFields }: MergeOptions): void {
  if (dirs.length === 0) throw new Error('mergeBundles: no bundle to merge');
  const entries = dirs.map(readEntry);
  for (const folder of ['fragment', 'index', 'filter']) fs.mkdirSync(path.join(out, folder), { recursive: true });
  const languages = [...new Set(entries.flatMap((e) => Object.keys(e.languages)))].sort();
  const merged: Entry = { version: entries[0]?.version ?? '', languages: {}, include_characters: entries[0]?.include_characters ?? [] };

  for (const language of languages) {
    const prefix = `${language}-${tag}`;
    const named = dirs.flatMap((dir, bundle) => {
      const info = entries[bundle]?.languages[language];
      if (info === undefined) return [];
      const metaFile = path.join(dir, `pagefind.${info.hash}.pf_meta`);
      return [{ dir, bundle, meta: readPagefindFile(metaFile, isMeta, 'the pf_meta layout'), metaFile }];
    });
    const fields = [...new Set(named.flatMap(({ meta }) => meta[5]))].sort(compareUtf8);
    let firstPage = 0;
    const sources: Source[] = named.map(({ dir, bundle, meta, metaFile }) => {
      if (meta[0] !== merged.version) throw new Error(`${metaFile}: Pagefind ${meta[0]}, not ${merged.version} as the other bundles`);
      if (meta[4].length > 0) throw new Error(`${metaFile}: merging bundles with sort orders is not supported`);
      const searched = (f: string) => searchedFields === undefined || searchedFields.includes(f);
      const source = { dir, bundle, meta, firstPage, fields: meta[5].map((f) => (searched(f) ? fields.indexOf(f) : -1)) };
      firstPage += meta[1].length;
      return source;
    });

    const pages: PageEntry[] = sources.flatMap(({ dir, bundle, meta }) =>
      meta[1].map(([name, words, group], i): PageEntry => {
        if (group !== '') throw new Error(`${dir}: page ${name} is in fragment group ${group}: merging grouped fragments is not supported`);
        const renamed = pageName(prefix, firstBundle + bundle, i);
        linkFile(path.join(dir, 'fragment', `${name}.pf_fragment`), path.join(out, 'fragment', `${renamed}.pf_fragment`));
        return [renamed, words, ''];
      }),
    );
    const writer = chunkWriter(path.join(out, 'index'), chunkSize, (i) => `${prefix}_${i.toString(36)}`);
    mergeWords(sources, writer);
    const chunks = writer.finish();
    const filters = mergeFilters(sources, path.join(out, 'filter'), (i) => `${prefix}_${i.toString(36)}`);

    const content = packed(encode([merged.version, pages, chunks, filters, [], fields]), 9);
    const hash = `${language}_${createHash('sha256').update(content).digest('hex').slice(0, 11)}`;
    fs.writeFileSync(path.join(out, `pagefind.${hash}.pf_meta`), content);
    const info = named.map(({ bundle }) => entries[bundle]?.languages[language]).find((i) => i !== undefined);
    merged.languages[language] = { hash, wasm: info?.wasm ?? null, page_count: pages.length };
  }

  // Pagefind's scripts and styles, the same in every bundle of one version, and each language's wasm.
  for (const dir of dirs) {
    for (const file of fs.readdirSync(dir, { withFileTypes: true })) {
      const target = path.join(out, file.name);
      if (file.isFile() && file.name !== ENTRY && !file.name.endsWith('.pf_meta') && !fs.existsSync(target)) linkFile(path.join(dir, file.name), target);
    }
  }
  fs.writeFileSync(path.join(out, ENTRY), JSON.stringify(merged));
}
