/**
 * What the canvas shows of a chart's numbers: at most MAX_BARS bars (the smallest grouped into one
 * "others" bar) and category labels that are never cut, wrapped onto as many lines as they need.
 * The table beside the chart keeps every category. Pure and free of chart.js, so that the
 * browser-only renderer (./chart-render.ts) stays thin and these rules have unit tests.
 */
import type { ChartSpec } from './charts.ts';

/** More bars than this and the reader can no longer compare them: the smallest are grouped. */
export const MAX_BARS = 12;

/**
 * The spec with at most `max` categories: the max − 1 with the largest totals (over all series) keep
 * their place and order, the others become one bar `其他N个<others>` holding their sums per series.
 */
export function limitBars(spec: ChartSpec, max: number = MAX_BARS): ChartSpec {
  if (spec.categories.length <= max) return spec;
  const total = (i: number) => spec.series.reduce((n, s) => n + (s.values[i] ?? 0), 0);
  const ranked = spec.categories.map((_, i) => i).sort((a, b) => total(b) - total(a) || a - b);
  const kept = new Set(ranked.slice(0, max - 1));
  const keptIndexes = spec.categories.map((_, i) => i).filter((i) => kept.has(i));
  const grouped = spec.categories.length - keptIndexes.length;
  return {
    ...spec,
    categories: [...keptIndexes.map((i) => spec.categories[i] ?? ''), `其他${grouped}个${spec.others}`],
    series: spec.series.map((s) => ({
      label: s.label,
      values: [...keptIndexes.map((i) => s.values[i] ?? null), spec.categories.reduce<number>((n, _, i) => (kept.has(i) ? n : n + (s.values[i] ?? 0)), 0)],
    })),
  };
}

/** Canvas pixels one Han character takes at the charts' 12 px font, with a little room to spare. */
export const PIXELS_PER_CHARACTER = 13;

/** The categories `limitBars` put into the "others" bar of `shown`, in their order: its tooltip names them. */
export function groupedCategories(full: ChartSpec, shown: ChartSpec): string[] {
  if (shown.categories.length === full.categories.length) return [];
  const kept = new Set(shown.categories.slice(0, -1));
  return full.categories.filter((c) => !kept.has(c));
}

/** Closing marks that never start a line (〕 of 〔2014〕, ）, 》, ，), as Chinese typesetting keeps them. */
const NO_LINE_START = /[〕）》」』】，。、；：！？”’)\]]/;

/**
 * The label in lines of at most `perLine` characters, as even as the count allows (a 20-character
 * name on 12 per line gives 10 + 10, not 12 + 8). Chinese breaks between any two characters, but a
 * run of ASCII letters or digits (2014, PPP) stays whole and a closing mark stays with what it closes,
 * where the line has room for them.
 */
export function wrapLabel(label: string, perLine: number): string[] {
  const chars = [...label];
  const width = Math.max(1, Math.floor(perLine));
  if (chars.length <= width) return [label];
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    const left = chars.length - start;
    if (left <= width) {
      lines.push(chars.slice(start).join(''));
      break;
    }
    let end = start + Math.ceil(left / Math.ceil(left / width));
    if (isWordChar(chars[end - 1]) && isWordChar(chars[end])) {
      // Inside an ASCII word: to its end when the line has room, else to its start when it does not start the line.
      const wordEnd = nextWordEnd(chars, end);
      const wordStart = lastWordStart(chars, end);
      if (wordEnd - start <= width) end = wordEnd;
      else if (wordStart > start) end = wordStart;
    }
    if (NO_LINE_START.test(chars[end] ?? '')) {
      // The mark joins this line when it has room; else what it closes moves down with it.
      const back = isWordChar(chars[end - 1]) ? lastWordStart(chars, end) : end - 1;
      if (end + 1 - start <= width) end += 1;
      else if (back > start) end = back;
    }
    lines.push(chars.slice(start, end).join(''));
    start = end;
  }
  return lines;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9.%]/.test(c);
}

function lastWordStart(chars: readonly string[], end: number): number {
  let i = end;
  while (i > 0 && isWordChar(chars[i - 1])) i -= 1;
  return i;
}

function nextWordEnd(chars: readonly string[], end: number): number {
  let i = end;
  while (i < chars.length && isWordChar(chars[i])) i += 1;
  return i;
}

/**
 * How many characters a category label may put on one line: along the side of a horizontal chart,
 * at most 40 % of the canvas (the bars keep the rest); under a vertical chart, the width of one
 * category. Never fewer than 2.
 */
export function charactersPerLine(canvasWidth: number, categories: number, horizontal: boolean): number {
  const room = horizontal ? canvasWidth * 0.4 : canvasWidth / Math.max(1, categories) - 8;
  return Math.max(2, Math.floor(room / PIXELS_PER_CHARACTER));
}
