import { describe, expect, it } from 'vitest';
import { breadcrumbList, clauseLegislation, documentLegislation, serialiseJsonLd } from '../../src/lib/jsonld.ts';
import { testDocument } from '../helpers/document-builder.ts';

/** A provincial notice with a 文号, and a city's measures without one (testDocument's 湘潭市, 湖南省). */
const jiangsu = testDocument({
  id: 'jiangsu-szbf-2012-91',
  meta: { docNumber: '苏政办发〔2012〕91号', date: '2012-05-14', region: { name: '江苏省', level: 'province', within: [] } },
  blocks: [],
  lines: [],
});
const xiangtan = testDocument({ id: 'xiangtan-2019-stabilise-employment', meta: { title: '湘潭市稳就业若干措施' }, blocks: [], lines: [] });

describe('documentLegislation', () => {
  it('identifies a document by its 文号, or by its id when it has none', () => {
    const ld = documentLegislation(jiangsu, 'https://s.org/jiangsu-szbf-2012-91/');
    expect(ld['legislationIdentifier']).toBe('苏政办发〔2012〕91号');
    expect(ld['datePublished']).toBe('2012-05-14');
    expect(ld['legislationJurisdiction']).toBe('江苏省');
    expect(documentLegislation(xiangtan, 'u')['legislationIdentifier']).toBe('xiangtan-2019-stabilise-employment');
    expect(documentLegislation(xiangtan, 'u')['legislationJurisdiction']).toBe('湖南省 湘潭市');
  });
});

describe('clauseLegislation', () => {
  it('makes a clause part of its document', () => {
    const ld = clauseLegislation(xiangtan, { nodeId: 'd1-2.6', name: 'n', citation: '湘潭稳就业二十四条 二、（六）', url: 'https://s.org/x/d1-2.6/' }, 'https://s.org/x/');
    expect(ld['legislationIdentifier']).toBe('湘潭稳就业二十四条 二、（六）');
    expect(ld['identifier']).toBe('xiangtan-2019-stabilise-employment/d1-2.6');
    expect(ld).not.toHaveProperty('text');
    expect(ld['isPartOf']).toEqual({ '@type': 'Legislation', '@id': 'https://s.org/x/', name: xiangtan.meta.title, legislationIdentifier: 'xiangtan-2019-stabilise-employment' });
  });
});

describe('serialiseJsonLd', () => {
  it('escapes < so that source text cannot close the script element, and still parses to the same data', () => {
    const data = { '@type': 'Legislation', name: '</script><script>alert(1)</script>' };
    const json = serialiseJsonLd([data]);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ '@context': 'https://schema.org', ...data });
  });

  it('puts several objects in one @graph', () => {
    const json = JSON.parse(serialiseJsonLd([{ '@type': 'Legislation' }, breadcrumbList([{ name: '首页', url: 'https://s.org/' }])])) as { '@graph': unknown[] };
    expect(json['@graph']).toEqual([{ '@type': 'Legislation' }, { '@type': 'BreadcrumbList', itemListElement: [{ '@type': 'ListItem', position: 1, name: '首页', item: 'https://s.org/' }] }]);
  });
});
