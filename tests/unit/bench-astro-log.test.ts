import { describe, expect, it } from 'vitest';
import { pageLine, pagesBuilt } from '../../scripts/lib/bench/astro-log.ts';

describe('pageLine', () => {
  it('reads pages and endpoints, quick or slow', () => {
    expect(pageLine('16:58:59   ├─ /bench-00006/n-p1/index.html (+3ms) ')).toEqual({ segments: ['bench-00006', 'n-p1'] });
    expect(pageLine('16:20:01   ├─ /targets/index.html (+3.82s) ')).toEqual({ segments: ['targets'] });
    expect(pageLine('16:58:52   ├─ /data/clauses.json/ (+18ms) ')).toEqual({ segments: ['data', 'clauses.json'] });
    expect(pageLine('15:06:08   └─ /index.html (+4ms) ')).toEqual({ segments: [] });
  });

  it('ignores every other line', () => {
    expect(pageLine('16:17:45 [build] Collecting build info...')).toBeNull();
    expect(pageLine(' generating static routes ')).toBeNull();
  });
});

describe('pagesBuilt', () => {
  it('finds the closing count', () => {
    expect(pagesBuilt(['16:20:19 [build] ✓ Completed in 2m 34s.', '16:20:19 [build] 56124 page(s) built in 2m 43s', '16:20:19 [build] Complete!'])).toBe(56124);
    expect(pagesBuilt(['nothing'])).toBe(0);
  });
});
