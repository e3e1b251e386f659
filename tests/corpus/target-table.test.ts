import { describe, expect, it } from 'vitest';
import { statusRank, statusSummaries, targetRows } from '../../src/lib/target-table.ts';
import { siteFixture } from '../helpers/site-fixture.ts';

const { corpus, canonical, indexes, topics } = siteFixture();
const rows = targetRows(corpus.targets, canonical, indexes, topics);

describe('targetRows', () => {
  it('lists every target in document order, then by line, each with its clause page', () => {
    expect(rows).toHaveLength(corpus.targets.length);
    expect(rows[0]?.target.id).toBe('xiangtan-2019-stabilise-employment/d1-2.5/t1');
    const enrolment = rows.find((r) => r.target.id === 'jiangsu-szbf-2012-91/d1-2.3/t2');
    expect(enrolment).toMatchObject({ region: '江苏省', path: '/jiangsu-szbf-2012-91/d1-2.3/', valueText: '2055', status: 'none', domain: '社会保险' });
    expect(enrolment?.citation).toBe('苏政办发〔2012〕91号 2012年两大体系工作计划 二、（三）');
  });

  it('shows a city-wide figure of a district plan under the city, and a yearly value as yearly (issue 14 §2)', () => {
    const citywide = rows.find((r) => r.target.id === 'xuhui-2016-employment-plan/m-2.u4.3/t1');
    expect(citywide).toMatchObject({ region: '上海市', valueText: '1800' });
    expect(rows.find((r) => r.target.id === 'xuhui-2016-employment-plan/m-2.1.3.b2/t1')?.region).toBe('徐汇区');
    expect(rows.find((r) => r.target.id === 'xuhui-2016-employment-plan/m-2.u2.1/t2')).toMatchObject({ valueText: '每年600' });
  });

  it('links a table-row target to the row, on its table’s page', () => {
    expect(rows.find((r) => r.target.id === 'xuhui-2016-employment-plan/m-t1.r3/t1')?.path).toBe('/xuhui-2016-employment-plan/m-t1/#m-t1.r3');
  });
});

describe('statusSummaries', () => {
  it('counts targets by status per document', () => {
    expect(statusSummaries(rows).map((s) => [s.documentId, s.total, s.counts])).toEqual([
      ['xiangtan-2019-stabilise-employment', 17, { met: 0, 'not-met': 0, unknown: 0, none: 17 }],
      // Its other 6 targets are the 十二五 results the 十三五 plan reviews: not its own goals.
      ['xuhui-2016-employment-plan', 16, { met: 0, 'not-met': 0, unknown: 0, none: 16 }],
      ['yibin-yfbh-2014-282', 15, { met: 0, 'not-met': 0, unknown: 0, none: 15 }],
      ['jiangsu-szbf-2012-91', 50, { met: 0, 'not-met': 0, unknown: 0, none: 50 }],
    ]);
  });

  it('counts figures a plan reviews from an earlier period apart from its own goals (issue 14 §2)', () => {
    const goal = rows[0]!;
    const reviewed = { ...goal, target: { ...goal.target, id: `${goal.target.id}-old`, stage: 'review' as const } };
    expect(statusSummaries([goal, reviewed])).toEqual([expect.objectContaining({ documentId: goal.target.documentId, total: 1, reviewed: 1 })]);
  });

  it('orders statuses for filters', () => {
    expect(['none', 'met', 'unknown', 'not-met'].sort((a, b) => statusRank(a) - statusRank(b))).toEqual(['met', 'not-met', 'unknown', 'none']);
  });
});
