/** Figures of the build benchmark, the targets they are held against, and how both are printed. */

/** One timed child process: wall-clock seconds, CPU seconds (user + system, when measured) and the peak resident memory of its process tree. */
export type Phase = { seconds: number; cpuSeconds: number | null; peakBytes: number };

/** Everything measured for one corpus size. */
export type SizeResult = {
  documents: number;
  /** How many of the documents are synthetic; 0 for the real corpus as committed. */
  synthetic: number;
  /** How many of the documents come from the ATLAS_SOURCES folders (the shared laws) beside the seeds; 0 otherwise. */
  external: number;
  sourceBytes: number;
  ingest: Phase;
  astro: Phase & { pages: number };
  index: Phase & { bytes: number; files: number };
  /** visibleChars: characters of visible text over all our HTML pages. */
  output: { bytes: number; files: number; htmlPages: number; visibleChars: number };
  /**
   * After one source changed, with what the first build left (the output folder, the page keys in
   * `node_modules/.astro`, `node_modules/.vite`, the caches); `rendered`: the
   * pages Astro rendered rather than kept from the first build.
   */
  rebuild: { ingest: Phase; astro: Phase & { rendered: number }; index: Phase } | null;
  /** The bare-Astro site with the same pages carrying the corpus text once (textChars), indexed with `pagefind --site`. */
  floor: { pages: number; textChars: number; astro: Phase; index: Phase } | null;
  /** The machine's mean 1-minute load average while this size was measured: above the number of cores, other work slowed the wall-clock times. */
  load: number;
};

export type Target = { name: string; pass: boolean | null; detail: string };

export const LIMITS = {
  realEndToEndSeconds: 60,
  largeDocuments: 1000,
  largeEndToEndSeconds: 300,
  largePeakBytes: 4 * 1024 ** 3,
  // Issue 16: our build (Astro and index) within 1.5× the bare-Astro + Pagefind floor.
  floorRatio: 1.5,
  rebuildSpeedup: 3,
} as const;

/** Ingest, Astro build and search index, one after the other. */
export function endToEnd(r: SizeResult): number {
  return r.ingest.seconds + r.astro.seconds + r.index.seconds;
}

/** The part of our build the floor also does: the Astro build and the search index. */
export function siteBuild(r: SizeResult): number {
  return r.astro.seconds + r.index.seconds;
}

/** The rebuild after one changed source: ingest, Astro and index again. */
export function rebuildSeconds(r: SizeResult): number | null {
  return r.rebuild ? r.rebuild.ingest.seconds + r.rebuild.astro.seconds + r.rebuild.index.seconds : null;
}

/** How many times faster the rebuild after one changed source is than the full build; null when not measured. */
export function speedupOf(r: SizeResult): number | null {
  const seconds = rebuildSeconds(r);
  return seconds === null ? null : endToEnd(r) / seconds;
}

/** The largest peak of any phase of the full build. */
export function peakBytes(r: SizeResult): number {
  return Math.max(r.ingest.peakBytes, r.astro.peakBytes, r.index.peakBytes);
}

