import { removePinyinAnnotations } from '#core/chinese/pinyin.ts';
import { linkToken, listedIn, type QuerySynonyms } from '#core/search/synonyms.ts';
import { phraseTokens, termTokens, wordRuns } from '#core/search/tokens.ts';

/** One thing the user asked for: a word (all of its characters required, verbatim ranks first) or a quoted phrase (verbatim only). */
export interface QueryTerm {
  text: string;
  quoted: boolean;
}

/** A query as searched: cleaned, in simplified characters, cut into terms. */
export interface ParsedQuery {
  /** The cleaned query, in the script searched; what the search box shows back when the script changed. */
  text: string;
  terms: QueryTerm[];
  /** True when the query was typed in traditional characters and converted. */
  converted: boolean;
}

/**
 * Traditional → simplified conversion for queries: `convert` is opencc's tw→cn with the project's
 * override table applied; `inCorpus` tells the characters the (simplified) corpus uses.
 */
export interface ScriptConverter {
  convert(text: string): string;
  inCorpus(char: string): boolean;
}

/** Longest query searched; a pasted page would otherwise ask for hundreds of tokens. */
export const MAX_QUERY_LENGTH = 200;

const HAN = /\p{Script=Han}/u;

/** Opening quote → closing quote: ASCII (also what NFKC makes of full-width ＂), curly, corner brackets and 书名号. */
const QUOTES: Readonly<Record<string, string>> = { '"': '"', '“': '”', '「': '」', '『': '』', '《': '》' };

/**
 * What was typed, cleaned like the sources: compatibility forms folded (full-width letters and
 * digits, the ideographic space), pinyin annotations removed (業(yè) → 業), spaces collapsed.
 * NFKC is safe here, unlike on the sources: in a query, punctuation only separates words.
 */
export function cleanQuery(raw: string): string {
  const folded = removePinyinAnnotations(raw.normalize('NFKC'));
  return [...folded.replace(/\s+/gu, ' ').trim()].slice(0, MAX_QUERY_LENGTH).join('');
}

/** True when the query has a Chinese character the corpus never uses: it may be traditional, so the converter is needed. */
export function mayBeTraditional(text: string, corpus: ReadonlySet<string>): boolean {
  return [...text].some((c) => HAN.test(c) && !corpus.has(c));
}

/**
 * The query in simplified characters. Converted when some character is proof of traditional script:
 * the conversion changes it and the simplified corpus never uses it. 顯著 becomes 显著 (顯 is proof,
 * and opencc converts the phrase), but 显著 stays as typed, where a blind tw→cn conversion would
 * turn it into 显着 (著 is in the corpus); a mixed query (創业) is converted.
 */
export function toSimplified(text: string, converter: ScriptConverter): { text: string; converted: boolean } {
  const proof = [...text].some((c) => !converter.inCorpus(c) && converter.convert(c) !== c);
  const converted = proof ? converter.convert(text) : text;
  return { text: converted, converted: converted !== text };
}

/** True when a piece of a query has letters or digits to search for. */
function searchable(text: string): boolean {
  return wordRuns(text).length > 0;
}

/**
 * Cuts a cleaned query into terms: quoted phrases ("…", “…”, 「…」, 『…』, 《…》) and the words
 * between them, split at spaces. A quote still open at the end (the user is typing it) runs to the end.
 */
export function parseTerms(text: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const addWords = (piece: string) => {
    for (const word of piece.split(' ')) if (searchable(word)) terms.push({ text: word, quoted: false });
  };
  let rest = text;
  for (;;) {
    const open = [...rest].findIndex((c) => c in QUOTES);
    if (open === -1) break;
    const chars = [...rest];
    const opener = chars[open] ?? '';
    const close = chars.indexOf(QUOTES[opener] ?? '', open + 1);
    addWords(chars.slice(0, open).join(''));
    const phrase = chars.slice(open + 1, close === -1 ? undefined : close).join('').trim();
    if (searchable(phrase)) terms.push({ text: phrase, quoted: true });
    if (close === -1) return terms;
    rest = chars.slice(close + 1).join('');
  }
  addWords(rest);
  return terms;
}

/** Cleans, converts (when a converter is given) and parses what was typed. */
export function parseQuery(raw: string, converter: ScriptConverter | null): ParsedQuery {
  const cleaned = cleanQuery(raw);
  const script = converter === null ? { text: cleaned, converted: false } : toSimplified(cleaned, converter);
  return { text: script.text, terms: parseTerms(script.text), converted: script.converted };
}

