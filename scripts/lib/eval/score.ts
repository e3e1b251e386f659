/** Precision and recall over facts given as keys (match.ts makes them); equal keys match one to one. */

/** How many facts were expected, found, and both; with the unmatched ones of each side. */
export type Tally = { expected: number; found: number; matched: number; missed: string[]; extra: string[] };

/** Compares two multisets of fact keys: a key expected twice and found once matches once. */
export function tally(expected: readonly string[], found: readonly string[]): Tally {
  const left = new Map<string, number>();
  for (const k of found) left.set(k, (left.get(k) ?? 0) + 1);
  const missed: string[] = [];
  let matched = 0;
  for (const k of expected) {
    const n = left.get(k) ?? 0;
    if (n > 0) {
      matched += 1;
      left.set(k, n - 1);
    } else missed.push(k);
  }
  const extra = [...left].flatMap(([k, n]) => Array<string>(n).fill(k));
  return { expected: expected.length, found: found.length, matched, missed, extra };
}

/** Adds tallies up; the unmatched facts are kept, prefixed with where they come from. */
export function addTallies(parts: readonly { from: string; tally: Tally }[]): Tally {
  return {
    expected: parts.reduce((n, p) => n + p.tally.expected, 0),
    found: parts.reduce((n, p) => n + p.tally.found, 0),
    matched: parts.reduce((n, p) => n + p.tally.matched, 0),
    missed: parts.flatMap((p) => p.tally.missed.map((k) => `${p.from}: ${k}`)),
    extra: parts.flatMap((p) => p.tally.extra.map((k) => `${p.from}: ${k}`)),
  };
}

/** Share of the found facts that were expected; with nothing found, 1 if nothing was expected, else 0. */
export function precision(t: Tally): number {
  return t.found === 0 ? (t.expected === 0 ? 1 : 0) : t.matched / t.found;
}

/** Share of the expected facts that were found; with nothing expected, 1 if nothing was found, else 0. */
export function recall(t: Tally): number {
  return t.expected === 0 ? (t.found === 0 ? 1 : 0) : t.matched / t.expected;
}
