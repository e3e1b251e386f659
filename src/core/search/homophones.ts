/**
 * Homophones of the corpus's characters, for the near matches of a query with a wrong character.
 * Most Chinese is typed with a pinyin keyboard, which offers every character of the syllable typed:
 * the commonest slip is the right syllable and the wrong character (失业保险今 for 失业保险金,
 * 城镇登记失业律 for 城镇登记失业率). Where thousands of texts hold all but one character of the
 * query, the character read like the one typed tells which word was meant.
 *
 * The table is built with the site (its readings from pinyin-pro, every reading of a character with
 * several) over the characters the corpus uses, and fetched by the search page only for a query that
 * falls back to near matches.
 */

/** Toned syllable (`jin1`, `lv4`: tone as a digit, ü as v) → the corpus's characters read so, commonest first. */
export type HomophoneTable = Record<string, string>;

/** The readings of a character as toned syllables (pinyin-pro's `num` tones, ü as v), none for a character without one. */
export type Readings = (char: string) => readonly string[];

const TONED = /^[a-z]+[1-5]$/;

/** How often each Han character occurs in `texts`: what the homophone table and the search page's list of the corpus's characters are made from, counted once per build. */
export function hanCounts(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const char of text.match(/\p{Script=Han}/gu) ?? []) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

/** The table of the counted characters (hanCounts): each under every reading it has, commonest in the texts first. */
export function homophoneTable(counts: ReadonlyMap<string, number>, readings: Readings): HomophoneTable {
  const bySyllable = new Map<string, string[]>();
  const commonestFirst = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([char]) => char);
  for (const char of commonestFirst) {
    for (const syllable of new Set(readings(char).filter((r) => TONED.test(r)))) bySyllable.set(syllable, [...(bySyllable.get(syllable) ?? []), char]);
  }
  return Object.fromEntries([...bySyllable].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([s, chars]) => [s, chars.join('')]));
}

/**
 * The characters read like `char` in the table, likeliest slip first: those of the same toned
 * syllable, then those of its other tones (a keyboard does not ask the tone), each commonest first;
 * `char` itself left out. For a character of several readings, each reading in turn.
 */
export function homophoneReader(table: HomophoneTable): (char: string) => string[] {
  const readings = new Map<string, string[]>();
  const byToneless = new Map<string, string[]>();
  for (const [syllable, chars] of Object.entries(table)) {
    for (const char of chars) readings.set(char, [...(readings.get(char) ?? []), syllable]);
    const toneless = syllable.slice(0, -1);
    byToneless.set(toneless, [...(byToneless.get(toneless) ?? []), syllable]);
  }
  return (char) => {
    const own = readings.get(char) ?? [];
    const sameTone = own.flatMap((s) => [...(table[s] ?? '')]);
    const otherTones = own.flatMap((s) => (byToneless.get(s.slice(0, -1)) ?? []).filter((t) => !own.includes(t)).flatMap((t) => [...(table[t] ?? '')]));
    return [...new Set([...sameTone, ...otherTones])].filter((c) => c !== char);
  };
}
