/**
 * `npm run bench [-- --sizes 5,100,1000,real] [--seed S] [--keep] [--out FILE]`: measures how the build
 * scales. For each size N it builds an isolated copy of the project (a temp folder with the project's
 * files, node_modules linked package by package so caches stay in the copy) on a corpus of N documents:
 * the 5 real ones and N − 5 synthetic ones (scripts/bench/generate-corpus.ts); the size `real` is the
 * 5 seeds and the texts of the ATLAS_SOURCES folders (by default the shared law corpus,
 * ../shared/corpus/laws, read in place). It times ingest, `astro build` and the search
 * index, measures peak memory and output, rebuilds after one source changed (the project's incremental
 * build: Astro renders only the pages whose data or code changed), and builds a bare Astro site with
 * the same pages and text (the floor). Prints a markdown table with the targets and writes it to
 * bench/results/latest.md. Prints figures only: it never fails on a missed target.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { pageLine, pagesBuilt } from '../lib/bench/astro-log.ts';
import { floorEntryId, floorPages, floorSiteFiles, pagePath, textVolume, visibleText, type CorpusText, type FloorPage } from '../lib/bench/floor.ts';
import { checkTargets, formatBytes, formatSeconds, formatTargets, progressLine, resultTable, type Phase, type SizeResult } from '../lib/bench/figures.ts';
import { listFiles } from '#core/list-files.ts';
import { copyProject, linkNodeModules } from '../lib/bench/project-copy.ts';
import { readDocuments } from '../lib/ingest/write.ts';
import { EXTERNAL_OUTPUT, externalSourceFolders, SHARED_CORPUS, SOURCE_FOLDERS_VARIABLE, sourceTextsUnder } from '../lib/ingest/source-folders.ts';
import { measure, type Measured } from './measure.ts';
import { loadSeeds, writeCorpus } from './seeds.ts';

const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    sizes: { type: 'string', default: '5,100,1000,real' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results/latest.md' },
  },
});

const ROOT = process.cwd();
const NODE = process.execPath;
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = path.join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
const MODULES = path.join(ROOT, 'node_modules');
// Not copied: built things, the sources (replaced per size) and what the ingest writes.
const NOT_COPIED = new Set(['dist', '.astro', '.git', 'bench', 'content/sources', 'content/generated/documents', 'build']);
const SITE = 'https://bench.invalid';
/** The folders of the `real` size: ATLAS_SOURCES, or the shared law corpus when it names none. */
const REAL_FOLDERS = (externalSourceFolders().length > 0 ? externalSourceFolders() : [path.join(SHARED_CORPUS, 'laws')]).map((f) => path.resolve(f));

/** A size: N documents (seeds and synthetic ones), or `real`: the seeds and the REAL_FOLDERS texts. */
type Size = number | 'real';
const sizes: Size[] = args.sizes.split(',').map((s) => (s.trim() === 'real' ? 'real' : Number(s)));
const seeds = loadSeeds();
if (sizes.some((n) => n !== 'real' && (!Number.isInteger(n) || n < seeds.length))) {
  console.error(`--sizes: numbers of documents, each at least ${seeds.length} (the real corpus, which the site's editorial pages cite), or real (the seeds and the ATLAS_SOURCES folders)`);
  process.exit(2);
}
const missingFolders = sizes.includes('real') ? REAL_FOLDERS.filter((f) => !fs.existsSync(f)) : [];
if (missingFolders.length > 0) {
  console.error(`--sizes real: no such folder ${missingFolders.join(', ')} (set ATLAS_SOURCES)`);
  process.exit(2);
}

// ---------------------------------------------------------------------------
// Progress: a live line on a terminal, one line per finished step in a log, nothing in CI.

const mode: 'tty' | 'log' | 'quiet' = process.env['CI'] === 'true' || process.env['CI'] === '1' ? 'quiet' : process.stdout.isTTY ? 'tty' : 'log';
const runStarted = Date.now();

function live(line: string): void {
  if (mode === 'tty') process.stdout.write(`\r\x1b[2K${line.slice(0, (process.stdout.columns || 120) - 1)}`);
}

function note(line: string): void {
  if (mode === 'tty') process.stdout.write('\r\x1b[2K');
  if (mode !== 'quiet') console.log(`[${formatSeconds((Date.now() - runStarted) / 1000)}] ${line}`);
}

// ---------------------------------------------------------------------------
// Files

function folderStats(dir: string): { bytes: number; files: number; html: number } {
  if (!fs.existsSync(dir)) return { bytes: 0, files: 0, html: 0 };
  const files = listFiles(dir);
  const bytes = files.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
  return { bytes, files: files.length, html: files.filter((f) => f.endsWith('.html')).length };
}

