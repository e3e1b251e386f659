import { describe, expect, it } from 'vitest';
import { excerpt, matchRanges } from '../../src/lib/search/excerpt.ts';

const term = (text: string, quoted = false) => ({ text, quoted });

describe('matchRanges', () => {
  it('finds every verbatim occurrence of each term and merges overlaps', () => {
    expect(matchRanges('创业担保贷款和创业', [term('创业'), term('业担')])).toEqual([
      { start: 0, end: 3 },
      { start: 7, end: 9 },
    ]);
  });

  it('marks the longest pieces of a term that is not there whole (a typo)', () => {
    const text = '帮助零就业家庭成员就业';
    const ranges = matchRanges(text, [term('零就业家廷')]);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['零就业家']);
  });

  it('marks nothing for a quoted phrase that is not there whole', () => {
    expect(matchRanges('零就业的家庭', [term('零就业家庭', true)])).toEqual([]);
  });

  it('ignores case in Latin letters', () => {
    expect(matchRanges('GDP增长', [term('gdp')])).toEqual([{ start: 0, end: 3 }]);
  });
});

describe('excerpt', () => {
  it('shows a short text whole with its match marked', () => {
    expect(excerpt('加大创业担保贷款工作力度', [term('创业担保贷款')])).toEqual({
      segments: [
        { text: '加大', mark: false },
        { text: '创业担保贷款', mark: true },
        { text: '工作力度', mark: false },
      ],
      cutBefore: false,
      cutAfter: false,
    });
  });

  it('cuts a long text to a window that starts a little before the first match', () => {
    const text = `${'甲'.repeat(100)}零就业家庭${'乙'.repeat(100)}`;
    const { segments, cutBefore, cutAfter } = excerpt(text, [term('零就业家庭')], 40);
    expect(segments).toEqual([
      { text: '甲'.repeat(8), mark: false },
      { text: '零就业家庭', mark: true },
      { text: '乙'.repeat(27), mark: false },
    ]);
    expect([cutBefore, cutAfter]).toEqual([true, true]);
  });
});
