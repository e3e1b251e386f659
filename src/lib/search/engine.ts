import { DEPARTMENT_TOKEN, type FilterKey } from '#core/search/facets.ts';
import { fnv1a } from '#core/fnv1a.ts';
import type { QuerySynonyms } from '#core/search/synonyms.ts';
import { landing, readParts, type TermMatch } from '#core/search/record-parts.ts';
import { phraseQuery, planTerm, splitTerm, type Match, type ParsedQuery, type QueryTerm, type TermPlan } from './query.ts';

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
}

/** Pagefind filters: a value, or any of several (a range of years). */
export type PagefindFilters = Record<string, string | { any: string[] }>;

/** The part of Pagefind's JS API the engine calls. */
export interface PagefindApi {
  search(term: string, options: { filters: PagefindFilters }): Promise<PagefindResponse | null>;
  /**
   * Whether a result is a department page, when the index's layout tells (a sharded index builds them
   * into a bundle of their own, and page names keep it); without it, they are found by searching
   * their marker, which costs an index chunk from every served bundle.
   */
  isDepartment?(id: string): boolean;
}

/** The filters chosen on the page: one value per key, the year as a range. */
export type FilterSelection = Partial<Record<Exclude<FilterKey, 'year'>, string>> & { yearFrom?: string; yearTo?: string };

/** A result in its final place. */
export interface RankedHit {
  id: string;
  /** How well the record answers: per term, 3 for the term as typed in its text, 2 for a synonym in its text, 1 for its context only. */
  grade: number;
  /**
   * Per term of the outcome's plans, where it matched in the content (Pagefind's positions, of its
   * first occurrence for an exact search; none for a term found in the context only): the result
   * lands on the part of the page where most terms stand (termMatches, src/core/search/record-parts.ts).
   */
  words: readonly (readonly number[])[];
  data(): Promise<RecordData>;
}

/**
 * - `strict`: records answering every term (in their text, or in their context for all but one);
 * - `split`: an unspaced query that found nothing, searched as the words it is made of;
 * - `partial`: no record answers every term: those answering most of them;
 * - `fuzzy`: nothing holds the query verbatim, so records sharing most of its character pairs are
 *   shown instead (a one-character typo breaks at most two pairs).
 */
export type SearchMode = 'strict' | 'split' | 'partial' | 'fuzzy';

export interface SearchOutcome {
  mode: SearchMode;
  hits: RankedHit[];
  /** The terms as searched, with the synonyms each also searched. */
  plans: TermPlan[];
  /** For `partial`: how many of the terms the results answer. */
  answered: number;
  /** For `fuzzy`: the words read like the term that the first results hold (失业保险金 for 失业保险今). */
  heard: string[];
  /**
   * Results per filter value, counted from the records' data; null when there are more results than
   * are worth reading for it. A function, so that results are shown before their counts.
   */
  counts(): Promise<FilterCounts | null>;
}

/** Above this many results, the filter counts are not read from the records (one request each): the menus show the values without counts. */
export const MAX_COUNTED = 50;

/** Shortest unquoted term for the fuzzy fallback: it needs at least two character pairs. */
const MIN_FUZZY_LENGTH = 3;

const TYPED_IN_TEXT = 3;
const ADDED_IN_TEXT = 2;
const IN_CONTEXT = 1;

/** Years a range covers, from the years the corpus has: Pagefind filters by value, so a range is any of its years. */
export function yearsBetween(years: readonly string[], from: string | undefined, to: string | undefined): string[] {
  return years.filter((y) => (from === undefined || from === '' || y >= from) && (to === undefined || to === '' || y <= to)).sort();
}

/** The Pagefind filters of a selection; `years` is every year the corpus has. */
export function pagefindFilters(selection: FilterSelection, years: readonly string[]): PagefindFilters {
  const { yearFrom, yearTo, ...values } = selection;
  const filters: PagefindFilters = Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  if ((yearFrom ?? '') !== '' || (yearTo ?? '') !== '') filters['year'] = { any: yearsBetween(years, yearFrom, yearTo) };
  return filters;
}

async function run(api: PagefindApi, query: string, filters: PagefindFilters): Promise<PagefindHit[]> {
  return (await api.search(query, { filters }))?.results ?? [];
}

/** A record's grade for one term, with its Pagefind result (for its data), how often the term's atoms matched in its text, and where. */
interface Graded {
  grade: number;
  hit: PagefindHit;
  occurrences: number;
  words: readonly number[];
}

