import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { aggregate } from '#core/corpus-records.ts';
import { routes } from '#core/routes.ts';
import type { Document } from '#schemas/document.ts';
import type { Department } from '#schemas/entities.ts';
import { OPEN_DATA, type OpenDataName } from '#schemas/open-data.ts';
import { documentOfClauses, documentOfTable, testMention, withFacts } from '../helpers/document-builder.ts';
import { testProject, testTarget } from '../helpers/records.ts';

const department = (id: string, name: string): Department => ({ id, name, aliases: [], jurisdiction: '湘潭市', function: id, kind: 'department' });
const registry = [department('city-hrss', '某市人力资源和社会保障局'), department('city-finance', '某市财政局')];

const measuresText = ['落实创业担保贷款。（责任单位：市财政局；牵头单位：市人社局）', '根据《国务院关于做好促进就业工作的若干意见》（国发〔2018〕39号）制定。'];
const sentence = measuresText[0] ?? '';
const measures = withFacts(documentOfClauses(measuresText, { title: '某市稳就业措施', shortTitle: '稳就业措施' }), 'measures', {
  // In the extractor's order: the lead first, whatever order the text names them in.
  departments: [
    testMention({ documentId: 'measures', clauseId: 'm-1', name: '市人社局', role: 'lead', departmentId: 'city-hrss', resolution: 'office' }),
    testMention({ documentId: 'measures', clauseId: 'm-1', name: '市财政局', role: 'support', departmentId: 'city-finance', resolution: 'office' }),
    testMention({ documentId: 'measures', clauseId: 'm-1', name: '某协会', role: 'mentioned' }),
  ],
  targets: [testTarget({ id: 'measures/m-1/t1', documentId: 'measures', clauseId: 'm-1', line: 1, sentence, indicator: '创业担保贷款', value: 5, unit: '亿元' })],
  benefits: [
    {
      ...{ documentId: 'measures', clauseId: 'm-1', line: 1, sentence },
      id: 'measures/m-1/b1',
      kind: '贷款',
      name: '创业担保贷款',
      amount: null,
      duration: null,
      limits: [],
      conditions: [],
      groups: [],
      department: null,
    },
  ],
  citations: [{ documentId: 'measures', clauseId: 'm-2', line: 2, sentence: measuresText[1] ?? '', title: '国务院关于做好促进就业工作的若干意见', docNumber: '国发〔2018〕39号', kind: 'document' }],
});
const projects = withFacts(documentOfTable(['序号', '项目名称'], [['1', '城乡就业一体化试点']], { title: '某省试点项目表', shortTitle: '试点项目表' }), 'projects', {
  projects: [testProject({ number: 1, documentId: 'projects', rowId: 'm-t1.r1', name: '城乡就业一体化试点' })],
});
const copy: Document = { ...measures, id: 'measures-copy', duplicateOf: { documentId: 'measures', firstLine: 1, lastLine: 2 } };

const corpus = aggregate([measures, projects, copy], registry, new URL('https://example.org'), routes(), '2026-01-01');

describe('aggregate: the corpus as linked open-data records', () => {
  it('validates every collection against its published schema', () => {
    for (const name of Object.keys(OPEN_DATA) as OpenDataName[]) {
      expect(() => z.array(OPEN_DATA[name]).parse(corpus[name]), name).not.toThrow();
      expect(corpus[name].length, name).toBeGreaterThan(0);
    }
  });

  it('lists duplicates as documents pointing to the canonical one, and takes no facts from them', () => {
    expect(corpus.documents.find((d) => d.id === 'measures-copy')).toMatchObject({ duplicateOf: 'measures', url: 'https://example.org/measures-copy/' });
    expect(corpus.clauses.filter((c) => c.documentId === 'measures-copy')).toEqual([]);
    expect(corpus.targets.filter((t) => t.documentId === 'measures-copy')).toEqual([]);
  });

  it('gives each clause its site-wide id, page and registered departments, in the order they were read', () => {
    expect(corpus.clauses.find((c) => c.id === 'measures/m-1')).toMatchObject({
      id: 'measures/m-1',
      documentId: 'measures',
      kind: 'numbered',
      number: '（1）',
      text: sentence,
      url: 'https://example.org/measures/m-1/',
      departments: [
        { id: 'city-hrss', role: 'lead' },
        { id: 'city-finance', role: 'support' },
      ],
    });
  });

  it('states each document’s status on the given day, its versions and its source', () => {
    expect(corpus.documents.find((d) => d.id === 'measures')).toMatchObject({ statusAsOf: '2026-01-01', workId: null, versions: [], history: [], source: null });
  });

  it('lists, for each department, the clauses it leads and supports across documents', () => {
    expect(corpus.departments.find((d) => d.id === 'city-hrss')).toMatchObject({ lead: ['measures/m-1'], support: [], url: 'https://example.org/departments/city-hrss/' });
    expect(corpus.departments.find((d) => d.id === 'city-finance')?.support).toEqual(['measures/m-1']);
  });

  it('makes one record per cited document, not in the corpus unless it is', () => {
    expect(corpus.citations).toHaveLength(1);
    expect(corpus.citations[0]).toMatchObject({ title: '国务院关于做好促进就业工作的若干意见', docNumber: '国发〔2018〕39号', issuer: '国务院', kind: 'document', documentId: null, citedBy: ['measures/m-2'] });
  });

  it('links targets and projects to the page of the clause or row they come from', () => {
    expect(corpus.targets.map((t) => [t.id, t.url])).toEqual([['measures/m-1/t1', 'https://example.org/measures/m-1/']]);
    expect(corpus.projects.map((p) => [p.name, p.url])).toEqual([['城乡就业一体化试点', 'https://example.org/projects/m-t1/#m-t1.r1']]);
  });
});
