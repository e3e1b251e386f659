/**
 * A search record is a page of the site, and a page may hold several searchable parts: a provision
 * and its paragraphs, a table and its rows, an article and its 款/项/目, each landing on its own
 * anchor on the page (src/core/routes.ts). The index builder (scripts/lib/search-index/records.ts)
 * gathers them into one record, their tokens one after the other; this module says how the parts
 * travel in the record's metadata and which part a match lands on, for the builder and the browser
 * alike.
 *
 * Why one record per page: Pagefind lists every record in the page list the browser loads before its
 * first search, and indexes each separately; records sharing a page only made both larger.
 */

/**
 * Stands between two parts' tokens in the content. Pagefind counts it as a word position but
 * indexes nothing for it (it holds no letter or digit), so a verbatim chain cannot run from the end of
 * one part into the next (a quoted 丙，丁 must not join a part ending 丙 to one starting 丁).
 */
export const PART_BREAK = '。';

/** One part of a page's record, as the result needs it. */
export interface RecordPart {
  /** Where it stands on the page (`m-2.6.p2`); null for the page's own node. */
  anchor: string | null;
  /** Its citation: what the result is titled when a match lands on it. */
  title: string;
  /** Its text as shown, excerpted around the match. */
  text: string;
  /** The position, in the record's content, of its first token (Pagefind's word positions count from 0). */
  word: number;
}

/** A part in the metadata: anchor ('' for none), title, first word, text. */
type EncodedPart = [anchor: string, title: string, word: number, text: string];

/**
 * The metadata fields of a record's parts. The first part is `title`, `text` and (when it has one)
 * `anchor`, as a record of one part always had; the others, when there are any, a JSON list in
 * `parts`. Pagefind's metadata is loaded per shown result, never before a search.
 */
export function partsMeta(parts: readonly RecordPart[]): Record<string, string> {
  const [first, ...rest] = parts;
  if (first === undefined) throw new Error('a search record needs at least one part');
  const meta: Record<string, string> = { title: first.title, text: first.text };
  if (first.anchor !== null) meta['anchor'] = first.anchor;
  if (rest.length > 0) meta['parts'] = JSON.stringify(rest.map((p): EncodedPart => [p.anchor ?? '', p.title, p.word, p.text]));
  return meta;
}

function isEncodedPart(value: unknown): value is EncodedPart {
  return Array.isArray(value) && value.length === 4 && typeof value[0] === 'string' && typeof value[1] === 'string' && typeof value[2] === 'number' && typeof value[3] === 'string';
}

/** The parts of a record from its metadata (partsMeta's inverse); a record without `parts` is its one part. */
export function readParts(meta: Readonly<Record<string, string | undefined>>): RecordPart[] {
  const first: RecordPart = { anchor: meta['anchor'] ?? null, title: meta['title'] ?? '', text: meta['text'] ?? '', word: 0 };
  const rest: unknown = JSON.parse(meta['parts'] ?? '[]');
  if (!Array.isArray(rest) || !rest.every(isEncodedPart)) throw new Error(`search record parts: not a list of [anchor, title, word, text]: ${meta['parts']}`);
  return [first, ...rest.map(([anchor, title, word, text]) => ({ anchor: anchor === '' ? null : anchor, title, text, word }))];
}

/** The index of the part holding a word position: the last part starting at or before it. */
export function partIndexAt(parts: readonly Pick<RecordPart, 'word'>[], word: number): number {
  let found = 0;
  parts.forEach((part, i) => {
    if (part.word <= word) found = i;
  });
  return found;
}

/** A page's URL with an anchor on it (none for null or ''); an anchor already on the URL is replaced, not nested. */
export function withAnchor(url: string, anchor: string | null): string {
  const page = url.replace(/#.*$/, '');
  return anchor === null || anchor === '' ? page : `${page}#${anchor}`;
}

/** Where a result lands: the part holding its first matched word, and how many other parts matched. */
export interface Landing {
  part: RecordPart;
  /** The page, at the part's anchor. */
  url: string;
  /** Other parts of the page holding a matched word. */
  others: number;
}

/**
 * The part a result lands on, from its matched word positions (Pagefind's `words`, in the record's
 * content): the part holding the first of them. A match in the context only (no positions) lands on
 * the first part, the page's beginning.
 */
export function landing(url: string, parts: readonly RecordPart[], words: readonly number[]): Landing {
  const held = new Set(words.map((w) => partIndexAt(parts, w)));
  const first = words.length === 0 ? 0 : partIndexAt(parts, words.reduce((a, b) => Math.min(a, b)));
  const part = parts[first];
  if (part === undefined) throw new Error(`search record ${url} has no parts`);
  return { part, url: withAnchor(url, part.anchor), others: Math.max(0, held.size - 1) };
}
