/**
 * How text becomes search tokens, shared by the index builder (scripts/search-index.ts) and the
 * search page, so that a query is cut exactly like the text it should find.
 *
 * Why character pairs and not words: Chinese has no spaces, and any word segmenter splits the domain
 * terms people search for (创业担保贷款, 零就业家庭, 四个不出村) differently in different contexts,
 * so the query and the text disagree. Every run of letters and digits is indexed instead as its
 * overlapping pairs of characters, in text order, closed by its last character on its own:
 * 创业担保 → 创业 业担 担保 保. Then
 * - a term of two or more characters is the chain of its pairs, and the text holds the term exactly
 *   where that chain sits at consecutive positions (Pagefind's quoted, positional search);
 * - unquoted, a term requires all of its pairs, which ranks pages holding the whole term far above
 *   pages that only hold its pieces apart;
 * - a single character is found wherever it stands, because every character starts a token (a pair,
 *   or the closing single) and Pagefind matches a query token as a prefix of index tokens.
 *
 * Why the tokens are spelled in ASCII (a + fixed-width base-36 code points): Pagefind's search runs
 * `Intl.Segmenter` over the query whenever the page is in Chinese, and that would cut the pair 业担,
 * which is not a word, back into 业 and 担. Strings of letters and digits are never cut. The fixed
 * width keeps prefix matching exact: a pair is never the prefix of another token.
 */

/**
 * The language the index is filed under. Not `zh`: Pagefind re-segments the content of a `zh` index
 * at build time, which would cut the tokens apart. A code with no stemmer and no segmenter leaves
 * them as they are; the browser, finding no index for the page's `zh-CN`, uses the only one there is.
 */
export const INDEX_LANGUAGE = 'und';

/** Letters (Han included) and digits; a point between digits belongs to the number (1.6万). */
const WORD_RUN = /(?:[\p{L}\p{N}\p{M}]|(?<=\p{N})\.(?=\p{N}))+/gu;

const CODE_WIDTH = 4; // 36^4 > U+10FFFF

// A text repeats a few thousand characters: each is spelled once (indexing 1,000 documents spells 90 M).
const codes = new Map<string, string>();

function code(char: string): string {
  let spelled = codes.get(char);
  if (spelled === undefined) {
    spelled = (char.codePointAt(0) ?? 0).toString(36).padStart(CODE_WIDTH, '0');
    codes.set(char, spelled);
  }
  return spelled;
}

function single(char: string): string {
  return `a${code(char)}`;
}

function pairs(chars: readonly string[]): string[] {
  return chars.slice(1).map((next, i) => `a${code(chars[i] ?? '')}${code(next)}`);
}

/** The runs of letters and digits of a text, lower-cased, as arrays of characters; everything else separates them. */
export function wordRuns(text: string): string[][] {
  return [...text.toLowerCase().matchAll(WORD_RUN)].map((m) => [...m[0]]);
}

/** The tokens of one run as indexed: its pairs, then its last character alone. */
function indexedRunTokens(chars: readonly string[]): string[] {
  const last = chars.at(-1);
  return last === undefined ? [] : [...pairs(chars), single(last)];
}

/** The content Pagefind indexes for a text: the tokens of its runs, space-separated. */
export function indexContent(text: string): string {
  return wordRuns(text).flatMap(indexedRunTokens).join(' ');
}

/**
 * The tokens a term requires, for Pagefind's ordinary search: the pairs of each run, or the
 * character itself for a one-character run (found as the prefix of every token it starts).
 */
export function termTokens(term: string): string {
  return wordRuns(term)
    .flatMap((chars) => (chars.length === 1 ? [single(chars[0] ?? '')] : pairs(chars)))
    .join(' ');
}

/**
 * The token chain that sits at consecutive positions wherever the text holds the term verbatim
 * (punctuation aside), for Pagefind's quoted search; null when positions cannot tell (a single
 * character, whose one token is matched as a prefix only by the ordinary search).
 * Inner runs end with their closing single, as in the index; the last run does not, since the
 * text may go on after it.
 */
export function phraseTokens(term: string): string | null {
  const runs = wordRuns(term);
  const tokens = runs.flatMap((chars, i) => (i < runs.length - 1 ? indexedRunTokens(chars) : pairs(chars)));
  return tokens.length === 0 || (runs.length === 1 && runs[0]?.length === 1) ? null : tokens.join(' ');
}
