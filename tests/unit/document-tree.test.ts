import { describe, expect, it } from 'vitest';
import { blocksOf } from '#core/document-tree.ts';
import { documentOfParagraphs, documentOfTable } from '../helpers/document-builder.ts';

describe('blocksOf', () => {
  it('visits every block depth first, a provision before what it holds, with the provisions around it', () => {
    const doc = documentOfParagraphs(['甲', '乙'], { heading: '目标' });
    expect([...blocksOf(doc)].map(({ block, part, provisions }) => [block.id, part.id, provisions.map((p) => p.id)])).toEqual([
      ['m-1', 'm', []],
      ['m-1.p1', 'm', ['m-1']],
      ['m-1.p2', 'm', ['m-1']],
    ]);
  });

  it('yields a table as one block: its rows are the table’s', () => {
    const doc = documentOfTable(['序号', '项目'], [['1', '甲'], ['2', '乙']]);
    expect([...blocksOf(doc)].map(({ block }) => block.type)).toEqual(['table']);
  });

  it('yields nothing for parts without blocks', () => {
    expect([...blocksOf({ parts: [] })]).toEqual([]);
  });
});
