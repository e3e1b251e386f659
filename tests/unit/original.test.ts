import { describe, expect, it } from 'vitest';
import { alignOriginal, differsWithin, originalPieces, originalWithin, withoutArtefacts } from '../../src/lib/original.ts';
import type { Document } from '#schemas/document.ts';

type Source = Pick<Document, 'originalLines' | 'lines' | 'drops' | 'normalisation' | 'script'>;

const source = (over: Partial<Source>): Source => ({ originalLines: [], lines: [], drops: [], normalisation: {}, script: 'traditional', ...over });

describe('withoutArtefacts', () => {
  it('removes text dropped by normalisation rules, in the order each pass met it, and keeps text dropped by parsing', () => {
    const doc = source({
      originalLines: ['(一)創(chuàng)業(yè)當?shù)人數(shù)。辦法'],
      lines: ['(一)创业当?人数办法'],
      normalisation: { 'pinyin-annotation': 4, t2s: 6 },
      // The bracketed pass ran over the whole line before the orphaned pass came back for shù).
      drops: [
        { rule: 'pinyin-annotation', line: 1, text: '(chuàng)' },
        { rule: 'pinyin-annotation', line: 1, text: '(yè)' },
        { rule: 'pinyin-annotation', line: 1, text: '(shù)' },
        { rule: 'pinyin-annotation', line: 1, text: 'shù)' },
        { rule: 'title-full-stop', line: 1, text: '。' },
      ],
    });
    expect(withoutArtefacts(doc)).toEqual(['(一)創業當?人數。辦法']);
  });
});

describe('alignOriginal and originalPieces', () => {
  // The parser's drop of the full stop after a title is not an artefact: the line keeps it.
  const original = alignOriginal(
    source({
      originalLines: ['(六)加大創業擔保貸款工作力度。將農村', '無法對齊的行', '相同'],
      lines: ['(六)加大创业担保贷款工作力度。将农村', '无法对齐', '相同'],
      drops: [{ rule: 'title-full-stop', line: 1, text: '。' }],
    }),
  );

  it('keeps a line only where it lines up character for character with the normalised line', () => {
    expect(original.aligned).toEqual(['(六)加大創業擔保貸款工作力度。將農村', null, '相同']);
    expect(original.lang).toBe('zh-Hant');
  });

  it('finds label, title and text one after another on their line', () => {
    expect(
      originalPieces(original, [
        { line: 1, text: '(六)' },
        { line: 1, text: '加大创业担保贷款工作力度' },
        { line: 1, text: '将农村' },
        { line: 2, text: '无法' },
        { line: 3, text: '不在' },
      ]),
    ).toEqual(['(六)', '加大創業擔保貸款工作力度', '將農村', null, null]);
    expect(originalWithin(original, 1, 3, '相同')).toBe('相同');
    expect(differsWithin(original, 1, 1)).toBe(true);
    expect(differsWithin(original, 2, 3)).toBe(false);
  });

  it('takes the widened punctuation into the published text: only the script is switched', () => {
    const widened = alignOriginal(
      source({ originalLines: ['(一)加強,就業', '(二)稳就业,保就业', '(三)a,b'], lines: ['（一）加强，就业', '（二）稳就业，保就业', '（三）a,b'] }),
    );
    expect(widened.aligned).toEqual(['（一）加強，就業', '（二）稳就业，保就业', '（三）a,b']);
    expect(originalPieces(widened, [{ line: 1, text: '（一）' }, { line: 1, text: '加强，就业' }])).toEqual(['（一）', '加強，就業']);
    expect(differsWithin(widened, 1, 1)).toBe(true);
    expect(differsWithin(widened, 2, 3)).toBe(false);
  });

  it('lines up by code point where a character takes two UTF-16 units', () => {
    // 𠮷 (U+20BB7) is one code point in two UTF-16 units: the offsets of the two lines differ after it.
    const astral = alignOriginal(source({ originalLines: ['𠮷領取補貼'], lines: ['吉领取补贴'] }));
    expect(astral.aligned).toEqual(['𠮷領取補貼']);
    expect(originalPieces(astral, [{ line: 1, text: '吉' }, { line: 1, text: '补贴' }])).toEqual(['𠮷', '補貼']);
  });

  it('keeps a line published as normalised as the normalised string itself', () => {
    const same = alignOriginal(source({ originalLines: ['就业补贴'], lines: ['就业补贴'], script: 'simplified' }));
    expect(same.aligned[0]).toBe(same.normalised[0]);
    expect(originalPieces(same, [{ line: 1, text: '补贴' }])).toEqual(['补贴']);
    expect(differsWithin(same, 1, 1)).toBe(false);
  });
});
