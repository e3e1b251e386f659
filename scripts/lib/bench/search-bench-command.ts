/**
 * What `npm run bench:search` does (scripts/bench-search.ts parses its arguments and calls this):
 * measures the site's search against the committed queries in Debian's Chromium, through the real
 * search page, and the same queries against Pagefind's default setup on the same pages (a second
 * index built with `pagefind --site dist --output-subdir pagefind-default`, queried with its JS API
 * as its default UI does). Prints the report of ./search-scores.ts. Measures only: it asserts
 * nothing and returns 0 once it has run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../tests/helpers/browser.ts';
import { landingId, typeQuery } from '../../../tests/helpers/search-page.ts';
import { serveStatic } from '../../../tests/helpers/static-server.ts';
import { consoleOutput, type CliOutput } from '../cli-output.ts';
import { dedupe, defaultIds, QueryFile, score, searchReport, type Answer, type Bytes, type Query } from './search-scores.ts';

export type SearchBenchOptions = {
  /** Measures the site already in `site` instead of building it first. */
  noBuild: boolean;
  /** Also writes every query's answers and scores to this file. */
  json: string | undefined;
  queries: string;
  site: string;
};

export const DEFAULT_SEARCH_BENCH_OPTIONS: SearchBenchOptions = {
  noBuild: false,
  json: undefined,
  queries: 'tests/search/queries.json',
  site: 'dist',
};

const DEFAULT_SUBDIR = 'pagefind-default';

// ---------------------------------------------------------------------------
// Building

function run(command: string, commandArgs: string[], output: CliOutput): void {
  output.log(`$ ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed`);
}

function build(dist: string, noBuild: boolean, output: CliOutput): void {
  if (!noBuild) run('npm', ['run', 'build'], output);
  if (!fs.existsSync(path.join(dist, 'pagefind', 'pagefind.js'))) throw new Error(`${dist}/pagefind is missing: run without --no-build`);
  fs.rmSync(path.join(dist, DEFAULT_SUBDIR), { recursive: true, force: true });
  run(path.join('node_modules', '.bin', 'pagefind'), ['--site', dist, '--output-subdir', DEFAULT_SUBDIR, '--silent'], output);
}

// ---------------------------------------------------------------------------
// Bytes: what each request fetched, from the file served; text also as a compressing host serves it

const COMPRESSED_BY_HOSTS = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml', '.txt']);

function bytesOf(dist: string, urls: readonly string[]): Bytes {
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    let file = path.join(dist, decodeURIComponent(new URL(url).pathname));
    if (file.endsWith(path.sep)) file = path.join(file, 'index.html');
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) continue;
    const body = fs.readFileSync(file);
    raw += body.length;
    gzip += COMPRESSED_BY_HOSTS.has(path.extname(file)) ? zlib.gzipSync(body, { level: 6 }).length : body.length;
  }
  return { raw, gzip, files: urls.length };
}

/** Records the URLs the page (and its workers) fetch from now on. */
function recordRequests(page: Page): { take(): string[] } {
  let urls: string[] = [];
  page.on('requestfinished', (r) => urls.push(r.url()));
  return {
    take() {
      const taken = urls;
      urls = [];
      return taken;
    },
  };
}

// ---------------------------------------------------------------------------
// The two engines

/** Ours: typing into the search page; the page reports what it rendered. */
async function runOurs(browser: Browser, origin: string, dist: string, queries: readonly Query[]) {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const requests = recordRequests(page);
  await page.goto(`${origin}/search/`);
  await page.waitForLoadState('networkidle');
  const pageLoad = bytesOf(dist, requests.take());
  const answers = new Map<string, Answer>();
  let firstSearch: Bytes | null = null;
  for (const q of queries) {
    const rendered = await typeQuery(page, q.query);
    if (firstSearch === null) firstSearch = bytesOf(dist, requests.take());
    answers.set(q.id, { ids: dedupe(rendered.urls.map(landingId)), ms: rendered.ms });
  }
  const repeats: number[] = [];
  for (const q of queries) repeats.push((await typeQuery(page, q.query)).ms);
  await page.close();
  return { answers, repeats, pageLoad, firstSearch, errors };
}

