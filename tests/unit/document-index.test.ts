import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { counterparts, displayName, entryById, indexDocument, plainText, type DocumentIndex } from '#core/document-index.ts';
import { generatedDocument, generatedIds } from '../helpers/generated.ts';

const index = (id: string): DocumentIndex => indexDocument(generatedDocument(id));
const xiangtan = index('xiangtan-2019-stabilise-employment');
const jiangsu = index('jiangsu-szbf-2012-91');
const xuhui = index('xuhui-2016-employment-plan');

describe('indexDocument', () => {
  it('indexes every id pinned in the golden file, in document order', () => {
    const golden = JSON.parse(fs.readFileSync('tests/golden/ids.json', 'utf8')) as Record<string, Record<string, string>>;
    for (const id of generatedIds()) {
      const indexed = index(id).entries.map((e) => e.id);
      expect(new Set(indexed)).toEqual(new Set(Object.keys(golden[id] ?? {})));
    }
    expect(xiangtan.entries.slice(0, 8).map((e) => e.id)).toEqual(['n', 'n-p1', 'n-p2', 'n-p3', 'n-p4', 'n-p5', 'd1', 'd1-p1']);
  });

  it('gives a provision its parser citation, ancestors and neighbours at the same level', () => {
    const e = entryById(xiangtan, 'd1-2.6');
    expect(e.citation).toBe('湘潭稳就业二十四条 二、（六）');
    expect(e.heading).toBe('（六）加大创业担保贷款工作力度');
    expect(e.ancestorIds).toEqual(['d1', 'd1-2']);
    expect([e.prevId, e.nextId]).toEqual(['d1-2.5', 'd1-3.7']);
    expect([entryById(xiangtan, 'd1-2').prevId, entryById(xiangtan, 'd1-2').nextId]).toEqual(['d1-1', 'd1-3']);
    expect(displayName(e)).toBe('湘潭稳就业二十四条 二、（六） 加大创业担保贷款工作力度');
  });

  it('cites paragraphs by position under their parent, and a cover notice as 通知', () => {
    expect(entryById(xiangtan, 'd1-1.p1').citation).toBe('湘潭稳就业二十四条 一、第1段');
    expect(entryById(xiangtan, 'd1-p1').citation).toBe('湘潭稳就业二十四条 第1段');
    expect(entryById(xiangtan, 'n').citation).toBe('湘潭稳就业二十四条 通知');
    expect(entryById(xiangtan, 'n-p2').citation).toBe('湘潭稳就业二十四条 通知 第2段');
    expect(entryById(xiangtan, 'n-p2').heading).toBe('第2段');
  });

  it('names parts the way the parser names them in provision citations', () => {
    expect(entryById(jiangsu, 'd1').citation).toBe('苏政办发〔2012〕91号 2012年两大体系工作计划');
    expect(entryById(jiangsu, 'd2').citation).toBe('苏政办发〔2012〕91号 试点示范项目建设意见');
    expect(entryById(jiangsu, 'a1').citation).toBe('苏政办发〔2012〕91号 附件1');
    expect(entryById(xuhui, 'm').citation).toBe('徐汇区就业和社保“十三五”规划');
  });

  it('cites tables by their number in the part and rows by their printed 序号 or position', () => {
    const row = entryById(jiangsu, 'a1-t1.r10');
    expect(row.citation).toBe('苏政办发〔2012〕91号 附件1 表1 序号10');
    expect(row.ancestorIds).toEqual(['a1', 'a1-t1']);
    expect([row.prevId, row.nextId]).toEqual(['a1-t1.r9', 'a1-t1.r11']);
    expect(entryById(jiangsu, 'a2-t1').citation).toBe('苏政办发〔2012〕91号 附件2 表1');
    expect(entryById(xuhui, 'm-t2').citation).toBe('徐汇区就业和社保“十三五”规划 表2');
    expect(entryById(xuhui, 'm-t1.r3').citation).toBe('徐汇区就业和社保“十三五”规划 表1 第3行');
    expect(plainText(entryById(xuhui, 'm-t1.r3'))).toBe('类型：促进就业；指标名称：每年扶持成功创业；单位：人；“十二五”目标：每年600人以上；完成情况：完成3147人');
  });

  it('names implicit groups by position, since they print no number', () => {
    const group = entryById(xuhui, 'm-2.u2');
    expect(group.heading).toBe('未编号第2组');
    expect(group.citation).toBe('徐汇区就业和社保“十三五”规划 二、 未编号第2组');
    // Implicit groups stand for lost headings of their level, so they are neighbours of the numbered ones.
    expect([group.prevId, group.nextId]).toEqual(['m-2.u1', 'm-2.1']);
  });

  it('numbers paragraphs as the ids do', () => {
    for (const id of generatedIds()) {
      for (const e of index(id).entries) {
        if (e.kind !== 'paragraph') continue;
        expect(e.heading, `${id} ${e.id}`).toBe(`第${/p(\d+)$/.exec(e.id)?.[1]}段`);
      }
    }
  });

  it('throws on an unknown id', () => {
    expect(() => entryById(xiangtan, 'd1-9.99')).toThrow('xiangtan-2019-stabilise-employment: no node with id d1-9.99');
  });
});

describe('counterparts', () => {
  it('finds each node of a repeated text in the document it repeats', () => {
    const excerpt = index('jiangsu-szbf-2012-91-excerpt');
    const found = counterparts(excerpt, jiangsu);
    expect(found.get('m-4')?.id).toBe('d1-4');
    expect(found.get('m-4.2')?.id).toBe('d1-4.2');
    expect(found.get('d1')?.id).toBe('d2');
    expect(found.get('d1-3.4')?.id).toBe('d2-3.4');
    // The excerpt's own body wrapper starts where nothing in the original does.
    expect(found.has('m')).toBe(false);
    expect(found.size).toBe(16);
  });

  it('refuses a document that repeats nothing', () => {
    expect(() => counterparts(xiangtan, jiangsu)).toThrow('xiangtan-2019-stabilise-employment is not a duplicate');
  });
});
