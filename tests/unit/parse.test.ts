import { describe, expect, it } from 'vitest';
import { checkConservation } from '../../scripts/lib/ingest/conserve.ts';
import { parseStructure, type ParseInput } from '../../scripts/lib/ingest/parse.ts';
import { blocksOf } from '#core/document-tree.ts';
import type { Block, Part, Provision, Table } from '#schemas/structure.ts';

function parse(text: string, extra: Partial<ParseInput> = {}) {
  const lines = text.split('\n');
  const result = parseStructure({ lines, file: 'fixture.txt', shortTitle: '测试文件', roles: new Map(), skip: new Map(), partShortTitles: {}, tableColumns: {}, ...extra });
  return { ...result, lines, conservation: checkConservation(lines, result.parts, result.drops, 'fixture.txt') };
}

/** Every node id in document order, tables' rows included. */
function ids(parts: readonly Part[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    out.push(part.id);
    for (const { block } of blocksOf({ parts: [part] })) out.push(block.id, ...(block.type === 'table' ? block.rows.map((r) => r.id) : []));
  }
  return out;
}

function find(parts: readonly Part[], id: string): Block | undefined {
  return [...blocksOf({ parts })].find(({ block }) => block.id === id)?.block;
}

describe('parseStructure: the 公文 hierarchy', () => {
  const text = [
    '为做好工作,现提出如下意见:',
    '一、总体要求',
    '坚持就业优先。',
    '（一）加强组织领导。各地要成立领导小组。',
    '1.有牌子。设立服务中心。',
    '2.有场地。面积不低于50平方米。',
    '（1）配备桌椅。',
    '（二）强化政策扶持。加大投入。',
    '二、保障措施',
    '（一）狠抓督查考核。每半年检查1次。',
  ].join('\n');

  it('mirrors the printed numbering in the ids and keeps every line', () => {
    const r = parse(text);
    expect(ids(r.parts)).toEqual(['m', 'm-p1', 'm-1', 'm-1.p1', 'm-1.1', 'm-1.1.1', 'm-1.1.2', 'm-1.1.2.1', 'm-1.2', 'm-2', 'm-2.1']);
    expect(r.conservation).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });

  it('keeps a short first sentence as the title, the label as printed, and the source lines', () => {
    const r = parse(text);
    const clause = find(r.parts, 'm-1.1') as Provision;
    expect(clause).toMatchObject({ kind: 'numbered', level: 2, label: '（一）', num: 1, title: '加强组织领导', text: '各地要成立领导小组。', lines: { start: 4, end: 7 } });
    expect(clause.citation).toBe('测试文件 一、（一）');
    expect((find(r.parts, 'm-1.1.2.1') as Provision).citation).toBe('测试文件 一、（一）2.（1）');
    expect(r.drops.filter((d) => d.rule === 'title-full-stop').map((d) => d.line)).toEqual([4, 5, 6, 7, 8, 10]);
  });
});

