import { describe, expect, it } from 'vitest';
import { achievedTable, commonSuffix, departmentMeasuresChart, projectsByYearChart, sentenceTargetsChart, tableOf, targetsByDomainChart, targetVsAchievedCharts } from '../../src/lib/charts.ts';
import { departmentPages } from '../../src/lib/department-pages.ts';
import { targetRows } from '../../src/lib/target-table.ts';
import { siteFixture } from '../helpers/site-fixture.ts';

const { corpus, registry, documents, canonical, indexes, topics } = siteFixture();
const labels = { id: 'enrolment', title: '江苏省2012年社会保险参保人数目标', categoryAxis: '险种', valueAxis: '参保人数' };

describe('sentenceTargetsChart', () => {
  const spec = sentenceTargetsChart(corpus.targets, 'jiangsu-szbf-2012-91/d1-2.3/t1', labels);

  it('draws the five enrolment targets listed with 分别 in one sentence, and not the sixth from the next sentence', () => {
    // What all five end with (保险参保人数) is said once, by the title and the value axis.
    expect(spec.categories).toEqual(['企业职工基本养老', '城镇职工基本医疗', '失业', '工伤', '生育']);
    expect(spec.series).toEqual([{ label: '目标', values: [1718, 2055, 1250, 1355, 1215] }]);
    expect(spec.valueAxis).toBe('参保人数（万人）');
    expect(spec.unit).toBe('万人');
  });

  it('describes every value for screen readers', () => {
    expect(spec.description).toBe(
      '江苏省2012年社会保险参保人数目标。条形图：企业职工基本养老保险参保人数1718万人，城镇职工基本医疗保险参保人数2055万人，失业保险参保人数1250万人，工伤保险参保人数1355万人，生育保险参保人数1215万人。',
    );
  });

  it('has a table with the same numbers and the unit in the heading', () => {
    expect(tableOf(spec)).toEqual({
      caption: '江苏省2012年社会保险参保人数目标',
      categoryHeading: '险种',
      columns: [{ heading: '目标（万人）', numeric: true }],
      rows: [
        { category: '企业职工基本养老', cells: ['1718'] },
        { category: '城镇职工基本医疗', cells: ['2055'] },
        { category: '失业', cells: ['1250'] },
        { category: '工伤', cells: ['1355'] },
        { category: '生育', cells: ['1215'] },
      ],
    });
  });

  it('fails the build for a target that is gone or stands alone in its sentence', () => {
    expect(() => sentenceTargetsChart(corpus.targets, 'jiangsu-szbf-2012-91/d1-2.3/t99', labels)).toThrow('chart enrolment: no target jiangsu-szbf-2012-91/d1-2.3/t99');
    expect(() => sentenceTargetsChart(corpus.targets, 'jiangsu-szbf-2012-91/d1-2.3/t6', labels)).toThrow('chart enrolment: the sentence of jiangsu-szbf-2012-91/d1-2.3/t6 states only one value');
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
  const { specs, targets } = targetVsAchievedCharts(corpus.targets, 'xuhui-2016-employment-plan/m-t1', 5);

  it('makes one small chart per target that reports a result', () => {
    expect(targets.map((t) => t.indicator)).toEqual(['城镇新增就业岗位', '每年城镇登记失业人数', '每年扶持成功创业', '高级及以上职业技能培训', '征地养老人员落实保障', '劳动人事争议综合调解率']);
    expect(specs.map((s) => s.valueAxis)).toEqual(['个', '人', '人', '人次', '%', '%']);
  });

  it('compares a yearly target with a yearly result as it is, and with a five-year total as five years of it', () => {
    expect(specs[0]?.categories).toEqual(['每年目标', '实际完成']);
    expect(specs[0]?.series[0]?.values).toEqual([31500, 48037]);
    expect(specs[2]?.categories).toEqual(['5年目标', '实际完成']);
    expect(specs[2]?.series[0]?.values).toEqual([3000, 3147]);
  });

  it('writes both readings in the table', () => {
    const table = achievedTable(targets, '徐汇', 5);
    expect(table.rows[0]?.cells).toEqual(['≥31500/年', '48037', '个', '年均完成48037个 （合计240184个）']);
    expect(table.rows[2]?.cells).toEqual(['≥600/年（5年合计≥3000）', '3147', '人', '完成3147人']);
  });
});

describe('projectsByYearChart', () => {
  it('counts pilots and demonstrations per deadline year', () => {
    const spec = projectsByYearChart(corpus.projects);
    expect(spec.categories).toEqual(['2012年', '2013年', '2014年', '2015年']);
    expect(spec.series).toEqual([
      { label: '试点', values: [5, 4, 1, 3] },
      { label: '示范', values: [5, 4, 0, 2] },
    ]);
    expect(spec.stacked).toBe(true);
  });
});

describe('departmentMeasuresChart', () => {
  it('puts the departments that lead or support most first and leaves out those only mentioned', () => {
    const spec = departmentMeasuresChart(departmentPages(registry, documents, indexes));
    expect(spec.categories.slice(0, 2)).toEqual(['湘潭市人力资源和社会保障局', '湘潭市财政局']);
    expect(spec.series.map((s) => s.values.slice(0, 2))).toEqual([
      [17, 1],
      [2, 12],
    ]);
    expect(spec.categories).not.toContain('中华人民共和国人力资源和社会保障部');
  });
});

describe('targetsByDomainChart', () => {
  it('stacks each document’s targets by domain, documents in site order', () => {
    const spec = targetsByDomainChart(targetRows(corpus.targets, canonical, indexes, topics), topics);
    expect(spec.categories).toEqual(['湘潭稳就业二十四条', '徐汇区就业和社保“十三五”规划', '宜府办函〔2014〕282号', '苏政办发〔2012〕91号']);
    const insurance = spec.series.find((s) => s.label === '社会保险');
    expect(insurance?.values).toEqual([0, 6, 0, 20]);
    const totals = spec.categories.map((_, i) => spec.series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
    expect(totals).toEqual([15, 24, 13, 49]);
  });
});