/** A one-clause edit in the document at `share` of the sorted sources: the kind of change a maintainer makes; structure and ids stay as they were. */
function changeOneSource(dir: string, share: number): string {
  const names = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const name = names[Math.floor(names.length * share)];
  if (name === undefined) throw new Error(`no sources in ${dir}`);
  const file = path.join(dir, name);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.length > 20 && l.trimEnd().endsWith('。'));
  if (at < 0) throw new Error(`${file}: no sentence to change`);
  const line = lines[at] ?? '';
  lines[at] = `${line.trimEnd().slice(0, -1)}，并定期评估落实情况。`;
  fs.writeFileSync(file, lines.join('\n'));
  return `${name}:${at + 1}`;
}

// ---------------------------------------------------------------------------
// Phases

// Each size sets the folders it reads itself: none, or REAL_FOLDERS for `real`.
const childEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', [SOURCE_FOLDERS_VARIABLE]: '' };

type Expectation = { total: number | null; unit: string; expected: number | null };

/** Follows the page lines Astro logs (the pages it renders): documents whose clause pages have started. */
type PageTracker = { consume: (line: string) => boolean; done: () => number };

/** The ids of the copy's documents: each source is named after its sidecar's id; the ATLAS_SOURCES documents are written under theirs. */
function documentIds(site: string): Set<string> {
  const external = path.join(site, EXTERNAL_OUTPUT);
  return new Set([
    ...fs.readdirSync(path.join(site, 'content/sources')).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -'.txt'.length)),
    ...(fs.existsSync(external) ? fs.readdirSync(external).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)) : []),
  ]);
}

function pageTracker(ids: ReadonlySet<string>): PageTracker {
  const documents = new Set<string>();
  return {
    consume(line) {
      const page = pageLine(line);
      if (!page) return false;
      const [first, second] = page.segments;
      // Clause pages (two path segments) come document by document; the document pages themselves all come in one early pass.
      if (first !== undefined && second !== undefined && ids.has(first)) documents.add(first);
      return true;
    },
    done: () => documents.size,
  };
}

/** Runs one step in `cwd`, showing progress; fails the benchmark (with the child's output) when the step fails. */
async function step(what: string, cwd: string, argv: readonly string[], expect: Expectation, pages?: PageTracker, env: NodeJS.ProcessEnv = childEnv): Promise<Measured & { lines: string[] }> {
  let elapsed = 0;
  const kept: string[] = [];
  const show = () => live(progressLine({ what, done: pages ? pages.done() : null, total: expect.total, unit: expect.unit, elapsed, expected: expect.expected }));
  // With --keep, every step's output is kept beside the copy it ran in, to read what a figure came from.
  const log = args.keep ? fs.createWriteStream(path.join(cwd, `bench-${what.replace(/[^\w.-]+/g, '_')}.log`)) : null;
  const result = await measure(NODE, argv, {
    cwd,
    env,
    onLine: (line) => {
      log?.write(`${line}\n`);
      if (!pages?.consume(line)) kept.push(line);
    },
    onTick: (s) => {
      elapsed = s;
      loadSamples.push(os.loadavg()[0] ?? 0);
      show();
    },
  });
  log?.end(result.stderr);
  if (result.code !== 0) {
    note(`${what}: FAILED (exit ${result.code})`);
    console.error([...result.stdoutTail.slice(-20), result.stderr.slice(-4000)].join('\n'));
    throw new Error(`${what} failed in ${cwd}`);
  }
  note(`${what}: ${formatSeconds(result.seconds)}, peak ${formatBytes(result.peakBytes)}`);
  return { ...result, lines: kept };
}

function phase(m: Measured): Phase {
  return { seconds: m.seconds, cpuSeconds: m.cpuSeconds, peakBytes: m.peakBytes };
}

// 1-minute load averages sampled while steps run, to tell a quiet machine from a busy one.
const loadSamples: number[] = [];

function meanLoadSince(start: number): number {
  const samples = loadSamples.slice(start);
  return samples.length === 0 ? (os.loadavg()[0] ?? 0) : samples.reduce((a, b) => a + b, 0) / samples.length;
}

/** The project's own search index step. */
const INDEX_SCRIPT = 'scripts/search-index.ts';

type Previous = { documents: number; ingest: number; astro: number; index: number } | null;

function scaled(previous: Previous, documents: number, seconds: (p: NonNullable<Previous>) => number): number | null {
  return previous ? (seconds(previous) * documents) / previous.documents : null;
}