type Grades = Map<string, Graded>;

function atomsOf(match: Match): string[] {
  return match.kind === 'atom' ? [match.query] : match.of.flatMap(atomsOf);
}

/** The grades a match gives, from the results of its atoms: the best alternative of `any`, the weakest part of `all`. */
function grade(match: Match, results: ReadonlyMap<string, readonly PagefindHit[]>): Grades {
  if (match.kind === 'atom') {
    const graded: Grades = new Map();
    for (const hit of results.get(match.query) ?? []) {
      const inText = hit.words.length > 0;
      graded.set(hit.id, { grade: inText ? (match.role === 'typed' ? TYPED_IN_TEXT : ADDED_IN_TEXT) : IN_CONTEXT, hit, occurrences: hit.words.length, words: hit.words });
    }
    return graded;
  }
  const parts = match.of.map((m) => grade(m, results));
  if (match.kind === 'any') {
    const best: Grades = new Map();
    for (const part of parts) {
      for (const [id, g] of part) {
        const seen = best.get(id);
        if (seen === undefined || g.grade > seen.grade) best.set(id, { ...g, occurrences: g.occurrences + (seen?.occurrences ?? 0), words: [...g.words, ...(seen?.words ?? [])] });
        else best.set(id, { ...seen, occurrences: seen.occurrences + g.occurrences, words: [...seen.words, ...g.words] });
      }
    }
    return best;
  }
  const [first, ...rest] = parts;
  const all: Grades = new Map();
  for (const [id, g] of first ?? []) {
    const others = rest.map((p) => p.get(id));
    if (others.some((o) => o === undefined)) continue;
    const defined = others.filter((o): o is Graded => o !== undefined);
    all.set(id, { grade: Math.min(g.grade, ...defined.map((o) => o.grade)), hit: g.hit, occurrences: defined.reduce((n, o) => n + o.occurrences, g.occurrences), words: [...g.words, ...defined.flatMap((o) => o.words)] });
  }
  return all;
}

/**
 * A term whose all-parts expansion found no record naming every part (五险一金), as one term per part,
 * each found through its link token: the records naming most of the parts can then be shown.
 */
function partsOf(plan: TermPlan): TermPlan[] | null {
  const together = plan.match.kind === 'any' ? plan.match.of.find((m) => m.kind === 'all') : undefined;
  if (together === undefined || together.kind !== 'all') return null;
  const words = plan.also.find((a) => a.includes('、'))?.split('、') ?? [];
  return together.of.map((match, i) => ({ term: { text: words[i] ?? plan.term.text, quoted: false }, match, also: [] }));
}

/** Runs every distinct atom of the plans once, all at once: Pagefind fetches the index chunks the first search needs, the others find them loaded. */
async function atomResults(api: PagefindApi, plans: readonly TermPlan[], filters: PagefindFilters): Promise<Map<string, PagefindHit[]>> {
  const queries = [...new Set(plans.flatMap((p) => atomsOf(p.match)))];
  const found = await Promise.all(queries.map((q) => run(api, q, filters)));
  return new Map(queries.map((q, i) => [q, found[i] ?? []]));
}

/** A record of the results, with what ranks it. */
interface Candidate {
  id: string;
  /** A department page: it comes before the clauses that name the department as often. */
  department: boolean;
  /** Terms it answers. */
  answered: number;
  grade: number;
  occurrences: number;
  /** Per term, where it matched in the text. */
  words: number[][];
  /** Its place in Pagefind's results, for a stable order among equals. */
  order: number;
  hit: PagefindHit;
}

/** Every record answering at least one term in its text, with how many terms it answers and how well. */
function candidates(perTerm: readonly Grades[], isDepartment: (id: string) => boolean): Candidate[] {
  const byId = new Map<string, Candidate & { inText: boolean }>();
  let order = 0;
  perTerm.forEach((grades, term) => {
    for (const [id, g] of grades) {
      const c = byId.get(id) ?? { id, department: isDepartment(id), answered: 0, grade: 0, occurrences: 0, words: perTerm.map(() => []), order: order++, hit: g.hit, inText: false };
      c.answered += 1;
      c.grade += g.grade;
      c.occurrences += g.occurrences;
      c.words[term] = [...g.words];
      c.inText ||= g.grade > IN_CONTEXT;
      byId.set(id, c);
    }
  });
  // A record found by its context alone (湘潭 in the title of every Xiangtan clause) answers no term with words of its own.
  return [...byId.values()].filter((c) => c.inText);
}