describe('parseStructure: numbering that runs on or restarts', () => {
  it('keeps numbers that run on across sections (（四） under 二、)', () => {
    const r = parse(['一、第一部分', '（一）甲。甲甲', '（二）乙。乙乙', '二、第二部分', '（三）丙。丙丙'].join('\n'));
    expect(ids(r.parts)).toEqual(['m', 'm-1', 'm-1.1', 'm-1.2', 'm-2', 'm-2.3']);
    expect(r.diagnostics).toEqual([]);
  });

  it('groups items under an implicit heading where a restart shows a heading was lost', () => {
    const r = parse(['二、主要目标', '1、坚持以人为本', '2、坚持改革创新', '1、实现更加充分的就业。内容', '2、建设社会保障体系。内容'].join('\n'));
    expect(ids(r.parts)).toEqual(['m', 'm-2', 'm-2.u1', 'm-2.u1.1', 'm-2.u1.2', 'm-2.u2', 'm-2.u2.1', 'm-2.u2.2']);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['parse-numbering-restart', 4]]);
    expect(r.conservation).toEqual([]);
    // Only the group that stands for the lost heading is marked as restored by guesswork.
    const implicit = [...blocksOf({ parts: r.parts })].flatMap(({ block }) => (block.type === 'provision' && block.kind === 'implicit' ? [[block.id, block.restored ?? null]] : []));
    expect(implicit).toEqual([
      ['m-2.u1', null],
      ['m-2.u2', 'lost-heading'],
    ]);
  });

  it('cites the items of a later implicit group apart from the first group\'s, naming the group by its place', () => {
    const r = parse(['二、主要目标', '1、坚持以人为本', '2、坚持改革创新', '1、实现更加充分的就业。内容', '2、建设社会保障体系。内容'].join('\n'));
    const citation = (id: string) => (find(r.parts, id) as Provision).citation;
    expect(citation('m-2.u1.1')).toBe('测试文件 二、1、');
    expect(citation('m-2.u2')).toBe('测试文件 二、 未编号第2组');
    expect(citation('m-2.u2.1')).toBe('测试文件 二、 未编号第2组 1、');
  });

  it('gives level-3 items directly under a level-1 heading an implicit level-2 parent, so (一) cannot collide with 1、', () => {
    const r = parse(['二、原则', '1、坚持以人为本', '（一）坚持民生优先', '1、完善机制'].join('\n'));
    expect(ids(r.parts)).toEqual(['m', 'm-2', 'm-2.u1', 'm-2.u1.1', 'm-2.1', 'm-2.1.1']);
  });

  it('numbers bullets in order and closes them before the next paragraph', () => {
    const r = parse(['1、完善机制', '——促进互动。内容', '——形成格局。内容', '总结段落。'].join('\n'));
    expect(ids(r.parts)).toEqual(['m', 'm-u1', 'm-u1.1', 'm-u1.1.b1', 'm-u1.1.b2', 'm-u1.1.p1']);
    expect((find(r.parts, 'm-u1.1.b2') as Provision).citation).toBe('测试文件 1、第2项');
  });

  it('warns about gaps in the numbering', () => {
    const r = parse(['一、甲', '三、丙'].join('\n'));
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['parse-numbering-gap', 2]]);
  });
});

describe('parseStructure: compound documents', () => {
  const text = [
    '各市人民政府:',
    '《甲工作计划》、《乙项目建设意见》已经同意,现印发给你们。',
    '甲工作计划',
    '一、总体要求',
    '乙项目建设意见',
    '一、重要意义',
    '附件1:',
    '试点项目',
    '序号 |',
    '类别 |',
    '1 |',
    '就 |',
  ].join('\n');

  it('splits the cover notice, each issued document and each annex into parts', () => {
    const r = parse(text, { partShortTitles: { d2: '乙意见' } });
    expect(r.parts.map((p) => [p.id, p.kind, p.label, p.title, p.lines])).toEqual([
      ['n', 'cover', null, null, { start: 1, end: 2 }],
      ['d1', 'document', null, '甲工作计划', { start: 3, end: 4 }],
      ['d2', 'document', null, '乙项目建设意见', { start: 5, end: 6 }],
      ['a1', 'annex', '附件1:', '试点项目', { start: 7, end: 12 }],
    ]);
    expect(ids(r.parts)).toEqual(['n', 'n-p1', 'n-p2', 'd1', 'd1-1', 'd2', 'd2-1', 'a1', 'a1-t1', 'a1-t1.r1']);
    expect((find(r.parts, 'd2-1') as Provision).citation).toBe('测试文件 乙意见 一、');
    expect(r.parts[0]?.children[0]).toMatchObject({ role: 'addressee' });
    expect(r.conservation).toEqual([]);
  });

  it('does not parse a table of contents as headings', () => {
    const r = parse(['目录', '一、总体要求……3', '二、主要目标……5', '一、总体要求', '内容。'].join('\n'));
    expect(ids(r.parts)).toEqual(['m', 'm-p1', 'm-p2', 'm-p3', 'm-1', 'm-1.p1']);
    expect(r.parts[0]?.children.slice(0, 3).map((b) => (b.type === 'paragraph' ? b.role : b.type))).toEqual(['toc', 'toc', 'toc']);
  });

  it('keeps part-level lines (signature, date) at the part whatever clause precedes them', () => {
    const r = parse(['一、要求', '（一）甲。内容', '某市人民政府', '2019年2月1日'].join('\n'), { roles: new Map([[3, 'signature'], [4, 'date']]) });
    expect(ids(r.parts)).toEqual(['m', 'm-1', 'm-1.1', 'm-p1', 'm-p2']);
  });

  it('turns an unstructured text into paragraphs with a warning', () => {
    const r = parse('第一段文字。\n第二段文字。');
    expect(ids(r.parts)).toEqual(['m', 'm-p1', 'm-p2']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['parse-no-structure']);
  });
});

