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
import { pageOf } from '#core/routes.ts';

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
  const page = pageOf(url);
  return anchor === null || anchor === '' ? page : `${page}#${anchor}`;
}

/** Where a result lands: the part where its terms stand, and how many other parts matched. */
export interface Landing {
  part: RecordPart;
  /** The part's place among the page's parts. */
  index: number;
  /** The page, at the part's anchor. */
  url: string;
  /** Other parts of the page holding a matched term. */
  others: number;
  /** Every term matched in the text stands in the part landed on: the part answers the query on its own. */
  together: boolean;
}

/** How one term of a query matched a record: Pagefind's word positions in its content, and the words it was searched as. */
export interface TermMatch {
  /** Empty for a term found in the context only. */
  words: readonly number[];
  /** The term and the synonyms searched for it, as written: a part's text holding one holds the term. */
  texts: readonly string[];
}

/**
 * The part a result lands on: the first part holding the most of the terms matched in the text, so
 * a result for one term lands on the part holding its first matched word. Pagefind's exact search
 * gives the positions of a term's first occurrence only, so a term is also held by a later part
 * whose text holds it or a synonym searched for it. A match in the context only lands on the first
 * part, the page's beginning.
 */
export function landing(url: string, parts: readonly RecordPart[], terms: readonly TermMatch[]): Landing {
  const lowered = parts.map((p) => p.text.toLowerCase());
  const matched = terms.filter((t) => t.words.length > 0);
  const held = matched.map((term) => {
    const first = partIndexAt(parts, term.words.reduce((a, b) => Math.min(a, b)));
    const texts = term.texts.map((t) => t.toLowerCase()).filter((t) => t !== '');
    return parts.map((_, i) => i === first || term.words.some((w) => partIndexAt(parts, w) === i) || (i > first && texts.some((t) => lowered[i]?.includes(t) === true)));
  });
  const counts = parts.map((_, i) => held.filter((h) => h[i] === true).length);
  const most = Math.max(0, ...counts);
  const index = most === 0 ? 0 : counts.indexOf(most);
  const part = parts[index];
  if (part === undefined) throw new Error(`search record ${url} has no parts`);
  return { part, index, url: withAnchor(url, part.anchor), others: counts.filter((n) => n > 0).length - (most === 0 ? 0 : 1), together: most === matched.length };
}
