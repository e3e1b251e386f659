/**
 * A folder of search bundles, one sub-folder per bundle key: the built ones (scripts/lib/search-index/shards.ts)
 * and the served ones merged from them (served-bundles.ts), from which the site's index is assembled
 * by hard links. A rebuild that changes one shard builds that shard and merges its served bundle
 * again (about half the index at 1,000 documents); the site's copy of the rest costs a link per file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isAbandoned } from '../partial-writes.ts';

/** Puts `source` at `target` as a hard link, or a copy where links cannot be made. */
export function linkFile(source: string, target: string): void {
  try {
    fs.linkSync(source, target);
  } catch (error) {
    // Another file system (EXDEV) or one without hard links (EPERM): a copy is the same bundle.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM') throw error;
    fs.copyFileSync(source, target);
  }
}

/** Puts every file of `from` at the same place under `to` (created), as a hard link, or a copy where links cannot be made. */
export function linkTree(from: string, to: string): number {
  let files = 0;
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      files += linkTree(source, target);
      continue;
    }
    linkFile(source, target);
    files += 1;
  }
  return files;
}

/** Whether the cache holds a complete bundle under this key (a bundle is renamed into place only once written). */
export function hasBundle(cache: string, key: string): boolean {
  return fs.existsSync(path.join(cache, key, 'pagefind-entry.json'));
}

/**
 * Writes a bundle under its key: `write` fills a temporary folder, renamed to the key once it
 * succeeded, so an interrupted build never leaves a partial bundle that a later build would take.
 */
export async function storeBundle(cache: string, key: string, write: (dir: string) => Promise<void>): Promise<string> {
  const final = path.join(cache, key);
  const temporary = `${final}.partial-${process.pid}`;
  fs.rmSync(temporary, { recursive: true, force: true });
  fs.mkdirSync(temporary, { recursive: true });
  try {
    await write(temporary);
  } catch (error) {
    fs.rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
  fs.rmSync(final, { recursive: true, force: true });
  fs.renameSync(temporary, final);
  return final;
}

/**
 * Keeps the bundles just used and, of the others, as many as were used, the most recently used
 * first (a build and the one before it, say, when switching between two corpora); deletes the rest
 * and abandoned partial bundles. Returns the names deleted.
 */
export function pruneCache(cache: string, used: readonly string[], now = new Date()): string[] {
  if (!fs.existsSync(cache)) return [];
  for (const key of used) fs.utimesSync(path.join(cache, key), now, now);
  const inUse = new Set(used);
  // Bundles are folders; a file beside them (the saved plan, saved-plan.ts) is not one.
  const others = fs
    .readdirSync(cache, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !inUse.has(entry.name))
    .map((entry) => entry.name)
    .map((name) => ({ name, partial: name.includes('.partial-'), mtime: fs.statSync(path.join(cache, name)).mtimeMs, path: path.join(cache, name) }))
    .sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? -1 : 1));
  const complete = others.filter((o) => !o.partial);
  const abandoned = others.filter((o) => o.partial && isAbandoned(o.path, now));
  const removed = [...complete.slice(used.length), ...abandoned].map((o) => o.name);
  for (const name of removed) fs.rmSync(path.join(cache, name), { recursive: true, force: true });
  return removed.sort();
}
