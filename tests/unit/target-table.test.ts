import { describe, expect, it } from 'vitest';
import { indexDocument } from '#core/document-index.ts';
import { shortTarget, statusRank, statusSummaries, targetRows, valueText } from '../../src/lib/target-table.ts';
import type { Topic } from '../../src/lib/topics.ts';
import { documentOfClauses, documentOfTable } from '../helpers/document-builder.ts';
import { testTarget } from '../helpers/records.ts';

describe('valueText and shortTarget', () => {
  it('writes ranges, changes and missing values as a reader reads them', () => {
    expect(valueText({ value: 15, max: null, from: 10 })).toBe('15（原为10）');
    expect(valueText({ value: 3000, max: 20000, from: null })).toBe('3000–20000');
    expect(valueText({ value: null, max: null, from: null })).toBe('—');
    expect(shortTarget({ value: 100, max: null, from: null, comparator: '≥', unit: '万人' })).toBe('≥100万人');
    expect(shortTarget({ value: 1718, max: null, from: null, comparator: '=', unit: '万人' })).toBe('1718万人');
  });
});

describe('targetRows and statusSummaries', () => {
  // Two documents in site order: a plan whose table reports results, then a notice of two clauses.
  const plan = documentOfTable(['指标', '目标'], [['参保人数', '100万人'], ['培训人数', '2万人']], { shortTitle: '乙规划', region: { name: '徐汇区', level: 'district', within: ['上海市'] } });
  const notice = documentOfClauses(['参保人数达到50万人。', '新增就业岗位1万个，培训3000人。'], { shortTitle: '甲通知' });
  const planDoc = { ...plan, id: 'plan' };
  const noticeDoc = { ...notice, id: 'notice' };
  const documents = [planDoc, noticeDoc];
  const indexes = new Map(documents.map((d) => [d.id, indexDocument(d)]));
  const topics: Topic[] = [{ id: 'insurance', name: '社会保险', description: '社会保险。', keywords: ['参保'], functions: [] }];
  const targets = [
    testTarget({ id: 'notice/m-2/t10', documentId: 'notice', clauseId: 'm-2', line: 2, indicator: '培训', value: 3000 }),
    testTarget({ id: 'notice/m-2/t2', documentId: 'notice', clauseId: 'm-2', line: 2, indicator: '新增就业岗位', value: 1, unit: '万个' }),
    testTarget({ id: 'notice/m-1/t1', documentId: 'notice', clauseId: 'm-1', line: 1, indicator: '参保人数', value: 50, unit: '万人', comparator: '=' }),
    testTarget({ id: 'plan/m-t1.r2/t1', documentId: 'plan', clauseId: 'm-t1.r2', line: 3, indicator: '培训人数', value: 2, unit: '万人', status: 'not-met' }),
    testTarget({ id: 'plan/m-t1.r1/t1', documentId: 'plan', clauseId: 'm-t1.r1', line: 2, indicator: '参保人数', value: 100, unit: '万人', status: 'met' }),
  ];
  const rows = targetRows(targets, documents, indexes, topics);

  it('lists every target in document order, then by line, then by number (t2 before t10)', () => {
    expect(rows.map((r) => r.target.id)).toEqual(['plan/m-t1.r1/t1', 'plan/m-t1.r2/t1', 'notice/m-1/t1', 'notice/m-2/t2', 'notice/m-2/t10']);
  });

  it('gives each row its document, region, page, value as read, status and domain', () => {
    expect(rows[2]).toMatchObject({ documentShortTitle: '甲通知', region: '湘潭市', path: '/notice/m-1/', valueText: '50', status: 'none', domain: '社会保险' });
    expect(rows[3]?.domain).toBe('其他');
  });

  it('links a table-row target to the row page', () => {
    expect(rows[1]).toMatchObject({ path: '/plan/m-t1/#m-t1.r2', region: '徐汇区', status: 'not-met' });
  });

  it('fails for a target of a document it was not given', () => {
    expect(() => targetRows([testTarget({ id: 'other/m-1/t1', documentId: 'other', indicator: '指标' })], documents, indexes, topics)).toThrow('target other/m-1/t1: no document other');
  });

  it('counts targets by status per document, in row order', () => {
    expect(statusSummaries(rows).map((s) => [s.documentId, s.total, s.counts])).toEqual([
      ['plan', 2, { met: 1, 'not-met': 1, unknown: 0, none: 0 }],
      ['notice', 3, { met: 0, 'not-met': 0, unknown: 0, none: 3 }],
    ]);
  });

  it('orders statuses for filters', () => {
    expect(['none', 'met', 'unknown', 'not-met'].sort((a, b) => statusRank(a) - statusRank(b))).toEqual(['met', 'not-met', 'unknown', 'none']);
  });
});
