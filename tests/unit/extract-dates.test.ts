import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDates } from '../../scripts/lib/ingest/extract/dates.ts';
import { Document } from '#schemas/document.ts';
import { DateMention } from '#schemas/entities.ts';
import { documentOfParagraphs } from '../helpers/document-builder.ts';

const doc = (id: string) => Document.parse(JSON.parse(fs.readFileSync(`content/generated/documents/${id}.json`, 'utf8')));
const brief = (d: DateMention) => ({ clauseId: d.clauseId, line: d.line, text: d.text, kind: d.kind, start: d.start, end: d.end, yearInferred: d.yearInferred });
const datesOf = (id: string) => extractDates(doc(id));

/** One paragraph per text in a document dated 2012-05-14, so that a date without a year takes 2012. */
const crafted = (...texts: string[]) => documentOfParagraphs(texts, { meta: { date: '2012-05-14' } });
const parsed = (...texts: string[]) => extractDates(crafted(...texts)).dates.map((d) => [d.text, d.kind, d.start, d.end, d.yearInferred]);

describe('extractDates on Xiangtan', () => {
  const { dates, diagnostics } = datesOf('xiangtan-2019-stabilise-employment');

  it('reads ranges whose end takes the year of the start, not of the document (d1-3.7, d1-3.8)', () => {
    expect(diagnostics).toEqual([]);
    expect(dates.filter((d) => d.clauseId === 'd1-3.7' || d.clauseId === 'd1-3.8').map(brief)).toEqual([
      { clauseId: 'd1-3.7', line: 18, text: '2019年1月1日至12月31日', kind: 'range', start: '2019-01-01', end: '2019-12-31', yearInferred: false },
      { clauseId: 'd1-3.8', line: 19, text: '2019年1月1日至2020年12月31日', kind: 'range', start: '2019-01-01', end: '2020-12-31', yearInferred: false },
    ]);
    // Only the head: the source's mojibake (当?卦氯) puts a ? in this sentence, where `sentences` splits.
    expect(dates[0]?.sentence).toMatch(/^2019年1月1日至12月31日，对面临暂时性生产经营困难且恢复有望、坚持不裁员或少裁员的参保企业，/);
    for (const d of dates) expect(DateMention.parse(d)).toEqual(d);
  });

  it('reads a deadline and a range in one clause (d1-5.13)', () => {
    expect(dates.filter((d) => d.clauseId === 'd1-5.13').map(brief)).toEqual([
      { clauseId: 'd1-5.13', line: 26, text: '2020年12月31日前', kind: 'deadline', start: null, end: '2020-12-31', yearInferred: false },
      { clauseId: 'd1-5.13', line: 26, text: '2019年1月1日至2020年12月31日', kind: 'range', start: '2019-01-01', end: '2020-12-31', yearInferred: false },
    ]);
  });

  it('reads no durations, ages or amounts as dates, and skips the notice date', () => {
    // 16~24岁, 3~12个月, 3000元至2万元, 每年 …: none of them is a date.
    expect(dates.map((d) => d.text)).toEqual([
      '2019年1月1日至12月31日',
      '2019年1月1日至2020年12月31日',
      '2019年1月1日至12月31日',
      '2020年12月31日前',
      '2019年1月1日至2020年12月31日',
      '2019年1月1日至12月31日',
      '2019年1月1日至2020年12月31日',
      '2019年1月1日至2020年12月31日',
      '2019年1月1日至2020年12月31日',
    ]);
  });
});

describe('extractDates on Jiangsu', () => {
  const { dates, diagnostics } = datesOf('jiangsu-szbf-2012-91');

  it('takes the year of a bare month from the document date (d1-3.11 5月底前)', () => {
    expect(diagnostics).toEqual([]);
    expect(dates.filter((d) => d.clauseId === 'd1-3.11').map(brief)).toEqual([
      { clauseId: 'd1-3.11', line: 28, text: '5月底前', kind: 'deadline', start: null, end: '2012-05-31', yearInferred: true },
    ]);
  });

  it('keeps a recurring list whole (d2-3.4 每年6月30日、12月31日前)', () => {
    expect(dates.filter((d) => d.clauseId === 'd2-3.4').map(brief)).toEqual([
      { clauseId: 'd2-3.4', line: 44, text: '每年6月30日、12月31日前', kind: 'recurring', start: null, end: null, yearInferred: false },
    ]);
  });

  it('reads years, open ranges (2012年起), and nothing from 文号 or cited titles', () => {
    expect(dates.map((d) => [d.line, d.text, d.kind])).toEqual([
      [8, '2012年', 'date'],
      [25, '2012年', 'date'],
      [28, '5月底前', 'deadline'],
      [32, '2012年起', 'range'],
      [39, '2012年', 'date'],
      [39, '2013年', 'date'],
      [39, '2014年', 'date'],
      [39, '2015年', 'date'],
      [41, '5月底前', 'deadline'],
      [42, '2012年起', 'range'],
      [44, '每年6月30日、12月31日前', 'recurring'],
    ]);
    expect(dates.find((d) => d.line === 32)).toMatchObject({ start: '2012', end: null });
  });
});

describe('extractDates on Yibin and Xuhui', () => {
  it('reads the phases of Yibin m-1.2 and the deadlines of m-2.2 and m-3.5', () => {
    const { dates, diagnostics } = datesOf('yibin-yfbh-2014-282');
    expect(diagnostics).toEqual([]);
    expect(dates.map(brief)).toEqual([
      { clauseId: 'm-1.2', line: 14, text: '2015年前', kind: 'deadline', start: null, end: '2015', yearInferred: false },
      { clauseId: 'm-1.2', line: 15, text: '2016—2017年', kind: 'range', start: '2016', end: '2017', yearInferred: false },
      { clauseId: 'm-2.2', line: 29, text: '到2016年', kind: 'deadline', start: null, end: '2016', yearInferred: false },
      { clauseId: 'm-3.5', line: 37, text: '2016年底以前', kind: 'deadline', start: null, end: '2016-12-31', yearInferred: false },
    ]);
    // The signature date on its own line (2014年 10月26日) is the document's, not a clause's.
    expect(dates.some((d) => d.line === 40)).toBe(false);
  });

  it('reads Xuhui: a dated start (…起), a span of years, and years that are not deadlines (提高到2014年)', () => {
    const { dates } = datesOf('xuhui-2016-employment-plan');
    expect(dates.map((d) => [d.line, d.text, d.kind, d.start, d.end])).toEqual([
      [13, '2011年', 'date', '2011', '2011'],
      [13, '2014年', 'date', '2014', '2014'],
      [13, '2014年5月1日起', 'range', '2014-05-01', null],
      [13, '2015年', 'date', '2015', '2015'],
      [13, '2011年', 'date', '2011', '2011'],
      [13, '2015年', 'date', '2015', '2015'],
      [84, '2015年—2017年', 'range', '2015', '2017'],
    ]);
  });
});

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
