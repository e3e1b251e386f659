import { describe, expect, it } from 'vitest';
import { landing, partIndexAt, partsMeta, readParts, withAnchor, type RecordPart } from '#core/search/record-parts.ts';

/** A table page: its caption's own text (no anchor), then two rows on their anchors. */
const parts: RecordPart[] = [
  { anchor: null, title: '某市措施 附件1 表1', text: '试点项目表', word: 0 },
  { anchor: 'a1-t1.r1', title: '某市措施 附件1 表1 序号1', text: '社保一卡通试点', word: 6 },
  { anchor: 'a1-t1.r2', title: '某市措施 附件1 表1 序号2', text: '创业担保贷款试点', word: 14 },
];

describe('partsMeta and readParts', () => {
  it('keeps a record of one part as it was: its title and text, no parts list', () => {
    expect(partsMeta([{ anchor: null, title: 't', text: 'x', word: 0 }])).toEqual({ title: 't', text: 'x' });
    expect(readParts({ title: 't', text: 'x' })).toEqual([{ anchor: null, title: 't', text: 'x', word: 0 }]);
  });

  it('reads back every part, anchors and first words included', () => {
    expect(readParts(partsMeta(parts))).toEqual(parts);
    const anchored = parts.slice(1).map((p, i) => ({ ...p, word: i === 0 ? 0 : p.word }));
    expect(readParts(partsMeta(anchored))).toEqual(anchored);
  });

  it('fails on a parts list it cannot read, rather than landing results anywhere', () => {
    expect(() => readParts({ title: 't', text: 'x', parts: '[["a", "t", "3", "x"]]' })).toThrow(/not a list/);
  });
});

/** A term matched at these positions (of its first occurrence, as Pagefind's exact search gives them), searched as `texts`. */
const at = (words: number[], ...texts: string[]) => ({ words, texts });

describe('landing', () => {
  it('finds the part holding a word position', () => {
    expect([0, 5, 6, 13, 14, 99].map((w) => partIndexAt(parts, w))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('lands a term on the part holding its first matched word, at its anchor, titled by its citation', () => {
    const landed = landing('/d/a1-t1/', parts, [at([15, 8])]);
    expect(landed.url).toBe('/d/a1-t1/#a1-t1.r1');
    expect(landed.part.title).toBe('某市措施 附件1 表1 序号1');
    expect(landed.part.text).toBe('社保一卡通试点');
    expect(landed.others).toBe(1);
    expect(landed.together).toBe(true);
  });

  it('lands several terms on the first part holding most of them, and says whether it holds them all', () => {
    // The first term stands in the caption and in row 2, the second in row 2 only: row 2 answers both.
    expect(landing('/d/a1-t1/', parts, [at([1, 16]), at([18])])).toMatchObject({ url: '/d/a1-t1/#a1-t1.r2', index: 2, others: 1, together: true });
    // Apart: the caption holds one, row 1 the other; a term found in the context only counts for none.
    expect(landing('/d/a1-t1/', parts, [at([1]), at([7]), at([])])).toMatchObject({ url: '/d/a1-t1/', others: 1, together: false });
  });

  it('counts a term in a later part whose text holds it or a synonym searched for it: Pagefind gives the first occurrence only', () => {
    // 试点 first stands in the caption (position 0), 贷款 in row 2, whose text also holds 试点.
    expect(landing('/d/a1-t1/', parts, [at([0], '试点'), at([18], '贷款')])).toMatchObject({ url: '/d/a1-t1/#a1-t1.r2', others: 2, together: true });
    expect(landing('/d/a1-t1/', parts, [at([0], '示范', '试点'), at([18], '贷款')]).together).toBe(true);
    // Never before the first occurrence: the part holding a term's first matched word is where it first stands.
    expect(landing('/d/a1-t1/', parts, [at([8], '试点')])).toMatchObject({ url: '/d/a1-t1/#a1-t1.r1', others: 1 });
  });

  it('lands on the page itself for its own part, and counts no other part when one part matched', () => {
    expect(landing('/d/a1-t1/', parts, [at([1, 3])])).toMatchObject({ url: '/d/a1-t1/', others: 0 });
  });

  it('lands a match in the context only (no word positions) on the first part', () => {
    expect(landing('/d/a1-t1/', parts, [at([])])).toMatchObject({ url: '/d/a1-t1/', part: parts[0], others: 0, together: true });
    expect(landing('/d/a1-t1/', parts.slice(1), [])).toMatchObject({ url: '/d/a1-t1/#a1-t1.r1', others: 0 });
  });
});

describe('withAnchor', () => {
  it('puts an anchor on a page, replacing one already there rather than nesting it', () => {
    expect(withAnchor('/d/a1-t1/', 'a1-t1.r2/pilot-2')).toBe('/d/a1-t1/#a1-t1.r2/pilot-2');
    expect(withAnchor('/d/a1-t1/#a1-t1.r2', 't1')).toBe('/d/a1-t1/#t1');
    expect(withAnchor('/d/a1-t1/#a1-t1.r2', null)).toBe('/d/a1-t1/');
  });
});
