import { describe, expect, it } from 'vitest';
import { compareJurisdictions, departmentIndex, departmentPages, jurisdictionPaths } from '../../src/lib/department-pages.ts';
import { siteFixture } from '../helpers/site-fixture.ts';
import { pageOf } from '../helpers/department-page.ts';

const { registry, documents, indexes } = siteFixture();
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
    expect(jiangsu.counts).toEqual({ lead: 1, support: 0, mentioned: 1 });
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
    expect(index.find((g) => g.jurisdiction === '国家')?.counts).toEqual({ lead: 0, support: 0, mentioned: 2 });
  });
});
