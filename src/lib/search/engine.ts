import type { FilterKey } from '#core/search/facets.ts';
import { BUNDLE_FILTER } from '#core/search/shard-manifest.ts';
import { pairQueries, requiredTokens, verbatimQuery, type ParsedQuery, type QueryTerm } from './query.ts';

/** What Pagefind's `data()` gives for a record (only the fields used here). */
export interface RecordData {
  url: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

/** One result of Pagefind's JS API (`pagefind.search`), as used here. */
export interface PagefindHit {
  id: string;
  score: number;
  /** Positions of the matched tokens in the content; empty when the match was in metadata only (the `ctx` field). */
  words: number[];
  data(): Promise<RecordData>;
}

/** Filter key → value → number of results. */
export type FilterCounts = Record<string, Record<string, number> | undefined>;

/** Pagefind's search response, as used here. */
export interface PagefindResponse {
  results: PagefindHit[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

/** The part of Pagefind's JS API the engine calls. */
export interface PagefindApi {
  search(term: string, options: { filters: Record<string, string | { any: string[] }> }): Promise<PagefindResponse | null>;
}

/** The filters chosen on the page: one value per key. */
export type FilterSelection = Partial<Record<FilterKey, string>>;

/** A result in its final place. */
export interface RankedHit {
  id: string;
  score: number;
  /** How many terms the record's text holds verbatim. */
  verbatim: number;
  data(): Promise<RecordData>;
}

/**
 * - `strict`: every term's characters are there; records holding every term verbatim come first.
 * - `fuzzy`: nothing holds the query verbatim, so records sharing most of its character pairs are
 *   shown instead (a one-character typo breaks at most two pairs).
 */
export type SearchMode = 'strict' | 'fuzzy';

export interface SearchOutcome {
  mode: SearchMode;
  hits: RankedHit[];
  /**
   * Results per filter value for the current query and filters; null when they cannot be known
   * cheaply. A function, so that results can be shown before counts that need records' data.
   */
  counts(): Promise<FilterCounts | null>;
}

/** Above this many results, counting filter values from each record's data costs more than it is worth. */
const MAX_COUNTED_FROM_DATA = 30;

/** Shortest unquoted term for the fuzzy fallback: it needs at least two character pairs. */
const MIN_FUZZY_LENGTH = 3;

/** The bundles a search may answer from; null for all of them. */
type Scope = readonly string[] | null;

function pagefindFilters(selection: FilterSelection, scope: Scope): Record<string, string | { any: string[] }> {
  const chosen = Object.fromEntries(Object.entries(selection).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  return scope === null ? chosen : { ...chosen, [BUNDLE_FILTER]: { any: [...scope] } };
}

const NO_RESULTS: PagefindResponse = { results: [], filters: {}, totalFilters: {} };

async function run(api: PagefindApi, term: string, selection: FilterSelection, scope: Scope = null): Promise<PagefindResponse> {
  if (scope !== null && scope.length === 0) return NO_RESULTS;
  return (await api.search(term, { filters: pagefindFilters(selection, scope) })) ?? NO_RESULTS;
}

/** Where a term stands verbatim: records whose text holds it, and records holding it anywhere (the context included). */
interface Verbatim {
  inText: ReadonlySet<string>;
  anywhere: ReadonlySet<string>;
  response: PagefindResponse;
}

/**
 * Where a term stands verbatim, from its positional search: word locations mean the text, none the
 * context. A term of one character has no positional search: the ordinary one tells the same.
 */
async function verbatimOf(api: PagefindApi, term: QueryTerm, required: Promise<PagefindResponse>, selection: FilterSelection, scope: Scope): Promise<Verbatim> {
  const query = verbatimQuery(term);
  const response = await (query === null ? required : run(api, query, selection, scope));
  return {
    inText: new Set(response.results.filter((r) => r.words.length > 0).map((r) => r.id)),
    anywhere: new Set(response.results.map((r) => r.id)),
    response,
  };
}

/**
 * Whether a record answers the query: a quoted term must stand verbatim in its text; with several
 * terms, each must stand verbatim somewhere in the record (Pagefind alone would drop a term whose
 * characters the index has never seen, and find the others).
 */
function answers(id: string, terms: readonly QueryTerm[], verbatim: readonly Verbatim[]): boolean {
  return terms.every((t, i) => {
    const v = verbatim[i];
    if (v === undefined) return false;
    if (t.quoted) return v.inText.has(id);
    return terms.length === 1 || v.anywhere.has(id);
  });
}

/**
 * For the filter a reader has chosen, the counts of its other values come from the unfiltered
 * results: that is what they would get by switching to one of them.
 */
function countsFor(response: PagefindResponse, selection: FilterSelection): FilterCounts {
  const counts: FilterCounts = { ...response.filters };
  for (const [key, value] of Object.entries(selection)) {
    if (value !== undefined && value !== '') counts[key] = response.totalFilters[key] ?? counts[key];
  }
  return counts;
}

/** Counts filter values over the given hits from their records' data. */
async function countFromData(hits: readonly RankedHit[]): Promise<FilterCounts | null> {
  if (hits.length > MAX_COUNTED_FROM_DATA) return null;
  const counts: Record<string, Record<string, number>> = {};
  for (const data of await Promise.all(hits.map((h) => h.data()))) {
    for (const [key, values] of Object.entries(data.filters)) {
      const byValue = (counts[key] ??= {});
      for (const value of values ?? []) byValue[value] = (byValue[value] ?? 0) + 1;
    }
  }
  return counts;
}

/** A function that runs `f` the first time it is called and returns the same promise afterwards. */
function once<T>(f: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= f());
}

function byRank(a: RankedHit, b: RankedHit): number {
  return b.verbatim - a.verbatim || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Records sharing all the character pairs a one-character typo leaves (two broken in the middle of
 * the term, one at an end), most shared first: what a term with a wrong character still finds.
 * One Pagefind search per pair, since Pagefind itself requires all of a query's tokens.
 */
async function fuzzyHits(api: PagefindApi, term: QueryTerm, selection: FilterSelection): Promise<RankedHit[]> {
  const pairs = pairQueries(term);
  if (pairs.length < 2) return [];
  const shared = new Map<string, { hit: PagefindHit; pairs: number; score: number }>();
  for (const response of await Promise.all(pairs.map((p) => run(api, p, selection)))) {
    for (const hit of response.results) {
      const entry = shared.get(hit.id) ?? { hit, pairs: 0, score: 0 };
      entry.pairs += 1;
      entry.score += hit.score;
      shared.set(hit.id, entry);
    }
  }
  const needed = Math.max(1, pairs.length - 2);
  return [...shared.values()]
    .filter((e) => e.pairs >= needed)
    .sort((a, b) => b.pairs - a.pairs || b.score - a.score || (a.hit.id < b.hit.id ? -1 : 1))
    .map((e) => ({ id: e.hit.id, score: e.score, verbatim: 0, data: () => e.hit.data() }));
}

function isFuzzyCandidate(terms: readonly QueryTerm[]): boolean {
  const [only] = terms;
  return terms.length === 1 && only !== undefined && !only.quoted && [...only.text].length >= MIN_FUZZY_LENGTH;
}

/**
 * The bundles that hold every token of the query, from one search per token. Pagefind ignores a
 * token its index has never seen; where the index is several merged bundles, a bundle without one
 * of the tokens would answer the others alone.
 */
async function bundlesHoldingEveryToken(api: PagefindApi, terms: readonly QueryTerm[], selection: FilterSelection): Promise<string[]> {
  const tokens = [...new Set(terms.flatMap(pairQueries))];
  const holding = (await Promise.all(tokens.map((t) => run(api, t, selection)))).map((response) => new Set(bundlesIn(response)));
  const [first, ...rest] = holding;
  return [...(first ?? [])].filter((bundle) => rest.every((set) => set.has(bundle))).sort();
}

/** The bundles a response has results in. */
function bundlesIn(response: PagefindResponse): string[] {
  return Object.entries(response.filters[BUNDLE_FILTER] ?? {}).flatMap(([bundle, n]) => (n > 0 ? [bundle] : []));
}

/** How the index is laid out. */
export interface IndexLayout {
  /** Shards merged into the primary bundle, each record carrying its bundle as a filter (src/core/search/shard-manifest.ts). */
  merged: boolean;
}

/** The outcome of the required and the positional searches. */
interface Pass {
  required: PagefindResponse;
  verbatim: Verbatim[];
  hits: RankedHit[];
}

async function strictPass(api: PagefindApi, terms: readonly QueryTerm[], selection: FilterSelection, scope: Scope): Promise<Pass> {
  // All at once: Pagefind fetches the index chunks the first search needs, the others find them loaded.
  const requiredSearch = run(api, requiredTokens(terms), selection, scope);
  const [required, ...verbatim] = await Promise.all([requiredSearch, ...terms.map((t) => verbatimOf(api, t, requiredSearch, selection, scope))]);
  const hits = required.results
    .filter((r) => answers(r.id, terms, verbatim))
    .map((r) => ({ id: r.id, score: r.score, verbatim: verbatim.filter((v) => v.inText.has(r.id)).length, data: () => r.data() }))
    .sort(byRank);
  return { required, verbatim, hits };
}

/**
 * Whether a bundle lacking a token may have answered: some bundle has results of a single term
 * beyond those holding it verbatim (the positional search wants every token), or results of several
 * terms were dropped for lack of one (they stay out, but Pagefind's counts would hold them).
 */
function mayHoldStrays({ required, verbatim, hits }: Pass): boolean {
  const [single, ...others] = verbatim;
  if (single === undefined || others.length > 0) return hits.length !== required.results.length;
  const holding = single.response.filters[BUNDLE_FILTER] ?? {};
  return Object.entries(required.filters[BUNDLE_FILTER] ?? {}).some(([bundle, n]) => n > (holding[bundle] ?? 0));
}

/**
 * Runs a parsed query: one Pagefind search that requires every term, one positional search per term
 * to learn which records hold it verbatim, then ranks records holding more terms verbatim first
 * (Pagefind's score breaks ties). Quoted terms keep only records holding them verbatim. On merged
 * bundles, where that may have let a bundle lacking a token answer, the searches run again on the
 * bundles that hold every token.
 */
export async function searchRecords(api: PagefindApi, query: ParsedQuery, selection: FilterSelection, layout: IndexLayout = { merged: false }): Promise<SearchOutcome> {
  const { terms } = query;
  if (terms.length === 0) return { mode: 'strict', hits: [], counts: async () => ({}) };
  let pass = await strictPass(api, terms, selection, null);
  if (layout.merged && mayHoldStrays(pass)) {
    const scope = await bundlesHoldingEveryToken(api, terms, selection);
    if (bundlesIn(pass.required).some((bundle) => !scope.includes(bundle))) pass = await strictPass(api, terms, selection, scope);
  }
  const { required, verbatim, hits } = pass;

  const [only] = terms;
  if (only !== undefined && isFuzzyCandidate(terms) && !hits.some((h) => h.verbatim > 0)) {
    const fuzzy = await fuzzyHits(api, only, selection);
    if (fuzzy.length > 0) return { mode: 'fuzzy', hits: fuzzy, counts: once(() => countFromData(fuzzy)) };
  }
  return { mode: 'strict', hits, counts: once(() => strictCounts(hits, required, verbatim, selection)) };
}

/**
 * Pagefind's own counts where one of its responses holds exactly the hits shown (the ordinary
 * search, or the positional search of a single quoted term); else counted from the records' data.
 */
function strictCounts(hits: readonly RankedHit[], required: PagefindResponse, verbatim: readonly Verbatim[], selection: FilterSelection): Promise<FilterCounts | null> {
  const [single] = verbatim;
  const exact = hits.length === required.results.length ? required : verbatim.length === 1 && single?.response.results.length === hits.length ? single.response : null;
  return exact === null ? countFromData(hits) : Promise.resolve(countsFor(exact, selection));
}
