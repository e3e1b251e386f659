import { describe, expect, it } from 'vitest';
import {
  checkTargets,
  endToEnd,
  estimateLeft,
  floorRatio,
  formatBytes,
  formatSeconds,
  formatTargets,
  progressLine,
  resultTable,
  sizeName,
  speedupOf,
  type SizeResult,
} from '../../scripts/lib/bench/figures.ts';

const MB = 1024 ** 2;
const GB = 1024 ** 3;

function result(documents: number, synthetic: number, s: { ingest: number; astro: number; index: number; rebuild: number; floor: number; peak: number }): SizeResult {
  return {
    documents,
    synthetic,
    external: 0,
    sourceBytes: documents * 20_000,
    ingest: { seconds: s.ingest, cpuSeconds: s.ingest * 0.9, peakBytes: 200 * MB },
    astro: { seconds: s.astro, cpuSeconds: null, peakBytes: s.peak, pages: documents * 50 },
    index: { seconds: s.index, cpuSeconds: null, peakBytes: 100 * MB, bytes: 3 * MB, files: 400 },
    output: { bytes: 6 * MB, files: documents * 52, htmlPages: documents * 50, visibleChars: 30_000_000 },
    rebuild: {
      ingest: { seconds: s.rebuild / 4, cpuSeconds: null, peakBytes: 150 * MB },
      astro: { seconds: s.rebuild / 2, cpuSeconds: null, peakBytes: s.peak / 2, rendered: 60 },
      index: { seconds: s.rebuild / 4, cpuSeconds: null, peakBytes: 0 },
    },
    floor: { pages: documents * 50, textChars: 1_500_000, astro: { seconds: s.floor / 2, cpuSeconds: null, peakBytes: 300 * MB }, index: { seconds: s.floor / 2, cpuSeconds: null, peakBytes: 50 * MB } },
    load: 1.5,
  };
}

const real = result(5, 0, { ingest: 1, astro: 8, index: 1, rebuild: 8, floor: 4, peak: 500 * MB });
const large = result(1000, 995, { ingest: 60, astro: 600, index: 40, rebuild: 600, floor: 100, peak: 5 * GB });

describe('derived figures', () => {
  it('adds the phases and compares with the floor and the rebuild', () => {
    expect(endToEnd(real)).toBe(10);
    expect(floorRatio(real)).toBe(2.25);
    expect(speedupOf(large)).toBeCloseTo(700 / 600, 10);
  });
});

describe('formatting', () => {
  it('prints seconds and bytes the way people read them', () => {
    expect(formatSeconds(4.844)).toBe('4.84 s');
    expect(formatSeconds(47.26)).toBe('47.3 s');
    expect(formatSeconds(754)).toBe('12 min 34 s');
    expect(formatSeconds(179.6)).toBe('3 min 00 s');
    expect(formatBytes(512 * 1024)).toBe('512 KB');
    expect(formatBytes(171.9 * MB)).toBe('171.9 MB');
    expect(formatBytes(5 * GB)).toBe('5.00 GB');
  });

  it('prints one row per figure and one column per size', () => {
    const lines = resultTable([real, large]).split('\n');
    expect(sizeName({ ...real, documents: 120, external: 115 })).toBe('N = 120 (real corpus: 5 seeds + 115 laws)');
    expect(lines[0]).toBe('| figure | N = 5 (real corpus) | N = 1000 |');
    expect(lines[1]).toBe('| --- | ---: | ---: |');
    expect(lines).toContain('| **end to end** (ingest + Astro + index) | 10.0 s | 11 min 40 s |');
    expect(lines).toContain('| pages per second | 31 pages/s | 83 pages/s |');
    expect(lines).toContain('| **our build ÷ floor** (Astro + index) | 2.25× | 6.40× |');
    expect(lines).toContain('| full build ÷ rebuild | 1.25× | 1.17× |');
    expect(lines).toContain('| **ingest** time | 1.00 s (CPU 0.90 s) | 1 min 00 s (CPU 54.0 s) |');
    expect(lines).toContain('| machine load (mean 1-min load average) | 1.5 | 1.5 |');
    expect(lines).toContain('| visible text on our pages | 30.0 M chars (20.0× the corpus text) | 30.0 M chars (20.0× the corpus text) |');
    expect(lines).toContain('| floor: pages, text (the corpus once) | 250, 1.5 M chars | 50000, 1.5 M chars |');
    expect(lines).toContain('| … pages Astro rendered (the rest kept) | 60 of 250 | 60 of 50000 |');
    expect(lines).toContain('| … peak memory (any phase) | 250.0 MB | 2.50 GB |');
    expect(lines).toContain('| … CPU time of the three | – | – |');
    expect(lines.length).toBe(32);
  });
});

describe('checkTargets', () => {
  it('marks each target passed, missed or not measured', () => {
    const targets = checkTargets([real, large]);
    expect(targets.map((t) => t.pass)).toEqual([true, false, false, false]);
    expect(targets[1]?.detail).toBe('11 min 40 s, 5.00 GB');
    expect(targets[2]?.detail).toBe('N=5: 2.25×, N=1000: 6.40×');
    expect(targets[3]?.detail).toBe('1.17× (11 min 40 s → 10 min 00 s)');
    expect(formatTargets(targets).split('\n')[0]).toBe('- ✓ real corpus end to end under 60 s: 10.0 s');
    expect(checkTargets([real]).map((t) => t.pass)).toEqual([true, null, false, null]);
    // With the shared laws beside the seeds, that run is the real corpus the first target reads.
    const laws = { ...real, documents: 120, external: 115, ingest: { ...real.ingest, seconds: 70 } };
    expect(checkTargets([real, laws])[0]?.detail).toBe(checkTargets([laws])[0]?.detail);
    expect(checkTargets([laws])[0]?.pass).toBe(false);
  });
});

describe('progress', () => {
  it('estimates the time left from the share done, or from the expected duration', () => {
    expect(estimateLeft({ done: 250, total: 1000, elapsed: 30, expected: null })).toBe(90);
    expect(estimateLeft({ done: null, total: null, elapsed: 30, expected: 100 })).toBe(70);
    expect(estimateLeft({ done: 0, total: 1000, elapsed: 3, expected: null })).toBeNull();
    expect(progressLine({ what: '[1000] astro build', done: 250, total: 1000, unit: 'pages', elapsed: 30, expected: null })).toBe('[1000] astro build: 250/1000 pages, 30.0 s elapsed, ~1 min 30 s left');
    expect(progressLine({ what: '[1000] ingest', done: null, total: null, unit: '', elapsed: 3, expected: null })).toBe('[1000] ingest: 3.00 s elapsed');
  });
});
