/** The pure parts of the build benchmark (./build-bench-command.ts): its sizes, progress mode, page counting, estimates and the source edit. */
import { pageLine } from './astro-log.ts';

/** A size: N documents (seeds and synthetic ones), or `real`: the seeds and the texts of the real folders. */
export type Size = number | 'real';

/** Reads `--sizes` (`5,100,real`): each a number of documents, at least the seeds' count, or `real`. An error message when one is not. */
export function parseSizes(text: string, seedCount: number): { sizes: Size[] } | { error: string } {
  const sizes: Size[] = text.split(',').map((s) => (s.trim() === 'real' ? 'real' : Number(s)));
  if (sizes.some((n) => n !== 'real' && (!Number.isInteger(n) || n < seedCount))) {
    return { error: `--sizes: numbers of documents, each at least ${seedCount} (the real corpus, which the site's editorial pages cite), or real (the seeds and the ATLAS_SOURCES folders)` };
  }
  return { sizes };
}

/** How progress shows: a live line on a terminal, one line per finished step in a log, nothing in CI. */
export type ProgressMode = 'tty' | 'log' | 'quiet';

export function progressMode(ci: string | undefined, isTTY: boolean): ProgressMode {
  return ci === 'true' || ci === '1' ? 'quiet' : isTTY ? 'tty' : 'log';
}

/**
 * A one-clause edit of a source's lines: the first sentence line longer than 20 characters gains a
 * phrase before its 。, the kind of change a maintainer makes; structure and ids stay as they were.
 * The edited lines and the 0-based index of the changed line, or null when no line qualifies.
 */
export function editOneSentence(lines: readonly string[]): { lines: string[]; at: number } | null {
  const at = lines.findIndex((l) => l.length > 20 && l.trimEnd().endsWith('。'));
  if (at < 0) return null;
  const edited = [...lines];
  edited[at] = `${(lines[at] ?? '').trimEnd().slice(0, -1)}，并定期评估落实情况。`;
  return { lines: edited, at };
}

/** Follows the page lines Astro logs (the pages it renders): documents whose clause pages have started. */
export type PageTracker = { consume: (line: string) => boolean; done: () => number };

export function pageTracker(ids: ReadonlySet<string>): PageTracker {
  const documents = new Set<string>();
  return {
    consume(line) {
      const page = pageLine(line);
      if (!page) return false;
      const [first, second] = page.segments;
      // Clause pages (two path segments) come document by document; the document pages themselves all come in one early pass.
      if (first !== undefined && second !== undefined && ids.has(first)) documents.add(first);
      return true;
    },
    done: () => documents.size,
  };
}

/** The seconds of the steps of the size measured before, to estimate the next one's. */
export type Previous = { documents: number; ingest: number; astro: number; index: number } | null;

/** A step's expected seconds: the previous size's, scaled linearly by the number of documents; null for the first size. */
export function scaled(previous: Previous, documents: number, seconds: (p: NonNullable<Previous>) => number): number | null {
  return previous ? (seconds(previous) * documents) / previous.documents : null;
}