function byRank(a: Candidate, b: Candidate): number {
  return b.grade - a.grade || Number(b.department) - Number(a.department) || b.occurrences - a.occurrences || a.order - b.order;
}

function ranked(list: readonly Candidate[]): RankedHit[] {
  // Read once: the terms-together order and the page both read the first results' data.
  return [...list].sort(byRank).map((c) => ({ id: c.id, grade: c.grade, words: c.words, data: once(() => c.hit.data()) }));
}

/** How each term of the plans matched a result: where, and the words it was searched as (the term, its synonyms, the parts of an all-parts expansion). */
export function termMatches(hit: Pick<RankedHit, 'words'>, plans: readonly TermPlan[]): TermMatch[] {
  return plans.map((plan, i) => ({ words: hit.words[i] ?? [], texts: [plan.term.text, ...plan.also.flatMap((a) => a.split('、'))] }));
}

/** Results read to bring those whose terms stand together in one part of their page first: a fragment request each. */
export const TOGETHER_READ = 30;

/**
 * The first TOGETHER_READ results of a query of several terms, those whose terms stand together in
 * one part of their page (all in one clause, row or 款, or in the context) first. A record is a page,
 * and a page answering 农民工 in one bullet and 培训 in another is not a clause about both: as
 * records of their own, the parts answered one term each. Where each part starts is in the record's
 * data only, so only the first results are read; the order is otherwise kept.
 */
async function togetherFirst(hits: RankedHit[], plans: readonly TermPlan[]): Promise<RankedHit[]> {
  if (plans.length < 2) return hits;
  const head = hits.slice(0, TOGETHER_READ);
  const together = await Promise.all(
    head.map(async (h) => {
      const data = await h.data();
      return landing(data.url, readParts(data.meta), termMatches(h, plans)).together;
    }),
  );
  return [...head.filter((_, i) => together[i] === true), ...head.filter((_, i) => together[i] !== true), ...hits.slice(TOGETHER_READ)];
}

