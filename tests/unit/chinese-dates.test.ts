import { describe, expect, it } from 'vitest';
import { fullDatesIn, lastDayOfTerm, parseDate } from '../../scripts/lib/ingest/chinese-dates.ts';

describe('parseDate: a whole text as a full date', () => {
  it.each([
    ['2019年2月1日', '2019-02-01'],
    ['2014年 10月26日', '2014-10-26'],
    ['2019年05月09日', '2019-05-09'],
    ['2019年2月1号', '2019-02-01'],
    ['2014-10-26', '2014-10-26'],
    ['2014.10.26', '2014-10-26'],
    ['2014/10/26', '2014-10-26'],
    ['二〇一九年二月一日', '2019-02-01'],
    ['二○一九年二月一日', '2019-02-01'],
    ['二零一九年二月一日', '2019-02-01'],
    ['二O一九年二月一日', '2019-02-01'],
    ['一九八六年二月十八日', '1986-02-18'],
    ['一九九五年三月二十六日', '1995-03-26'],
    ['二〇一九年十二月三十一日', '2019-12-31'],
    ['二〇二〇年二月二十九日', '2020-02-29'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toEqual({ iso });
  });

  it.each([['2019年2月30日'], ['2019-02-30'], ['二〇一九年二月三十日'], ['2019年13月1日'], ['二〇一九年二月二十九日']])(
    '%s is shaped like a date but no such day exists',
    (text) => {
      expect(parseDate(text)).toEqual({ iso: null });
    },
  );

  it.each([['2019年2月'], ['2月1日'], ['2019年'], ['二〇一九年二月十十日'], ['两千零一十九年二月一日'], ['2019年2月1日起'], ['苏政办发〔2012〕91号'], ['']])(
    '%s is not a full date',
    (text) => {
      expect(parseDate(text)).toBeNull();
    },
  );
});

describe('fullDatesIn: the full dates of a line', () => {
  it('finds each date with its span, mixed Arabic and Chinese numerals, and marks a day that does not exist', () => {
    const line = '2011年9月29日 某省人大常委会批准2011年9月30日公布，二〇一一年十一月一日施行，2011年2月30日';
    expect(fullDatesIn(line).map((d) => [d.iso, line.slice(d.start, d.end)])).toEqual([
      ['2011-09-29', '2011年9月29日'],
      ['2011-09-30', '2011年9月30日'],
      ['2011-11-01', '二〇一一年十一月一日'],
      [null, '2011年2月30日'],
    ]);
  });

  it('skips dates inside a cited title and dates without a day', () => {
    const line = '《2019年1月1日起施行的办法》自2019年2月起，于2019年3月5日';
    expect(fullDatesIn(line).map((d) => [d.iso, line.slice(d.start, d.end)])).toEqual([['2019-03-05', '2019年3月5日']]);
  });
});

describe('lastDayOfTerm', () => {
  it.each([
    ['2019-01-01', 5, '2023-12-31'],
    ['2019-04-01', 5, '2024-03-31'],
    ['2020-02-29', 1, '2021-02-28'],
    ['2019-03-01', 2, '2021-02-28'],
  ])('a %s term of %i years ends on %s', (start, years, end) => {
    expect(lastDayOfTerm(start, years)).toBe(end);
  });
});
