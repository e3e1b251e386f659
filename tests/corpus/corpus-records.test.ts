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
  corpus = aggregate(ingestCorpus().documents, registry, new URL('https://example.org'), routes(), '2026-01-01');
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
      kind: 'numbered',
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

  it('states each document’s status on the given day, its versions and its source', () => {
    const xiangtan = corpus.documents.find((d) => d.id === 'xiangtan-2019-stabilise-employment');
    expect(xiangtan).toMatchObject({ statusAsOf: '2026-01-01', workId: null, versions: [], history: [], source: null });
    expect(['现行有效', '已失效', '已修改', '尚未施行', '未注明']).toContain(xiangtan?.status);
  });

  it('lists a department once per clause with its strongest role, where the clause prints two of its names', () => {
    // jiangsu d2-3.1 names the office as 人力资源社会保障部门 and as 省人力资源社会保障厅.
    const clause = corpus.clauses.find((c) => c.id === 'jiangsu-szbf-2012-91/d2-3.1');
    expect(clause?.departments.filter((d) => d.id === 'jiangsu-hrss')).toEqual([{ id: 'jiangsu-hrss', role: 'lead' }]);
  });

  it('lists, for each department, the clauses it leads and supports across documents', () => {
    const hrss = corpus.departments.find((d) => d.id === 'xiangtan-hrss');
    expect(hrss?.lead).toContain('xiangtan-2019-stabilise-employment/d1-2.6');
    expect(hrss?.url).toBe('https://example.org/departments/xiangtan-hrss/');
    const finance = corpus.departments.find((d) => d.id === 'xiangtan-finance');
    expect(finance?.support).toContain('xiangtan-2019-stabilise-employment/d1-2.6');
  });

  it('lists, for each department, the documents it issued, without duplicate texts (issue 14 §2: issuer as a role)', () => {
    expect(corpus.departments.find((d) => d.id === 'xuhui-hrss')?.issued).toEqual(['xuhui-2016-employment-plan']);
    expect(corpus.departments.find((d) => d.id === 'jiangsu-gov-office')?.issued).toEqual(['jiangsu-szbf-2012-91']);
    expect(corpus.departments.find((d) => d.id === 'xiangtan-hrss')?.issued).toEqual([]);
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
    expect(corpus.projects.find((p) => p.id === 'jiangsu-szbf-2012-91/pilot-10')).toMatchObject({ name: '农村社会养老保险经办管理服务“四个不出村”试点', url: 'https://example.org/jiangsu-szbf-2012-91/a1-t1/#a1-t1.r10' });
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

  it('links each benefit to its anchor on its clause’s page, and takes none from a repeated text', () => {
    expect(corpus.benefits.find((b) => b.id === 'xiangtan-2019-stabilise-employment/d1-6.17/b6')).toMatchObject({
      kind: '补贴',
      amount: { value: 3000, max: 6000, unit: '元' },
      url: 'https://example.org/xiangtan-2019-stabilise-employment/d1-6.17/#b6',
    });
    expect(corpus.benefits.some((b) => b.documentId === 'jiangsu-szbf-2012-91-excerpt')).toBe(false);
  });

  it('gives the issuer of a document the role 发文: the Xuhui HR bureau and the Jiangsu government office issued documents', () => {
    expect(corpus.departments.find((d) => d.id === 'xuhui-hrss')?.issued).toEqual(['xuhui-2016-employment-plan']);
    expect(corpus.departments.find((d) => d.id === 'jiangsu-gov-office')?.issued).toEqual(['jiangsu-szbf-2012-91']);
    expect(corpus.departments.find((d) => d.id === 'xiangtan-hrss')?.issued).toEqual([]);
  });
});
