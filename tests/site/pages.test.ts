import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '#core/list-files.ts';
import { DIST, jsonLdOf, metaContent, readDist } from '../helpers/dist.ts';
import { xmlErrors } from '../helpers/xml.ts';

const site = 'https://policy-atlas.test';
const xiangtan = 'xiangtan-2019-stabilise-employment';

type Graph = { '@graph'?: Record<string, unknown>[] } & Record<string, unknown>;
const graphOf = (html: string): Record<string, unknown>[] => jsonLdOf(html).flatMap((g) => (g as Graph)['@graph'] ?? [g as Record<string, unknown>]);

describe('a clause page', () => {
  const html = readDist(`${xiangtan}/d1-2.6/index.html`);

  it('shows the clause with its citation and copy controls', () => {
    expect(html).toContain('<cite>湘潭稳就业二十四条 二、（六）</cite>');
    expect(html).toContain('加大创业担保贷款工作力度');
    expect(html).toContain(`data-copy="${site}/${xiangtan}/d1-2.6/" data-copied="已复制链接"`);
    // Every copied citation carries the URL; the formal one and the GB/T 7714 reference are offered too.
    expect(html).toContain(`data-copy="湘潭稳就业二十四条 二、（六） ${site}/${xiangtan}/d1-2.6/" data-copied="已复制引文和链接"`);
    expect(html).toContain(`data-copy="《湘潭市进一步做好稳就业工作二十四条措施》第二部分第（六）项 ${site}/${xiangtan}/d1-2.6/"`);
    expect(html).toContain(`data-copy="湘潭市人民政府. 湘潭市人民政府关于印发《湘潭市进一步做好稳就业工作二十四条措施》的通知[EB/OL]. (2019-02-01)[{accessed}]. ${site}/${xiangtan}/."`);
    expect(html).toContain(`<a href="/${xiangtan}/#d1-2.6">在全文中查看</a>`);
  });

  it('has a breadcrumb from the home page through the part and the section', () => {
    const trail = /<nav class="breadcrumb"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
    const steps = [...trail.matchAll(/<li[^>]*>(?:<a href="([^"]*)">)?([^<]*)/g)].map((m) => [m[1] ?? null, m[2]]);
    expect(steps).toEqual([
      ['/', '首页'],
      [`/${xiangtan}/`, '湘潭稳就业二十四条'],
      [`/${xiangtan}/d1/`, '湘潭市进一步做好稳就业工作二十四条措施'],
      [`/${xiangtan}/d1-2/`, '二、实施三项金融财税措施助推创业'],
      [null, '（六）加大创业担保贷款工作力度'],
    ]);
  });

  it('links the previous and next clause of the same level', () => {
    expect(html).toMatch(new RegExp(`rel="prev" href="/${xiangtan}/d1-2\\.5/"`));
    expect(html).toMatch(new RegExp(`rel="next" href="/${xiangtan}/d1-3\\.7/"`));
  });

  it('names its canonical URL and describes itself for sharing', () => {
    expect(html).toContain(`<link rel="canonical" href="${site}/${xiangtan}/d1-2.6/">`);
    expect(metaContent(html, 'og:title')).toBe('湘潭稳就业二十四条 二、（六）');
    expect(metaContent(html, 'og:url')).toBe(`${site}/${xiangtan}/d1-2.6/`);
    expect(metaContent(html, 'og:description')?.startsWith('加大创业担保贷款工作力度。将农村自主创业的农民纳入支持范围')).toBe(true);
  });

  it('carries JSON-LD: the clause as Legislation, part of its document, and the breadcrumb list', () => {
    const graph = graphOf(html);
    const clause = graph.find((g) => g['@type'] === 'Legislation');
    expect(clause?.['legislationIdentifier']).toBe('湘潭稳就业二十四条 二、（六）');
    expect(clause?.['legislationJurisdiction']).toBe('湖南省 湘潭市');
    expect((clause?.['isPartOf'] as Record<string, unknown>)['@id']).toBe(`${site}/${xiangtan}/`);
    const crumbs = graph.find((g) => g['@type'] === 'BreadcrumbList')?.['itemListElement'] as unknown[];
    expect(crumbs).toHaveLength(5);
  });

  it('sets a Content Security Policy that allows only the site itself, before anything it governs', () => {
    const csp = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html);
    expect(csp?.[1]).toContain("default-src 'none'");
    expect(csp?.[1]).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp?.[1]).toContain("style-src 'self';");
    expect(csp?.[1]).not.toMatch(/unsafe-inline|sha256-/);
    expect(csp?.index).toBeLessThan(html.search(/<(?:link|script|style)\b/));
  });
});

describe('a document page', () => {
  const html = readDist(`${xiangtan}/index.html`);

  it('keeps each clause anchor, with the link and citation its copy buttons are made from', () => {
    expect(html).toContain('id="d1-2.6"');
    expect(html).toContain(`data-copy-link="${site}/${xiangtan}/d1-2.6/" data-cite="湘潭稳就业二十四条 二、（六）"`);
    // The buttons themselves are made by the page's script (tests/e2e/clause-links.test.ts clicks them).
    expect(html).not.toContain(`data-copy="${site}/${xiangtan}/d1-2.6/"`);
  });

  it('holds the published traditional text beside the simplified one, marked as zh-Hant', () => {
    expect(html).toContain('<span class="o" lang="zh-Hant" data-pagefind-ignore>加大創業擔保貸款工作力度</span>');
    expect(html).toContain('<span class="s">加大创业担保贷款工作力度</span>');
    expect(html).toContain('value="original" data-script-choice');
  });

  it('says it is Legislation with its jurisdiction and date', () => {
    const doc = graphOf(html).find((g) => g['@type'] === 'Legislation');
    expect(doc?.['name']).toBe('湘潭市人民政府关于印发《湘潭市进一步做好稳就业工作二十四条措施》的通知');
    expect(doc?.['datePublished']).toBe('2019-02-01');
  });
});

