/**
 * `npm run bench:search [-- --no-build] [--site DIR] [--json FILE]`: measures the site's search against the
 * committed queries (tests/search/queries.json) in Debian's Chromium, through the real search page,
 * and the same queries against Pagefind's default setup on the same pages (a second index built
 * with `pagefind --site dist --output-subdir pagefind-default`, queried with its JS API as its
 * default UI does). Prints recall@10, precision@5 and MRR per query class side by side, the
 * targets (verbatim phrases found and first, traditional = simplified), query latency and the bytes
 * a first search downloads. Measures only: it asserts nothing and always exits 0 once it has run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { z } from 'astro/zod';
import { launchChromium } from '../tests/helpers/browser.ts';
import { landingId, typeQuery } from '../tests/helpers/search-page.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    json: { type: 'string' },
    queries: { type: 'string', default: 'tests/search/queries.json' },
    site: { type: 'string', default: 'dist' },
  },
});

const DIST = args.site;
const DEFAULT_SUBDIR = 'pagefind-default';
const NODE_ID = /^(?:n|m|d\d+|a\d+)(?:-[a-z0-9]+(?:\.[a-z0-9]+)*)?$/;

const Query = z.object({
  id: z.string(),
  class: z.string(),
  query: z.string(),
  relevant: z.array(z.string()).min(1),
  verbatim: z.boolean(),
  sameAs: z.string().optional(),
  intended: z.string().optional(),
  note: z.string().optional(),
});
type Query = z.output<typeof Query>;
const QueryFile = z.object({ about: z.string(), queries: z.array(Query).min(60) });

/** One engine's answer to one query. */
interface Answer {
  ids: string[];
  ms: number;
}

interface Scores {
  recall10: number;
  precision5: number;
  rr: number;
}

// ---------------------------------------------------------------------------
// Building

function run(command: string, commandArgs: string[]): void {
  console.log(`$ ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed`);
}

function build(): void {
  if (!args['no-build']) run('npm', ['run', 'build']);
  if (!fs.existsSync(path.join(DIST, 'pagefind', 'pagefind.js'))) throw new Error(`${DIST}/pagefind is missing: run without --no-build`);
  fs.rmSync(path.join(DIST, DEFAULT_SUBDIR), { recursive: true, force: true });
  run(path.join('node_modules', '.bin', 'pagefind'), ['--site', DIST, '--output-subdir', DEFAULT_SUBDIR, '--silent']);
}

// ---------------------------------------------------------------------------
// Bytes: what each request fetched, from the file served; text also as a compressing host serves it

const COMPRESSED_BY_HOSTS = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml', '.txt']);

interface Bytes {
  raw: number;
  gzip: number;
  files: number;
}

