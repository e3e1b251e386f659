import { describe, expect, it } from 'vitest';
import { byCountThenName, filterAttribute, filterOptions } from '../../src/lib/filters.ts';
import { placeKey, projectRows, projectsByRow } from '../../src/lib/project-table.ts';
import { siteFixture } from '../helpers/site-fixture.ts';

const { corpus, canonical, indexes } = siteFixture();
const rows = projectRows(corpus.projects, canonical, indexes);

describe('placeKey', () => {
  it('files 南京市 under 南京 and keeps names that are not just a city', () => {
    expect(placeKey('南京市')).toBe('南京');
    expect(placeKey('江阴市')).toBe('江阴');
    expect(placeKey('苏州市区')).toBe('苏州市区');
    expect(placeKey('盐城市亭湖区')).toBe('盐城市亭湖区');
    expect(placeKey('江苏常州技师学院')).toBe('江苏常州技师学院');
  });
});

describe('projectRows', () => {
  it('lists every project, pilots before demonstrations, each with its table row', () => {
    expect(rows).toHaveLength(corpus.projects.length);
    expect(rows.map((r) => r.project.id).slice(12, 14)).toEqual(['jiangsu-szbf-2012-91/pilot-13', 'jiangsu-szbf-2012-91/demo-1']);
    expect(rows[1]).toMatchObject({ path: '/jiangsu-szbf-2012-91/a1-t1.r2/', citation: '苏政办发〔2012〕91号 附件1 表1 序号2' });
    expect(rows[1]?.places).toEqual([
      { name: '南京市', key: '南京' },
      { name: '无锡', key: '无锡' },
      { name: '徐州', key: '徐州' },
      { name: '苏州', key: '苏州' },
    ]);
  });
});

describe('filters', () => {
  it('offers each place once with the number of projects, most first', () => {
    const options = filterOptions(rows, (r) => r.places.map((p) => ({ value: p.key, label: p.key })), byCountThenName);
    expect(options.slice(0, 3)).toEqual([
      { value: '南京', label: '南京', count: 8 },
      { value: '苏州', label: '苏州', count: 7 },
      { value: '无锡', label: '无锡', count: 6 },
    ]);
  });

  it('joins a row’s values for its data attribute and refuses the separator inside a value', () => {
    expect(filterAttribute(['南京', '无锡'])).toBe('南京|无锡');
    expect(() => filterAttribute(['南京|无锡'])).toThrow('filter value "南京|无锡" contains |');
  });
});

describe('projectsByRow', () => {
  it('files each project under its table row, in the order given', () => {
    const byRow = projectsByRow(corpus.projects);
    expect([...byRow.values()].flat()).toHaveLength(corpus.projects.length);
    for (const [row, projects] of byRow) for (const p of projects) expect(`${p.documentId}/${p.rowId}`).toBe(row);
    const first = corpus.projects[0]!;
    expect(byRow.get(`${first.documentId}/${first.rowId}`)?.[0]).toBe(first);
  });
});