/** Counts filter values over the given hits from their records' data. */
async function countFromData(hits: readonly RankedHit[]): Promise<FilterCounts | null> {
  if (hits.length > MAX_COUNTED) return null;
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

/**
 * How many of the term's characters stand in the text at their places, at the best place, and the
 * text there: 创业担保货款 against …创业担保贷款… is 5 of 6, at 创业担保贷款.
 */
export function bestAlignment(text: string, term: string): { same: number; window: string } {
  const t = [...term];
  const chars = [...text];
  let best = { same: 0, window: '' };
  for (let at = 1 - t.length; at < chars.length; at++) {
    let same = 0;
    for (let i = 0; i < t.length; i++) if (chars[at + i] === t[i]) same += 1;
    if (same > best.same) best = { same, window: chars.slice(Math.max(0, at), at + t.length).join('') };
  }
  return best;
}

/** The shown text of every part of a record's page, a line each: what a near match is read against. */
function recordText(data: RecordData): string {
  return readParts(data.meta).map((p) => p.text).join('\n');
}

/** Near matches whose text is read to rank them: the first ones by how many of the term's slips they fit. */
const FUZZY_READ = 20;

/**
 * The term around each of its characters, as that character being the wrong one leaves it: the
 * words before and after it (公共就业服物 → 公共就业服 + nothing, 公共就 + 业服物 …), each side
 * searched verbatim when it has two characters or more.
 */
export function slips(term: string): { before: string; after: string }[] {
  const chars = [...term];
  return chars.map((_, k) => ({ before: chars.slice(0, k).join(''), after: chars.slice(k + 1).join('') }));
}

const searchedSide = (side: string) => [...side].length >= 2;

/**
 * Records holding the term with one character wrong: for some place in the term, what stands before
 * it and what stands after it, each verbatim. One exact search per side: Pagefind intersects the
 * sides' tokens first, so even a side made of common words costs little, where a search for each
 * character pair of the term costs as much as the commonest pair (就业: 28,000 records at 1,000
 * documents). The first ones are ranked by how many of the term's characters their text has in
 * place (the word meant), then by how many places they fit.
 */
async function fuzzyHits(api: PagefindApi, term: QueryTerm, filters: PagefindFilters, homophones: QueryReading['homophones']): Promise<{ hits: RankedHit[]; heard: string[] }> {
  // A side of one character cannot be searched verbatim: a place leaving one counts only when the other side has three or more
  // (创业担保 of 创业担保货款), so that no place rests on two characters alone (计算 of 量子计算).
  const around = slips(term.text)
    .map((s, place) => ({ ...s, place }))
    .filter((s) => [s.before, s.after].every((side, i, both) => side === '' || searchedSide(side) || [...(both[1 - i] ?? '')].length >= 3));
  const sides = [...new Set(around.flatMap((s) => [s.before, s.after]).filter(searchedSide))];
  const found = new Map(await Promise.all(sides.map(async (side) => [side, await run(api, phraseQuery(side), filters)] as const)));
  const fits = new Map<string, { hit: PagefindHit; places: number; spread: number }>();
  const fitted = new Set<number>();
  for (const { before, after, place } of around) {
    const held = [before, after].filter(searchedSide).map((side) => new Map((found.get(side) ?? []).map((h) => [h.id, h])));
    const [first, ...rest] = held;
    for (const [id, hit] of first ?? []) {
      if (!rest.every((m) => m.has(id))) continue;
      const entry = fits.get(id) ?? { hit, places: 0, spread: fnv1a(id) };
      entry.places += 1;
      fits.set(id, entry);
      fitted.add(place);
    }
  }
  // Among equals (thousands at 1,000 documents), an order spread over the corpus: pages are named in
  // document order, and the first document's texts alone would decide which word was meant.
  const ordered = [...fits.values()].sort((a, b) => b.places - a.places || a.spread - b.spread);
  const heard = homophones === undefined ? { hits: [], words: [] } : await heardHits(api, term.text, [...fitted], filters, homophones);
  const head = ordered.slice(0, FUZZY_READ);
  const aligned = await Promise.all(head.map(async (e) => bestAlignment(recordText(await e.hit.data()), term.text).same));
  const read = head.map((e, i) => ({ e, same: aligned[i] ?? 0 })).sort((a, b) => b.same - a.same || b.e.places - a.e.places);
  const rest = [...read.map((r) => r.e.hit), ...ordered.slice(FUZZY_READ).map((e) => e.hit)];
  const heardIds = new Set(heard.hits.map((h) => h.id));
  const hits = [...heard.hits, ...rest.filter((h) => !heardIds.has(h.id))].map((hit) => ({ id: hit.id, grade: 0, words: [hit.words], data: () => hit.data() }));
  return { hits, heard: heard.words };
}

/** Homophones tried at each place of a term where near matches stand: the likeliest few (a search each). */
const HOMOPHONES_TRIED = 6;

/**
 * The records holding the term with the character at one of `places` replaced by one read alike
 * (失业保险今 → 失业保险金): what a pinyin keyboard's slip stood for. Only places where some record
 * holds the rest of the term are tried; the readings tried first come first.
 */
async function heardHits(api: PagefindApi, term: string, places: readonly number[], filters: PagefindFilters, homophones: NonNullable<QueryReading['homophones']>): Promise<{ hits: PagefindHit[]; words: string[] }> {
  const chars = [...term];
  const words = (
    await Promise.all(
      [...places].sort((a, b) => a - b).map(async (place) => (await homophones(chars[place] ?? '')).slice(0, HOMOPHONES_TRIED).map((c) => [...chars.slice(0, place), c, ...chars.slice(place + 1)].join(''))),
    )
  ).flat();
  const found = (await Promise.all(words.map((word) => run(api, phraseQuery(word), filters)))).map((hits) => hits.filter((hit) => hit.words.length > 0));
  const seen = new Set<string>();
  return { hits: found.flat().filter((hit) => !seen.has(hit.id) && seen.add(hit.id)), words: words.filter((_, i) => (found[i]?.length ?? 0) > 0) };
}

function isFuzzyCandidate(terms: readonly QueryTerm[]): boolean {
  const [only] = terms;
  return terms.length === 1 && only !== undefined && !only.quoted && [...only.text].length >= MIN_FUZZY_LENGTH;
}

/** How the engine reads a query beyond its terms: the synonym list, and a word segmenter for unspaced queries. */
export interface QueryReading {
  synonyms: QuerySynonyms;
  /** Cuts a run of Chinese into words (the browser's Intl.Segmenter). */
  segment(text: string): string[];
  /** The corpus's characters read like a character, likeliest slip first (src/core/search/homophones.ts); loaded only for near matches. */
  homophones?: (char: string) => Promise<readonly string[]>;
}

interface Pass {
  plans: TermPlan[];
  perTerm: Grades[];
  found: Candidate[];
}

async function searchTerms(api: PagefindApi, terms: readonly QueryTerm[], reading: QueryReading, filters: PagefindFilters): Promise<Pass> {
  return searchPlans(api, terms.map((t) => planTerm(t, reading.synonyms)), filters);
}

async function searchPlans(api: PagefindApi, plans: TermPlan[], filters: PagefindFilters): Promise<Pass> {
  // The department pages are few (one search of their marker, alongside the terms' own, unless the layout tells).
  const layout = api.isDepartment?.bind(api);
  const [results, marked] = await Promise.all([atomResults(api, plans, filters), layout === undefined ? run(api, `"${DEPARTMENT_TOKEN}"`, filters) : []]);
  const perTerm = plans.map((p) => grade(p.match, results));
  const departments = new Set(marked.map((h) => h.id));
  return { plans, perTerm, found: candidates(perTerm, layout ?? ((id) => departments.has(id))) };
}

function outcome(mode: SearchMode, hits: RankedHit[], plans: TermPlan[], answered: number, heard: string[] = []): SearchOutcome {
  return { mode, hits, plans, answered, heard, counts: once(() => countFromData(hits)) };
}

/**
 * Runs a parsed query. Every term is searched as its plan says (src/lib/search/query.ts): the term
 * verbatim, or a synonym, in the record's text or in its context (document titles, 文号, region,
 * issuer, the headings above it). A record answers the query when it answers every term, at least one
 * of them with its own words; records answering more terms as typed come first. When none answers,
 * an unspaced query is searched as its words, then the records answering most of the terms are
 * shown (labelled), and a single term falls back to near matches.
 */
export async function searchRecords(api: PagefindApi, query: ParsedQuery, filters: PagefindFilters, reading: QueryReading): Promise<SearchOutcome> {
  const { terms } = query;
  if (terms.length === 0) return outcome('strict', [], [], 0);
  let pass = await searchTerms(api, terms, reading, filters);
  const complete = (p: Pass) => p.found.filter((c) => c.answered === p.plans.length);
  if (complete(pass).length > 0) return outcome('strict', await togetherFirst(ranked(complete(pass)), pass.plans), pass.plans, pass.plans.length);

  // A single term with one wrong character: the near matches, when one of them holds all but that character.
  const [only] = terms;
  const fuzzy = only !== undefined && isFuzzyCandidate(terms) ? await fuzzyHits(api, only, filters, reading.homophones) : { hits: [], heard: [] };
  if (fuzzy.hits.length > 0 && only !== undefined && (await alignedWithOneSlip(fuzzy.hits[0], only.text))) return outcome('fuzzy', fuzzy.hits, pass.plans, 0, fuzzy.heard);

  // An unspaced query that found nothing, as the words it is made of: only when some record has them all.
  const split = terms.map((t, i) => ((pass.perTerm[i]?.size ?? 0) === 0 ? splitTerm(t, reading.synonyms, reading.segment) : null));
  if (split.some((s) => s !== null)) {
    const cut = await searchTerms(api, terms.flatMap((t, i) => split[i] ?? [t]), reading, filters);
    if (complete(cut).length > 0) return outcome('split', await togetherFirst(ranked(complete(cut)), cut.plans), cut.plans, cut.plans.length);
  }
  if (pass.plans.some((p) => partsOf(p) !== null)) pass = await searchPlans(api, pass.plans.flatMap((p) => partsOf(p) ?? [p]), filters);
  if (complete(pass).length > 0) return outcome('strict', await togetherFirst(ranked(complete(pass)), pass.plans), pass.plans, pass.plans.length);
  const most = Math.max(0, ...pass.found.map((c) => c.answered));
  if (pass.plans.length > 1 && most > 0) return outcome('partial', ranked(pass.found.filter((c) => c.answered === most)), pass.plans, most);
  if (fuzzy.hits.length > 0) return outcome('fuzzy', fuzzy.hits, pass.plans, 0, fuzzy.heard);
  return outcome('strict', [], pass.plans, 0);
}

/** True when the hit's text holds the term with one character different, at its place. */
async function alignedWithOneSlip(hit: RankedHit | undefined, term: string): Promise<boolean> {
  if (hit === undefined) return false;
  return bestAlignment(recordText(await hit.data()), term).same >= [...term].length - 1;
}
