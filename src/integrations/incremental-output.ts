import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { closeSession, openSession } from '../lib/page-reuse.ts';
import { siteCodeVersion } from './site-code.ts';
import { listFiles } from '#core/list-files.ts';
import { staleOutput, type OutputFile } from './stale-output.ts';

interface Options {
  /** Folders of the output, relative to it and ending in `/`, that later steps write: never emptied or pruned. */
  keep: readonly string[];
}

/** In Astro's cache folder: the keys of the pages the last finished build wrote (src/lib/page-reuse.ts). */
const PAGE_KEYS = 'page-keys.json';
/** In Astro's cache folder while a build runs: a build that failed or was interrupted leaves it behind. */
export const UNFINISHED = 'page-keys.unfinished';

/** What the last finished build recorded: the output folder and code it wrote the pages with, and their keys by file. */
interface Recorded {
  outDir: string;
  code: string;
  pages: Record<string, string>;
}

/** The keys of the last finished build, when its pages may be kept: same output folder, same code, no `--force`. */
function reusableKeys(file: string, outDir: string, code: string): Map<string, string> {
  if (process.argv.includes('--force') || !fs.existsSync(file)) return new Map();
  try {
    const recorded = JSON.parse(fs.readFileSync(file, 'utf8')) as Recorded;
    if (recorded.outDir !== outDir || recorded.code !== code) return new Map();
    return new Map(Object.entries(recorded.pages));
  } catch {
    // An unreadable record only costs a full build.
    return new Map();
  }
}

/** Removes a folder the pruning emptied; one that still holds something the pruning did not list is left. */
function removeFolder(folder: string): void {
  try {
    fs.rmdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOTEMPTY') throw error;
  }
}

/**
 * Builds incrementally: document and clause pages whose key did not change are kept from the last
 * build (src/lib/page-reuse.ts), and the output folder is kept (`vite.build.emptyOutDir: false`) and
 * made equal to what a full build would write: what the build no longer produces goes (pages of
 * removed documents and clauses, styles and scripts of earlier code). A build that did not finish (a
 * failure, an interrupt) may have overwritten pages without recording their keys, so the next build
 * renders every page again; so does `astro build --force`.
 */
export function incrementalOutput({ keep }: Options): AstroIntegration {
  // Astro's own emptying of the output folder spares a deploy repository there too.
  const kept = ['.git/', ...keep];
  let root = '';
  let publicDir = '';
  let cacheDir = '';
  let outDir = '';
  let settings = '';
  let code = '';
  let startedMs = 0;
  return {
    name: 'policy-atlas:incremental-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        publicDir = fileURLToPath(config.publicDir);
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = path.resolve(fileURLToPath(config.outDir));
        settings = JSON.stringify({ site: config.site, base: config.base, trailingSlash: config.trailingSlash, format: config.build.format });
      },
      'astro:build:start': ({ logger }) => {
        startedMs = Date.now();
        const unfinished = path.join(cacheDir, UNFINISHED);
        if (fs.existsSync(unfinished)) {
          fs.rmSync(path.join(cacheDir, PAGE_KEYS), { force: true });
          logger.info('the last build did not finish: every page is rendered again');
        }
        code = siteCodeVersion(root, settings);
        const previous = reusableKeys(path.join(cacheDir, PAGE_KEYS), outDir, code);
        openSession({ previous, exists: (file) => fs.existsSync(path.join(outDir, file)), keys: new Map(), kept: new Set(), fixed: new Map() });
        fs.mkdirSync(cacheDir, { recursive: true });
        fs.writeFileSync(unfinished, '');
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const session = closeSession();
        const builtDir = path.resolve(fileURLToPath(dir));
        const relative = (file: string) => path.relative(builtDir, file).split(path.sep).join('/');
        const produced = new Set([...assets.values()].flat().map((url) => relative(fileURLToPath(url))));
        for (const file of session?.kept ?? []) produced.add(file);
        // Pages of fixed HTML (light pages) are written here rather than rendered by Astro (fixedPagesToRender).
        for (const [file, html] of session?.fixed ?? []) {
          fs.mkdirSync(path.dirname(path.join(builtDir, file)), { recursive: true });
          fs.writeFileSync(path.join(builtDir, file), html);
          produced.add(file);
        }
        for (const file of listFiles(publicDir)) produced.add(file);
        const files: OutputFile[] = listFiles(builtDir, kept).map((file) => ({ path: file, mtimeMs: fs.statSync(path.join(builtDir, file)).mtimeMs }));
        const stale = staleOutput(files, produced, startedMs, kept);
        for (const file of stale.files) fs.rmSync(path.join(builtDir, file));
        for (const folder of stale.dirs) removeFolder(path.join(builtDir, folder));
        if (session !== undefined && session.kept.size > 0) logger.info(`kept ${session.kept.size} pages from the last build`);
        if (session !== undefined && session.fixed.size > 0) logger.info(`wrote ${session.fixed.size} light pages`);
        if (stale.files.length > 0) logger.info(`removed ${stale.files.length} files this build no longer produces`);
        // Code edited while the build read it: which version the pages were rendered from is unknown.
        if (siteCodeVersion(root, settings) === code) {
          const pages = Object.fromEntries([...(session?.keys ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
          const recorded: Recorded = { outDir: builtDir, code, pages };
          fs.writeFileSync(path.join(cacheDir, PAGE_KEYS), JSON.stringify(recorded));
        } else {
          fs.rmSync(path.join(cacheDir, PAGE_KEYS), { force: true });
          logger.info('the code changed during the build: the next build renders every page again');
        }
        fs.rmSync(path.join(cacheDir, UNFINISHED), { force: true });
      },
    },
  };
}