function bytesOf(urls: readonly string[]): Bytes {
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    let file = path.join(DIST, decodeURIComponent(new URL(url).pathname));
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
async function runOurs(browser: Browser, origin: string, queries: readonly Query[]) {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const requests = recordRequests(page);
  await page.goto(`${origin}/search/`);
  await page.waitForLoadState('networkidle');
  const pageLoad = bytesOf(requests.take());
  const answers = new Map<string, Answer>();
  let firstSearch: Bytes | null = null;
  for (const q of queries) {
    const rendered = await typeQuery(page, q.query);
    if (firstSearch === null) firstSearch = bytesOf(requests.take());
    answers.set(q.id, { ids: dedupe(rendered.urls.map(landingId)), ms: rendered.ms });
  }
  const repeats: number[] = [];
  for (const q of queries) repeats.push((await typeQuery(page, q.query)).ms);
  await page.close();
  return { answers, repeats, pageLoad, firstSearch, errors };
}

/** A first search on a fresh page, for its download: `query` decides whether the script converter is loaded. */
async function coldSearch(browser: Browser, origin: string, query: string): Promise<{ bytes: Bytes; ms: number }> {
  const page = await browser.newPage();
  const requests = recordRequests(page);
  await page.goto(`${origin}/search/`);
  await page.waitForLoadState('networkidle');
  requests.take();
  const rendered = await typeQuery(page, query);
  const bytes = bytesOf(requests.take());
  await page.close();
  return { bytes, ms: rendered.ms };
}

interface DefaultPage {
  url: string;
  subResults: string[];
}

/**
 * The default setup's answer as its UI shows it: pages in Pagefind's order, each followed by its
 * sub-results (headings with ids). A document page counts through the clause anchors it lists;
 * any other page (home, search) lands on no clause.
 */
function defaultIds(pages: readonly DefaultPage[]): string[] {
  return dedupe(
    pages.flatMap((p) => {
      const id = landingId(p.url);
      if (id.includes('/')) return [id];
      return p.subResults.flatMap((sub) => {
        const anchor = decodeURIComponent(new URL(sub, 'http://site.invalid').hash.slice(1));
        return NODE_ID.test(anchor) ? [`${id}/${anchor}`] : [];
      });
    }),
  );
}

async function runDefault(browser: Browser, origin: string, queries: readonly Query[]) {
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
    if (firstSearch === null) firstSearch = bytesOf(requests.take());
    if (answers.has(q.id)) repeats.push(result.ms);
    else answers.set(q.id, { ids: defaultIds(result.pages).slice(0, 10), ms: result.ms });
  }
  await page.close();
  return { answers, repeats, firstSearch };
}

