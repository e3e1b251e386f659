import { describe, expect, it } from 'vitest';
import { indexDocument } from '#core/document-index.ts';
import type { Document } from '#schemas/document.ts';
import type { Department } from '#schemas/entities.ts';
import { compareJurisdictions, departmentIndex, departmentPages, jurisdictionPaths } from '../../src/lib/department-pages.ts';
import { documentOfClauses, testMention, withFacts } from '../helpers/document-builder.ts';
import { pageOf } from '../helpers/department-page.ts';

const department = (id: string, name: string, jurisdiction: string, fn: string): Department => ({ id, name, aliases: [], jurisdiction, function: fn, kind: 'department' });
const registry = [
  department('city-hrss', '某市人力资源和社会保障局', '湘潭市', '人力资源社会保障'),
  department('city-police', '某市公安局', '湘潭市', '公安'),
  department('city-finance', '某市财政局', '湘潭市', '财政'),
  department('province-hrss', '某省人力资源和社会保障厅', '江苏省', '人力资源社会保障'),
  department('china-hrss', '人力资源和社会保障部', '国家', '人力资源社会保障'),
  department('county-office', '某县政府办公室', '宜宾市', '办公厅'),
];

/** A document `id` of clauses (m-1 …) with the given mentions, each filed under its department id. */
function withMentions(id: string, texts: string[], mentions: Parameters<typeof testMention>[0][], meta: Partial<Document['meta']> = {}, duplicateOf: Document['duplicateOf'] = null): Document {
  return { ...withFacts(documentOfClauses(texts, meta), id, { departments: mentions.map((m) => testMention({ ...m, documentId: id })) }), duplicateOf };
}

const city = withMentions('city-measures', ['由市人社局牵头落实。', '市人社局会同市财政局推进。', '由市公安局负责。'], [
  { clauseId: 'm-2', name: '市人社局', role: 'lead', departmentId: 'city-hrss', inferred: true },
  { clauseId: 'm-2', name: '市财政局', role: 'support', departmentId: 'city-finance' },
  { clauseId: 'm-1', name: '市人社局', role: 'lead', departmentId: 'city-hrss' },
  { clauseId: 'm-3', name: '市公安局', role: 'lead', departmentId: 'city-police' },
  { clauseId: 'm-3', name: '某协会', role: 'mentioned' },
]);
const province = withMentions('province-notice', ['省人社厅牵头，人社部指导。'], [
  { clauseId: 'm-1', name: '省人社厅', role: 'lead', departmentId: 'province-hrss' },
  { clauseId: 'm-1', name: '人社部', role: 'mentioned', departmentId: 'china-hrss' },
], { shortTitle: '某省通知', region: { name: '江苏省', level: 'province', within: [] } });
/** A repeat of the city measures: its mentions are the city measures' own and must not count twice. */
const repeat = withMentions('city-measures-copy', ['由市人社局牵头落实。'], [{ clauseId: 'm-1', name: '市人社局', role: 'lead', departmentId: 'city-hrss' }], {}, { documentId: 'city-measures', firstLine: 1, lastLine: 1 });
const county = withMentions('county-opinion', ['做好就业工作。'], [], { region: { name: '宜宾市', level: 'city', within: ['四川省'] } });
const documents = [city, province, repeat, county];
const indexes = new Map(documents.map((d) => [d.id, indexDocument(d)]));
const pages = departmentPages(registry, documents, indexes);
const page = (id: string) => pageOf(pages, id);

describe('departmentPages', () => {
  it('makes a page for every registry entry, mentioned or not', () => {
    expect(pages.map((p) => p.department.id)).toEqual(registry.map((d) => d.id));
    expect(page('county-office').counts).toEqual({ lead: 0, support: 0, mentioned: 0 });
    expect(page('county-office').roles.every((r) => r.documents.length === 0)).toBe(true);
  });

  it('lists the clauses a department leads, grouped by document, in document order', () => {
    const hrss = page('city-hrss');
    expect(hrss.counts).toEqual({ lead: 2, support: 0, mentioned: 0 });
    const lead = hrss.roles.find((r) => r.role === 'lead');
    expect(lead?.documents.map((g) => g.documentId)).toEqual(['city-measures']);
    expect(lead?.documents[0]?.mentions.map((m) => [m.nodeId, m.printedName])).toEqual([
      ['m-1', '市人社局'],
      ['m-2', '市人社局'],
    ]);
    expect(lead?.documents[0]?.mentions[0]?.path).toBe('/city-measures/m-1/');
  });

  it('counts nothing from a duplicate text', () => {
    const documentIds = page('city-hrss').roles.flatMap((r) => r.documents.map((g) => g.documentId));
    expect(documentIds).not.toContain('city-measures-copy');
  });

  it('marks roles read from the wording, and leaves out names resolved to no department', () => {
    expect(page('city-hrss').roles.find((r) => r.role === 'lead')?.documents[0]?.mentions.map((m) => m.inferred)).toEqual([false, true]);
    expect(pages.flatMap((p) => p.roles.flatMap((r) => r.documents.flatMap((g) => g.mentions))).map((m) => m.printedName)).not.toContain('某协会');
  });

  it('links departments of the same function in other jurisdictions, the central government first', () => {
    expect(page('city-hrss').siblings.map((d) => d.id)).toEqual(['china-hrss', 'province-hrss']);
    expect(page('city-police').siblings).toEqual([]);
  });
});

describe('jurisdictions', () => {
  it('orders each government after the one it lies within, provinces by pinyin', () => {
    const order = compareJurisdictions(jurisdictionPaths(documents));
    expect(['江苏省', '国家', '宜宾市', '湘潭市', '四川省', '湖南省'].sort(order)).toEqual(['国家', '湖南省', '湘潭市', '江苏省', '四川省', '宜宾市']);
  });

  it('groups the index by jurisdiction and function with summed counts', () => {
    const index = departmentIndex(pages, documents);
    expect(index.map((g) => g.jurisdiction)).toEqual(['国家', '湘潭市', '江苏省', '宜宾市']);
    const cityGroup = index.find((g) => g.jurisdiction === '湘潭市');
    expect(cityGroup?.within).toEqual(['湖南省']);
    expect(cityGroup?.functions.map((f) => f.function)).toEqual(['财政', '公安', '人力资源社会保障']);
    expect(cityGroup?.counts).toEqual({ lead: 3, support: 1, mentioned: 0 });
    expect(index.find((g) => g.jurisdiction === '国家')?.counts).toEqual({ lead: 0, support: 0, mentioned: 1 });
  });
});
