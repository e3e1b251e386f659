/**
 * What `npm run bench` does (scripts/bench/run.ts parses its arguments and calls this): measures how
 * the build scales. For each size N it builds an isolated copy of the project (a temp folder with the
 * project's files, node_modules linked package by package so caches stay in the copy) on a corpus of
 * N documents: the 5 real ones and N − 5 synthetic ones (scripts/bench/generate-corpus.ts); the size
 * `real` is the 5 seeds and the texts of the ATLAS_SOURCES folders (by default the shared law corpus,
 * ../shared/corpus/laws, read in place). It times ingest, `astro build` and the search index, measures
 * peak memory and output, rebuilds after one source changed (the project's incremental build: Astro
 * renders only the pages whose data or code changed), and builds a bare Astro site with the same pages
 * and text (the floor). Prints a markdown table with the targets and writes it to `out`. Prints
 * figures only: it never fails on a missed target.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { listFiles } from '#core/list-files.ts';
import { consoleOutput, type CliOutput } from '../cli-output.ts';
import { readDocuments } from '../ingest/write.ts';
import { COMMITTED_OUTPUT, EXTERNAL_OUTPUT } from '#core/document-files.ts';
import { externalSourceFolders, SHARED_CORPUS, SOURCE_FOLDERS_VARIABLE, sourceTextsUnder } from '../ingest/source-folders.ts';
import { pagesBuilt } from './astro-log.ts';
import { editOneSentence, pageTracker, parseSizes, scaled, type PageTracker, type Previous, type ProgressMode, type Size } from './build-bench-plan.ts';
import { checkTargets, formatBytes, formatSeconds, formatTargets, progressLine, resultTable, type Phase, type SizeResult } from './figures.ts';
import { floorEntryId, floorPages, floorSiteFiles, pagePath, textVolume, visibleText, type CorpusText, type FloorPage } from './floor.ts';
import { measure, type Measured } from './measure.ts';
import { copyProject, linkNodeModules } from './project-copy.ts';
import { loadSeeds, writeCorpus } from './seeds.ts';

export type BuildBenchOptions = {
  /** `5,100,1000,real`: see parseSizes. */
  sizes: string;
  /** The seed of the synthetic corpus. */
  seed: string;
  /** Keeps the copies and every step's log in the temp folder. */
  keep: boolean;
  /** Where the report is written. */
  out: string;
  progress: ProgressMode;
  /** The terminal's width, for the live line. */
  columns: number;
};

export const DEFAULT_BUILD_BENCH_OPTIONS: BuildBenchOptions = {
  sizes: '5,100,1000,real',
  seed: '1',
  keep: false,
  out: 'bench/results/latest.md',
  progress: 'log',
  columns: 120,
};

const ROOT = process.cwd();
const NODE = process.execPath;
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = path.join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
const MODULES = path.join(ROOT, 'node_modules');
// Not copied: built things, the sources (replaced per size) and what the ingest writes.
const NOT_COPIED = new Set(['dist', '.astro', '.git', 'bench', 'content/sources', 'content/generated/documents', 'build']);
const SITE = 'https://bench.invalid';
/** The project's own search index step. */
const INDEX_SCRIPT = 'scripts/search-index.ts';

// Each size sets the folders it reads itself: none, or the real folders for `real`.
const childEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', [SOURCE_FOLDERS_VARIABLE]: '' };

type Expectation = { total: number | null; unit: string; expected: number | null };

// ---------------------------------------------------------------------------
// Files

function folderStats(dir: string): { bytes: number; files: number; html: number } {
  if (!fs.existsSync(dir)) return { bytes: 0, files: 0, html: 0 };
  const files = listFiles(dir);
  const bytes = files.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
  return { bytes, files: files.length, html: files.filter((f) => f.endsWith('.html')).length };
}