describe('a repeated text', () => {
  it('points to the same clause of the document it repeats', () => {
    const html = readDist('jiangsu-szbf-2012-91-excerpt/m-4.2/index.html');
    expect(html).toContain(`<link rel="canonical" href="${site}/jiangsu-szbf-2012-91/d1-4.2/">`);
    expect(html).toContain('<a href="/jiangsu-szbf-2012-91/d1-4.2/">苏政办发〔2012〕91号 2012年两大体系工作计划 四、（二）</a>');
  });

  it('names the range it repeats on its document page', () => {
    const html = readDist('jiangsu-szbf-2012-91-excerpt/index.html');
    expect(html).toContain('<a href="/jiangsu-szbf-2012-91/d1-4/">苏政办发〔2012〕91号 2012年两大体系工作计划 四、</a>到<a href="/jiangsu-szbf-2012-91/d2-3.4/">');
  });
});

describe('an annex table row', () => {
  const html = readDist('jiangsu-szbf-2012-91/a1-t1.r10/index.html');

  it('keeps its URL as a light page sending readers to the row on its table’s page', () => {
    const target = '/jiangsu-szbf-2012-91/a1-t1/#a1-t1.r10';
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${target}">`);
    expect(html).toContain(`<a href="${target}">苏政办发〔2012〕91号 附件1 表1 序号10</a>`);
    expect(html).toContain(`<link rel="canonical" href="${site}/jiangsu-szbf-2012-91/a1-t1/">`);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html.length).toBeLessThan(1000);
  });

  it('is shown on its table’s page', () => {
    const table = readDist('jiangsu-szbf-2012-91/a1-t1/index.html');
    expect(table).toContain('<tr id="a1-t1.r10"');
    expect(table).toContain('四个不出村');
  });
});

describe('site-wide files', () => {
  it('sitemap.xml lists clause pages and is well-formed', () => {
    const xml = readDist('sitemap.xml');
    expect(xmlErrors(xml)).toEqual([]);
    expect(xml).toContain(`<loc>${site}/${xiangtan}/d1-2.6/</loc>`);
    // A repeated clause is listed once, at its canonical place.
    expect(xml).not.toContain('jiangsu-szbf-2012-91-excerpt/m-4.2/');
  });

  it('feed.xml is well-formed Atom with the four documents that are not repeats, newest first', () => {
    const xml = readDist('feed.xml');
    expect(xmlErrors(xml)).toEqual([]);
    const ids = [...xml.matchAll(/<entry>\s*<id>([^<]*)<\/id>/g)].map((m) => m[1]);
    expect(ids).toEqual([`${site}/${xiangtan}/`, `${site}/xuhui-2016-employment-plan/`, `${site}/yibin-yfbh-2014-282/`, `${site}/jiangsu-szbf-2012-91/`]);
  });

  it('no page has an inline script, style or event handler, which the Content Security Policy would block', () => {
    const pages = listFiles(DIST, ['pagefind/']).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(300);
    const inline = pages.flatMap((page) => {
      const html = fs.readFileSync(path.join(DIST, page), 'utf8');
      const found = [
        ...[...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\ssrc=/.test(tag) && tag !== '<script type="application/ld+json">'),
        ...[...html.matchAll(/<style\b[^>]*>|\s(?:on[a-z]+|style)=|javascript:/g)].map((m) => m[0]),
      ];
      return found.map((tag) => `${page}: ${tag}`);
    });
    expect(inline).toEqual([]);
  });

  it('carries the configured SITE_URL everywhere and no placeholder origin anywhere', () => {
    const files = listFiles(DIST, ['pagefind/', '_astro/']).filter((f) => /\.(?:html|xml|json|txt|csv)$/.test(f));
    const placeholders = files.filter((f) => /policy-atlas\.example\.org/.test(fs.readFileSync(path.join(DIST, f), 'utf8')));
    expect(placeholders).toEqual([]);
    expect(metaContent(readDist('index.html'), 'og:url')).toBe(`${site}/`);
  });

  it('has a 404 page that says so and leads on, kept out of search engines', () => {
    const html = readDist('404.html');
    expect(html).toContain('<h1>找不到这个页面</h1>');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<a href="/search/">');
  });

  it('robots.txt points to the sitemap', () => {
    expect(readDist('robots.txt')).toContain(`Sitemap: ${site}/sitemap.xml`);
  });

  it('every page is zh-CN with one search form and a skip link', () => {
    const html = readDist(`${xiangtan}/index.html`);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(/<form class="site-search" action="\/search\/" method="get" role="search"><input name="q" type="search" aria-label="搜索"/);
    expect(html).toContain('<a class="skip-link" href="#main">');
    // The home and search pages have a search box of their own and leave out the header's; a document page adds one for searching within it.
    for (const [file, boxes] of [['index.html', 1], [`${xiangtan}/index.html`, 2], ['search/index.html', 1]] as const) expect([file, readDist(file).match(/type="search"/g)?.length]).toEqual([file, boxes]);
  });
});
