import { describe, expect, it } from 'vitest';
import { readValidityStatements } from '../../scripts/lib/ingest/validity-statements.ts';

const read = (...lines: string[]) =>
  readValidityStatements(lines, new Set()).map((s) => ({ kind: s.kind, text: s.text, date: s.date, from: s.from, years: s.years, countsFrom: s.countsFrom, own: s.own }));
const none = { date: null, from: null, years: null, countsFrom: null };

describe('readValidityStatements: what a text says about its validity', () => {
  it.each([
    ['本办法自2019年1月1日起施行。', { kind: 'in-force', text: '本办法自2019年1月1日起施行', ...none, date: '2019-01-01', own: true }],
    ['第九十八条 本法自2011年7月1日起施行。', { kind: 'in-force', text: '本法自2011年7月1日起施行', ...none, date: '2011-07-01', own: true }],
    ['第二十条 本规定自一九九五年一月一日起执行。', { kind: 'in-force', text: '本规定自一九九五年一月一日起执行', ...none, date: '1995-01-01', own: true }],
    ['第三十九条 本条例自2016年5月1 日起施行。', { kind: 'in-force', text: '本条例自2016年5月1 日起施行', ...none, date: '2016-05-01', own: true }],
    ['本通知自印发之日起施行。', { kind: 'in-force', text: '本通知自印发之日起施行', ...none, countsFrom: 'issue', own: true }],
    ['第四十一条 本条例自发布之日起施行。', { kind: 'in-force', text: '本条例自发布之日起施行', ...none, countsFrom: 'promulgation', own: true }],
    ['第三十条 本规定从发布之日起施行。', { kind: 'in-force', text: '本规定从发布之日起施行', ...none, countsFrom: 'promulgation', own: true }],
    ['发布之日施行', { kind: 'in-force', text: '发布之日施行', ...none, countsFrom: 'promulgation', own: false }],
    ['本意见自2020年1月1日起试行。', { kind: 'in-force', text: '本意见自2020年1月1日起试行', ...none, date: '2020-01-01', own: true }],
    ['有效期5年。', { kind: 'term', text: '有效期5年', ...none, years: 5, own: false }],
    ['本办法有效期为三年。', { kind: 'term', text: '本办法有效期为三年', ...none, years: 3, own: true }],
    ['有效期至2020年12月31日。', { kind: 'until', text: '有效期至2020年12月31日', ...none, date: '2020-12-31', own: false }],
    ['本通知执行至2021年12月31日止。', { kind: 'until', text: '本通知执行至2021年12月31日止', ...none, date: '2021-12-31', own: true }],
    [
      '有效期自2019年1月1日起至2023年12月31日止。',
      { kind: 'until', text: '有效期自2019年1月1日起至2023年12月31日止', ...none, date: '2023-12-31', from: '2019-01-01', own: false },
    ],
    ['本通知自2020年12月31日起失效。', { kind: 'until', text: '本通知自2020年12月31日起失效', ...none, date: '2020-12-31', own: true }],
    ['（已废止）', { kind: 'repealed', text: '（已废止）', ...none, own: true }],
    ['【失效】', { kind: 'void', text: '【失效】', ...none, own: true }],
    ['本办法已被《某市人民政府关于废止部分规章的决定》废止。', { kind: 'repealed', text: '本办法已被《某市人民政府关于废止部分规章的决定》废止', ...none, own: true }],
    ['此件已失效。', { kind: 'void', text: '此件已失效', ...none, own: true }],
  ])('%s', (line, statement) => {
    expect(read(line)).toEqual([statement]);
  });

  it('reads an in-force clause, a term after it and what the text replaces, in text order', () => {
    expect(read('第二条 本办法自2019年4月1日起施行，有效期5年。原《某某暂行办法》（某政发〔2014〕2号）同时废止。')).toEqual([
      { kind: 'in-force', text: '本办法自2019年4月1日起施行', ...none, date: '2019-04-01', own: true },
      { kind: 'term', text: '有效期5年', ...none, years: 5, own: false },
      { kind: 'replaces', text: '原《某某暂行办法》（某政发〔2014〕2号）同时废止', ...none, own: false },
    ]);
  });

  it('shortens a replaces statement longer than 60 characters to the replaced title', () => {
    const [statement] = read('本条例自2002年1月1日起施行。1996年7月27日某省第八届人民代表大会常务委员会第二十一次会议通过、2001年5月1日修正的《某省企业职工失业保险条例》同时废止。').slice(1);
    expect(statement?.kind).toBe('replaces');
    expect(statement?.text).toBe('《某省企业职工失业保险条例》同时废止');
  });

  it.each([
    ['工资专项集体合同有效期限为一至三年，由双方协商确定。', 'the term of a contract'],
    ['集体合同的有效期为3年。', 'a term said of something else'],
    ['对已失效的证件不予受理。', 'another thing that lapsed'],
    ['1995年5月1日施行有困难的企业，可以适当延期。', 'a date followed by 施行 with no 起'],
    ['2018年10月1日 施行', 'a history line'],
    ['保密条款约定的内容自行失效。', 'a clause that lapses'],
  ])('%s says nothing about the text (%s)', (line) => {
    expect(read(line)).toEqual([]);
  });

  it('keeps the statement line and skips the lines it is told to', () => {
    const statements = readValidityStatements(['标题', '本通知自印发之日起施行。', '本通知自2020年1月1日起施行。'], new Set([3]));
    expect(statements.map((s) => [s.kind, s.line])).toEqual([['in-force', 2]]);
  });
});
