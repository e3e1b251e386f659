import type { QueryTerm } from './query.ts';

/** A piece of an excerpt; `mark` pieces are what the query matched. */
export interface Segment {
  text: string;
  mark: boolean;
}

/** An excerpt of a record's text around its matches. */
export interface Excerpt {
  segments: Segment[];
  /** True when text was cut before or after the excerpt. */
  cutBefore: boolean;
  cutAfter: boolean;
}

type Range = { start: number; end: number };

/** Shortest piece of a term that is marked when the whole term is not in the text: single characters would light up everywhere. */
const MIN_PIECE = 2;

function occurrences(haystack: string, needle: string): Range[] {
  const found: Range[] = [];
  if (needle === '') return found;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    found.push({ start: at, end: at + needle.length });
  }
  return found;
}

/**
 * The longest pieces of a term found in the text, longest first, each piece's characters used once:
 * what a fuzzy match (a one-character typo) still has in common with the text.
 */
function pieces(text: string, term: string): Range[] {
  const chars = [...term];
  const used = new Array<boolean>(chars.length).fill(false);
  const ranges: Range[] = [];
  for (let length = chars.length - 1; length >= MIN_PIECE; length--) {
    for (let from = 0; from + length <= chars.length; from++) {
      if (used.slice(from, from + length).some(Boolean)) continue;
      const found = occurrences(text, chars.slice(from, from + length).join(''));
      if (found.length === 0) continue;
      ranges.push(...found);
      used.fill(true, from, from + length);
    }
  }
  return ranges;
}

/** Where the terms stand in the text: every verbatim occurrence, or for a term not found whole, its longest pieces. */
export function matchRanges(text: string, terms: readonly QueryTerm[]): Range[] {
  const lower = text.toLowerCase();
  const ranges = terms.flatMap((t) => {
    const term = t.text.toLowerCase();
    const whole = occurrences(lower, term);
    return whole.length > 0 || t.quoted ? whole : pieces(lower, term);
  });
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last !== undefined && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/**
 * A window of about `length` characters (UTF-16 units; the texts are Han, one unit each) around
 * the first match, with every match in it marked. Starts a little before the match so the reader
 * sees what leads to it; a text that fits is shown whole.
 */
export function excerpt(text: string, terms: readonly QueryTerm[], length = 96): Excerpt {
  const ranges = matchRanges(text, terms);
  const lead = Math.floor(length / 5);
  const first = ranges[0]?.start ?? 0;
  const start = text.length <= length ? 0 : Math.max(0, Math.min(first - lead, text.length - length));
  const end = Math.min(text.length, start + length);
  const segments: Segment[] = [];
  let at = start;
  for (const r of ranges) {
    if (r.end <= start || r.start >= end) continue;
    const from = Math.max(r.start, start);
    const to = Math.min(r.end, end);
    if (from > at) segments.push({ text: text.slice(at, from), mark: false });
    segments.push({ text: text.slice(from, to), mark: true });
    at = to;
  }
  if (at < end) segments.push({ text: text.slice(at, end), mark: false });
  return { segments, cutBefore: start > 0, cutAfter: end < text.length };
}
