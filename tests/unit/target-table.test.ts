import { describe, expect, it } from 'vitest';
import { shortTarget, statusRank, statusSummaries, targetRows, valueText } from '../../src/lib/target-table.ts';
import { siteFixture } from '../helpers/site-fixture.ts';

const { corpus, canonical, indexes, topics } = siteFixture();
const rows = targetRows(corpus.targets, canonical, indexes, topics);

describe('valueText and shortTarget', () => {
  it('writes ranges, changes and missing values as a reader reads them', () => {
    expect(valueText({ value: 15, max: null, from: 10 })).toBe('15（原为10）');
    expect(valueText({ value: 3000, max: 20000, from: null })).toBe('3000–20000');
    expect(valueText({ value: null, max: null, from: null })).toBe('—');
    expect(shortTarget({ value: 100, max: null, from: null, comparator: '≥', unit: '万人' })).toBe('≥100万人');
    expect(shortTarget({ value: 1718, max: null, from: null, comparator: '=', unit: '万人' })).toBe('1718万人');
  });
});

describe('targetRows', () => {
  it('lists every target in document order, then by line, each with its clause page', () => {
    expect(rows).toHaveLength(corpus.targets.length);
    expect(rows[0]?.target.id).toBe('xiangtan-2019-stabilise-employment/d1-2.5/t1');
    const enrolment = rows.find((r) => r.target.id === 'jiangsu-szbf-2012-91/d1-2.3/t2');
    expect(enrolment).toMatchObject({ region: '江苏省', path: '/jiangsu-szbf-2012-91/d1-2.3/', valueText: '2055', status: 'none', domain: '社会保险' });
    expect(enrolment?.citation).toBe('苏政办发〔2012〕91号 2012年两大体系工作计划 二、（三）');
  });

  it('links a table-row target to the row page', () => {
    expect(rows.find((r) => r.target.id === 'xuhui-2016-employment-plan/m-t1.r3/t1')?.path).toBe('/xuhui-2016-employment-plan/m-t1.r3/');
  });
});

describe('statusSummaries', () => {
  it('counts targets by status per document', () => {
    expect(statusSummaries(rows).map((s) => [s.documentId, s.total, s.counts])).toEqual([
      ['xiangtan-2019-stabilise-employment', 15, { met: 0, 'not-met': 0, unknown: 0, none: 15 }],
      ['xuhui-2016-employment-plan', 24, { met: 6, 'not-met': 0, unknown: 0, none: 18 }],
      ['yibin-yfbh-2014-282', 13, { met: 0, 'not-met': 0, unknown: 0, none: 13 }],
      ['jiangsu-szbf-2012-91', 49, { met: 0, 'not-met': 0, unknown: 0, none: 49 }],
    ]);
  });

  it('orders statuses for filters', () => {
    expect(['none', 'met', 'unknown', 'not-met'].sort((a, b) => statusRank(a) - statusRank(b))).toEqual(['met', 'not-met', 'unknown', 'none']);
  });
});
