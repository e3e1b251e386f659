import { describe, expect, it } from 'vitest';
import { clauseRecords, documentRecords, outerNames, searchRecords, toPagefindRecord } from '../../scripts/lib/search-index/records.ts';
import { indexContent } from '#core/search/tokens.ts';
import { synonymTable } from '#core/search/synonym-table.ts';
import { documentOfTable, measuresDocument, withFacts } from '../helpers/document-builder.ts';
import { testTarget } from '../helpers/records.ts';

const meta = { issuer: '某市人民政府', date: '2019-03-01', type: '措施' } as const;
/** The crafted measures (testDocument's 湘潭市, 湖南省), issued by 某市人民政府 in 2019. */
const measures = measuresDocument(meta);
const filters = { region: ['湘潭市', '湖南省'], issuer: ['某市人民政府'], document: ['某市稳就业措施'], type: ['措施'], status: ['未注明'], year: ['2019'] };

describe('clauseRecords', () => {
  const records = clauseRecords(measures);
  const loan = records.find((r) => r.url === '/measures/m-2.6/');

  it('makes one record per provision and paragraph page, none for the part', () => {
    // A paragraph is an anchor on the page of the part that holds it.
    expect(records.map((r) => r.url).sort()).toEqual(['/measures/m-2.6/', '/measures/m-2/', '/measures/m/#m-p1']);
  });

  it('names a clause by its citation, carries its title and text, document context and filters', () => {
    // The context: full title (which holds the short title and the issuer), region, and the heading of the part above the clause.
    expect(loan).toMatchObject({
      kind: 'clause',
      title: '某市稳就业措施 二、（六）',
      source: '某市稳就业措施',
      context: ['某市人民政府关于印发《某市稳就业措施》的通知', '湘潭市', '湖南省', '支持创业'],
      filters: { ...filters, kind: ['clause'] },
    });
    expect(loan?.text).toBe('加大创业担保贷款力度。将返乡农民纳入支持范围。（责任单位：市人社局）');
    expect(loan?.searchText).toBe(loan?.text);
  });

  it('searches a table row by its values, without the column names it shows', () => {
    const table = { ...documentOfTable(['序号', '类别', '试点项目'], [['10', '社', '社保一卡通试点']], meta), id: 'annex' };
    const row = clauseRecords(table).find((r) => r.url === '/annex/m-t1/#m-t1.r1');
    expect(row?.text.startsWith('序号：10；类别：社；试点项目：社保一卡通试点')).toBe(true);
    expect(row?.searchText.startsWith('10；社；社保一卡通试点')).toBe(true);
  });
});

describe('outerNames', () => {
  it('keeps each name once, and none that another name holds', () => {
    expect(outerNames(['社会保险法', '中华人民共和国社会保险法', '全国', '全国人民代表大会常务委员会', '第一章 总则', '全国'])).toEqual(['中华人民共和国社会保险法', '全国人民代表大会常务委员会', '第一章 总则']);
  });
});

describe('searchRecords', () => {
  const withTarget = withFacts(measures, 'measures', { targets: [testTarget({ id: 'measures/m-2.6/t1', documentId: 'measures', clauseId: 'm-2.6', indicator: '创业担保贷款', value: 5, unit: '亿元' })] });
  const copy = { ...withTarget, id: 'measures-copy', duplicateOf: { documentId: 'measures', firstLine: 1, lastLine: 3 } };
  it('takes one record per clause in document order, its targets travelling with it, and leaves out a duplicate text', () => {
    const records = searchRecords([copy, withTarget], [documentRecords]);
    expect(records.map((r) => [r.url, r.kind])).toEqual([
      ['/measures/m/#m-p1', 'clause'],
      ['/measures/m-2/', 'clause'],
      ['/measures/m-2.6/', 'clause'],
    ]);
    expect(records.find((r) => r.url === '/measures/m-2.6/')?.facts).toHaveLength(1);
  });
});

describe('toPagefindRecord', () => {
  it('indexes the tokens of the searched text, keeps the shown text and the context tokens in metadata', () => {
    const loan = clauseRecords(measures).find((r) => r.url === '/measures/m-2.6/');
    if (loan === undefined) throw new Error('no record for m-2.6');
    const record = toPagefindRecord(loan, synonymTable([]));
    expect(record.language).toBe('und');
    expect(record.content).toBe(indexContent(loan.searchText));
    expect(record.meta).toEqual({ title: loan.title, kind: 'clause', text: loan.text, ctx: indexContent(loan.context.join('；')), source: '某市稳就业措施', date: '2019-03-01' });
    expect(record.filters).toEqual({ ...filters, kind: ['clause'] });
  });
});
