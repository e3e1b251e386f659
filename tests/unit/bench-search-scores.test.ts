import { describe, expect, it } from 'vitest';
import { bytesLine, classTable, defaultIds, latencyLine, meetsPhraseTarget, percentile, score, searchReport, type Answer, type Query } from '../../scripts/lib/bench/search-scores.ts';

const query = (id: string, relevant: string[], extra: Partial<Query> = {}): Query => ({ id, class: 'phrase', query: `问${id}`, relevant, verbatim: true, ...extra });
const answer = (ids: string[], ms = 10): Answer => ({ ids, ms });

describe('score', () => {
  it('counts recall in the top 10, precision in the top 5 out of min(5, relevant), and the first relevant rank', () => {
    const q = query('q1', ['d/a', 'd/b']);
    expect(score(q, answer(['d/x', 'd/a', 'd/y', 'd/z', 'd/w', 'd/b']))).toEqual({ recall10: 1, precision5: 0.5, rr: 0.5 });
    expect(score(q, undefined)).toEqual({ recall10: 0, precision5: 0, rr: 0 });
  });

  it('ignores what comes after the tenth result', () => {
    const ids = [...Array.from({ length: 10 }, (_, i) => `d/n${i}`), 'd/a'];
    expect(score(query('q', ['d/a']), answer(ids)).recall10).toBe(0);
  });
});

describe('meetsPhraseTarget', () => {
  it('needs every relevant clause in the top 10 and one of them first', () => {
    const q = query('q', ['d/a', 'd/b']);
    expect(meetsPhraseTarget(q, answer(['d/b', 'd/x', 'd/a']))).toBe(true);
    expect(meetsPhraseTarget(q, answer(['d/x', 'd/a', 'd/b']))).toBe(false);
    expect(meetsPhraseTarget(q, answer(['d/a']))).toBe(false);
  });
});

describe('defaultIds', () => {
  it('takes a clause page as it is and a document page through the clause anchors of its sub-results, once each', () => {
    const pages = [
      { url: '/doc/m-1.2/', subResults: [] },
      { url: '/doc/', subResults: ['/doc/#m-1.3', '/doc/#intro', '/doc/#m-1.2'] },
      { url: '/search/', subResults: ['/search/#results'] },
    ];
    expect(defaultIds(pages)).toEqual(['doc/m-1.2', 'doc/m-1.3']);
  });
});

describe('percentile', () => {
  it('picks the value at the rank, and 0 for no values', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 95)).toBe(5);
    expect(percentile([], 50)).toBe(0);
  });
});

describe('the report', () => {
  const queries = [query('q1', ['d/a']), query('q2', ['d/b'], { class: 'traditional', verbatim: false, sameAs: 'q1' })];
  const ours = new Map([['q1', answer(['d/a'], 40)], ['q2', answer(['d/a'], 12)]]);
  const theirs = new Map([['q1', answer(['d/x', 'd/a'], 30)], ['q2', answer(['d/b'], 8)]]);

  it('tabulates scores per class and over all, ours beside the default', () => {
    const table = classTable(queries, ours, theirs);
    expect(table[0]).toMatch(/^class +n +R@10 ours +default +P@5 ours +default +MRR ours +default$/);
    expect(table.slice(1).map((row) => row.split(/ +/))).toEqual([
      ['phrase', '1', '1.00', '1.00', '1.00', '1.00', '1.00', '0.50'],
      ['traditional', '1', '0.00', '1.00', '0.00', '1.00', '0.00', '1.00'],
      ['all', '2', '0.50', '1.00', '0.50', '1.00', '0.50', '0.75'],
    ]);
  });

  it('reads latency as cold (the first query), warm (the others) and repeated', () => {
    expect(latencyLine('L', ours, [3, 5], 'q1')).toBe('L: cold 40 ms; warm median 12.0 ms, p95 12.0 ms, max 12.0 ms; repeated median 5.0 ms, p95 5.0 ms, max 5.0 ms');
  });

  it('gives bytes as served compressed and uncompressed, or a dash when nothing was measured', () => {
    expect(bytesLine('B', { raw: 4096, gzip: 1024, files: 3 })).toBe('B: 1 KB as served compressed (4 KB uncompressed), 3 requests');
    expect(bytesLine('B', null)).toBe('B: —');
  });

  it('states the phrase and traditional targets with the misses, and the console errors', () => {
    const bytes = { raw: 2048, gzip: 1024, files: 1 };
    const text = searchReport({
      queries,
      queriesFile: 'queries.json',
      chromium: '1.0',
      ours: { answers: ours, repeats: [1, 2], pageLoad: bytes, firstSearch: bytes, errors: ['boom'] },
      defaults: { answers: theirs, repeats: [1, 2], firstSearch: null },
      coldTraditional: { bytes },
    });
    expect(text).toContain('Search benchmark: 2 queries (queries.json), Chromium 1.0');
    expect(text).toContain('Verbatim queries with all their clauses in the top 10 and one of them first: ours 1/1, default 0/1');
    expect(text).toContain('Traditional queries with the same top 10 as their simplified form: ours 1/1, default 0/1');
    expect(text).toContain('First search, default: —');
    expect(text).toContain('Console errors on the search page: boom');
  });
});