/** Ingest, Astro build and search index in `cwd`, each timed; counts the pages Astro rendered (the others are kept from the last build). */
async function ourBuild(label: string, cwd: string, documents: number, previous: Previous, env: NodeJS.ProcessEnv) {
  const tag = `[${label}]`;
  const ingest = await step(`${tag} ingest ${documents} documents`, cwd, ['scripts/ingest.ts', '--quiet'], { total: null, unit: '', expected: scaled(previous, documents, (p) => p.ingest) }, undefined, env);
  const pages = pageTracker(documentIds(cwd));
  const astro = await step(`${tag} astro build`, cwd, [ASTRO, 'build'], { total: documents, unit: 'documents', expected: scaled(previous, documents, (p) => p.astro) }, pages, env);
  const index = await step(`${tag} search index (${INDEX_SCRIPT})`, cwd, [INDEX_SCRIPT, 'dist'], { total: null, unit: '', expected: scaled(previous, documents, (p) => p.index) }, undefined, env);
  return { ingest, astro: { ...astro, pages: pagesBuilt(astro.lines) }, index };
}

/** The title and the normalised lines of every ingested document, by id: the corpus text the floor publishes. */
function corpusTexts(site: string): Map<string, CorpusText> {
  const folders = ['content/generated/documents', EXTERNAL_OUTPUT].map((f) => path.join(site, f)).filter((f) => fs.existsSync(f));
  return new Map(folders.flatMap(readDocuments).map((doc) => [doc.id, { title: doc.meta.title, lines: doc.lines }]));
}

/** Characters of visible text over all our built pages: how much text the site renders, against the corpus it renders. */
function ourVisibleText(dist: string): number {
  return listFiles(dist)
    .filter((f) => f.endsWith('.html'))
    .reduce((n, f) => {
      const { title, paragraphs } = visibleText(fs.readFileSync(path.join(dist, f), 'utf8'));
      return n + title.length + paragraphs.reduce((m, p) => m + p.length, 0);
    }, 0);
}

/** Writes the floor site's collection: one JSON file per top-level folder of our output (a document and its nodes). */
function writeFloorContent(site: string, floorDir: string): { pages: number; textChars: number } {
  const paths = listFiles(path.join(site, 'dist')).filter((f) => f.endsWith('.html')).map(pagePath);
  const pages = floorPages(paths, corpusTexts(site));
  const entries = new Map<string, FloorPage[]>();
  for (const page of pages) {
    const id = floorEntryId(page.path);
    entries.set(id, entries.get(id) ?? []);
    entries.get(id)?.push(page);
  }
  const contentDir = path.join(floorDir, 'content/pages');
  fs.mkdirSync(contentDir, { recursive: true });
  for (const [id, list] of entries) fs.writeFileSync(path.join(contentDir, `${id}.json`), JSON.stringify({ pages: list }));
  return { pages: pages.length, textChars: textVolume(pages) };
}

/** The measured copy's `build.concurrency` (Astro's default is 1), for the floor to build with the same. */
async function projectConcurrency(site: string): Promise<number> {
  const config = (await import(pathToFileURL(path.join(site, 'astro.config.mjs')).href)) as { default: { build?: { concurrency?: number } } };
  return config.default.build?.concurrency ?? 1;
}

async function floorBuild(label: string, sizeDir: string, site: string, documents: number): Promise<NonNullable<SizeResult['floor']>> {
  const dir = path.join(sizeDir, 'floor');
  for (const [file, text] of Object.entries(floorSiteFiles(SITE, await projectConcurrency(site)))) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  linkNodeModules(MODULES, dir);
  const { pages, textChars } = writeFloorContent(site, dir);
  const tag = `[${label}] floor`;
  const astro = await step(`${tag}: astro build`, dir, [ASTRO, 'build'], { total: documents, unit: 'documents', expected: null }, pageTracker(documentIds(site)));
  const index = await step(`${tag}: pagefind --site dist`, dir, [PAGEFIND, '--site', 'dist'], { total: null, unit: '', expected: null });
  return { pages, textChars, astro: phase(astro), index: phase(index) };
}

