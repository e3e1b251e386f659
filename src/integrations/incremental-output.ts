import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isKept, staleOutput, type OutputFile } from './stale-output.ts';

interface Options {
  /** Folders of the output, relative to it and ending in `/`, that later steps write: never emptied or pruned. */
  keep: readonly string[];
}

// Astro's record of the last incremental build, in its cache folder (astro/dist/core/build/incremental.js).
const ASTRO_MANIFEST = 'incremental-build.json';
/** In Astro's cache folder while a build runs: a build that failed or was interrupted leaves it behind. */
export const UNFINISHED = 'incremental-build.unfinished';

/** Every file under `root` as a path relative to it, not descending into kept folders. */
function listFiles(root: string, keep: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!isKept(`${child}/`, keep)) walk(child);
      } else if (!isKept(child, keep)) {
        files.push(child);
      }
    }
  };
  if (fs.existsSync(root)) walk('');
  return files;
}

/** Removes a folder the pruning emptied; one that still holds empty folders of its own is left. */
function removeFolder(folder: string): void {
  try {
    fs.rmdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOTEMPTY') throw error;
  }
}

/**
 * Keeps the output folder of incremental builds (`vite.build.emptyOutDir: false`) equal to what a full
 * build would write. Astro keeps the folder so that unchanged pages stay where they are; this removes
 * what the build no longer produces: pages of removed documents and clauses, styles and scripts of
 * earlier code. And a build that did not finish (a failure, an interrupt) may have overwritten pages
 * before Astro recorded their new keys, so the next build renders every page again.
 */
export function incrementalOutput({ keep }: Options): AstroIntegration {
  // Astro's own emptying of the output folder spares a deploy repository there too.
  const kept = ['.git/', ...keep];
  let publicDir = '';
  let cacheDir = '';
  let startedMs = 0;
  return {
    name: 'policy-atlas:incremental-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        startedMs = Date.now();
        const unfinished = path.join(cacheDir, UNFINISHED);
        if (fs.existsSync(unfinished)) {
          fs.rmSync(path.join(cacheDir, ASTRO_MANIFEST), { force: true });
          logger.info('the last build did not finish: every page is rendered again');
        }
        fs.mkdirSync(cacheDir, { recursive: true });
        fs.writeFileSync(unfinished, '');
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const outDir = fileURLToPath(dir);
        const relative = (file: string) => path.relative(outDir, file).split(path.sep).join('/');
        const produced = new Set([...assets.values()].flat().map((url) => relative(fileURLToPath(url))));
        for (const file of listFiles(publicDir, [])) produced.add(file);
        const files: OutputFile[] = listFiles(outDir, kept).map((file) => ({ path: file, mtimeMs: fs.statSync(path.join(outDir, file)).mtimeMs }));
        const stale = staleOutput(files, produced, startedMs, kept);
        for (const file of stale.files) fs.rmSync(path.join(outDir, file));
        for (const folder of stale.dirs) removeFolder(path.join(outDir, folder));
        if (stale.files.length > 0) logger.info(`removed ${stale.files.length} files this build no longer produces`);
        fs.rmSync(path.join(cacheDir, UNFINISHED), { force: true });
      },
    },
  };
}
