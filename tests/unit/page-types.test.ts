import { describe, expect, it } from 'vitest';
import { pageType, representativePages, sitemapPaths } from '../../scripts/lib/checks/page-types.ts';

const documents = new Set(['xiangtan-2019-stabilise-employment', 'jiangsu-szbf-2012-91']);

describe('pageType', () => {
  it('names the site sections by their paths', () => {
    const paths = ['/', '/search/', '/data/', '/about/', '/method/', '/departments/', '/departments/china-hrss/', '/targets/', '/projects/', '/citations/', '/charts/', '/regions/', '/topics/', '/topics/jobs/'];
    expect(paths.map((p) => pageType(p, documents))).toEqual([
      'home',
      'search',
      'data',
      'about',
      'about',
      'department-index',
      'department',
      'targets',
      'projects',
      'citations',
      'charts',
      'regions',
      'topic-index',
      'topic',
    ]);
  });

  it('tells a document from its part, table, table-row and clause pages by the id scheme of docs/ids.md', () => {
    const x = '/xiangtan-2019-stabilise-employment';
    expect([`${x}/`, `${x}/d1/`, `${x}/n/`, `${x}/a1/`, `${x}/a1-t1/`, `${x}/a1-t1.r3/`, `${x}/d1-2.6/`, `${x}/m-2.1.1.b2/`, `${x}/d1-p1/`].map((p) => pageType(p, documents))).toEqual([
      'document',
      'part',
      'part',
      'part',
      'table',
      'table-row',
      'clause',
      'clause',
      'clause',
    ]);
  });

  it('gives a path it does not know a kind of its own by first segment, so a new section is still checked', () => {
    expect(pageType('/laws/', documents)).toBe('other /laws/');
    expect(pageType('/laws/labour-law/', documents)).toBe('other /laws/…/');
    expect(pageType('/laws/labour-law/article-3/', documents)).toBe('other /laws/…/');
    expect(pageType('/unknown-document/d1/', documents)).toBe('other /unknown-document/…/');
    expect(pageType('/xiangtan-2019-stabilise-employment/d1/extra/', documents)).toBe('other /xiangtan-2019-stabilise-employment/…/');
  });
});

describe('sitemapPaths', () => {
  it('reads the paths of the locations on the site and ignores other origins', () => {
    const xml = `<?xml version="1.0"?><urlset>
      <url><loc>https://policy-atlas.example.org/</loc></url>
      <url><loc> https://policy-atlas.example.org/search/?q=a&amp;b=c </loc></url>
      <url><loc>https://elsewhere.example.com/x/</loc></url>
    </urlset>`;
    expect(sitemapPaths(xml, 'https://policy-atlas.example.org')).toEqual(['/', '/search/']);
  });
});

describe('representativePages', () => {
  it('keeps the largest page of each kind, the first by path on a tie, kinds in name order', () => {
    const pages = [
      { path: '/', bytes: 10 },
      { path: '/jiangsu-szbf-2012-91/d1-2/', bytes: 500 },
      { path: '/jiangsu-szbf-2012-91/d1-1/', bytes: 500 },
      { path: '/xiangtan-2019-stabilise-employment/d1-2.6/', bytes: 90 },
      { path: '/xiangtan-2019-stabilise-employment/', bytes: 300 },
      { path: '/jiangsu-szbf-2012-91/', bytes: 900 },
    ];
    expect([...representativePages(pages, documents)]).toEqual([
      ['clause', { path: '/jiangsu-szbf-2012-91/d1-1/', bytes: 500 }],
      ['document', { path: '/jiangsu-szbf-2012-91/', bytes: 900 }],
      ['home', { path: '/', bytes: 10 }],
    ]);
  });
});
