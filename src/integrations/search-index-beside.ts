import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Set to 0 to build without indexing beside: the index step after the build then does all the work. */
export const BESIDE_VARIABLE = 'ATLAS_INDEX_BESIDE_BUILD';

/** The script, relative to the project's root. */
const SCRIPT = 'scripts/search-index.ts';

interface Running {
  started: number;
  output: string[];
  exit: Promise<number | null>;
}

/**
 * Builds the search bundles while Astro renders the pages. The index is made from the generated
 * documents, not from the pages (scripts/search-index.ts), so it need not wait for them: on two cores
 * the rendering takes about one and the indexing the other. `astro build` starts
 * `search-index.ts --prepare` when it starts and waits for it before it ends; the index step after the
 * build then finds every bundle in its cache and only checks the pages and links the bundles.
 *
 * One bundle at a time (`--jobs 1`): the Astro build's memory and one Pagefind indexer stay under
 * 4 GB together at 1,000 documents. A failure here fails nothing: the index step builds what is
 * missing and reports its own errors.
 */
export function searchIndexBeside(): AstroIntegration {
  let root = '';
  let running: Running | null = null;
  return {
    name: 'policy-atlas:search-index-beside',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': ({ logger }) => {
        if (process.env[BESIDE_VARIABLE] === '0' || !fs.existsSync(path.join(root, SCRIPT))) return;
        const child = spawn(process.execPath, [SCRIPT, '--prepare', '--jobs', '1'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
        const output: string[] = [];
        child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
        child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
        const exit = new Promise<number | null>((resolve) => {
          child.once('error', (error) => {
            output.push(error.message);
            resolve(null);
          });
          child.once('close', (code) => resolve(code));
        });
        running = { started: performance.now(), output, exit };
        logger.info('indexing the documents for search beside the build');
      },
      'astro:build:done': async ({ logger }) => {
        if (running === null) return;
        const { started, output, exit } = running;
        running = null;
        const code = await exit;
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const said = output.join('').trim();
        if (code === 0) logger.info(`${said} (${seconds} s beside the build)`);
        else logger.warn(`indexing beside the build failed (exit ${code}); the index step will build what is missing:\n${said}`);
      },
    },
  };
}