/**
 * What a record must hold for a query term, as a tree of Pagefind searches. An atom is one search:
 * a phrase's token chain, quoted for Pagefind's positional search (a single character: its token,
 * found as a prefix), or the link token of a synonym (src/core/search/synonyms.ts). `typed` atoms are
 * the words as the reader wrote them; `added` ones come from the synonym list and rank after them.
 */
export type Match = { kind: 'atom'; query: string; role: 'typed' | 'added' } | { kind: 'all' | 'any'; of: Match[] };

/** A query term as searched: what must match, and what was searched besides the term as typed (shown to the reader). */
export interface TermPlan {
  term: QueryTerm;
  match: Match;
  /** The synonyms searched too, in the list's order; the parts of an expansion joined with 、. */
  also: string[];
}

/** The Pagefind query that finds a phrase verbatim: its quoted chain, or for one character its token. */
export function phraseQuery(text: string): string {
  const chain = phraseTokens(text);
  return chain === null ? termTokens(text) : `"${chain}"`;
}

function atom(query: string, role: 'typed' | 'added'): Match {
  return { kind: 'atom', query, role };
}

/** Most variants of a term searched with a listed term inside it replaced: each is one more search. */
const MAX_SUBSTITUTES = 6;

/**
 * How a term is searched. A quoted phrase: verbatim only. A listed term (社保): itself, or any term it
 * is linked to, found through its link token (the parts of an all-parts expansion together). A term
 * holding listed terms (湘潭社保): itself, or the term with one of them replaced by a term it is
 * linked to (湘潭社会保险), as phrases.
 */
export function planTerm(term: QueryTerm, synonyms: QuerySynonyms): TermPlan {
  const typed = atom(phraseQuery(term.text), 'typed');
  if (term.quoted) return { term, match: typed, also: [] };
  const whole = synonyms.added[term.text];
  if (whole !== undefined) {
    const alternatives = whole.map((a): Match => {
      const tokens = a.words.map((w) => atom(`"${linkToken(term.text, w)}"`, 'added'));
      return tokens.length === 1 && tokens[0] !== undefined ? tokens[0] : { kind: 'all', of: tokens };
    });
    return { term, match: { kind: 'any', of: [typed, ...alternatives] }, also: whole.map((a) => a.words.join('、')) };
  }
  const variants = listedIn(term.text, synonyms).flatMap((m) =>
    (synonyms.added[m.term] ?? []).filter((a) => a.words.length === 1).map((a) => `${term.text.slice(0, m.start)}${a.words[0] ?? ''}${term.text.slice(m.end)}`),
  );
  const substitutes = [...new Set(variants)].slice(0, MAX_SUBSTITUTES);
  if (substitutes.length === 0) return { term, match: typed, also: [] };
  return { term, match: { kind: 'any', of: [typed, ...substitutes.map((v) => atom(phraseQuery(v), 'added'))] }, also: substitutes };
}

/** Shortest unspaced term that is cut into words when it finds nothing as a whole. */
const MIN_SPLIT_LENGTH = 4;

/**
 * An unspaced term that found nothing, cut into the words people would have spaced: the listed terms
 * it holds (longest first, as the synonym list reads them) and, between them, the words a segmenter
 * finds; single characters are dropped (they would match nearly every record). Null when the term
 * cannot be cut into two or more words.
 */
export function splitTerm(term: QueryTerm, synonyms: QuerySynonyms, segment: (text: string) => string[]): QueryTerm[] | null {
  if (term.quoted || [...term.text].length < MIN_SPLIT_LENGTH) return null;
  const words: string[] = [];
  let at = 0;
  const between = (end: number) => words.push(...segment(term.text.slice(at, end)));
  for (const m of listedIn(term.text, { listed: synonyms.listed, added: Object.fromEntries(synonyms.listed.map((t) => [t, []])) })) {
    between(m.start);
    words.push(m.term);
    at = m.end;
  }
  between(term.text.length);
  const kept = words.filter((w) => [...w].length > 1 && searchable(w));
  return kept.length >= 2 ? kept.map((text) => ({ text, quoted: false })) : null;
}

/** The query without one term, for the "fewer words" suggestion. */
export function withoutTerm(terms: readonly QueryTerm[], index: number): string {
  return terms
    .filter((_, i) => i !== index)
    .map((t) => (t.quoted ? `"${t.text}"` : t.text))
    .join(' ');
}
