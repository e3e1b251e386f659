import { describe, expect, it } from 'vitest';
import { clauseFactsIndex } from '../../src/lib/clause-facts.ts';
import { departmentPages } from '../../src/lib/department-pages.ts';
import { targetRows } from '../../src/lib/target-table.ts';
import { siteFixture } from '../helpers/site-fixture.ts';

const { registry, documents, canonical, indexes, corpus, topics } = siteFixture();
const index = clauseFactsIndex(departmentPages(registry, documents, indexes), targetRows(corpus.targets, canonical, indexes, topics), corpus.citations, canonical);

describe('clauseFactsIndex', () => {
  it('gives a clause its departments, lead first, and its targets', () => {
    const facts = index.get('xiangtan-2019-stabilise-employment/d1-4.11');
    expect(facts?.departments.map((d) => [d.department.id, d.role])).toEqual([
      ['xiangtan-hrss', 'lead'],
      ['xiangtan-finance', 'support'],
      ['xiangtan-tax', 'support'],
    ]);
    expect(facts?.targets.map((t) => t.target.indicator)).toEqual(['新增市场主体', '带动就业']);
  });

  it('gives a table row its targets and has nothing for a clause without facts', () => {
    expect(index.get('xuhui-2016-employment-plan/m-t1.r1')?.targets.map((t) => t.target.id)).toEqual(['xuhui-2016-employment-plan/m-t1.r1/t1']);
    expect(index.get('jiangsu-szbf-2012-91/d2-1')).toBeUndefined();
  });
});

describe('clauseFactsIndex: citations and dates', () => {
  it('lists the documents a clause cites and the dates it states', () => {
    const preamble = index.get('xiangtan-2019-stabilise-employment/d1-p1');
    expect(preamble?.citations.map((c) => c.docNumber).sort()).toEqual(['国发〔2018〕39号', '湘政发〔2018〕30号', '湘政电〔2018〕55号'].sort());
    const protect = index.get('xiangtan-2019-stabilise-employment/d1-3.7');
    expect(protect?.dates.map((d) => [d.text, d.start, d.end])).toContainEqual(['2019年1月1日至12月31日', '2019-01-01', '2019-12-31']);
  });
});