describe('parseStructure: tables', () => {
  it('reads one-cell-per-line tables with the header repeated at page breaks', () => {
    const lines = ['附件1:', '试点项目', '序号 |', '类别 |', '地区 |', '1 |', '就 |', '苏州 |', '序号 |', '类别 |', '地区 |', '2 |', '社 |', '南京市、南通市 |', '3 |', '综 业 |'];
    const r = parse(lines.join('\n'));
    const table = r.parts[0]?.children[0] as Table;
    expect(table.columns).toEqual(['序号', '类别', '地区']);
    expect(table.rows.map((row) => [row.id, row.num, row.cells.map((c) => c.value)])).toEqual([
      ['a1-t1.r1', '1', ['1', '就', '苏州']],
      ['a1-t1.r2', '2', ['2', '社', '南京市、南通市']],
      ['a1-t1.r3', '3', ['3', '综业', '']],
    ]);
    expect(r.drops.filter((d) => d.rule === 'repeated-table-header').map((d) => d.line)).toEqual([9, 10, 11]);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['table-row-cells', 15]]);
    expect(r.conservation).toEqual([]);
  });

  it('carries merged leading cells down and names columns from the sidecar', () => {
    const lines = ['主要指标', '指标 | 目标 | 属性 | |', '就业 促进 | 新增岗位 | 23万个 | 约束性 |', '失业人数 | 控制在指标内 | 约束性 | |'];
    const r = parse(lines.join('\n'), { tableColumns: { 'm-t1': ['类型', '指标', '目标', '属性'] } });
    const table = r.parts[0]?.children[1] as Table;
    expect(table.caption).toBe('主要指标');
    expect(table.columns).toEqual(['类型', '指标', '目标', '属性']);
    expect(table.rows[1]?.cells).toEqual([
      { column: '类型', value: '就业促进', line: 3, inherited: true },
      { column: '指标', value: '失业人数', line: 4, inherited: false },
      { column: '目标', value: '控制在指标内', line: 4, inherited: false },
      { column: '属性', value: '约束性', line: 4, inherited: false },
    ]);
    expect(r.conservation).toEqual([]);
  });
});

describe('checkConservation', () => {
  // Found by the property tests: a blank line between 附件1: and its title gave two conservation errors.
  it('finds an annex title the parser took from below blank lines', () => {
    const r = parse(['一、总体要求', '附件1:', '', '', '试点项目名单', '一、名单'].join('\n'));
    expect(r.parts.map((p) => [p.id, p.label, p.title])).toEqual([['m', null, null], ['a1', '附件1:', '试点项目名单']]);
    expect(r.conservation).toEqual([]);
  });


  it('reports a line whose characters no node accounts for', () => {
    const lines = ['一、总体要求', '坚持就业优先。'];
    const r = parseStructure({ lines, file: 'f.txt', shortTitle: 'x', roles: new Map(), skip: new Map(), partShortTitles: {}, tableColumns: {} });
    const first = r.parts[0]?.children[0] as Provision;
    first.title = '总体';
    expect(checkConservation(lines, r.parts, r.drops, 'f.txt')).toEqual([
      { level: 'error', code: 'conservation', message: 'the parsed nodes do not account for this line exactly: missing "求要", not in the source ""', file: 'f.txt', line: 1 },
    ]);
  });
});
