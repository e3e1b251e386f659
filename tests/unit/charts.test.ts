import { describe, expect, it } from 'vitest';
import type { Department } from '#schemas/entities.ts';
import {
  achievedTable,
  betterWay,
  commonSuffix,
  departmentMeasuresChart,
  dominanceCaveat,
  dominantSource,
  flatTargetsNote,
  measuresByDocument,
  projectsByYearChart,
  saysTheSame,
  sentenceTargetsChart,
  tableOf,
  targetsByDomainChart,
  targetVsAchievedCharts,
} from '../../src/lib/charts.ts';
import type { DepartmentPage, MentionRef, Role } from '../../src/lib/department-pages.ts';
import type { TargetRow } from '../../src/lib/target-table.ts';
import type { Topic } from '../../src/lib/topics.ts';
import { testProject, testTarget } from '../helpers/records.ts';

const labels = { id: 'enrolment', title: '参保人数目标', categoryAxis: '险种', valueAxis: '参保人数' };

describe('sentenceTargetsChart', () => {
  const listed = '养老、失业和工伤保险参保人数分别达到300、120和90万人。';
  const targets = [
    testTarget({ id: 'doc/m-1/t1', indicator: '养老保险参保人数', value: 300, unit: '万人', sentence: listed }),
    testTarget({ id: 'doc/m-1/t2', indicator: '失业保险参保人数', value: 120, unit: '万人', sentence: listed }),
    testTarget({ id: 'doc/m-1/t3', indicator: '工伤保险参保人数', value: 90, unit: '万人', sentence: listed }),
    testTarget({ id: 'doc/m-1/t4', indicator: '生育保险参保人数', value: 80, unit: '万人', sentence: '生育保险参保人数达到80万人。' }),
  ];
  const spec = sentenceTargetsChart(targets, 'doc/m-1/t1', labels);

  it('draws the targets listed with 分别 in one sentence, and not one from the next sentence', () => {
    // What all of them end with (保险参保人数) is said once, by the title and the value axis.
    expect(spec.categories).toEqual(['养老', '失业', '工伤']);
    expect(spec.series).toEqual([{ label: '目标', values: [300, 120, 90] }]);
    expect(spec.valueAxis).toBe('参保人数（万人）');
    expect(spec.unit).toBe('万人');
  });

  it('describes every value for screen readers', () => {
    expect(spec.description).toBe('参保人数目标。条形图：养老保险参保人数300万人，失业保险参保人数120万人，工伤保险参保人数90万人。');
  });

  it('has a table with the same numbers and the unit in the heading', () => {
    expect(tableOf(spec)).toEqual({
      caption: '参保人数目标',
      categoryHeading: '险种',
      columns: [{ heading: '目标（万人）', numeric: true }],
      rows: [
        { category: '养老', cells: ['300'] },
        { category: '失业', cells: ['120'] },
        { category: '工伤', cells: ['90'] },
      ],
    });
  });

  it('fails the build for a target that is gone or stands alone in its sentence', () => {
    expect(() => sentenceTargetsChart(targets, 'doc/m-1/t99', labels)).toThrow('chart enrolment: no target doc/m-1/t99');
    expect(() => sentenceTargetsChart(targets, 'doc/m-1/t4', labels)).toThrow('chart enrolment: the sentence of doc/m-1/t4 states only one value');
  });
});

describe('commonSuffix', () => {
  it('keeps at least two characters of every name', () => {
    expect(commonSuffix(['失业保险参保人数', '工伤保险参保人数'])).toBe('保险参保人数');
    expect(commonSuffix(['城镇新增就业', '就业'])).toBe('');
    expect(commonSuffix(['甲', '乙'])).toBe('');
  });
});

