import { describe, expect, it } from 'vitest';
import { LEVEL_LABELS, regionGroups } from '../../src/lib/regions.ts';
import type { Document } from '#schemas/document.ts';
import { testDocument } from '../helpers/document-builder.ts';

/** Documents of three governments, one province with two documents, given newest first. */
const documents = [
  testDocument({ id: 'city', meta: { region: { name: '湘潭市', level: 'city', within: ['湖南省'] } }, blocks: [], lines: [] }),
  testDocument({ id: 'province-b', meta: { region: { name: '江苏省', level: 'province', within: [] } }, blocks: [], lines: [] }),
  testDocument({ id: 'district', meta: { region: { name: '徐汇区', level: 'district', within: ['上海市'] } }, blocks: [], lines: [] }),
  testDocument({ id: 'province-a', meta: { region: { name: '江苏省', level: 'province', within: [] } }, blocks: [], lines: [] }),
];

describe('regionGroups', () => {
  it('groups the documents by their government, provinces by pinyin with their cities and districts after them', () => {
    expect(regionGroups(documents).map((g) => [g.name, LEVEL_LABELS[g.level], g.within.join('/'), g.documents.map((d) => d.id)])).toEqual([
      ['湘潭市', '地级市', '湖南省', ['city']],
      ['江苏省', '省级', '', ['province-b', 'province-a']],
      ['徐汇区', '市辖区', '上海市', ['district']],
    ]);
  });

  it('fails when two documents describe the same region differently', () => {
    const [first] = documents;
    if (first === undefined) throw new Error('no documents');
    const other: Document = { ...first, id: 'other', meta: { ...first.meta, region: { ...first.meta.region, within: ['湖北省'] } } };
    expect(() => regionGroups([first, other])).toThrow('other: region 湘潭市 is described differently by another document (level or within)');
  });
});
