import { describe, expect, it } from 'vitest';
import { compareJurisdictions, departmentFacts, departmentIndex, departmentPages, jurisdictionPaths } from '../../src/lib/department-pages.ts';
import { siteFixture } from '../helpers/site-fixture.ts';
import { pageOf } from '../helpers/department-page.ts';

const { registry, documents, indexes, corpus } = siteFixture();
const pages = departmentPages(registry, documents, indexes);
const page = (id: string) => pageOf(pages, id);

describe('departmentPages', () => {
  it('makes a page for every registry entry, mentioned or not', () => {
    expect(pages).toHaveLength(registry.length);
    expect(page('yibin-gov-office').counts).toEqual({ lead: 0, support: 0, mentioned: 0 });
    expect(page('yibin-gov-office').roles.every((r) => r.documents.length === 0)).toBe(true);
  });

  it('lists the clauses the Xiangtan HR bureau leads, in document order, d1-2.6 first', () => {
    const hrss = page('xiangtan-hrss');
    expect(hrss.counts).toEqual({ lead: 17, support: 2, mentioned: 0 });
    const lead = hrss.roles.find((r) => r.role === 'lead');
    expect(lead?.documents.map((g) => g.documentId)).toEqual(['xiangtan-2019-stabilise-employment']);
    const first = lead?.documents[0]?.mentions[0];
    expect(first?.nodeId).toBe('d1-2.6');
    expect(first?.citation).toBe('湘潭稳就业二十四条 二、（六）');
    expect(first?.title).toBe('加大创业担保贷款工作力度');
    expect(first?.printedName).toBe('市人力资源和社会保障局');
    expect(lead?.documents[0]?.mentions.map((m) => m.nodeId).slice(0, 4)).toEqual(['d1-2.6', 'd1-3.7', 'd1-3.8', 'd1-3.9']);
  });

  it('counts nothing from a duplicate text: the Jiangsu excerpt adds no mentions', () => {
    const jiangsu = page('jiangsu-hrss');
    const documentIds = jiangsu.roles.flatMap((r) => r.documents.map((g) => g.documentId));
    expect(documentIds).not.toContain('jiangsu-szbf-2012-91-excerpt');
    // d2-3.1 prints the office twice (人力资源社会保障部门, 省人力资源社会保障厅): two lead mentions, each under its printed name.
    expect(jiangsu.counts).toEqual({ lead: 2, support: 0, mentioned: 1 });
  });

  it('marks roles read from the wording', () => {
    const lead = page('jiangsu-hrss').roles.find((r) => r.role === 'lead')?.documents[0]?.mentions[0];
    expect(lead?.nodeId).toBe('d2-3.1');
    expect(lead?.inferred).toBe(true);
  });

  it('links departments of the same function in other jurisdictions, the central government first', () => {
    expect(page('xiangtan-hrss').siblings.map((d) => d.id)).toEqual(['china-hrss', 'jiangsu-hrss', 'shanghai-hrss', 'xuhui-hrss', 'sichuan-hrss', 'yibin-hrss']);
    expect(page('xiangtan-police').siblings).toEqual([]);
  });
});

describe('jurisdictions', () => {
  it('orders each government after the one it lies within, provinces by pinyin', () => {
    const order = compareJurisdictions(jurisdictionPaths(documents));
    expect(['江苏省', '徐汇区', '国家', '湘潭市', '上海市', '宜宾市', '四川省'].sort(order)).toEqual(['国家', '湘潭市', '江苏省', '上海市', '徐汇区', '四川省', '宜宾市']);
  });

  it('groups the index by jurisdiction and function with summed counts', () => {
    const index = departmentIndex(pages, documents);
    expect(index.map((g) => g.jurisdiction)).toEqual(['国家', '湘潭市', '江苏省', '上海市', '徐汇区', '四川省', '宜宾市']);
    const xiangtan = index.find((g) => g.jurisdiction === '湘潭市');
    expect(xiangtan?.within).toEqual(['湖南省']);
    expect(xiangtan?.functions.find((f) => f.function === '产业联盟')?.pages.map((p) => p.department.id)).toEqual(['xiangtan-alliance-chairs', 'xiangtan-alliance-lead-units']);
    // Yibin's m-p2 names 人力资源社会保障部 and then 人社部: two mentions.
    expect(index.find((g) => g.jurisdiction === '国家')?.counts).toEqual({ lead: 0, support: 0, mentioned: 3 });
  });
});

describe('departmentPages: what a department issued and what its clauses set and grant', () => {
  it('lists the documents a department issued, from the 发文机关, whatever its clauses say', () => {
    expect(page('xuhui-hrss').issued.map((d) => d.documentId)).toEqual(['xuhui-2016-employment-plan']);
    expect(page('jiangsu-gov-office').issued).toEqual([{ documentId: 'jiangsu-szbf-2012-91', title: expect.stringContaining('省政府办公厅'), date: '2012-05-14', docNumber: '苏政办发〔2012〕91号' }]);
    expect(page('xiangtan-hrss').issued).toEqual([]);
  });

  it('gives the targets, benefits and projects of the clauses a department leads or supports', () => {
    const facts = departmentFacts(page('xiangtan-hrss'), corpus);
    expect(facts.benefits.map((b) => b.id)).toContain('xiangtan-2019-stabilise-employment/d1-6.17/b6');
    expect(facts.targets.map((t) => t.clauseId)).toContain('d1-4.11');
    expect(facts.benefits.every((b) => b.documentId === 'xiangtan-2019-stabilise-employment')).toBe(true);
    const none = departmentFacts(page('yibin-gov-office'), corpus);
    expect([none.targets, none.benefits, none.projects]).toEqual([[], [], []]);
  });
});
