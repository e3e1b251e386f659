/**
 * What `npm run bench:search [-- --size N] [--no-build] [--site DIR --documents DIR] [--default] [--json FILE]`:
 * does (scripts/bench-search.ts parses the arguments): measures the site's search against tests/search/queries.json in Debian's Chromium, through the real
 * search page: top-1 and recall@10 per query class (relevant pages by hand or by rule, evaluated
 * over the corpus measured), latency per class and the bytes a first search downloads.
 *
 * - without --size: the project's own site (dist/, built first unless --no-build);
 * - --size N: a copy of the project in $TMPDIR/policy-atlas-bench-search/<project>/size-N with
 *   the benchmark corpus of N documents (the 5 real ones and N − 5 synthetic ones, as `npm run bench`
 *   makes them), built there (ingest, astro build, search index; the copy is kept, so a rebuild is
 *   incremental);
 * - --site DIR --documents DIR: a site built elsewhere (an older version, for before/after tables);
 *   --sample N measures the first N queries of each class only (an engine too slow for all of them).
 * --default also measures Pagefind's default setup on the same pages (`pagefind --site`, slow and
 * memory-hungry at 1,000 documents: 48 s and 5.9 GB). Measures only: it asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { EXTERNAL_OUTPUT } from '#core/document-files.ts';
import { copyProject } from './project-copy.ts';
import { classScores, landingId, scoreQuery, type QueryScore, type SearchQuery } from './search-quality.ts';
import { loadSeeds, writeCorpus } from './seeds.ts';
import { launchChromium } from './browser.ts';
import { typeQuery } from './search-page.ts';
import { pageAnswers, readQueries, relevantSets, statuteAnswers, STATUTE_CLASS, type Answer } from './search-quality-run.ts';
import { serveStatic } from './static-server.ts';

/** The options of `npm run bench:search` (scripts/bench-search.ts parses them). */
export type SearchBenchOptions = {
  size?: string | undefined;
  seed: string;
  noBuild: boolean;
  default: boolean;
  json?: string | undefined;
  queries: string;
  site?: string | undefined;
  documents?: string | undefined;
  sample?: string | undefined;
};

const ROOT = process.cwd();
const DEFAULT_SUBDIR = 'pagefind-default';
const NODE_ID = /^(?:n|m|d\d+|a\d+)(?:-[a-z0-9]+(?:\.[a-z0-9]+)*)?$/;
// Not copied into a sized copy: built things, the real sources (the copy gets its own corpus), the ingest's output.
const NOT_COPIED = new Set(['dist', '.astro', '.git', 'bench', 'tmp', 'node_modules', 'content/sources', 'content/generated/documents']);

function run(command: string, commandArgs: string[], cwd = ROOT): void {
  console.log(`$ ${command} ${commandArgs.join(' ')}${cwd === ROOT ? '' : `   (in ${cwd})`}`);
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', cwd });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed`);
}

/** A copy of the project with a corpus of `size` documents, built; the copy is kept for the next run. */
function sizedSite(size: number, args: SearchBenchOptions): { site: string; documents: string } {
  // Outside the project (a copy cannot sit inside what it copies), kept between runs.
  const dir = path.join(os.tmpdir(), 'policy-atlas-bench-search', path.basename(ROOT), `size-${size}`);
  const fresh = !fs.existsSync(path.join(dir, 'package.json'));
  if (!args.noBuild) {
    // The project's code is copied anew on every run; the corpus, the build output and the caches stay.
    for (const entry of fs.readdirSync(ROOT)) {
      if (entry === 'content' || NOT_COPIED.has(entry)) continue;
      fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
    }
    fs.mkdirSync(dir, { recursive: true });
    const keep = new Set([...NOT_COPIED, 'content/sources', 'content/generated/documents']);
    copyProject(ROOT, dir, keep, path.join(ROOT, 'node_modules'));
    if (fresh || !fs.existsSync(path.join(dir, 'content/sources'))) {
      const { synthetic, bytes } = writeCorpus(path.join(dir, 'content/sources'), size, Number(args.seed), loadSeeds());
      console.log(`corpus: 5 real + ${synthetic} synthetic sources (${(bytes / 1e6).toFixed(1)} MB)`);
    }
    fs.mkdirSync(path.join(dir, 'content/generated/documents'), { recursive: true });
    run(process.execPath, ['scripts/ingest.ts', '--quiet'], dir);
    run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], dir);
    run(process.execPath, ['scripts/search-index.ts', 'dist'], dir);
  }
  return { site: path.join(dir, 'dist'), documents: path.join(dir, 'content/generated/documents') };
}

function target(args: SearchBenchOptions): { site: string; documents: string } {
  if (args.site !== undefined) return { site: args.site, documents: args.documents ?? path.join(args.site, '..', 'content/generated/documents') };
  if (args.size !== undefined) {
    const size = Number(args.size);
    if (!Number.isInteger(size) || size < 5) throw new Error('--size: a number of documents, at least 5 (the real corpus)');
    if (size > 5) return sizedSite(size, args);
  }
  if (!args.noBuild) run('npm', ['run', 'build']);
  return { site: 'dist', documents: 'content/generated/documents' };
}

