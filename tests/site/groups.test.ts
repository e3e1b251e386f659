import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, readDist } from '../helpers/dist.ts';
import { generatedDocument, generatedIds } from '../helpers/generated.ts';

const xiangtan = 'xiangtan-2019-stabilise-employment';
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, '');
const canonical = generatedIds().map(generatedDocument).filter((d) => d.duplicateOf === null);
const servedGroups = new Set(canonical.flatMap((d) => d.extracted.benefits.flatMap((b) => b.groups)));

describe('the group pages /for/', () => {
  it('exist for every group a benefit names, and the index links each', () => {
    const index = readDist('for/index.html');
    for (const id of servedGroups) {
      expect(fs.existsSync(path.join(DIST, 'for', id, 'index.html')), id).toBe(true);
      expect(index, id).toContain(`href="/for/${id}/"`);
    }
  });

  it('list a measure with its kind, amount, status, region, department and clause', () => {
    const html = readDist('for/college-graduates/index.html');
    expect(html).toContain('<h1>我是高校毕业生</h1>');
    const card = html.slice(html.indexOf(`href="/${xiangtan}/d1-6.17/#b6"`));
    const end = card.indexOf('</li>\n') === -1 ? card.indexOf('</article>') : card.indexOf('class="measure');
    const shown = text(card.slice(0, end));
    expect(shown).toContain('3000元至6000元');
    expect(shown).toContain('湘潭市');
    expect(card).toContain('href="/departments/xiangtan-hrss/"');
    expect(card).toContain(`href="/${xiangtan}/d1-6.17/"`);
    expect(shown).toMatch(/现行有效|有效性未注明|已失效|期限已过|已修改|尚未施行/);
    expect(html).toContain('id="kind-subsidy"');
  });

  it('filter by kind and region without script, through anchors', () => {
    const html = readDist('for/college-graduates/index.html');
    for (const [, anchor] of html.matchAll(/<a class="chip" href="#([^"]+)"/g)) expect(html, anchor).toContain(`id="${anchor}"`);
    expect(html).toMatch(/href="#region-1"/);
  });
});

describe('the home page', () => {
  it('offers the groups first: 我是… comes before the introduction, search and documents', () => {
    const html = readDist('index.html');
    const groups = html.indexOf('id="home-groups-heading"');
    expect(groups).toBeGreaterThan(-1);
    expect(groups).toBeLessThan(html.indexOf('class="lead"'));
    expect(groups).toBeLessThan(html.indexOf('class="home-search"'));
    expect(html).toContain('href="/for/college-graduates/"');
    expect(text(html)).toMatch(/我是高校毕业生\s*\d+ 项待遇/);
  });
});

describe('benefits beside a clause', () => {
  it('shows each with its kind, amount and conditions at its anchor, and who it is for and from', () => {
    const html = readDist(`${xiangtan}/d1-6.17/index.html`);
    const start = html.indexOf('id="b6"');
    expect(start).toBeGreaterThan(-1);
    const line = text(html.slice(start, html.indexOf('</li>', start)));
    expect(line).toContain('补贴');
    expect(line).toContain('3000元至6000元');
    expect(line).toContain('对符合条件的在潭就业高校毕业生就业时间满1年的');
    expect(html).toContain('href="/for/college-graduates/"');
  });
});

describe('the benefits download', () => {
  it('holds every benefit of the canonical documents, with its clause anchor, and a CSV with formula-free ordinary cells', () => {
    const records = JSON.parse(readDist('data/benefits.json')) as { id: string; url: string }[];
    expect(records.map((r) => r.id).sort()).toEqual(canonical.flatMap((d) => d.extracted.benefits.map((b) => b.id)).sort());
    expect(records.find((r) => r.id === `${xiangtan}/d1-6.17/b6`)?.url).toMatch(new RegExp(`/${xiangtan}/d1-6\\.17/#b6$`));
    const csv = readDist('data/benefits.csv');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF"id","documentId","clauseId","kind","name","amount","duration","limits","conditions","groups","department","sentence","url"');
    expect(csv).toContain('"最高75万元"');
    expect(csv).not.toMatch(/"'[^=+@-]/);
    expect(readDist('data/index.html')).toContain('href="/data/benefits.csv"');
  });
});