function dedupe(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

// ---------------------------------------------------------------------------
// Scores

/**
 * recall@10: share of the relevant clauses in the top 10 (of at most 10); precision@5: share of
 * the top 5 that is relevant, out of min(5, relevant) so that a query with one right answer can
 * score 1; reciprocal rank of the first relevant result in the top 10.
 */
function score(q: Query, answer: Answer | undefined): Scores {
  const ids = answer?.ids.slice(0, 10) ?? [];
  const relevant = new Set(q.relevant);
  const found10 = ids.filter((id) => relevant.has(id)).length;
  const found5 = ids.slice(0, 5).filter((id) => relevant.has(id)).length;
  const first = ids.findIndex((id) => relevant.has(id));
  return {
    recall10: found10 / Math.min(10, relevant.size),
    precision5: found5 / Math.min(5, relevant.size),
    rr: first === -1 ? 0 : 1 / (first + 1),
  };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** A verbatim query meets the target when all its clauses are in the top 10 and the first result is one of them. */
function meetsPhraseTarget(q: Query, answer: Answer | undefined): boolean {
  const ids = answer?.ids.slice(0, 10) ?? [];
  return q.relevant.every((id) => ids.includes(id)) && q.relevant.includes(ids[0] ?? '');
}

// ---------------------------------------------------------------------------
// Report

const f2 = (n: number) => n.toFixed(2);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

function classTable(queries: readonly Query[], ours: Map<string, Answer>, theirs: Map<string, Answer>): string[] {
  const classes = dedupe(queries.map((q) => q.class));
  const rows = [...classes, 'all'].map((cls) => {
    const qs = cls === 'all' ? queries : queries.filter((q) => q.class === cls);
    const a = qs.map((q) => score(q, ours.get(q.id)));
    const b = qs.map((q) => score(q, theirs.get(q.id)));
    const col = (s: Scores[], k: keyof Scores) => f2(mean(s.map((x) => x[k])));
    return [cls, String(qs.length), col(a, 'recall10'), col(b, 'recall10'), col(a, 'precision5'), col(b, 'precision5'), col(a, 'rr'), col(b, 'rr')];
  });
  const header = ['class', 'n', 'R@10 ours', 'default', 'P@5 ours', 'default', 'MRR ours', 'default'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [header, ...rows].map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '));
}

function spread(values: readonly number[]): string {
  return `median ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;
}

/** Cold: the first query of a fresh page. Warm: every other query, first time (index chunks and records fetched as needed). Repeat: all of them again. */
function latencyLine(label: string, answers: Map<string, Answer>, repeats: readonly number[], first: string): string {
  const cold = answers.get(first)?.ms ?? 0;
  const warm = [...answers].filter(([id]) => id !== first).map(([, a]) => a.ms);
  return `${label}: cold ${cold.toFixed(0)} ms; warm ${spread(warm)}; repeated ${spread(repeats)}`;
}

function bytesLine(label: string, bytes: Bytes | null): string {
  return bytes === null ? `${label}: —` : `${label}: ${kb(bytes.gzip)} as served compressed (${kb(bytes.raw)} uncompressed), ${bytes.files} requests`;
}

async function main(): Promise<void> {
  const { queries } = QueryFile.parse(JSON.parse(fs.readFileSync(args.queries, 'utf8')));
  build();
  const server = await serveStatic(DIST);
  const browser = await launchChromium();
  try {
    const ours = await runOurs(browser, server.origin, queries);
    const defaults = await runDefault(browser, server.origin, queries);
    const coldTraditional = await coldSearch(browser, server.origin, queries.find((q) => q.class === 'traditional')?.query ?? '創業');
    const first = queries[0]?.id ?? '';

    const lines: string[] = [];
    lines.push('', `Search benchmark: ${queries.length} queries (${args.queries}), Chromium ${browser.version()}`, '');
    lines.push(...classTable(queries, ours.answers, defaults.answers));
    lines.push('', 'P@5 is out of min(5, number of relevant clauses); R@10 out of min(10, …). Default = Pagefind 1.6 defaults on the same pages.');

    const verbatim = queries.filter((q) => q.verbatim);
    const passOurs = verbatim.filter((q) => meetsPhraseTarget(q, ours.answers.get(q.id)));
    const passDefault = verbatim.filter((q) => meetsPhraseTarget(q, defaults.answers.get(q.id)));
    lines.push('', `Verbatim queries with all their clauses in the top 10 and one of them first: ours ${passOurs.length}/${verbatim.length}, default ${passDefault.length}/${verbatim.length}`);
    for (const q of verbatim.filter((v) => !passOurs.includes(v))) lines.push(`  missed (ours): ${q.id} ${q.query} → ${(ours.answers.get(q.id)?.ids ?? []).slice(0, 5).join(' ')}`);

    const twins = queries.filter((q) => q.sameAs !== undefined);
    const same = (answers: Map<string, Answer>, q: Query) => JSON.stringify(answers.get(q.id)?.ids.slice(0, 10)) === JSON.stringify(answers.get(q.sameAs ?? '')?.ids.slice(0, 10));
    lines.push(`Traditional queries with the same top 10 as their simplified form: ours ${twins.filter((q) => same(ours.answers, q)).length}/${twins.length}, default ${twins.filter((q) => same(defaults.answers, q)).length}/${twins.length}`);

    lines.push('', latencyLine('Latency, ours (typing delay excluded, results rendered)', ours.answers, ours.repeats, first));
    lines.push(latencyLine('Latency, default (search + data of the top 10)', defaults.answers, defaults.repeats, first));
    lines.push('', bytesLine(`Search page load`, ours.pageLoad));
    lines.push(bytesLine(`First search, ours (${queries[0]?.query})`, ours.firstSearch));
    lines.push(bytesLine(`First search, ours, traditional query (converter loaded)`, coldTraditional.bytes));
    lines.push(bytesLine(`First search, default`, defaults.firstSearch));
    if (ours.errors.length > 0) lines.push('', `Console errors on the search page: ${ours.errors.join(' | ')}`);
    console.log(lines.join('\n'));

    if (args.json !== undefined) {
      const perQuery = queries.map((q) => ({ ...q, ours: ours.answers.get(q.id), default: defaults.answers.get(q.id), scores: { ours: score(q, ours.answers.get(q.id)), default: score(q, defaults.answers.get(q.id)) } }));
      fs.writeFileSync(args.json, `${JSON.stringify({ queries: perQuery, bytes: { pageLoad: ours.pageLoad, ours: ours.firstSearch, oursTraditional: coldTraditional.bytes, default: defaults.firstSearch } }, null, 2)}\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