/** Edits one sentence (editOneSentence) in the document at `share` of the sorted sources; returns `file:line`. */
function changeOneSource(dir: string, share: number): string {
  const names = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const name = names[Math.floor(names.length * share)];
  if (name === undefined) throw new Error(`no sources in ${dir}`);
  const file = path.join(dir, name);
  const edit = editOneSentence(fs.readFileSync(file, 'utf8').split('\n'));
  if (!edit) throw new Error(`${file}: no sentence to change`);
  fs.writeFileSync(file, edit.lines.join('\n'));
  return `${name}:${edit.at + 1}`;
}

/** The ids of the copy's documents: each source is named after its sidecar's id; the ATLAS_SOURCES documents are written under theirs. */
function documentIds(site: string): Set<string> {
  const external = path.join(site, EXTERNAL_OUTPUT);
  return new Set([
    ...fs.readdirSync(path.join(site, 'content/sources')).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -'.txt'.length)),
    ...(fs.existsSync(external) ? fs.readdirSync(external).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)) : []),
  ]);
}

function phase(m: Measured): Phase {
  return { seconds: m.seconds, cpuSeconds: m.cpuSeconds, peakBytes: m.peakBytes };
}

/** The title and the normalised lines of every ingested document, by id: the corpus text the floor publishes. */
function corpusTexts(site: string): Map<string, CorpusText> {
  const folders = [COMMITTED_OUTPUT, EXTERNAL_OUTPUT].map((f) => path.join(site, f)).filter((f) => fs.existsSync(f));
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

type ReportContext = { seedCount: number; seed: string; realFolders: readonly string[]; started: Date };

function report(results: readonly SizeResult[], failures: readonly string[], { seedCount, seed, realFolders, started }: ReportContext): string {
  const astroVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/astro/package.json'), 'utf8')) as { version: string }).version;
  const dirty = git('status', '--porcelain') !== '';
  return [
    `# Build benchmark`,
    '',
    `- date: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC; run took ${formatSeconds((Date.now() - started.getTime()) / 1000)}`,
    `- machine: ${machine()}`,
    `- code: ${git('rev-parse', '--short', 'HEAD') || 'unknown commit'}${dirty ? ' with uncommitted changes' : ''}; Astro ${astroVersion}; search index: ${INDEX_SCRIPT}`,
    `- corpus: the ${seedCount} real documents plus N − ${seedCount} synthetic ones recombined from them (scripts/bench/generate-corpus.ts, seed ${seed}); the real corpus: the ${seedCount} seeds and the texts of ${realFolders.join(':')}`,
    `- times are wall clock; memory is the peak resident memory of the step's process tree; the rebuild changes one sentence of one source and runs ingest, Astro and the index again with what the full build left (output folder, page keys, caches)`,
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

/**
 * Writes the file system's dirty pages out before a step is timed (coreutils `sync`), so that one
 * step's output (830 MB at N = 1000) is not still being flushed while the next one runs: on this
 * machine the same 22,000 small writes took 1 s or 20 s depending on what was still pending.
 */
function flushWrites(): void {
  try {
    execFileSync('sync', { stdio: 'ignore' });
  } catch {
    // No `sync` command: the steps are timed as they come.
  }
}

/** Runs the benchmark and returns its exit code: 2 on bad arguments, 1 when a size failed, else 0. */
export async function runBuildBench(options: Partial<BuildBenchOptions> = {}, output: CliOutput = consoleOutput): Promise<number> {
  const args = { ...DEFAULT_BUILD_BENCH_OPTIONS, ...options };
  /** The folders of the `real` size: ATLAS_SOURCES, or the shared law corpus when it names none. */
  const realFolders = (externalSourceFolders().length > 0 ? externalSourceFolders() : [path.join(SHARED_CORPUS, 'laws')]).map((f) => path.resolve(f));
  const seeds = loadSeeds();
  const parsed = parseSizes(args.sizes, seeds.length);
  if ('error' in parsed) {
    output.error(parsed.error);
    return 2;
  }
  const { sizes } = parsed;
  const missingFolders = sizes.includes('real') ? realFolders.filter((f) => !fs.existsSync(f)) : [];
  if (missingFolders.length > 0) {
    output.error(`--sizes real: no such folder ${missingFolders.join(', ')} (set ATLAS_SOURCES)`);
    return 2;
  }

  // Progress: a live line on a terminal, one line per finished step in a log, nothing in CI.
  const runStarted = Date.now();
  const live = (line: string): void => {
    if (args.progress === 'tty') output.write(`\r\x1b[2K${line.slice(0, (args.columns || 120) - 1)}`);
  };
  const note = (line: string): void => {
    if (args.progress === 'tty') output.write('\r\x1b[2K');
    if (args.progress !== 'quiet') output.log(`[${formatSeconds((Date.now() - runStarted) / 1000)}] ${line}`);
  };

  // 1-minute load averages sampled while steps run, to tell a quiet machine from a busy one.
  const loadSamples: number[] = [];
  const meanLoadSince = (start: number): number => {
    const samples = loadSamples.slice(start);
    return samples.length === 0 ? (os.loadavg()[0] ?? 0) : samples.reduce((a, b) => a + b, 0) / samples.length;
  };

  /** Runs one step in `cwd`, showing progress; fails the benchmark (with the child's output) when the step fails. */
  async function step(what: string, cwd: string, argv: readonly string[], expect: Expectation, pages?: PageTracker, env: NodeJS.ProcessEnv = childEnv): Promise<Measured & { lines: string[] }> {
    let elapsed = 0;
    const kept: string[] = [];
    const show = () => live(progressLine({ what, done: pages ? pages.done() : null, total: expect.total, unit: expect.unit, elapsed, expected: expect.expected }));
    // With --keep, every step's output is kept beside the copy it ran in, to read what a figure came from.
    const log = args.keep ? fs.createWriteStream(path.join(cwd, `bench-${what.replace(/[^\w.-]+/g, '_')}.log`)) : null;
    flushWrites();
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
      output.error([...result.stdoutTail.slice(-20), result.stderr.slice(-4000)].join('\n'));
      throw new Error(`${what} failed in ${cwd}`);
    }
    note(`${what}: ${formatSeconds(result.seconds)}, peak ${formatBytes(result.peakBytes)}`);
    return { ...result, lines: kept };
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
    const externalTexts = size === 'real' ? realFolders.flatMap(sourceTextsUnder) : [];
    const bytes = seedBytes + externalTexts.reduce((n, f) => n + fs.statSync(f).size, 0);
    const documents = (size === 'real' ? seeds.length : size) + externalTexts.length;
    const env = size === 'real' ? { ...childEnv, [SOURCE_FOLDERS_VARIABLE]: realFolders.join(':') } : childEnv;
    note(`[${label}] ${documents} sources (${synthetic} synthetic, ${externalTexts.length} read in place from ${realFolders.join(':')}), ${formatBytes(bytes)} of text in ${site}`);

    const full = await ourBuild(label, site, documents, previous, env);
    const dist = path.join(site, 'dist');
    const built = folderStats(dist);
    const indexStats = folderStats(path.join(dist, 'pagefind'));

    const changed = changeOneSource(sources, 0.5);
    note(`[${label}] changed ${changed}; rebuilding with what the first build left`);
    const again = await ourBuild(`${label} rebuild`, site, documents, previous, env);

    const visibleChars = ourVisibleText(dist);
    const floor = await floorBuild(label, sizeDir, site, documents);
    // The copies are removed with the workspace, after the last size: deleting 100,000 files here would
    // still be written back to disk while the next size is timed.
    return {
      documents,
      synthetic,
      external: externalTexts.length,
      sourceBytes: bytes,
      ingest: phase(full.ingest),
      astro: { ...phase(full.astro), pages: full.astro.pages },
      index: { ...phase(full.index), bytes: indexStats.bytes, files: indexStats.files },
      output: { bytes: built.bytes, files: built.files, htmlPages: built.html, visibleChars },
      rebuild: { ingest: phase(again.ingest), astro: { ...phase(again.astro), rendered: again.astro.pages }, index: phase(again.index) },
      floor,
      load: meanLoadSince(firstLoadSample),
    };
  }

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
  const text = report(results, failures, { seedCount: seeds.length, seed: args.seed, realFolders, started });
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, text);
  live('');
  output.log(text);
  return failures.length > 0 ? 1 : 0;
}
