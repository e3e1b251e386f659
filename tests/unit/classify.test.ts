import { describe, expect, it } from 'vitest';
import { classifyLine, splitCells, splitTitle } from '../../scripts/lib/ingest/classify.ts';

describe('classifyLine', () => {
  it.each([
    ['一、总体要求', 1, '一、', 1, '总体要求'],
    ['二十四、强化考核', 1, '二十四、', 24, '强化考核'],
    ['(六)加大创业担保贷款工作力度。将…', 2, '(六)', 6, '加大创业担保贷款工作力度。将…'],
    ['（二十四）强化考核激励机制。', 2, '（二十四）', 24, '强化考核激励机制。'],
    ['1.有牌子。乡镇设立', 3, '1.', 1, '有牌子。乡镇设立'],
    ['3、坚持依法行政', 3, '3、', 3, '坚持依法行政'],
    ['1. 遵循社会保障卡全省规范。', 3, '1.', 1, '遵循社会保障卡全省规范。'],
    ['（2）开展培训', 4, '（2）', 2, '开展培训'],
  ])('%s is a level-%i item', (line, level, label, num, rest) => {
    expect(classifyLine(line)).toEqual({ kind: 'numbered', level, label, num, rest });
  });

  it('does not take a decimal or a year for an item number', () => {
    expect(classifyLine('1.6万个见习岗位')).toEqual({ kind: 'text', text: '1.6万个见习岗位' });
    expect(classifyLine('2016年11月28日')).toEqual({ kind: 'text', text: '2016年11月28日' });
  });

  it('leaves real parentheses as text', () => {
    expect(classifyLine('(此件主动公开)').kind).toBe('text');
    expect(classifyLine('（2011-2015年）规划').kind).toBe('text');
  });

  it('recognises bullets, annex labels and table lines', () => {
    expect(classifyLine('——加强就业监测。加强…')).toEqual({ kind: 'bullet', label: '——', rest: '加强就业监测。加强…' });
    expect(classifyLine('附件1:')).toEqual({ kind: 'annex', label: '附件1:', num: 1, rest: '' });
    expect(classifyLine('附件2：示范项目表')).toEqual({ kind: 'annex', label: '附件2：', num: 2, rest: '示范项目表' });
    expect(classifyLine('附件中的表格由各地填报,于5月底前报送。').kind).toBe('text');
    expect(classifyLine('序号 |')).toEqual({ kind: 'table', cells: ['序号'] });
    expect(classifyLine('类型 | 指标名称 | 单位 |')).toEqual({ kind: 'table', cells: ['类型', '指标名称', '单位'] });
    expect(classifyLine('   ')).toEqual({ kind: 'blank' });
  });
});

describe('splitCells', () => {
  it('keeps empty cells inside the row and drops the one after the closing bar', () => {
    expect(splitCells('a | | b | |')).toEqual(['a', '', 'b', '']);
  });
});

describe('splitTitle', () => {
  it('takes a short first sentence as the title', () => {
    expect(splitTitle('加大创业担保贷款工作力度。将农村自主创业的农民纳入支持范围')).toEqual({
      title: '加大创业担保贷款工作力度',
      separator: '。',
      text: '将农村自主创业的农民纳入支持范围',
    });
  });
  it('takes a short heading line whole', () => {
    expect(splitTitle('就业优先战略贯彻更加深入,就业形势平稳可控')).toEqual({ title: '就业优先战略贯彻更加深入,就业形势平稳可控', separator: '', text: '' });
  });
  it('gives no title to a long first sentence', () => {
    const rest = '市、县(区)要成立由市、县(区)分管领导任组长,人力资源社会保障、发展改革、财政、编制等相关部门领导为成员的平台建设工作领导小组。其后';
    expect(splitTitle(rest)).toEqual({ title: null, separator: '', text: rest });
  });
});
