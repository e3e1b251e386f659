/**
 * `node scripts/check-links.ts dist [--base /atlas/]`: reads every built HTML page and fails (exit 1),
 * listing every problem with its file, when an internal link or anchor does not resolve. `--base` is
 * the path the site was built for (`astro build --base …`); by default astro.config.mjs's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import config from '../astro.config.mjs';
import { formatDiagnostic } from '#schemas/diagnostic.ts';
import { routes } from '#core/routes.ts';
import { checkLinks, scanHtml, type PageRefs } from './lib/checks/links.ts';

/**
 * Without SITE_URL the site makes no absolute link to itself; links are resolved against a stand-in
 * origin (a reserved name no link can point to), so every absolute link is checked as external.
 */
const UNCONFIGURED_ORIGIN = 'https://unconfigured.invalid';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { base: { type: 'string', default: config.base ?? '/' } } });
const [dir] = positionals;
if (!dir || !fs.existsSync(dir)) {
  console.error('usage: node scripts/check-links.ts DIST_FOLDER [--base /path/]');
  process.exit(2);
}

const files = fs
  .readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
  .sort();
const pages = new Map<string, PageRefs>();
for (const file of files.filter((f) => f.endsWith('.html'))) pages.set(file, scanHtml(fs.readFileSync(path.join(dir, file), 'utf8')));

const problems = checkLinks({ files: new Set(files), pages, origin: config.site === undefined ? UNCONFIGURED_ORIGIN : new URL(config.site).origin, base: routes(args.base).base });
const linkCount = [...pages.values()].reduce((n, p) => n + p.links.length, 0);
for (const p of problems) console.error(formatDiagnostic({ ...p, file: path.join(dir, p.file) }));
console.log(`links: ${linkCount} links in ${pages.size} pages checked, ${problems.length} problems`);
process.exitCode = problems.length > 0 ? 1 : 0;
