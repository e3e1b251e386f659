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
}

/** A page a route may keep: its output file, relative to the output folder, its key, and what the route returns for it. */
export interface KeyedPage<T> {
  file: string;
  key: string;
  path: T;
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
  const render: T[] = [];
  for (const page of pages) {
    session.keys.set(page.file, page.key);
    if (session.previous.get(page.file) === page.key && session.exists(page.file)) session.kept.add(page.file);
    else render.push(page.path);
  }
  return render;
}
