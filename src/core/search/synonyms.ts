/**
 * How the reviewed synonym list (content/synonyms.json, schema src/core/schemas/synonyms.ts) widens a
 * search, shared by the index builder and the search page so that both read an entry alike.
 *
 * A query term that is listed reaches the terms its entries link it to, each entry on its own (never
 * chained). An added term is found through a token of its own that the index gives every record where
 * the added term stands free: not inside a longer listed term that means something else (社保 inside
 * 人力社保 or 社保卡 is not 社会保险). A longer term means the same when it, or a term it is linked to,
 * holds the query term (社保费 ↔ 社会保险费 holds 社会保险, so a 社会保险 query finds 社保费); the parts of
 * an expansion are found wherever they stand (养老保险 inside 城乡居民基本养老保险 is still 养老保险).
 */
import type { Synonym } from '../schemas/synonyms.ts';

/** What a listed query term adds: one term, or (an expansion searched with `match: all`) several required together. */
export interface AddedTerms {
  words: readonly string[];
  /** The entry's kind, for the reader's note (also searched: …) and the measurements. */
  kind: Synonym['kind'];
}

/** What the search page needs of the list: which terms are listed and what each adds. Plain data, so a page can carry it. */
export interface QuerySynonyms {
  /** Every listed term, longest first (the longest match wins), then in code point order. */
  readonly listed: readonly string[];
  /** Query term → what it adds, in the list's order. */
  readonly added: Readonly<Record<string, readonly AddedTerms[]>>;
}

/** The list compiled for searching (src/core/search/synonym-table.ts): what queries add, and what the index needs to place the added terms. */
export interface SynonymTable extends QuerySynonyms {
  /** Query term → added term → whether the added term is found inside longer listed terms (expansion parts are). */
  readonly insideLonger: Readonly<Record<string, Readonly<Record<string, boolean>>>>;
  /** Listed term → the terms its entries link it to, both ways: what a longer term also means. */
  readonly related: Readonly<Record<string, readonly string[]>>;
}

/**
 * The token the index gives a record where `word`, added to a query for `source`, stands free. One
 * token per link (not per word): whether an occurrence counts depends on the query term it serves.
 * `s` and a fixed width keep it apart from the character tokens (src/core/search/tokens.ts) and from
 * being the prefix of another token.
 */
export function linkToken(source: string, word: string): string {
  return `s${hash53(`${source}\u0000${word}`).toString(36).padStart(11, '0')}`;
}

/** cyrb53, a small 53-bit string hash: the browser computes the same tokens without a crypto module. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

interface Occurrence {
  term: string;
  start: number;
  end: number;
}

/** Every occurrence of every listed term in the text, overlapping ones included, by start. */
function occurrences(text: string, listed: readonly string[]): Occurrence[] {
  const found: Occurrence[] = [];
  for (const term of listed) {
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) found.push({ term, start: at, end: at + term.length });
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** True when a longer listed term means what the query term means: it, or a term linked to it, holds the query term. */
function sameConcept(table: SynonymTable, longer: string, source: string): boolean {
  return longer.includes(source) || (table.related[longer] ?? []).some((t) => t.includes(source));
}

/**
 * The link tokens of a text: for every link source → word, its token when the word stands in the text
 * outside any longer listed term of another meaning. Sorted, once each.
 */
export function linkTokens(text: string, table: SynonymTable): string[] {
  const found = occurrences(text, table.listed);
  if (found.length === 0) return [];
  const tokens = new Set<string>();
  for (const [source, words] of Object.entries(table.insideLonger)) {
    for (const [word, anywhere] of Object.entries(words)) {
      const free = found.some(
        (o) =>
          o.term === word &&
          (anywhere || !found.some((l) => l.term.length > word.length && l.term.includes(word) && l.start <= o.start && l.end >= o.end && !sameConcept(table, l.term, source))),
      );
      if (free) tokens.add(linkToken(source, word));
    }
  }
  return [...tokens].sort();
}

/** A listed term found inside a query term, leftmost first and longest at each place, not overlapping. */
export interface ListedMatch {
  term: string;
  start: number;
  end: number;
}

/**
 * The listed terms a query term holds, leftmost first and longest at each place, never overlapping;
 * those that add nothing are left out after they have won their place (拖欠农民工工资 is listed as a
 * one-way target: its 农民工 is not widened).
 */
export function listedIn(text: string, table: QuerySynonyms): ListedMatch[] {
  const matches: ListedMatch[] = [];
  let at = 0;
  while (at < text.length) {
    const term = table.listed.find((t) => text.startsWith(t, at));
    if (term === undefined) {
      at += 1;
      continue;
    }
    if (table.added[term] !== undefined) matches.push({ term, start: at, end: at + term.length });
    at += term.length;
  }
  return matches;
}
