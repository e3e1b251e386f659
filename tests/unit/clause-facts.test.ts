import { describe, expect, it } from 'vitest';
import { indexDocument } from '#core/document-index.ts';
import type { Department } from '#schemas/entities.ts';
import type { CitationRecord } from '#schemas/open-data.ts';
import { clauseFactsIndex } from '../../src/lib/clause-facts.ts';
import { departmentPages } from '../../src/lib/department-pages.ts';
import { targetRows } from '../../src/lib/target-table.ts';
import { documentOfClauses, testMention, withFacts } from '../helpers/document-builder.ts';
import { testTarget } from '../helpers/records.ts';

const department = (id: string): Department => ({ id, name: id, aliases: [], jurisdiction: '湘潭市', function: id, kind: 'department' });
// The registry lists the supporting department first: the clause must still show the lead first.
const registry = [department('finance'), department('tax'), department('hrss')];

const texts = ['落实创业补贴，新增市场主体1000户。（牵头单位：市人社局；责任单位：市财政局、市税务局）', '根据国发〔2018〕39号文件，2019年1月1日至12月31日开展。', '做好宣传。'];
const measures = withFacts(documentOfClauses(texts), 'measures', {
  departments: [
    testMention({ documentId: 'measures', clauseId: 'm-1', name: '市人社局', role: 'lead', departmentId: 'hrss' }),
    testMention({ documentId: 'measures', clauseId: 'm-1', name: '市财政局', role: 'support', departmentId: 'finance' }),
    testMention({ documentId: 'measures', clauseId: 'm-1', name: '市税务局', role: 'support', departmentId: 'tax' }),
  ],
  dates: [{ documentId: 'measures', clauseId: 'm-2', line: 2, sentence: texts[1] ?? '', text: '2019年1月1日至12月31日', kind: 'range', start: '2019-01-01', end: '2019-12-31', yearInferred: false }],
});
const documents = [measures];
const indexes = new Map(documents.map((d) => [d.id, indexDocument(d)]));
const targets = [
  testTarget({ id: 'measures/m-1/t1', documentId: 'measures', clauseId: 'm-1', indicator: '新增市场主体', value: 1000, unit: '户' }),
  testTarget({ id: 'measures/m-1/t2', documentId: 'measures', clauseId: 'm-1', indicator: '带动就业', value: 3000 }),
];
const citation: CitationRecord = { id: 'doc-2018-39-x', title: null, docNumber: '国发〔2018〕39号', issuer: '国务院', kind: 'document', documentId: null, citedBy: ['measures/m-2'], targets: [], officialSearch: null };
const index = clauseFactsIndex(departmentPages(registry, documents, indexes), targetRows(targets, documents, indexes, []), [citation], documents);

describe('clauseFactsIndex', () => {
  it('gives a clause its departments, lead first, and its targets', () => {
    const facts = index.get('measures/m-1');
    expect(facts?.departments.map((d) => [d.department.id, d.role])).toEqual([
      ['hrss', 'lead'],
      ['finance', 'support'],
      ['tax', 'support'],
    ]);
    expect(facts?.targets.map((t) => t.target.indicator)).toEqual(['新增市场主体', '带动就业']);
  });

  it('lists the documents a clause cites and the dates it states, and has nothing for a clause without facts', () => {
    const facts = index.get('measures/m-2');
    expect(facts?.citations.map((c) => c.docNumber)).toEqual(['国发〔2018〕39号']);
    expect(facts?.dates.map((d) => [d.text, d.start, d.end])).toEqual([['2019年1月1日至12月31日', '2019-01-01', '2019-12-31']]);
    expect(index.get('measures/m-3')).toBeUndefined();
  });
});
