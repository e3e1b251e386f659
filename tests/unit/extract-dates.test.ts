import { describe, expect, it } from 'vitest';
import { extractDates } from '../../scripts/lib/ingest/extract/dates.ts';
import { Document } from '#schemas/document.ts';
import { DateMention } from '#schemas/entities.ts';
import { documentOfParagraphs } from '../helpers/document-builder.ts';

const brief = (d: DateMention) => ({ clauseId: d.clauseId, line: d.line, text: d.text, kind: d.kind, start: d.start, end: d.end, yearInferred: d.yearInferred });

/** One paragraph per text in a document dated 2012-05-14, so that a date without a year takes 2012. */
const crafted = (...texts: string[]) => documentOfParagraphs(texts, { meta: { date: '2012-05-14' } });
const parsed = (...texts: string[]) => extractDates(crafted(...texts)).dates.map((d) => [d.text, d.kind, d.start, d.end, d.yearInferred]);

describe('extractDates on crafted text', () => {
  it('reads ranges with a bare start that takes the unit of the end', () => {
    expect(parsed('2019年1—6月完成;2019年1月1—15日报送;6月1日至30日开展。')).toEqual([
      ['2019年1—6月', 'range', '2019-01', '2019-06', false],
      ['2019年1月1—15日', 'range', '2019-01-01', '2019-01-15', false],
      ['6月1日至30日', 'range', '2012-06-01', '2012-06-30', true],
    ]);
  });

  it('reads Chinese-numeral dates, 至今, and recurring lists with their own 前', () => {
    expect(parsed('二〇一九年二月一日起执行;2019年至今;每年3月底前、9月底前报送。')).toEqual([
      ['二〇一九年二月一日起', 'range', '2019-02-01', null, false],
      ['2019年至今', 'range', '2019', null, false],
      ['每年3月底前、9月底前', 'recurring', null, null, false],
    ]);
  });

  it('ignores durations, amounts, words and approximate years', () => {
    expect(parsed('3个月内,16~24岁,2-3家,3000元至2万元,2.8万人,统一月度,十日内办结,5年实现大突破,苏政办发〔2012〕91号。')).toEqual([]);
    expect(parsed('2016年前后。')).toEqual([['2016年', 'date', '2016', '2016', false]]);
  });

  it('skips dates that do not exist and reversed ranges, with warnings', () => {
    const { dates, diagnostics } = extractDates(crafted('2019年2月29日前完成;2020年2月29日前完成;每年2月30日前;2019年12月1日至3月31日;2019年13月。'));
    expect(dates.map((d) => [d.text, d.end])).toEqual([['2020年2月29日前', '2020-02-29']]);
    expect(diagnostics.map((d) => [d.code, d.message, d.line])).toEqual([
      ['date-invalid', '2019年2月29日前 in m-p1: no such date; skipped', 1],
      ['date-invalid', '每年2月30日前 in m-p1: no such date; skipped', 1],
      ['date-range-reversed', '2019年12月1日至3月31日 in m-p1: the range ends before it starts; skipped', 1],
      ['date-invalid', '2019年13月 in m-p1: no such date; skipped', 1],
    ]);
  });

  it('leaves a year it cannot derive empty rather than guessing', () => {
    const undated = crafted('于5月底前完成。');
    const { dates, diagnostics } = extractDates(Document.parse({ ...undated, meta: { ...undated.meta, date: null } }));
    expect(dates.map(brief)).toEqual([{ clauseId: 'm-p1', line: 1, text: '5月底前', kind: 'deadline', start: null, end: null, yearInferred: false }]);
    expect(diagnostics.map((d) => d.code)).toEqual(['date-year-unknown']);
  });
});
