import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentValidity } from '#core/validity-view.ts';
import { benefitCsvRow, benefitFigures, figureText } from '../../src/lib/benefits.ts';
import { bySentence, groupPages, loadGroups } from '../../src/lib/group-pages.ts';
import { siteFixture } from '../helpers/site-fixture.ts';

const { canonical, indexes, registry, corpus } = siteFixture();
const groups = loadGroups(JSON.parse(fs.readFileSync('content/beneficiary-groups.json', 'utf8')));
const asOf = '2026-01-01';
const validity = new Map(canonical.map((d) => [d.id, documentValidity(d, null, asOf)]));
const pages = groupPages({ groups, benefits: corpus.benefits, documents: canonical, validity, indexes, registryById: new Map(registry.map((d) => [d.id, d])), asOf });
const page = (id: string) => {
  const found = pages.find((p) => p.group.id === id);
  if (found === undefined) throw new Error(`no page for ${id}`);
  return found;
};

describe('groupPages: the measures for each beneficiary group', () => {
  it('makes a page for each group some benefit serves, and none for a group no benefit names', () => {
    const served = new Set(corpus.benefits.flatMap((b) => b.groups));
    for (const id of served) expect(page(id).measures.length, id).toBeGreaterThan(0);
    expect(pages.every((p) => p.measures.length > 0)).toBe(true);
    expect(pages.map((p) => p.group.id)).toEqual(groups.map((g) => g.id).filter((id) => pages.some((p) => p.group.id === id)));
  });

  it('lists the Xiangtan graduates’ employment subsidy with its amount, region, department and clause', () => {
    const graduates = page('college-graduates');
    const subsidy = graduates.measures.find((m) => m.benefit.id === 'xiangtan-2019-stabilise-employment/d1-6.17/b6');
    expect(subsidy).toMatchObject({
      figures: '3000元至6000元',
      region: '湘潭市',
      department: { id: 'xiangtan-hrss', name: '湘潭市人力资源和社会保障局' },
      via: null,
      ref: { path: '/xiangtan-2019-stabilise-employment/d1-6.17/', citation: '湘潭稳就业二十四条 六、（十七）' },
    });
    expect(subsidy?.benefit.conditions).toEqual(['对符合条件的在潭就业高校毕业生就业时间满1年的']);
  });

  it('counts a measure for graduates towards the broader group 青年, saying through which group', () => {
    const youth = page('youth');
    const viaGraduates = youth.measures.filter((m) => m.via?.id === 'college-graduates');
    expect(viaGraduates.map((m) => m.benefit.id)).toEqual(page('college-graduates').measures.map((m) => m.benefit.id).filter((id) => !youth.measures.some((m) => m.benefit.id === id && m.via === null)));
    expect(youth.narrower.find((n) => n.group.id === 'college-graduates')?.count).toBe(viaGraduates.length);
    expect(page('college-graduates').broader?.id).toBe('youth');
  });

  it('orders measures by kind, then by document order, and counts the kinds and regions for the filters', () => {
    const { measures, kinds, regions } = page('college-graduates');
    const kindOrder = kinds.map((k) => k.label);
    expect(measures.map((m) => kindOrder.indexOf(m.benefit.kind))).toEqual(measures.map((m) => kindOrder.indexOf(m.benefit.kind)).sort((a, b) => a - b));
    expect(kinds.reduce((n, k) => n + k.count, 0)).toBe(measures.length);
    expect(regions.reduce((n, r) => n + r.count, 0)).toBe(measures.length);
    expect(kinds.find((k) => k.label === '补贴')?.value).toBe('subsidy');
  });

  it('marks a measure whose own period has ended, though its document is still listed as it is', () => {
    const hire = page('unemployed').measures.find((m) => m.benefit.id === 'xiangtan-2019-stabilise-employment/d1-3.9/b7');
    expect(hire?.window).toMatchObject({ text: '2019年1月1日至12月31日', end: '2019-12-31', ended: true });
    expect(hire?.ended).toBe(true);
  });

  it('takes no measure from a repeated text', () => {
    expect(pages.flatMap((p) => p.measures).some((m) => m.benefit.documentId === 'jiangsu-szbf-2012-91-excerpt')).toBe(false);
  });
});

describe('groupPages: sentences as the source printed them', () => {
  it('marks the spots the capture garbled in the sentences a group page quotes', () => {
    const marked = page('college-graduates').measures.flatMap((m) => m.sentence.filter((p) => p.unreadable !== null).map((p) => [m.benefit.documentId, p.unreadable, p.text]));
    expect(marked).toContainEqual(['xiangtan-2019-stabilise-employment', 'lost', '?刈畹凸べY']);
    for (const m of page('college-graduates').measures) expect(m.sentence.map((p) => p.text).join('')).toBe(m.benefit.sentence);
  });
});

describe('benefit figures as a reader says them', () => {
  const figure = { value: 75, max: null, unit: '万元', per: null, comparator: '≤' as const, text: '75万元' };
  it('adds the bound and the per-unit the printed words leave out, never twice', () => {
    expect(figureText(figure)).toBe('最高75万元');
    expect(figureText({ ...figure, text: '不超过800元/月', value: 800, unit: '元', per: '月' })).toBe('不超过800元/月');
    expect(figureText({ ...figure, comparator: null, text: '1000元', value: 1000, unit: '元', per: '人' })).toBe('1000元/人');
    expect(figureText({ ...figure, comparator: null, text: '每人每月70元', per: '人·月' })).toBe('每人每月70元');
  });

  it('joins amount, duration and limits in one line, and writes a CSV row of schema fields', () => {
    const benefit = corpus.benefits.find((b) => b.id === 'xiangtan-2019-stabilise-employment/d1-2.6/b2');
    expect(benefit).toBeDefined();
    if (benefit === undefined) return;
    expect(benefitFigures(benefit)).toBe('最高75万元');
    expect(benefitCsvRow(benefit)).toMatchObject({ kind: '贷款', amount: '最高75万元', department: '市人力资源和社会保障局', groups: ['small-micro-enterprises'] });
    expect(benefitFigures({ amount: null, duration: null, limits: [] })).toBe('');
  });
});

describe('bySentence: what one sentence grants, on one card', () => {
  it('puts the loan and its interest subsidy of one sentence together, and keeps other sentences apart', () => {
    const measures = page('small-micro-enterprises').measures.filter((m) => m.benefit.clauseId === 'd1-2.6' && m.benefit.kind === '贷款');
    const cards = bySentence(measures);
    expect(cards.flat()).toEqual(measures);
    for (const card of cards) expect(new Set(card.map((m) => m.benefit.sentence)).size).toBe(1);
    expect(cards.some((card) => card.length > 1)).toBe(true);
  });
});
