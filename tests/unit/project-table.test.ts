import { describe, expect, it } from 'vitest';
import { placeKey, projectsByRow } from '../../src/lib/project-table.ts';
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