async function measureSize(size: Size, workspace: string, snapshot: string, previous: Previous): Promise<SizeResult> {
  const label = String(size);
  const firstLoadSample = loadSamples.length;
  const sizeDir = path.join(workspace, label);
  const site = path.join(sizeDir, 'site');
  copyProject(snapshot, site, NOT_COPIED, MODULES);
  const sources = path.join(site, 'content/sources');
  const { synthetic, bytes: seedBytes } = writeCorpus(sources, size === 'real' ? seeds.length : size, Number(args.seed), seeds);
  const externalTexts = size === 'real' ? REAL_FOLDERS.flatMap(sourceTextsUnder) : [];
  const bytes = seedBytes + externalTexts.reduce((n, f) => n + fs.statSync(f).size, 0);
  const documents = (size === 'real' ? seeds.length : size) + externalTexts.length;
  const env = size === 'real' ? { ...childEnv, [SOURCE_FOLDERS_VARIABLE]: REAL_FOLDERS.join(':') } : childEnv;
  note(`[${label}] ${documents} sources (${synthetic} synthetic, ${externalTexts.length} read in place from ${REAL_FOLDERS.join(':')}), ${formatBytes(bytes)} of text in ${site}`);

  const full = await ourBuild(label, site, documents, previous, env);
  const dist = path.join(site, 'dist');
  const output = folderStats(dist);
  const indexStats = folderStats(path.join(dist, 'pagefind'));

  const changed = changeOneSource(sources, 0.5);
  note(`[${label}] changed ${changed}; rebuilding with what the first build left`);
  const again = await ourBuild(`${label} rebuild`, site, documents, previous, env);

  const visibleChars = ourVisibleText(dist);
  const floor = await floorBuild(label, sizeDir, site, documents);
  if (!args.keep) fs.rmSync(sizeDir, { recursive: true, force: true });
  return {
    documents,
    synthetic,
    external: externalTexts.length,
    sourceBytes: bytes,
    ingest: phase(full.ingest),
    astro: { ...phase(full.astro), pages: full.astro.pages },
    index: { ...phase(full.index), bytes: indexStats.bytes, files: indexStats.files },
    output: { bytes: output.bytes, files: output.files, htmlPages: output.html, visibleChars },
    rebuild: { ingest: phase(again.ingest), astro: { ...phase(again.astro), rendered: again.astro.pages }, index: phase(again.index) },
    floor,
    load: meanLoadSince(firstLoadSample),
  };
}

// ---------------------------------------------------------------------------
// Report

function git(...argv: string[]): string {
  try {
    return execFileSync('git', argv, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.availableParallelism()} cores (${cpu}), ${formatBytes(os.totalmem())} RAM, ${os.platform()} ${os.release()}, Node ${process.versions.node}`;
}

function report(results: readonly SizeResult[], failures: readonly string[], started: Date): string {
  const astroVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/astro/package.json'), 'utf8')) as { version: string }).version;
  const dirty = git('status', '--porcelain') !== '';
  return [
    `# Build benchmark`,
    '',
    `- date: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC; run took ${formatSeconds((Date.now() - started.getTime()) / 1000)}`,
    `- machine: ${machine()}`,
    `- code: ${git('rev-parse', '--short', 'HEAD') || 'unknown commit'}${dirty ? ' with uncommitted changes' : ''}; Astro ${astroVersion}; search index: ${INDEX_SCRIPT}`,
    `- corpus: the ${seeds.length} real documents plus N − ${seeds.length} synthetic ones recombined from them (scripts/bench/generate-corpus.ts, seed ${args.seed}); the real corpus: the ${seeds.length} seeds and the texts of ${REAL_FOLDERS.join(':')}`,
    `- times are wall clock; memory is the peak resident memory of the step's process tree; the rebuild changes one sentence of one source and runs ingest, Astro and the index again with what the full build left (output folder, page keys, data store, caches)`,
    '',
    results.length > 0 ? resultTable(results) : 'No size was measured.',
    ...(failures.length > 0 ? ['', '## Failed', '', ...failures.map((f) => `- ${f}`)] : []),
    '',
    '## Targets',
    '',
    formatTargets(checkTargets(results)),
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------

const started = new Date();
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-atlas-bench-'));
// One snapshot of the project for every size, so that edits made meanwhile do not change the code between sizes.
const snapshot = path.join(workspace, 'project');
copyProject(ROOT, snapshot, NOT_COPIED, MODULES);
note(`workspace ${workspace}; sizes ${sizes.join(', ')}`);
const results: SizeResult[] = [];
const failures: string[] = [];
let previous: Previous = null;
try {
  for (const documents of sizes) {
    try {
      const r = await measureSize(documents, workspace, snapshot, previous);
      results.push(r);
      previous = { documents: r.documents, ingest: r.ingest.seconds, astro: r.astro.seconds, index: r.index.seconds };
    } catch (error) {
      // A size that fails (a build error, memory) is reported, and the sizes measured so far still are.
      failures.push(`N = ${documents}: ${(error as Error).message}`);
      note(`N = ${documents} failed: ${(error as Error).message}`);
    }
  }
} finally {
  if (!args.keep) fs.rmSync(workspace, { recursive: true, force: true });
}
const text = report(results, failures, started);
fs.mkdirSync(path.dirname(args.out), { recursive: true });
fs.writeFileSync(args.out, text);
live('');
console.log(text);
process.exitCode = failures.length > 0 ? 1 : 0;
