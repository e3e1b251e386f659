/**
 * What `node scripts/check-links.ts dist [--base /atlas/]` does: reads every built HTML page and
 * lists every internal link or anchor that does not resolve, with its file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatDiagnostic } from '#schemas/diagnostic.ts';
import { routes } from '#core/routes.ts';
import { consoleOutput, type CliOutput } from '../cli-output.ts';
import { checkLinks, scanHtml, type PageRefs } from './links.ts';

export const CHECK_LINKS_USAGE = 'usage: node scripts/check-links.ts DIST_FOLDER [--base /path/]';

/** `dir` the build, `base` the path it was built for, `site` the site's URL (astro.config.mjs's `site`). */
export type CheckLinksOptions = { dir: string; base: string; site: string | undefined };

/** Checks the links; the exit code is 1 on any problem, 2 when the folder or the site's URL is missing. */
export function runCheckLinks({ dir, base, site }: CheckLinksOptions, output: CliOutput = consoleOutput): number {
  if (!fs.existsSync(dir)) {
    output.error(CHECK_LINKS_USAGE);
    return 2;
  }
  if (site === undefined) {
    output.error('astro.config.mjs sets no `site`: absolute links to the site cannot be told from external ones');
    return 2;
  }
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  const pages = new Map<string, PageRefs>();
  for (const file of files.filter((f) => f.endsWith('.html'))) pages.set(file, scanHtml(fs.readFileSync(path.join(dir, file), 'utf8')));

  const problems = checkLinks({ files: new Set(files), pages, origin: new URL(site).origin, base: routes(base).base });
  const linkCount = [...pages.values()].reduce((n, p) => n + p.links.length, 0);
  for (const p of problems) output.error(formatDiagnostic({ ...p, file: path.join(dir, p.file) }));
  output.log(`links: ${linkCount} links in ${pages.size} pages checked, ${problems.length} problems`);
  return problems.length > 0 ? 1 : 0;
}
