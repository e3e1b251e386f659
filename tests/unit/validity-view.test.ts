import { describe, expect, it } from 'vitest';
import { asOfDate, documentValidity, measureWindows } from '#core/validity-view.ts';
import { worksOf } from '#core/works.ts';
import type { DateMention } from '#schemas/entities.ts';
import { testDocument } from '../helpers/document-builder.ts';

const range = (text: string, start: string, end: string, sentence: string): DateMention => ({ documentId: 'd', clauseId: 'm-1', line: 1, sentence, text, kind: 'range', start, end, yearInferred: false });

describe('measureWindows', () => {
  it('takes a period that opens its sentence as the measure’s window, and says whether it has ended', () => {
    const windows = measureWindows(
      [
        range('2019年1月1日至12月31日', '2019-01-01', '2019-12-31', '2019年1月1日至12月31日，对参保企业返还失业保险费。'),
        range('2016—2017年', '2016', '2017', '第二阶段，2016—2017年，抓提升。'),
        range('2019年1月至2020年2月', '2019-01', '2020-02', '2019年1月至2020年2月，给予补贴。'),
      ],
      '2020-02-15',
    );
    expect(windows).toEqual([
      { text: '2019年1月1日至12月31日', start: '2019-01-01', end: '2019-12-31', ended: true },
      { text: '2019年1月至2020年2月', start: '2019-01', end: '2020-02-29', ended: false },
    ]);
  });
});

describe('documentValidity', () => {
  const older = { ...testDocument({ id: 'v2018', meta: { date: '2018-11-22', effective: '2019-01-01' }, lines: ['x'], blocks: [] }), workId: 'w' };
  const newer = { ...testDocument({ id: 'v2024', meta: { date: '2024-12-31', effective: '2025-03-01' }, lines: ['x'], blocks: [] }), workId: 'w' };
  const work = worksOf([older, newer]).get('w') ?? null;

  it('marks an older version of a work as amended by the next, with the period it was the text', () => {
    expect(documentValidity(older, work, '2026-01-01')).toMatchObject({ status: '已修改', code: 'amended', replacedBy: { documentId: 'v2024' }, period: { from: '2018-11-22', until: '2024-12-31' } });
  });

  it('states the current version from its own dates, as of the given day', () => {
    expect(documentValidity(newer, work, '2026-01-01')).toMatchObject({ status: '现行有效', asOf: '2026-01-01', replacedBy: null, effective: '2025-03-01' });
    expect(documentValidity(newer, work, '2025-01-01').status).toBe('尚未施行');
  });
});

describe('asOfDate', () => {
  it('is ATLAS_AS_OF when given, else the day in China', () => {
    expect(asOfDate({ ATLAS_AS_OF: '2026-01-02' })).toBe('2026-01-02');
    expect(asOfDate({}, new Date('2026-01-01T18:00:00Z'))).toBe('2026-01-02');
    expect(() => asOfDate({ ATLAS_AS_OF: '2 Jan' })).toThrow('yyyy-mm-dd');
  });
});
