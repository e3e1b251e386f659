/**
 * `node scripts/check-links.ts dist [--base /atlas/]`: reads every built HTML page and fails (exit 1),
 * listing every problem with its file, when an internal link or anchor does not resolve. `--base` is
 * the path the site was built for (`astro build --base …`); by default astro.config.mjs's. The work
 * is runCheckLinks's (scripts/lib/checks/check-links-command.ts).
 */
import { parseArgs } from 'node:util';
import config from '../astro.config.mjs';
import { CHECK_LINKS_USAGE, runCheckLinks } from './lib/checks/check-links-command.ts';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { base: { type: 'string', default: config.base ?? '/' } } });
const [dir] = positionals;
if (!dir) {
  console.error(CHECK_LINKS_USAGE);
  process.exit(2);
}
process.exitCode = runCheckLinks({ dir, base: args.base, site: config.site });
