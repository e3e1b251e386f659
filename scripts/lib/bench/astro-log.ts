/** Reading what `astro build` logs: one line per page it writes, and a closing count. */

/** A page line: `16:58:59   ├─ /bench-00006/n-p1/index.html (+3ms)`; Astro logs the pages it renders, not those kept from the last build. */
export type PageLine = {
  /** The page's path segments, `index.html` left out: `['bench-00006', 'n-p1']`. */
  segments: string[];
};

/** The page a line of `astro build` reports, or null for any other line. */
export function pageLine(line: string): PageLine | null {
  const m = /[├└]─ (\/\S*)/.exec(line);
  if (!m?.[1]) return null;
  return { segments: m[1].split('/').filter((s) => s !== '' && s !== 'index.html') };
}

/** The number in Astro's closing `56124 page(s) built in 2m 40s`; 0 when absent. */
export function pagesBuilt(lines: readonly string[]): number {
  for (const line of lines) {
    const m = /(\d+) page\(s\) built in/.exec(line);
    if (m) return Number(m[1]);
  }
  return 0;
}
