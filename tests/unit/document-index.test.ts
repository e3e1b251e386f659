import { describe, expect, it } from 'vitest';
import { counterparts, displayName, entryById, indexDocument, plainText } from '#core/document-index.ts';
import { measuresDocument, testDocument } from '../helpers/document-builder.ts';

const provision = (id: string, level: number, label: string, num: number, title: string | null, citation: string, children: unknown[] = []) => ({
  type: 'provision', id, kind: 'numbered', level, label, num, title, text: '', lines: { start: 1, end: 1 }, citation, children,
});
const paragraph = (id: string, text: string) => ({ type: 'paragraph', id, line: 1, text });
const table = {
  type: 'table', id: 'm-t1', caption: null, columns: ['序号', '指标'], lines: { start: 1, end: 3 },
  rows: [
    { id: 'm-t1.r1', num: '1', lines: { start: 2, end: 2 }, cells: [{ column: '序号', value: '1', line: 2, inherited: false }, { column: '指标', value: '新增就业', line: 2, inherited: false }] },
    { id: 'm-t1.r2', num: null, lines: { start: 3, end: 3 }, cells: [{ column: '序号', value: '', line: 3, inherited: false }, { column: '指标', value: '培训', line: 3, inherited: false }] },
  ],
};
/** 一、 with a paragraph and two clauses （一）（二）, then 二、, a table and a closing paragraph, in part m of 某市措施. */
const doc = testDocument({
  id: 'measures',
  meta: { shortTitle: '某市措施' },
  lines: ['x'],
  blocks: [
    paragraph('m-p1', '为稳定就业，制定本措施。'),
    provision('m-1', 1, '一、', 1, '总体要求', '某市措施 一、', [
      paragraph('m-1.p1', '坚持就业优先。'),
      provision('m-1.1', 2, '（一）', 1, '稳定岗位', '某市措施 一、（一）'),
      provision('m-1.2', 2, '（二）', 2, '支持创业', '某市措施 一、（二）'),
    ]),
    provision('m-2', 1, '二、', 2, '保障措施', '某市措施 二、'),
    table,
    paragraph('m-p2', '本措施自印发之日起施行。'),
  ],
});
const index = indexDocument(doc);

describe('indexDocument on a crafted document', () => {
  it('indexes every node in document order, the part first', () => {
    expect(index.entries.map((e) => e.id)).toEqual(['m', 'm-p1', 'm-1', 'm-1.p1', 'm-1.1', 'm-1.2', 'm-2', 'm-t1', 'm-t1.r1', 'm-t1.r2', 'm-p2']);
  });

  it('gives a provision its parser citation, ancestors and neighbours at the same level', () => {
    const e = entryById(index, 'm-1.2');
    expect(e.citation).toBe('某市措施 一、（二）');
    expect(e.heading).toBe('（二）支持创业');
    expect(e.ancestorIds).toEqual(['m', 'm-1']);
    expect([e.prevId, e.nextId]).toEqual(['m-1.1', null]);
    expect([entryById(index, 'm-1').prevId, entryById(index, 'm-1').nextId]).toEqual([null, 'm-2']);
    expect(displayName(e)).toBe('某市措施 一、（二） 支持创业');
  });

  it('cites paragraphs by position under their parent, numbered as their ids are', () => {
    expect(entryById(index, 'm-1.p1').citation).toBe('某市措施 一、第1段');
    expect(entryById(index, 'm-p2').citation).toBe('某市措施 第2段');
    expect(entryById(index, 'm-p2').heading).toBe('第2段');
  });

  it('cites a table by its number in the part and rows by their printed 序号 or position', () => {
    expect(entryById(index, 'm-t1').citation).toBe('某市措施 表1');
    expect(entryById(index, 'm-t1.r1').citation).toBe('某市措施 表1 序号1');
    expect(entryById(index, 'm-t1.r2').citation).toBe('某市措施 表1 第2行');
    expect(entryById(index, 'm-t1.r2').ancestorIds).toEqual(['m', 'm-t1']);
    expect(plainText(entryById(index, 'm-t1.r1'))).toBe('序号：1；指标：新增就业');
  });

  it('throws on an unknown id', () => {
    expect(() => entryById(index, 'm-9.99')).toThrow('measures: no node with id m-9.99');
  });
});

describe('counterparts', () => {
  const canonical = indexDocument(measuresDocument());
  const clause = entryById(canonical, 'm-2.6').node;
  const section = entryById(canonical, 'm-2').node;
  /** Lines 2–3 of the measures (二、 with （六）) published on their own, numbered from line 1. */
  const excerpt = testDocument({
    id: 'excerpt',
    lines: ['二、支持创业', '（六）加大创业担保贷款力度。'],
    blocks: [{ ...section, id: 'm-1', lines: { start: 1, end: 2 }, children: [{ ...clause, id: 'm-1.6', lines: { start: 2, end: 2 } }] }],
  });

  it('finds each node of a repeated text in the document it repeats, by its line there and its content', () => {
    const found = counterparts(indexDocument({ ...excerpt, duplicateOf: { documentId: 'measures', firstLine: 2, lastLine: 3 } }), canonical);
    expect([...found].map(([id, entry]) => [id, entry.id])).toEqual([
      ['m-1', 'm-2'],
      ['m-1.6', 'm-2.6'],
    ]);
  });

  it('matches nothing outside the repeated lines, and refuses a document that repeats nothing', () => {
    expect(counterparts(indexDocument({ ...excerpt, duplicateOf: { documentId: 'measures', firstLine: 2, lastLine: 2 } }), canonical).has('m-1.6')).toBe(false);
    expect(() => counterparts(indexDocument(excerpt), canonical)).toThrow('excerpt is not a duplicate');
  });
});
