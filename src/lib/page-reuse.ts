/**
 * Document and clause pages kept from the last build. Such a page is rendered only when its key
 * (src/lib/page-keys.ts) differs from the one the last finished build recorded for it, or its file is
 * gone from the output folder; otherwise the file that build wrote stays where it is. The integration
 * in src/integrations/incremental-output.ts opens a session before `astro build` renders pages (with
 * no keys at all when the site's code changed) and records this build's keys after it. Outside a
 * build (the dev server, `astro check`) there is no session and every page is rendered.
 *
 * Astro's own incremental build (`experimental.incrementalBuild`) does the same per route, but it
 * tracks every render in an AsyncLocalStorage and writes each page twice (the output and a cached
 * copy), which made a full build 15–25 % slower (56,124 pages: 140 s instead of 120 s).
 */

/** One build's reuse of the last build's pages. */
export interface ReuseSession {
  /** The keys the last finished build recorded, by output file (`doc/node/index.html`); empty when none may be reused. */
  previous: ReadonlyMap<string, string>;
  /** Whether the output folder holds the file. */
  exists: (file: string) => boolean;
  /** Filled while the build runs: the key of every keyed page, rendered or kept. */
  keys: Map<string, string>;
  /** Filled while the build runs: the files kept from the last build. */
  kept: Set<string>;
  /** Filled while the build runs: pages of fixed HTML (fixedPagesToRender) to write after it, by output file. */
  fixed: Map<string, string>;
}

/** A page a route may keep: its output file, relative to the output folder, its key, and what the route returns for it. */
export interface KeyedPage<T> {
  file: string;
  key: string;
  path: T;
}

/** A page whose HTML is known whole without rendering (a light page, src/lib/anchor-page.ts): a keyed page and its HTML. */
export interface FixedPage<T> extends KeyedPage<T> {
  html: () => string;
}

// The integration and the pages are loaded separately (config and build bundle) but run in one process.
const SESSION = Symbol.for('policy-atlas:page-reuse');
type Holder = { [SESSION]?: ReuseSession };

export function openSession(session: ReuseSession): void {
  (globalThis as Holder)[SESSION] = session;
}

/** Ends the build's session; what it recorded. */
export function closeSession(): ReuseSession | undefined {
  const session = (globalThis as Holder)[SESSION];
  delete (globalThis as Holder)[SESSION];
  return session;
}

/** The paths a route renders in this build: all of them without a session; else those whose page cannot be kept, recording every key. */
export function pagesToRender<T>(pages: readonly KeyedPage<T>[], session: ReuseSession | undefined = (globalThis as Holder)[SESSION]): T[] {
  if (session === undefined) return pages.map((p) => p.path);
  return pages.filter((page) => !keeps(session, page)).map((p) => p.path);
}

/** Records the page's key; whether the file the last build wrote for it stays (same key, still there). */
function keeps(session: ReuseSession, page: KeyedPage<unknown>): boolean {
  session.keys.set(page.file, page.key);
  const kept = session.previous.get(page.file) === page.key && session.exists(page.file);
  if (kept) session.kept.add(page.file);
  return kept;
}

/**
 * The paths a route renders for pages of fixed HTML: all of them without a session (the dev server
 * renders each on request); none in a build, which records every key and, for each page that cannot
 * be kept, its HTML, which the integration writes after Astro's pages (src/integrations/incremental-output.ts).
 * Astro's work for a page (a request, the middleware, a response, its log line) cost more than the
 * few hundred bytes such a page is: at 1,000 documents there are 22,000 of them.
 */
export function fixedPagesToRender<T>(pages: readonly FixedPage<T>[], session: ReuseSession | undefined = (globalThis as Holder)[SESSION]): T[] {
  if (session === undefined) return pages.map((p) => p.path);
  for (const page of pages) if (!keeps(session, page)) session.fixed.set(page.file, page.html());
  return [];
}
