import { describe, expect, it } from 'vitest';
import { clauseRecords, documentRecords, outerNames, pageRecord, searchRecords, toPagefindRecords } from '../../scripts/lib/search-index/records.ts';
import { PART_BREAK, readParts } from '#core/search/record-parts.ts';
import { indexContent } from '#core/search/tokens.ts';
import { synonymTable } from '#core/search/synonym-table.ts';
import { documentOfTable, measuresDocument, withFacts } from '../helpers/document-builder.ts';
import { testProject, testTarget } from '../helpers/records.ts';

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

describe('pageRecord and toPagefindRecords', () => {
  const table = withFacts(documentOfTable(['序号', '试点项目'], [['1', '社保一卡通试点'], ['2', '创业担保贷款试点'], ['3', '零就业家庭援助']], meta), 'annex', {
    projects: [testProject({ number: 2, documentId: 'annex', rowId: 'm-t1.r2', url: '/annex/m-t1/#m-t1.r2' })],
  });
  const rows = clauseRecords(table);
  const [page] = toPagefindRecords(rows, synonymTable([]));

  it('keeps a page of one part as a record of that part: its tokens, its text and title, the context tokens in metadata', () => {
    const loan = clauseRecords(measures).find((r) => r.url === '/measures/m-2.6/');
    if (loan === undefined) throw new Error('no record for m-2.6');
    const record = pageRecord([loan], synonymTable([]));
    expect(record.language).toBe('und');
    expect(record.content).toBe(indexContent(loan.searchText));
    expect(record.meta).toEqual({ title: loan.title, kind: 'clause', text: loan.text, ctx: indexContent(loan.context.join('；')), source: '某市稳就业措施', date: '2019-03-01' });
    expect(record.filters).toEqual({ ...filters, kind: ['clause'] });
  });

  it('makes one record per page, the rows of a table on the table page, in document order', () => {
    expect(rows.map((r) => r.url)).toEqual(['/annex/m-t1/#m-t1.r1', '/annex/m-t1/#m-t1.r2', '/annex/m-t1/#m-t1.r3']);
    expect(toPagefindRecords(rows, synonymTable([])).map((r) => r.url)).toEqual(['/annex/m-t1/']);
    expect(toPagefindRecords(searchRecords([measures], [documentRecords]), synonymTable([])).map((r) => r.url)).toEqual(['/measures/m/', '/measures/m-2/', '/measures/m-2.6/']);
  });

  it('puts the parts\' tokens in order, apart, and records where each part starts, its anchor, title and text', () => {
    const parts = rows.map((r) => indexContent(r.searchText));
    expect(page?.content).toBe(parts.join(` ${PART_BREAK} `));
    const read = readParts(page?.meta ?? {});
    expect(read.map((p) => p.anchor)).toEqual(['m-t1.r1', 'm-t1.r2', 'm-t1.r3']);
    expect(read.map((p) => p.title)).toEqual(rows.map((r) => r.title));
    expect(read.map((p) => p.text)).toEqual(rows.map((r) => r.text));
    expect(read[1]?.word).toBe((parts[0]?.split(' ').length ?? 0) + 1);
    // Each part's first word is its first token in the content.
    const words = page?.content.split(' ') ?? [];
    read.forEach((p, i) => expect(words[p.word]).toBe(parts[i]?.split(' ')[0]));
  });

  it('unions the filters and facts, each fact anchored on the page and marked with the part stating it', () => {
    expect(page?.filters).toEqual({ region: ['湘潭市', '湖南省'], issuer: ['某市人民政府'], document: [table.meta.shortTitle], type: ['措施'], status: ['未注明'], year: ['2019'], kind: ['clause', 'project'] });
    expect(JSON.parse(page?.meta['facts'] ?? '[]')).toEqual([['project', '项目2', 'm-t1.r2/pilot-2', 1]]);
  });

  it('refuses records of different pages', () => {
    const [first, second] = searchRecords([measures], [documentRecords]);
    if (first === undefined || second === undefined) throw new Error('measures has no records');
    expect(() => pageRecord([first, second], synonymTable([]))).toThrow(/is not on the page/);
  });
});