describe('targetVsAchievedCharts', () => {
  const row = (n: number, fields: Parameters<typeof testTarget>[0]) => testTarget({ clauseId: `m-t1.r${n}`, ...fields });
  const targets = [
    row(1, { id: 'doc/m-t1.r1/t1', indicator: '城镇新增就业岗位', value: 30000, unit: '个', recurrence: '每年', achieved: { value: 45000, unit: '个', text: '年均完成45000个' } }),
    row(2, { id: 'doc/m-t1.r2/t1', indicator: '城镇登记失业人数', value: 20000, comparator: '≤', recurrence: '每年', achieved: { value: 19000, unit: '人', text: '每年控制在19000人' } }),
    row(3, { id: 'doc/m-t1.r3/t1', indicator: '扶持成功创业', value: 600, recurrence: '每年', achieved: { value: 3147, unit: '人', text: '完成3147人' } }),
    row(4, { id: 'doc/m-t1.r4/t1', indicator: '征地养老人员落实保障', value: 100, unit: '%', comparator: null, deadline: '“十二五”', achieved: { value: 100, unit: '%', text: '100%' } }),
    row(5, { id: 'doc/m-t1.r5/t1', indicator: '未报告完成情况的指标', value: 5 }),
    testTarget({ id: 'doc/m-t2.r1/t1', clauseId: 'm-t2.r1', indicator: '另一表格的指标', achieved: { value: 1, unit: '人', text: '1人' } }),
  ];
  const { specs, targets: reported, flat } = targetVsAchievedCharts(targets, 'doc/m-t1', 5);

  it('takes the targets of the table that report a result, and draws no chart whose two bars are equal', () => {
    expect(reported.map((t) => t.indicator)).toEqual(['城镇新增就业岗位', '城镇登记失业人数', '扶持成功创业', '征地养老人员落实保障']);
    expect(specs.map((s) => s.title)).toEqual(['城镇新增就业岗位', '城镇登记失业人数', '扶持成功创业']);
    expect(flat.map((t) => t.indicator)).toEqual(['征地养老人员落实保障']);
    expect(specs.every((s) => !saysTheSame(s.series[0]?.values ?? []))).toBe(true);
    expect(() => targetVsAchievedCharts(targets, 'doc/m-t9', 5)).toThrow('no target of table doc/m-t9 reports what was achieved');
  });

  it('compares a yearly target with a yearly result as it is, and with a five-year total as five years of it', () => {
    expect(specs[0]?.categories).toEqual(['每年目标', '实际完成']);
    expect(specs[0]?.series[0]?.values).toEqual([30000, 45000]);
    expect(specs[2]?.categories).toEqual(['5年目标', '实际完成']);
    expect(specs[2]?.series[0]?.values).toEqual([3000, 3147]);
  });

  it('says which way is better: lower for a ceiling (≤), higher for a floor (≥)', () => {
    expect(specs.map((s) => s.better)).toEqual(['higher', 'lower', 'higher']);
    expect(specs[1]?.categories).toEqual(['每年上限', '实际完成']);
    expect(specs[1]?.description).toBe('城镇登记失业人数：每年上限≤20000人（越低越好），实际完成19000人（原文：每年控制在19000人）。');
  });

  it('writes both readings in the table, with the targets left undrawn', () => {
    const table = achievedTable(reported, '目标与完成', 5);
    expect(table.rows.map((r) => r.category)).toEqual(['城镇新增就业岗位', '城镇登记失业人数', '扶持成功创业', '征地养老人员落实保障']);
    expect(table.rows[0]?.cells).toEqual(['≥30000/年', '45000', '个', '年均完成45000个']);
    expect(table.rows[2]?.cells).toEqual(['≥600/年（5年合计≥3000）', '3147', '人', '完成3147人']);
  });

  it('names the undrawn targets and their value under the charts', () => {
    expect(flatTargetsNote(flat)).toBe('征地养老人员落实保障（目标与实际完成均为100%）两柱等高，不单独作图，见下表。');
    expect(flatTargetsNote([])).toBe('');
  });
});

describe('betterWay and saysTheSame', () => {
  it('reads the side that is better from the comparator', () => {
    expect(betterWay('≤')).toBe('lower');
    expect(betterWay('≥')).toBe('higher');
    expect(betterWay('=')).toBeNull();
    expect(betterWay(null)).toBeNull();
  });

  it('finds bars that all show one value, and not bars with a gap', () => {
    expect(saysTheSame([100, 100])).toBe(true);
    expect(saysTheSame([60, 61])).toBe(false);
    expect(saysTheSame([100, null])).toBe(false);
  });
});

describe('projectsByYearChart', () => {
  it('counts pilots and demonstrations per deadline year, and leaves out undated ones in the description', () => {
    const projects = [
      testProject({ number: 1, deadline: 2013 }),
      testProject({ number: 2, deadline: 2012 }),
      testProject({ number: 3, deadline: 2013 }),
      testProject({ number: 1, kind: '示范', deadline: 2013 }),
      testProject({ number: 2, kind: '示范', deadline: null }),
    ];
    const spec = projectsByYearChart(projects);
    expect(spec.categories).toEqual(['2012年', '2013年']);
    expect(spec.series).toEqual([
      { label: '试点', values: [1, 2] },
      { label: '示范', values: [0, 1] },
    ]);
    expect(spec.stacked).toBe(true);
    expect(spec.description).toBe('堆叠柱状图，按完成年份统计项目数：2012年试点1个、示范0个；2013年试点2个、示范1个；另有1个未列年份。');
  });
});

