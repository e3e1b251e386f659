import { isKept } from '#core/list-files.ts';

/** A file in the output folder: its path relative to the folder, with `/` separators, and when it was last written. */
export interface OutputFile {
  path: string;
  mtimeMs: number;
}

/** What to delete: files, then the folders they leave empty, deepest first. Paths relative to the output folder. */
export interface StaleOutput {
  files: string[];
  dirs: string[];
}

/** `a/b/c.html` → `a`, `a/b`. */
function ancestors(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * What a build left in its output folder without producing it: the pages of documents and clauses
 * that no longer exist, assets of earlier code. A file was produced by the build when Astro lists it
 * (`produced`: its pages and endpoints, rendered or kept from the last build, and the public files) or
 * when it was written after the build started (`startedMs`: bundled scripts, styles, public copies).
 * Files in a `keep` folder belong to later steps (the search index) and are never stale.
 */
export function staleOutput(files: readonly OutputFile[], produced: ReadonlySet<string>, startedMs: number, keep: readonly string[]): StaleOutput {
  const stale: string[] = [];
  const occupied = new Set<string>();
  for (const file of files) {
    if (isKept(file.path, keep) || produced.has(file.path) || file.mtimeMs >= startedMs) {
      for (const dir of ancestors(file.path)) occupied.add(dir);
    } else {
      stale.push(file.path);
    }
  }
  const emptied = new Set(stale.flatMap(ancestors).filter((dir) => !occupied.has(dir) && !isKept(`${dir}/`, keep)));
  const depth = (dir: string) => dir.split('/').length;
  return {
    files: stale.sort(),
    dirs: [...emptied].sort((a, b) => depth(b) - depth(a) || a.localeCompare(b)),
  };
}
