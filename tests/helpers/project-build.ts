import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * What vitest adds to the environment: its NODE_ENV=test and the values of its own import.meta.env
 * (BASE_URL, MODE …), which Astro's server code would read instead of the site's (the pages would
 * lose Astro's base and their line breaks).
 */
const TEST_VARIABLES = new Set(['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST']);

/** The environment of a build as `npm run build` runs it. */
function buildEnvironment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !TEST_VARIABLES.has(name) && !name.startsWith('VITEST')));
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
}

/** Runs a Node script of the project in `site` (a copy of it) with the Node that runs the tests; what it printed. */
export function runInCopy(site: string, script: string, args: readonly string[] = []): string {
  const run = spawnSync(process.execPath, [path.join(site, script), ...args], {
    cwd: site,
    encoding: 'utf8',
    env: buildEnvironment(),
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${script} ${args.join(' ')} failed in ${site}:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
  return run.stdout;
}

/** `astro build` in `site`; the lines it logged. */
export function astroBuild(site: string, args: readonly string[] = []): string[] {
  return runInCopy(site, 'node_modules/astro/bin/astro.mjs', ['build', ...args]).split('\n');
}
