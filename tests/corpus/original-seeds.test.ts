/**
 * The published original text of committed seeds. The alignment rules are unit tests on crafted
 * lines (tests/unit/original.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { alignOriginal, differsWithin, originalPieces } from '../../src/lib/original.ts';
import { generatedDocument } from '../helpers/generated.ts';

describe('alignOriginal and originalPieces', () => {
  it('gives the published traditional text of a Xiangtan clause without its pinyin annotations', () => {
    const xiangtan = generatedDocument('xiangtan-2019-stabilise-employment');
    const original = alignOriginal(xiangtan);
    expect(originalPieces(original, [{ line: 16, text: '加大创业担保贷款工作力度' }])).toEqual(['加大創業擔保貸款工作力度']);
  });

  it('finds nothing to switch in a document published in simplified characters', () => {
    const yibin = generatedDocument('yibin-yfbh-2014-282');
    expect(differsWithin(alignOriginal(yibin), 1, yibin.lines.length)).toBe(false);
    expect(alignOriginal(yibin).lang).toBeUndefined();
  });
});
