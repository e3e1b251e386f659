/**
 * The editorial charts on the committed seeds: each still finds the sentence or table it quotes, and
 * draws what those say. The rules of the chart functions are unit tests on crafted records
 * (tests/unit/charts.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { achievedTable, departmentMeasuresChart, dominanceCaveat, flatTargetsNote, measuresByDocument, projectsByYearChart, sentenceTargetsChart, tableOf, targetsByDomainChart, targetVsAchievedCharts } from '../../src/lib/charts.ts';
import { departmentPages } from '../../src/lib/department-pages.ts';
import { targetRows } from '../../src/lib/target-table.ts';
import { siteFixture } from '../helpers/site-fixture.ts';

const { corpus, registry, documents, canonical, indexes, topics } = siteFixture();
const labels = { id: 'enrolment', title: '江苏省2012年社会保险参保人数目标', categoryAxis: '险种', valueAxis: '参保人数' };

describe('the enrolment chart (苏政办发〔2012〕91号 二、（三）)', () => {
  const spec = sentenceTargetsChart(corpus.targets, 'jiangsu-szbf-2012-91/d1-2.3/t1', labels);

  it('draws the five enrolment targets listed with 分别 in one sentence, and not the sixth from the next sentence', () => {
    expect(spec.categories).toEqual(['企业职工基本养老', '城镇职工基本医疗', '失业', '工伤', '生育']);
    expect(spec.series).toEqual([{ label: '目标', values: [1718, 2055, 1250, 1355, 1215] }]);
    expect(spec.valueAxis).toBe('参保人数（万人）');
    expect(tableOf(spec).rows.map((r) => r.cells[0])).toEqual(['1718', '2055', '1250', '1355', '1215']);
    expect(() => sentenceTargetsChart(corpus.targets, 'jiangsu-szbf-2012-91/d1-2.3/t6', labels)).toThrow('states only one value');
  });
});

describe('the target-vs-achieved charts (徐汇 十三五 规划 表1)', () => {
  const { specs, targets, flat } = targetVsAchievedCharts(corpus.targets, 'xuhui-2016-employment-plan/m-t1', 5);

  it('has the six targets that report a result in its table, and draws the four whose result differs', () => {
    expect(targets.map((t) => t.indicator)).toEqual(['城镇新增就业岗位', '每年城镇登记失业人数', '每年扶持成功创业', '高级及以上职业技能培训', '征地养老人员落实保障', '劳动人事争议综合调解率']);
    expect(specs.map((s) => s.valueAxis)).toEqual(['个', '人', '人', '人次']);
    expect(flat.map((t) => t.indicator)).toEqual(['征地养老人员落实保障', '劳动人事争议综合调解率']);
  });

  it('compares a yearly target with a yearly result as it is, and with a five-year total as five years of it', () => {
    expect(specs[0]?.series[0]?.values).toEqual([31500, 48037]);
    expect(specs[2]?.categories).toEqual(['5年目标', '实际完成']);
    expect(specs[2]?.series[0]?.values).toEqual([3000, 3147]);
    expect(specs[1]?.better).toBe('lower');
    const table = achievedTable(targets, '徐汇', 5);
    expect(table.rows[0]?.cells).toEqual(['≥31500/年', '48037', '个', '年均完成48037个 （合计240184个）']);
    expect(table.rows[2]?.cells).toEqual(['≥600/年（5年合计≥3000）', '3147', '人', '完成3147人']);
  });
});

describe('the corpus-wide charts', () => {
  const pages = departmentPages(registry, documents, indexes);

  it('counts the pilots and demonstrations of 苏政办发〔2012〕91号 per deadline year', () => {
    const spec = projectsByYearChart(corpus.projects);
    expect(spec.categories).toEqual(['2012年', '2013年', '2014年', '2015年']);
    expect(spec.series).toEqual([
      { label: '试点', values: [5, 4, 1, 3] },
      { label: '示范', values: [5, 4, 0, 2] },
    ]);
  });

  it('puts the Xiangtan departments that lead or support most first and leaves out those only mentioned', () => {
    const spec = departmentMeasuresChart(pages);
    expect(spec.categories.slice(0, 2)).toEqual(['湘潭市人力资源和社会保障局', '湘潭市财政局']);
    expect(spec.series.map((s) => s.values.slice(0, 2))).toEqual([
      [17, 1],
      [2, 12],
    ]);
    expect(spec.categories).not.toContain('中华人民共和国人力资源和社会保障部');
  });

  it('stacks each document’s targets by domain, documents in site order', () => {
    const spec = targetsByDomainChart(targetRows(corpus.targets, canonical, indexes, topics), topics);
    expect(spec.categories).toEqual(['湘潭稳就业二十四条', '徐汇区就业和社保“十三五”规划', '宜府办函〔2014〕282号', '苏政办发〔2012〕91号']);
    expect(spec.series.find((s) => s.label === '社会保险')?.values).toEqual([2, 7, 0, 21]);
    const totals = spec.categories.map((_, i) => spec.series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
    expect(totals).toEqual([17, 22, 15, 50]);
  });

  it('warns that the department and project charts each come mostly from one document', () => {
    // As src/lib/featured-charts.ts words them (it reads the site's data through Astro, so is not imported here).
    const titles = new Map(canonical.map((d) => [d.id, d.meta.shortTitle]));
    const titleOf = (id: string) => titles.get(id) ?? id;
    const projects = new Map<string, number>();
    for (const p of corpus.projects) projects.set(p.documentId, (projects.get(p.documentId) ?? 0) + 1);
    expect(dominanceCaveat(measuresByDocument(pages), titleOf, '条款')).toBe('图中93%的条款出自湘潭稳就业二十四条，主要反映这一份文件。');
    expect(dominanceCaveat(projects, titleOf, '项目')).toBe('图中项目全部出自苏政办发〔2012〕91号，反映的是这一份文件，而非全部文件。');
    expect(flatTargetsNote(targetVsAchievedCharts(corpus.targets, 'xuhui-2016-employment-plan/m-t1', 5).flat)).toContain('征地养老人员落实保障（目标与实际完成均为100%）');
  });
});
