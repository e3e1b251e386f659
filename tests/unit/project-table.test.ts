import { describe, expect, it } from 'vitest';
import { indexDocument } from '#core/document-index.ts';
import { placeKey, projectRows, projectsByRow } from '../../src/lib/project-table.ts';
import { documentOfTable } from '../helpers/document-builder.ts';
import { testProject } from '../helpers/records.ts';

describe('placeKey', () => {
  it('files 南京市 under 南京 and keeps names that are not just a city', () => {
    expect(placeKey('南京市')).toBe('南京');
    expect(placeKey('江阴市')).toBe('江阴');
    expect(placeKey('苏州市区')).toBe('苏州市区');
    expect(placeKey('盐城市亭湖区')).toBe('盐城市亭湖区');
    expect(placeKey('江苏常州技师学院')).toBe('江苏常州技师学院');
  });
});

describe('projectsByRow', () => {
  it('files each project under its table row, in the order given', () => {
    const projects = [testProject({ number: 1 }), testProject({ number: 1, kind: '示范', rowId: 'a2-t1.r1' }), testProject({ number: 2, rowId: 'a1-t1.r1' })];
    const byRow = projectsByRow(projects);
    expect([...byRow.keys()]).toEqual(['doc/a1-t1.r1', 'doc/a2-t1.r1']);
    expect(byRow.get('doc/a1-t1.r1')).toEqual([projects[0], projects[2]]);
  });
});

describe('projectRows', () => {
  // Two documents in site order, each an annex table of two rows (testDocument cites rows of part m).
  const annex = (id: string, shortTitle: string) => ({ ...documentOfTable(['序号', '试点项目'], [['1', '甲'], ['2', '乙']], { shortTitle }), id });
  const documents = [annex('later', '乙文件'), annex('earlier', '甲文件')];
  const indexes = new Map(documents.map((d) => [d.id, indexDocument(d)]));
  const rows = projectRows(
    [
      testProject({ number: 1, documentId: 'earlier', rowId: 'm-t1.r1' }),
      testProject({ number: 1, kind: '示范', documentId: 'later', rowId: 'm-t1.r2' }),
      testProject({ number: 2, documentId: 'later', rowId: 'm-t1.r1', regions: ['南京市', '苏州市区'] }),
      testProject({ number: 1, documentId: 'later', rowId: 'm-t1.r1' }),
    ],
    documents,
    indexes,
  );

  it('lists the projects in document order, pilots before demonstrations, then by number', () => {
    expect(rows.map((r) => r.project.id)).toEqual(['later/pilot-1', 'later/pilot-2', 'later/demo-1', 'earlier/pilot-1']);
  });

  it('gives each its document, table row page and places filed by key', () => {
    expect(rows[1]).toMatchObject({ documentShortTitle: '乙文件', path: '/later/m-t1/#m-t1.r1' });
    expect(rows[1]?.places).toEqual([
      { name: '南京市', key: '南京' },
      { name: '苏州市区', key: '苏州市区' },
    ]);
  });
});
