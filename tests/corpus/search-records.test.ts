import fs from 'node:fs';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { clauseRecords, departmentRecords, documentRecords, searchRecords, toPagefindRecords } from '../../scripts/lib/search-index/records.ts';
import { loadSynonyms, synonymTable } from '#core/search/synonym-table.ts';
import { linkToken } from '#core/search/synonyms.ts';
import { indexContent } from '#core/search/tokens.ts';
import { readParts, withAnchor } from '#core/search/record-parts.ts';
import { Department } from '#schemas/entities.ts';
import { generatedDocument, generatedIds } from '../helpers/generated.ts';

const xiangtan = generatedDocument('xiangtan-2019-stabilise-employment');
const jiangsu = generatedDocument('jiangsu-szbf-2012-91');
const registry = z.array(Department).parse(JSON.parse(fs.readFileSync('content/departments.json', 'utf8')));
const xiangtanFilters = { region: ['湘潭市', '湖南省'], issuer: ['湘潭市人民政府'], document: ['湘潭稳就业二十四条'], type: ['措施'], status: ['未注明'], year: ['2019'] };
const synonyms = synonymTable(loadSynonyms(JSON.parse(fs.readFileSync('content/synonyms.json', 'utf8'))));

describe('clauseRecords', () => {
  const records = clauseRecords(xiangtan);
  const loan = records.find((r) => r.url === '/xiangtan-2019-stabilise-employment/d1-2.6/');

  it('makes one record per provision, paragraph and row page, none for parts, tables or implicit groups', () => {
    expect(records).toHaveLength(39);
    expect(records.map((r) => r.url)).not.toContain('/xiangtan-2019-stabilise-employment/d1/');
  });

  it('names a clause by its citation, carries its text, its context (titles, region, issuer, the headings above it) and filters', () => {
    expect(loan).toMatchObject({
      kind: 'clause',
      title: '湘潭稳就业二十四条 二、（六）',
      documentId: 'xiangtan-2019-stabilise-employment',
      source: '湘潭稳就业二十四条',
      // The city, its government and the measures' own title are inside the notice's title: listed once, there (outerNames).
      context: ['湘潭稳就业二十四条', '湘潭市人民政府关于印发《湘潭市进一步做好稳就业工作二十四条措施》的通知', '湖南省', '实施三项金融财税措施助推创业'],
      filters: { ...xiangtanFilters, kind: ['clause'] },
    });
    expect(loan?.text.startsWith('加大创业担保贷款工作力度。将农村自主创业的农民纳入支持范围')).toBe(true);
    expect(loan?.searchText).toBe(loan?.text);
  });

  it('searches a table row by its values, without the column names it shows', () => {
    const row = clauseRecords(jiangsu).find((r) => r.url === '/jiangsu-szbf-2012-91/a1-t1/#a1-t1.r10');
    expect(row?.title).toBe('苏政办发〔2012〕91号 附件1 表1 序号10');
    expect(row?.text.startsWith('序号：10；类别：社；试点项目：农村社会养老保险经办管理服务“四个不出村”试点；')).toBe(true);
    expect(row?.searchText.startsWith('10；社；农村社会养老保险经办管理服务“四个不出村”试点；')).toBe(true);
  });
});

