import { describe, expect, it } from 'vitest';
import { charactersPerLine, groupedCategories, limitBars, wrapLabel } from '../../src/lib/chart-drawing.ts';
import type { ChartSpec } from '../../src/lib/charts.ts';

function spec(categories: string[], series: { label: string; values: (number | null)[] }[]): ChartSpec {
  return { id: 'c', title: 't', description: 'd', categories, series, categoryAxis: '', valueAxis: '条款数（条）', unit: '条', horizontal: true, stacked: true, colourByCategory: false, others: '部门', better: null, caveat: null };
}

describe('wrapLabel', () => {
  it('keeps a label that fits on one line as it is', () => {
    expect(wrapLabel('湘潭市财政局', 8)).toEqual(['湘潭市财政局']);
  });

  it('wraps a long name into even lines and loses no character', () => {
    const name = '中国银行保险监督管理委员会湘潭监管分局';
    const lines = wrapLabel(name, 12);
    expect(lines).toEqual(['中国银行保险监督管理', '委员会湘潭监管分局']);
    expect(lines.join('')).toBe(name);
    for (const width of [2, 3, 5, 7, 19]) {
      const wrapped = wrapLabel(name, width);
      expect(wrapped.join('')).toBe(name);
      expect(wrapped.every((l) => [...l].length <= width)).toBe(true);
    }
  });

  it('keeps a number whole and a closing mark with what it closes, where the line has room', () => {
    expect(wrapLabel('宜府办函〔2014〕282号', 10)).toEqual(['宜府办函〔2014〕', '282号']);
    expect(wrapLabel('苏政办发〔2012〕91号', 10)).toEqual(['苏政办发〔2012〕', '91号']);
    expect(wrapLabel('宜府办函〔2014〕282号', 9)).toEqual(['宜府办函〔', '2014〕282号']);
    expect(wrapLabel('徐汇区就业和社保“十三五”规划', 8)).toEqual(['徐汇区就业和社保', '“十三五”规划']);
    expect(wrapLabel('计划2015年完成', 5)).toEqual(['计划', '2015', '年完成']);
    const long = wrapLabel('12345678', 3);
    expect(long.join('')).toBe('12345678');
    expect(long.every((l) => l.length <= 3)).toBe(true);
  });
});

describe('charactersPerLine', () => {
  it('gives labels beside horizontal bars 40 % of the width and labels under vertical bars one category’s width', () => {
    expect(charactersPerLine(340, 25, true)).toBe(10);
    expect(charactersPerLine(1000, 4, false)).toBe(18);
    expect(charactersPerLine(300, 40, false)).toBe(2);
  });
});

describe('limitBars', () => {
  it('leaves a chart of at most 12 bars as it is', () => {
    const twelve = spec(Array.from({ length: 12 }, (_, i) => `部门${i}`), [{ label: '牵头', values: Array.from({ length: 12 }, () => 1) }]);
    expect(limitBars(twelve)).toBe(twelve);
  });

  it('keeps the 11 largest in their order and sums the rest, per series, into one bar that says how many it holds', () => {
    const names = Array.from({ length: 15 }, (_, i) => `部门${i}`);
    const lead = names.map((_, i) => (i === 3 ? 0 : 15 - i));
    const support = names.map((_, i) => (i === 3 ? 1 : 0));
    const limited = limitBars(spec(names, [{ label: '牵头', values: lead }, { label: '配合', values: support }]));
    expect(limited.categories).toEqual([...names.slice(0, 3), ...names.slice(4, 12), '其他4个部门']);
    expect(limited.series[0]?.values).toEqual([15, 14, 13, 11, 10, 9, 8, 7, 6, 5, 4, 3 + 2 + 1 + 0]);
    expect(limited.series[1]?.values).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const sum = (s: ChartSpec) => s.series.flatMap((x) => x.values).reduce<number>((n, v) => n + (v ?? 0), 0);
    expect(sum(limited)).toBe(sum(spec(names, [{ label: '牵头', values: lead }, { label: '配合', values: support }])));
  });
});

describe('groupedCategories', () => {
  it('names the categories the others bar holds, and none when nothing was grouped', () => {
    const names = Array.from({ length: 14 }, (_, i) => `部门${i}`);
    const full = spec(names, [{ label: '牵头', values: names.map((_, i) => 14 - i) }]);
    expect(groupedCategories(full, limitBars(full))).toEqual(['部门11', '部门12', '部门13']);
    const small = spec(['甲', '乙'], [{ label: '牵头', values: [1, 2] }]);
    expect(groupedCategories(small, limitBars(small))).toEqual([]);
  });
});
