import { describe, expect, it } from 'vitest';
import { editOneSentence, pageTracker, parseSizes, progressMode, scaled } from '../../scripts/lib/bench/build-bench-plan.ts';

describe('parseSizes', () => {
  it('reads numbers of documents and real', () => {
    expect(parseSizes('5,100, real', 5)).toEqual({ sizes: [5, 100, 'real'] });
  });

  it('refuses a size below the seeds, a fraction or a word, and says what a size is', () => {
    for (const text of ['4', '5,10.5', 'many']) {
      const parsed = parseSizes(text, 5);
      expect(parsed).toHaveProperty('error');
      expect('error' in parsed && parsed.error).toContain('each at least 5');
    }
  });
});

describe('progressMode', () => {
  it('is quiet in CI, live on a terminal, one line per step in a log', () => {
    expect(progressMode('true', true)).toBe('quiet');
    expect(progressMode('1', false)).toBe('quiet');
    expect(progressMode(undefined, true)).toBe('tty');
    expect(progressMode('false', false)).toBe('log');
  });
});

describe('editOneSentence', () => {
  it('adds a phrase before the 。 of the first long sentence line and leaves the others', () => {
    const lines = ['第一条 短。', '为了促进就业，保障劳动者的合法权益，制定本办法。  ', '其余各条依次类推，不作改动。'];
    const edit = editOneSentence(lines);
    expect(edit?.at).toBe(1);
    expect(edit?.lines).toEqual(['第一条 短。', '为了促进就业，保障劳动者的合法权益，制定本办法，并定期评估落实情况。', lines[2]]);
    expect(lines[1]).toBe('为了促进就业，保障劳动者的合法权益，制定本办法。  ');
  });

  it('finds nothing to edit in headings and short lines', () => {
    expect(editOneSentence(['第一章 总则', '短句。'])).toBeNull();
  });
});

describe('pageTracker', () => {
  it('counts the documents whose clause pages Astro has started, and takes every page line', () => {
    const tracker = pageTracker(new Set(['doc-a', 'doc-b']));
    expect(tracker.consume('16:58:59   ├─ /doc-a/index.html (+3ms) ')).toBe(true);
    expect(tracker.done()).toBe(0);
    expect(tracker.consume('16:58:59   ├─ /doc-a/n-p1/index.html (+3ms) ')).toBe(true);
    expect(tracker.consume('16:58:59   ├─ /doc-a/n-p2/index.html (+3ms) ')).toBe(true);
    expect(tracker.consume('16:58:59   ├─ /departments/x/index.html (+3ms) ')).toBe(true);
    expect(tracker.done()).toBe(1);
    expect(tracker.consume('16:17:45 [build] Collecting build info...')).toBe(false);
  });
});

describe('scaled', () => {
  it('scales the previous size linearly by documents, and knows nothing before the first size', () => {
    expect(scaled({ documents: 100, ingest: 2, astro: 30, index: 4 }, 1000, (p) => p.astro)).toBe(300);
    expect(scaled(null, 1000, (p) => p.astro)).toBeNull();
  });
});
