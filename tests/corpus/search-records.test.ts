import fs from 'node:fs';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import {
  clauseRecords,
  departmentRecords,
  documentRecords,
  projectRecords,
  searchRecords,
  targetRecords,
  toPagefindRecord,
} from '../../scripts/lib/search-index/records.ts';
import { indexContent } from '#core/search/tokens.ts';
import { Department } from '#schemas/entities.ts';
import { generatedDocument, generatedIds } from '../helpers/generated.ts';

const xiangtan = generatedDocument('xiangtan-2019-stabilise-employment');
const jiangsu = generatedDocument('jiangsu-szbf-2012-91');
const registry = z.array(Department).parse(JSON.parse(fs.readFileSync('content/departments.json', 'utf8')));
const xiangtanFilters = { region: ['湘潭市', '湖南省'], issuer: ['湘潭市人民政府'], document: ['湘潭稳就业二十四条'], type: ['措施'], year: ['2019'] };

describe('clauseRecords', () => {
  const records = clauseRecords(xiangtan);
  const loan = records.find((r) => r.url === '/xiangtan-2019-stabilise-employment/d1-2.6/');

  it('makes one record per provision, paragraph and row page, none for parts, tables or implicit groups', () => {
    expect(records).toHaveLength(39);
    expect(records.map((r) => r.url)).not.toContain('/xiangtan-2019-stabilise-employment/d1/');
  });

  it('names a clause by its citation, carries its text, document context and filters', () => {
    expect(loan).toMatchObject({
      kind: 'clause',
      title: '湘潭稳就业二十四条 二、（六）',
      source: '湘潭稳就业二十四条',
      context: ['湘潭稳就业二十四条', '湘潭市', '湖南省'],
      filters: { ...xiangtanFilters, kind: ['clause'] },
    });
    expect(loan?.text.startsWith('加大创业担保贷款工作力度。将农村自主创业的农民纳入支持范围')).toBe(true);
    expect(loan?.searchText).toBe(loan?.text);
  });

  it('searches a table row by its values, without the column names it shows', () => {
    const row = clauseRecords(jiangsu).find((r) => r.url === '/jiangsu-szbf-2012-91/a1-t1/#a1-t1.r10' && r.kind === 'clause');
    expect(row?.title).toBe('苏政办发〔2012〕91号 附件1 表1 序号10');
    expect(row?.text.startsWith('序号：10；类别：社；试点项目：农村社会养老保险经办管理服务“四个不出村”试点；')).toBe(true);
    expect(row?.searchText.startsWith('10；社；农村社会养老保险经办管理服务“四个不出村”试点；')).toBe(true);
  });
});

describe('entity records', () => {
  it('lands each target on its clause, at an anchor that keeps it apart from the clause record', () => {
    expect(targetRecords(xiangtan).filter((r) => r.url.startsWith('/xiangtan-2019-stabilise-employment/d1-4.11/')).map((r) => [r.url, r.title, r.citation])).toEqual([
      ['/xiangtan-2019-stabilise-employment/d1-4.11/#t1', '新增市场主体', '湘潭稳就业二十四条 四、（十一）'],
      ['/xiangtan-2019-stabilise-employment/d1-4.11/#t2', '带动就业', '湘潭稳就业二十四条 四、（十一）'],
    ]);
  });

  it('lands each project on its table row and finds it by name', () => {
    // The row is an anchor on its table's page: the project lands beside it, at an anchor of its own.
    const project = projectRecords(jiangsu).find((r) => r.url === '/jiangsu-szbf-2012-91/a1-t1/#a1-t1.r10/pilot-10');
    expect(project).toMatchObject({ kind: 'project', title: '农村社会养老保险经办管理服务“四个不出村”试点', citation: '苏政办发〔2012〕91号 附件1 表1 序号10' });
    expect(project?.searchText.startsWith('农村社会养老保险经办管理服务“四个不出村”试点；')).toBe(true);
  });

  it('makes one record per registered department named in the corpus, found by every name the texts print', () => {
    const records = departmentRecords(registry)(generatedIds().map(generatedDocument));
    const hrss = records.find((r) => r.url === '/departments/xiangtan-hrss/');
    expect(hrss).toEqual({
      url: '/departments/xiangtan-hrss/',
      kind: 'department',
      title: '湘潭市人力资源和社会保障局',
      source: '',
      citation: '',
      text: '湘潭市人力资源社会保障部门。又称市人力资源社会保障局、市人社局、市人力资源和社会保障局。见于19个条款，其中牵头17个。',
      searchText: '湘潭市人力资源和社会保障局；市人力资源社会保障局；市人社局；市人力资源和社会保障局',
      context: ['湘潭市'],
      filters: { region: ['湘潭市'], document: ['湘潭稳就业二十四条'], kind: ['department'] },
    });
    expect(records.find((r) => r.url === '/departments/shanghai-hrss/')?.text).toBe('上海市人力资源社会保障部门。又称市人力资源社会保障局、市人社局。见于2个条款。');
  });
});

describe('searchRecords', () => {
  const documents = generatedIds().map(generatedDocument);

  it('leaves out a duplicate text, whose canonical document is indexed', () => {
    const records = searchRecords(documents, [documentRecords]);
    expect(records.filter((r) => r.url.startsWith('/jiangsu-szbf-2012-91-excerpt/'))).toEqual([]);
    expect(records.filter((r) => r.kind === 'clause' && r.url.startsWith('/jiangsu-szbf-2012-91/'))).toHaveLength(66);
  });

  it('takes clauses, targets and projects from the documents, in URL order', () => {
    const records = searchRecords(documents, [documentRecords]);
    const kinds = new Map<string, number>();
    for (const r of records) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ clause: 235, target: 104, project: 24 });
    expect(records.map((r) => r.url)).toEqual(records.map((r) => r.url).sort());
  });
});

describe('toPagefindRecord', () => {
  it('indexes the tokens of the searched text, keeps the shown text and the context tokens in metadata', () => {
    const loan = clauseRecords(xiangtan).find((r) => r.url === '/xiangtan-2019-stabilise-employment/d1-2.6/');
    if (loan === undefined) throw new Error('no record for d1-2.6');
    const record = toPagefindRecord(loan);
    expect(record.language).toBe('und');
    expect(record.content).toBe(indexContent(loan.searchText));
    expect(record.meta).toEqual({ title: loan.title, kind: 'clause', text: loan.text, ctx: indexContent('湘潭稳就业二十四条；湘潭市；湖南省'), source: '湘潭稳就业二十四条' });
    expect(record.filters).toEqual({ ...xiangtanFilters, kind: ['clause'] });
  });
});
