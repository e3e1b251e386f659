import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { aggregate, type Corpus } from '#core/corpus-records.ts';
import { loadRegistry } from '#core/department-registry.ts';
import { OPEN_DATA, type OpenDataName } from '#schemas/open-data.ts';
import { ingestCorpus } from '../helpers/ingest-corpus.ts';
import { routes } from '#core/routes.ts';

let corpus: Corpus;
beforeAll(() => {
  const registry = loadRegistry(JSON.parse(fs.readFileSync('content/departments.json', 'utf8')));
  corpus = aggregate(ingestCorpus().documents, registry, new URL('https://example.org'), routes());
});

describe('aggregate: the corpus as linked open-data records', () => {
  it('validates every collection against its published schema', () => {
    for (const name of Object.keys(OPEN_DATA) as OpenDataName[]) {
      expect(() => z.array(OPEN_DATA[name]).parse(corpus[name]), name).not.toThrow();
    }
  });

  it('lists duplicates as documents pointing to the canonical one, and takes no facts from them', () => {
    expect(corpus.documents.find((d) => d.id === 'jiangsu-szbf-2012-91-excerpt')).toMatchObject({ duplicateOf: 'jiangsu-szbf-2012-91', url: 'https://example.org/jiangsu-szbf-2012-91-excerpt/' });
    expect(corpus.clauses.filter((c) => c.documentId === 'jiangsu-szbf-2012-91-excerpt')).toEqual([]);
    expect(corpus.targets.filter((t) => t.documentId === 'jiangsu-szbf-2012-91-excerpt')).toEqual([]);
  });

  it('gives each clause its site-wide id, page and departments, lead first', () => {
    expect(corpus.clauses.find((c) => c.id === 'xiangtan-2019-stabilise-employment/d1-2.6')).toEqual({
      id: 'xiangtan-2019-stabilise-employment/d1-2.6',
      documentId: 'xiangtan-2019-stabilise-employment',
      number: '（六）',
      title: '加大创业担保贷款工作力度',
      text: expect.stringMatching(/^将农村自主创业的农民纳入支持范围/),
      citation: '湘潭稳就业二十四条 二、（六）',
      url: 'https://example.org/xiangtan-2019-stabilise-employment/d1-2.6/',
      departments: [
        { id: 'xiangtan-hrss', role: 'lead' },
        { id: 'xiangtan-finance', role: 'support' },
        { id: 'xiangtan-pbc', role: 'support' },
        { id: 'xiangtan-cbirc', role: 'support' },
      ],
    });
  });

  it('lists, for each department, the clauses it leads and supports across documents', () => {
    const hrss = corpus.departments.find((d) => d.id === 'xiangtan-hrss');
    expect(hrss?.lead).toContain('xiangtan-2019-stabilise-employment/d1-2.6');
    expect(hrss?.url).toBe('https://example.org/departments/xiangtan-hrss/');
    const finance = corpus.departments.find((d) => d.id === 'xiangtan-finance');
    expect(finance?.support).toContain('xiangtan-2019-stabilise-employment/d1-2.6');
  });

  it('makes one record per cited document, not in the corpus unless it is', () => {
    const guofa = corpus.citations.find((c) => c.docNumber === '国发〔2018〕39号');
    expect(guofa).toMatchObject({
      title: '国务院关于做好当前和今后一段时期促进就业工作的若干意见',
      issuer: '国务院',
      kind: 'document',
      documentId: null,
      citedBy: ['xiangtan-2019-stabilise-employment/d1-p1'],
    });
  });

  it('links targets and projects to the page of the clause or row they come from', () => {
    expect(corpus.projects.find((p) => p.id === 'jiangsu-szbf-2012-91/pilot-10')).toMatchObject({ name: '农村社会养老保险经办管理服务“四个不出村”试点', url: 'https://example.org/jiangsu-szbf-2012-91/a1-t1.r10/' });
    const insurance = corpus.targets.filter((t) => t.clauseId === 'd1-2.3' && t.documentId === 'jiangsu-szbf-2012-91' && t.unit === '万人');
    expect(insurance.map((t) => [t.indicator, t.value])).toEqual([
      ['企业职工基本养老保险参保人数', 1718],
      ['城镇职工基本医疗保险参保人数', 2055],
      ['失业保险参保人数', 1250],
      ['工伤保险参保人数', 1355],
      ['生育保险参保人数', 1215],
      ['城镇居民医保参保人数', 1530],
    ]);
  });
});