/** A first search on a fresh page, for its download: `query` decides whether the script converter is loaded. */
async function coldSearch(browser: Browser, origin: string, dist: string, query: string): Promise<{ bytes: Bytes; ms: number }> {
  const page = await browser.newPage();
  const requests = recordRequests(page);
  await page.goto(`${origin}/search/`);
  await page.waitForLoadState('networkidle');
  requests.take();
  const rendered = await typeQuery(page, query);
  const bytes = bytesOf(dist, requests.take());
  await page.close();
  return { bytes, ms: rendered.ms };
}

async function runDefault(browser: Browser, origin: string, dist: string, queries: readonly Query[]) {
  const page = await browser.newPage();
  const requests = recordRequests(page);
  await page.goto(`${origin}/`);
  await page.waitForLoadState('networkidle');
  requests.take();
  const answers = new Map<string, Answer>();
  const repeats: number[] = [];
  let firstSearch: Bytes | null = null;
  for (const q of [...queries, ...queries]) {
    const result = await page.evaluate(
      async ({ query, bundle }) => {
        const started = performance.now();
        const w = window as unknown as { defaultPagefind?: Promise<{ search(q: string): Promise<{ results: { data(): Promise<{ url: string; sub_results: { url: string }[] }> }[] }> }> };
        w.defaultPagefind ??= import(/* @vite-ignore */ bundle);
        const pagefind = await w.defaultPagefind;
        const response = await pagefind.search(query);
        const data = await Promise.all(response.results.slice(0, 10).map((r) => r.data()));
        return { ms: performance.now() - started, pages: data.map((d) => ({ url: d.url, subResults: d.sub_results.map((s) => s.url) })) };
      },
      { query: q.query, bundle: `/${DEFAULT_SUBDIR}/pagefind.js` },
    );
    if (firstSearch === null) firstSearch = bytesOf(dist, requests.take());
    if (answers.has(q.id)) repeats.push(result.ms);
    else answers.set(q.id, { ids: defaultIds(result.pages).slice(0, 10), ms: result.ms });
  }
  await page.close();
  return { answers, repeats, firstSearch };
}

/** Runs the benchmark, prints its report and returns 0; a failed build or a missing index throws. */
export async function runSearchBench(options: Partial<SearchBenchOptions> = {}, output: CliOutput = consoleOutput): Promise<number> {
  const args = { ...DEFAULT_SEARCH_BENCH_OPTIONS, ...options };
  const dist = args.site;
  const { queries } = QueryFile.parse(JSON.parse(fs.readFileSync(args.queries, 'utf8')));
  build(dist, args.noBuild, output);
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const ours = await runOurs(browser, server.origin, dist, queries);
    const defaults = await runDefault(browser, server.origin, dist, queries);
    const coldTraditional = await coldSearch(browser, server.origin, dist, queries.find((q) => q.class === 'traditional')?.query ?? '創業');
    output.log(searchReport({ queries, queriesFile: args.queries, chromium: browser.version(), ours, defaults, coldTraditional }));

    if (args.json !== undefined) {
      const perQuery = queries.map((q) => ({ ...q, ours: ours.answers.get(q.id), default: defaults.answers.get(q.id), scores: { ours: score(q, ours.answers.get(q.id)), default: score(q, defaults.answers.get(q.id)) } }));
      fs.writeFileSync(args.json, `${JSON.stringify({ queries: perQuery, bytes: { pageLoad: ours.pageLoad, ours: ours.firstSearch, oursTraditional: coldTraditional.bytes, default: defaults.firstSearch } }, null, 2)}\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return 0;
}