function department(id: string, name: string): Department {
  return { id, name, aliases: [], jurisdiction: '湘潭市', function: id, kind: 'department' };
}

/** A department page with `clauses` mentions per role, each in the document named beside it. */
function page(d: Department, clauses: Partial<Record<Role, string[]>>): DepartmentPage {
  const roles = (['lead', 'support', 'mentioned'] as const).map((role) => {
    const inDocuments = clauses[role] ?? [];
    const documents = [...new Set(inDocuments)].map((documentId) => ({
      documentId,
      documentTitle: documentId,
      documentShortTitle: documentId,
      mentions: inDocuments.filter((x) => x === documentId).map((_, i) => ({ documentId, nodeId: `m-${i + 1}`, role, inferred: false, printedName: d.name }) as unknown as MentionRef),
    }));
    return { role, count: inDocuments.length, documents };
  });
  return { department: d, issued: [], roles, counts: { lead: clauses.lead?.length ?? 0, support: clauses.support?.length ?? 0, mentioned: clauses.mentioned?.length ?? 0 }, siblings: [] };
}

describe('departmentMeasuresChart', () => {
  const pages = [
    page(department('finance', '湘潭市财政局'), { lead: ['a', 'a'], support: ['a', 'b', 'b', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a'] }),
    page(department('hrss', '湘潭市人力资源和社会保障局'), { lead: Array.from({ length: 17 }, () => 'a'), support: ['b'] }),
    page(department('mohrss', '中华人民共和国人力资源和社会保障部'), { mentioned: ['a'] }),
  ];

  it('puts the departments that lead or support most first and leaves out those only mentioned', () => {
    const spec = departmentMeasuresChart(pages);
    expect(spec.categories).toEqual(['湘潭市人力资源和社会保障局', '湘潭市财政局']);
    expect(spec.series.map((s) => s.values)).toEqual([
      [17, 2],
      [1, 12],
    ]);
    expect(spec.others).toBe('部门');
  });

  it('counts the clauses led or supported per document, for the caveat', () => {
    expect(measuresByDocument(pages)).toEqual(new Map([['a', 29], ['b', 3]]));
  });
});

describe('a caveat where one document dominates', () => {
  const titleOf = (id: string) => ({ a: '甲文件', b: '乙文件' })[id] ?? id;

  it('names the document that supplies half or more of what a chart counts, with its share', () => {
    expect(dominantSource(new Map([['a', 29], ['b', 3]]))).toEqual({ id: 'a', share: 29 / 32 });
    expect(dominanceCaveat(new Map([['a', 29], ['b', 3]]), titleOf, '条款')).toBe('图中91%的条款出自甲文件，主要反映这一份文件。');
    expect(dominanceCaveat(new Map([['b', 24]]), titleOf, '项目')).toBe('图中项目全部出自乙文件，反映的是这一份文件，而非全部文件。');
  });

  it('says nothing when no document supplies half, or there is nothing counted', () => {
    expect(dominanceCaveat(new Map([['a', 4], ['b', 3], ['c', 3]]), titleOf, '条款')).toBeNull();
    expect(dominantSource(new Map())).toBeNull();
  });
});

describe('targetsByDomainChart', () => {
  const topic = (id: string, name: string): Topic => ({ id, name, description: name, keywords: [name], functions: [] });
  const topics = [topic('employment', '就业'), topic('insurance', '社会保险')];
  const row = (n: number, documentId: string, documentShortTitle: string, domain: string): TargetRow =>
    ({ target: testTarget({ id: `${documentId}/m-1/t${n}`, documentId, indicator: `指标${n}` }), documentShortTitle, domain }) as TargetRow;

  it('stacks each document’s targets by domain, documents in the order given, topics in table order and 其他 last', () => {
    const rows = [row(1, 'b', '乙', '社会保险'), row(2, 'a', '甲', '其他'), row(3, 'b', '乙', '就业'), row(4, 'b', '乙', '社会保险'), row(5, 'a', '甲', '就业')];
    const spec = targetsByDomainChart(rows, topics);
    expect(spec.categories).toEqual(['乙', '甲']);
    expect(spec.series).toEqual([
      { label: '就业', values: [1, 1] },
      { label: '社会保险', values: [2, 0] },
      { label: '其他', values: [0, 1] },
    ]);
    expect(spec.description).toBe('堆叠条形图，各文件的目标数按领域分列：乙就业1项、社会保险2项；甲就业1项、其他1项。');
  });
});