/** Our Astro build plus index over the floor's; null without a floor. */
export function floorRatio(r: SizeResult): number | null {
  return r.floor ? siteBuild(r) / (r.floor.astro.seconds + r.floor.index.seconds) : null;
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(s < 10 ? 2 : 1)} s`;
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

export function formatBytes(b: number): string {
  if (b < 1024 ** 2) return `${(b / 1024).toFixed(0)} KB`;
  if (b < 1024 ** 3) return `${(b / 1024 ** 2).toFixed(1)} MB`;
  return `${(b / 1024 ** 3).toFixed(2)} GB`;
}

/** Wall-clock time, with the CPU time when it was measured: `12.5 s (CPU 11.9 s)`. */
export function formatPhase(p: Phase): string {
  return p.cpuSeconds === null ? formatSeconds(p.seconds) : `${formatSeconds(p.seconds)} (CPU ${formatSeconds(p.cpuSeconds)})`;
}

/** The summed CPU time of phases, or – when any was not measured. */
function cpuOf(phases: readonly Phase[]): string {
  const cpu = phases.map((p) => p.cpuSeconds);
  return cpu.every((c): c is number => c !== null) ? formatSeconds(cpu.reduce((a, b) => a + b, 0)) : '–';
}

function millions(n: number): string {
  return n < 1e6 ? `${(n / 1e3).toFixed(0)} k` : `${(n / 1e6).toFixed(1)} M`;
}

function ratio(x: number | null): string {
  return x === null ? '–' : `${x.toFixed(2)}×`;
}

function rate(n: number, seconds: number, unit: string): string {
  return seconds > 0 ? `${(n / seconds).toFixed(n / seconds < 10 ? 2 : 0)} ${unit}` : '–';
}

/** The figures as a markdown table: one row per figure, one column per corpus size. */
export function resultTable(results: readonly SizeResult[]): string {
  const rows: [string, (r: SizeResult) => string][] = [
    ['documents', (r) => String(r.documents)],
    ['source text', (r) => formatBytes(r.sourceBytes)],
    ['**ingest** time', (r) => formatPhase(r.ingest)],
    ['ingest throughput', (r) => rate(r.sourceBytes / 1e6, r.ingest.seconds, 'MB/s')],
    ['ingest peak memory', (r) => formatBytes(r.ingest.peakBytes)],
    ['**Astro build** time', (r) => formatPhase(r.astro)],
    ['pages built (Astro)', (r) => String(r.astro.pages)],
    ['pages per second', (r) => rate(r.astro.pages, r.astro.seconds, 'pages/s')],
    ['Astro peak memory', (r) => formatBytes(r.astro.peakBytes)],
    ['**search index** time', (r) => formatPhase(r.index)],
    ['index size (files)', (r) => `${formatBytes(r.index.bytes)} (${r.index.files})`],
    ['index peak memory', (r) => formatBytes(r.index.peakBytes)],
    ['**end to end** (ingest + Astro + index)', (r) => formatSeconds(endToEnd(r))],
    ['… CPU time of the three', (r) => cpuOf([r.ingest, r.astro, r.index])],
    ['peak memory (any phase)', (r) => formatBytes(peakBytes(r))],
    ['output size (files)', (r) => `${formatBytes(r.output.bytes)} (${r.output.files})`],
    ['HTML pages', (r) => String(r.output.htmlPages)],
    ['visible text on our pages', (r) => `${millions(r.output.visibleChars)} chars${r.floor ? ` (${(r.output.visibleChars / r.floor.textChars).toFixed(1)}× the corpus text)` : ''}`],
    ['**rebuild** after one source changed', (r) => (r.rebuild ? formatSeconds(rebuildSeconds(r) ?? 0) : '–')],
    ['… of which ingest / Astro / index', (r) => (r.rebuild ? [r.rebuild.ingest, r.rebuild.astro, r.rebuild.index].map(formatPhase).join(' / ') : '–')],
    ['… pages Astro rendered (the rest kept)', (r) => (r.rebuild ? `${r.rebuild.astro.rendered} of ${r.astro.pages}` : '–')],
    ['… peak memory (any phase)', (r) => (r.rebuild ? formatBytes(Math.max(r.rebuild.ingest.peakBytes, r.rebuild.astro.peakBytes, r.rebuild.index.peakBytes)) : '–')],
    ['full build ÷ rebuild', (r) => ratio(speedupOf(r))],
    ['**floor**: bare Astro build', (r) => (r.floor ? formatPhase(r.floor.astro) : '–')],
    ['floor: `pagefind --site`', (r) => (r.floor ? formatPhase(r.floor.index) : '–')],
    ['floor: pages, text (the corpus once)', (r) => (r.floor ? `${r.floor.pages}, ${millions(r.floor.textChars)} chars` : '–')],
    ['floor peak memory', (r) => (r.floor ? formatBytes(Math.max(r.floor.astro.peakBytes, r.floor.index.peakBytes)) : '–')],
    ['**our build ÷ floor** (Astro + index)', (r) => ratio(floorRatio(r))],
    ['our Astro ÷ floor Astro', (r) => ratio(r.floor ? r.astro.seconds / r.floor.astro.seconds : null)],
    ['machine load (mean 1-min load average)', (r) => r.load.toFixed(1)],
  ];
  const header = `| figure | ${results.map(sizeName).join(' | ')} |`;
  const rule = `| --- | ${results.map(() => '---:').join(' | ')} |`;
  return [header, rule, ...rows.map(([name, cell]) => `| ${name} | ${results.map(cell).join(' | ')} |`)].join('\n');
}

/** `N = 1000`, `N = 5 (real corpus)`, or for the seeds with the shared laws `N = 120 (real corpus: 5 seeds + 115 laws)`. */
export function sizeName(r: SizeResult): string {
  if (r.external > 0) return `N = ${r.documents} (real corpus: ${r.documents - r.external} seeds + ${r.external} laws)`;
  return `N = ${r.documents}${r.synthetic === 0 ? ' (real corpus)' : ''}`;
}

/** Each target with ✓, ✗ or (not measured in this run) –. */
export function checkTargets(results: readonly SizeResult[]): Target[] {
  // The real corpus: the seeds with the ATLAS_SOURCES texts when the run had them, else the seeds alone.
  const real = results.find((r) => r.synthetic === 0 && r.external > 0) ?? results.find((r) => r.synthetic === 0);
  const large = results.find((r) => r.documents === LIMITS.largeDocuments);
  const withFloor = results.filter((r) => r.floor !== null);
  const ratios = withFloor.map((r) => `N=${r.documents}: ${ratio(floorRatio(r))}`).join(', ');
  const rebuilt = large ? rebuildSeconds(large) : null;
  const speedup = large ? speedupOf(large) : null;
  return [
    {
      name: `real corpus end to end under ${LIMITS.realEndToEndSeconds} s`,
      pass: real ? endToEnd(real) < LIMITS.realEndToEndSeconds : null,
      detail: real ? formatSeconds(endToEnd(real)) : 'not measured',
    },
    {
      name: `${LIMITS.largeDocuments} documents under ${LIMITS.largeEndToEndSeconds / 60} min, peak memory under ${formatBytes(LIMITS.largePeakBytes)}`,
      pass: large ? endToEnd(large) < LIMITS.largeEndToEndSeconds && peakBytes(large) < LIMITS.largePeakBytes : null,
      detail: large ? `${formatSeconds(endToEnd(large))}, ${formatBytes(peakBytes(large))}` : 'not measured',
    },
    {
      name: `our build at most ${LIMITS.floorRatio}× the bare-Astro floor at every N`,
      pass: withFloor.length > 0 ? withFloor.every((r) => (floorRatio(r) ?? Infinity) <= LIMITS.floorRatio) : null,
      detail: withFloor.length > 0 ? ratios : 'not measured',
    },
    {
      name: `rebuild after one changed source at least ${LIMITS.rebuildSpeedup}× faster than a full build at N = ${LIMITS.largeDocuments}`,
      pass: speedup === null ? null : speedup >= LIMITS.rebuildSpeedup,
      detail: large && rebuilt !== null ? `${ratio(speedup)} (${formatSeconds(endToEnd(large))} → ${formatSeconds(rebuilt)})` : 'not measured',
    },
  ];
}

export function formatTargets(targets: readonly Target[]): string {
  return targets.map((t) => `- ${t.pass === null ? '–' : t.pass ? '✓' : '✗'} ${t.name}: ${t.detail}`).join('\n');
}

/** A one-line progress report: what is running, how far, elapsed and (when the total is known) the time left. */
export function progressLine(p: { what: string; done: number | null; total: number | null; unit: string; elapsed: number; expected: number | null }): string {
  const count = p.done === null ? null : p.total === null ? `${p.done} ${p.unit}` : `${p.done}/${p.total} ${p.unit}`;
  const left = estimateLeft(p);
  return `${p.what}: ${[count, `${formatSeconds(p.elapsed)} elapsed`, left === null ? null : `~${formatSeconds(left)} left`].filter((x) => x !== null).join(', ')}`;
}

/** Time left from the share done so far, or from an expected duration when nothing can be counted. */
export function estimateLeft(p: { done: number | null; total: number | null; elapsed: number; expected: number | null }): number | null {
  if (p.done !== null && p.total !== null && p.done > 0) return Math.max(0, (p.elapsed * (p.total - p.done)) / p.done);
  if (p.expected !== null) return Math.max(0, p.expected - p.elapsed);
  return null;
}