describe('facts and departments', () => {
  it('carries the targets a clause states, each with its anchor on the page, and makes it a 目标 result too', () => {
    const graduates = clauseRecords(xiangtan).find((r) => r.url === '/xiangtan-2019-stabilise-employment/d1-6.17/');
    expect(graduates?.facts.map((f) => [f.kind, f.name, f.anchor])).toEqual([
      ['target', '新增高校毕业生在潭就业创业', 't1'],
      ['target', '实名登记率', 't2'],
      ['target', '跟踪回访率', 't3'],
      ['target', '就业服务率', 't4'],
      ['target', '年终就业及就业准备率', 't5'],
    ]);
  });

  it('carries the project a table row is', () => {
    const row = clauseRecords(jiangsu).find((r) => r.url === '/jiangsu-szbf-2012-91/a1-t1/#a1-t1.r10');
    // The row is an anchor on its table's page, and so is its project, under the row's anchor (as TableBlock writes it).
    expect(row?.facts).toEqual([{ kind: 'project', name: '农村社会养老保险经办管理服务“四个不出村”试点', anchor: 'a1-t1.r10/pilot-10' }]);
    expect(row?.filters.kind).toEqual(['clause', 'project']);
  });

  it('makes one record per registered department named in the corpus, found by every name the texts print', () => {
    const records = departmentRecords(registry)(generatedIds().map(generatedDocument));
    const hrss = records.find((r) => r.url === '/departments/xiangtan-hrss/');
    expect(hrss).toEqual({
      url: '/departments/xiangtan-hrss/',
      kind: 'department',
      title: '湘潭市人力资源和社会保障局',
      documentId: null,
      source: '',
      date: null,
      text: '湘潭市人力资源社会保障部门。又称市人力资源社会保障局、市人社局、市人力资源和社会保障局。见于19个条款，其中牵头17个。',
      searchText: '湘潭市人力资源和社会保障局；市人力资源社会保障局；市人社局；市人力资源和社会保障局',
      context: ['湘潭市'],
      facts: [],
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

  it('takes one record per clause page, targets and projects with their clause, in document order', () => {
    const records = searchRecords(documents, [documentRecords]);
    expect(records.map((r) => r.kind)).toEqual(records.map(() => 'clause'));
    expect(records).toHaveLength(235);
    expect(records.flatMap((r) => r.facts).length).toBe(104 + 24);
    const xiangtanUrls = records.filter((r) => r.documentId === 'xiangtan-2019-stabilise-employment').map((r) => r.url);
    expect(xiangtanUrls.indexOf('/xiangtan-2019-stabilise-employment/d1-2.6/')).toBeLessThan(xiangtanUrls.indexOf('/xiangtan-2019-stabilise-employment/d1-3.9/'));
  });
});

describe('toPagefindRecords', () => {
  it('gathers the 235 clause records on their 120 pages, every record a part landing where it did', () => {
    const records = searchRecords(generatedIds().map(generatedDocument), [documentRecords]);
    const pages = toPagefindRecords(records, synonyms);
    expect(pages).toHaveLength(120);
    const landings = pages.flatMap((p) => readParts(p.meta).map((part) => withAnchor(p.url, part.anchor)));
    expect(landings).toHaveLength(records.length);
    expect(new Set(landings)).toEqual(new Set(records.map((r) => r.url)));
  });


  it('indexes the tokens of the searched text, keeps the shown text and the context tokens in metadata', () => {
    const loan = clauseRecords(xiangtan).find((r) => r.url === '/xiangtan-2019-stabilise-employment/d1-6.17/');
    if (loan === undefined) throw new Error('no record for d1-6.17');
    const record = toPagefindRecords(clauseRecords(xiangtan), synonyms).find((r) => r.url === loan.url);
    if (record === undefined) throw new Error('no page record for d1-6.17');
    expect(record.language).toBe('und');
    expect(record.content.startsWith(`${indexContent(loan.searchText)} s`)).toBe(true);
    expect(record.meta).toMatchObject({ title: loan.title, kind: 'clause', text: loan.text, ctx: indexContent(loan.context.join('；')), source: '湘潭稳就业二十四条' });
    expect(JSON.parse(record.meta['facts'] ?? '[]')).toHaveLength(5);
    expect(record.filters).toEqual({ ...xiangtanFilters, kind: ['clause', 'target'] });
  });

  it('follows the text with the link tokens of the synonyms standing free in it', () => {
    const loan = clauseRecords(xiangtan).find((r) => r.url === '/xiangtan-2019-stabilise-employment/d1-2.6/');
    if (loan === undefined) throw new Error('no record for d1-2.6');
    // 创业担保贷款 is listed with its former name 小额担保贷款: a 小额担保贷款 query finds the clause.
    expect(toPagefindRecords([loan], synonyms)[0]?.content.split(' ')).toContain(linkToken('小额担保贷款', '创业担保贷款'));
  });
});