// ---------------------------------------------------------------------------
// Bytes: what each request fetched, from the file served; text also as a compressing host serves it

const COMPRESSED_BY_HOSTS = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml', '.txt']);

interface Bytes {
  raw: number;
  gzip: number;
  files: number;
}

function bytesOf(site: string, urls: readonly string[]): Bytes {
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    let file = path.join(site, decodeURIComponent(new URL(url).pathname));
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

/** What a request fetched, for the breakdown of a first search: Pagefind's files by kind, the rest by extension. */
function requestKind(url: string): string {
  const file = new URL(url).pathname;
  const pagefind = /\.(pf_meta|pf_index|pf_fragment|pf_filter|wasm)$/.exec(file)?.[1];
  if (pagefind !== undefined) return pagefind;
  return file.includes('/pagefind/') ? 'pagefind other' : (path.extname(file).slice(1) || 'page');
}

/** The bytes of each kind of request, largest first. */
function breakdown(site: string, urls: readonly string[]): string {
  const kinds = new Map<string, string[]>();
  for (const url of urls) kinds.set(requestKind(url), [...(kinds.get(requestKind(url)) ?? []), url]);
  return [...kinds]
    .map(([kind, list]) => ({ kind, bytes: bytesOf(site, list) }))
    .sort((a, b) => b.bytes.gzip - a.bytes.gzip)
    .map(({ kind, bytes }) => `${kind} ${kb(bytes.gzip)} (${bytes.files})`)
    .join(', ');
}

/** A first search on a fresh page: its time, what it downloaded, and what the page had fetched once open (before any search). */
async function coldSearch(browser: Browser, origin: string, site: string, query: string): Promise<{ bytes: Bytes; ms: number; kinds: string; opening: Bytes }> {
  const page = await browser.newPage();
  const requests = recordRequests(page);
  await page.goto(`${origin}/search/`);
  await page.waitForLoadState('networkidle');
  const opening = bytesOf(site, requests.take());
  const rendered = await typeQuery(page, query);
  const urls = requests.take();
  await page.close();
  return { bytes: bytesOf(site, urls), ms: rendered.ms, kinds: breakdown(site, urls), opening };
}

// ---------------------------------------------------------------------------
// Pagefind's default setup, for comparison (--default)

function defaultIds(pages: readonly { url: string; subResults: string[] }[]): string[] {
  return [
    ...new Set(
      pages.flatMap((p) => {
        const id = landingId(p.url);
        if (id.includes('/')) return [id];
        return p.subResults.flatMap((sub) => {
          const anchor = decodeURIComponent(new URL(sub, 'http://site.invalid').hash.slice(1));
          return NODE_ID.test(anchor) ? [`${id}/${anchor}`] : [];
        });
      }),
    ),
  ];
}

async function runDefault(browser: Browser, origin: string, queries: readonly SearchQuery[]): Promise<Map<string, Answer>> {
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  const answers = new Map<string, Answer>();
  for (const q of queries) {
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
    answers.set(q.id, { ids: defaultIds(result.pages).slice(0, 10), ms: result.ms });
  }
  await page.close();
  return answers;
}

// ---------------------------------------------------------------------------
// Report

const f2 = (n: number) => n.toFixed(2);
const ms = (n: number) => `${n.toFixed(0)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function table(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [line(header), `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`, ...rows.map(line)];
}

function scoresOf(queries: readonly SearchQuery[], relevant: ReadonlyMap<string, string[]>, answers: ReadonlyMap<string, Answer>): Map<string, QueryScore> {
  return new Map(queries.map((q) => [q.id, scoreQuery(q, relevant.get(q.id) ?? [], answers.get(q.id)?.ids ?? [])]));
}

/** Runs the benchmark and prints its tables; measures only, so it always exits 0 once it has run. */
export async function runSearchBench(args: SearchBenchOptions): Promise<number> {
  // --sample N: the first N queries of each class (and the twins they need), for a slow engine.
  const all = readQueries(args.queries);
  const sample = args.sample === undefined ? null : Number(args.sample);
  const picked = sample === null ? all : all.filter((q) => all.filter((o) => o.class === q.class).indexOf(q) < sample);
  const twins = new Set(picked.flatMap((q) => (q.sameAs === undefined ? [] : [q.sameAs])));
  const queries = sample === null ? all : all.filter((q) => picked.includes(q) || twins.has(q.id));
  const { site, documents } = target(args);
  if (!fs.existsSync(path.join(site, 'pagefind', 'pagefind.js'))) throw new Error(`${site}/pagefind is missing: build it first`);
  if (args.default) {
    fs.rmSync(path.join(site, DEFAULT_SUBDIR), { recursive: true, force: true });
    run(path.join(ROOT, 'node_modules', '.bin', 'pagefind'), ['--site', site, '--output-subdir', DEFAULT_SUBDIR, '--silent']);
  }
  const relevant = relevantSets(queries, documents);
  const server = await serveStatic(site);
  const browser = await launchChromium();
  try {
    // The first query of a fresh page is the cold search; every other one is timed as it comes.
    const cold = await coldSearch(browser, server.origin, site, queries[0]?.query ?? '创业担保贷款');
    const traditional = await coldSearch(browser, server.origin, site, queries.find((q) => q.class === 'traditional')?.query ?? '創業');
    const open = async () => {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/search/`);
      return page;
    };
    // One line a query on stderr, so that a long run shows where it is.
    const progress = (done: number, q: SearchQuery, a: Answer) => process.stderr.write(`[${done}/${queries.length}] ${q.id} ${ms(a.ms)}\n`);
    const { answers: shown, crashed } = await pageAnswers(open, queries, progress);
    const ours = new Map([...shown, ...statuteAnswers(queries)]);
    const theirs = args.default ? await runDefault(browser, server.origin, queries) : null;

    const jsonIn = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.json')).length : 0);
    const judged = jsonIn(documents);
    // The project's own site also holds the ATLAS_SOURCES documents (src/core/document-files.ts); the
    // queries' relevant pages are judged over the documents folder alone, so the header says so.
    const documentCount = judged + (site === 'dist' ? jsonIn(EXTERNAL_OUTPUT) : 0);
    const basis = documentCount === judged ? '' : `; relevance judged on the ${judged} of ${documents} only, so pages of the others count as misses`;
    const lines: string[] = ['', `Search benchmark: ${documentCount} documents (${site}${basis}), ${queries.length} queries (${args.queries}), Chromium ${browser.version()}`, ''];
    const our = classScores(queries, scoresOf(queries, relevant, ours));
    const their = theirs === null ? null : classScores(queries, scoresOf(queries, relevant, theirs));
    const latency = (name: string) => {
      const list = queries.filter((q) => (name === 'all' || q.class === name) && q.class !== STATUTE_CLASS && q.id !== queries[0]?.id).flatMap((q) => ours.get(q.id)?.ms ?? []).filter((t) => !Number.isNaN(t));
      return list.length === 0 ? ['—', '—', '—'] : [ms(percentile(list, 50)), ms(percentile(list, 95)), ms(Math.max(...list))];
    };
    lines.push(
      ...table(
        ['class', 'n', 'top-1', 'R@10', ...(their === null ? [] : ['top-1 default', 'R@10 default']), 'p50', 'p95', 'max'],
        our.map((c, i) => [
          c.name,
          String(c.queries),
          f2(c.top1),
          f2(c.recall10),
          ...(their === null ? [] : [f2(their[i]?.top1 ?? 0), f2(their[i]?.recall10 ?? 0)]),
          ...(c.name === STATUTE_CLASS ? ['(fixture)', '', ''] : latency(c.name)),
        ]),
      ),
    );
    lines.push('', 'top-1: the first page shown is relevant (class nothing: nothing is shown); R@10 out of min(10, relevant pages). Latency: from the search starting (after the typing pause) to its results on screen, every query but the first, first time asked; statute citations are resolved against the crafted fixture, not timed.');
    if (crashed.length > 0) lines.push(`The search page crashed (and was opened anew) on ${crashed.length} queries, counted as showing nothing: ${crashed.join(' ')}`);
    const twins = queries.filter((q) => q.sameAs !== undefined);
    const same = twins.filter((q) => JSON.stringify(ours.get(q.id)?.ids.slice(0, 10)) === JSON.stringify(ours.get(q.sameAs ?? '')?.ids.slice(0, 10)));
    lines.push(`Traditional queries with the same top 10 as their simplified form: ${same.length}/${twins.length}`);
    const missed = queries.filter((q) => scoreQuery(q, relevant.get(q.id) ?? [], ours.get(q.id)?.ids ?? []).top1 < 1);
    for (const q of missed) lines.push(`  missed top-1: ${q.id} ${q.query} → ${(ours.get(q.id)?.ids ?? []).slice(0, 3).join(' ')}`);
    lines.push('', `First search on a fresh page (${queries[0]?.query}): ${ms(cold.ms)}, ${kb(cold.bytes.gzip)} as served compressed (${kb(cold.bytes.raw)} uncompressed), ${cold.bytes.files} requests`);
    lines.push(`  of which: ${cold.kinds}`);
    lines.push(`  the page itself, opened before the search: ${kb(cold.opening.gzip)} compressed, ${cold.opening.files} requests`);
    lines.push(`First search, traditional query (converter loaded): ${ms(traditional.ms)}, ${kb(traditional.bytes.gzip)} compressed (${kb(traditional.bytes.raw)}), ${traditional.bytes.files} requests`);
    console.log(lines.join('\n'));
    if (args.json !== undefined) {
      fs.writeFileSync(args.json, `${JSON.stringify({ queries: queries.map((q) => ({ ...q, relevant: relevant.get(q.id), ours: ours.get(q.id), default: theirs?.get(q.id) })), cold, traditional }, null, 2)}\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return 0;
}
