import { describe, expect, it } from 'vitest';
import { absoluteUrl, entityAnchor, entityAnchorOn, hasFullPage, hasOwnPage, isAnchoredBlock, pageOf, routes, withFilter } from '#core/routes.ts';

describe('routes', () => {
  it('builds every page under the root as a folder', () => {
    const r = routes();
    expect([r.home(), r.document('d'), r.node('d', 'm-2.1'), r.department('x-hrss'), r.topic('t'), r.search(), r.data()]).toEqual([
      '/',
      '/d/',
      '/d/m-2.1/',
      '/departments/x-hrss/',
      '/topics/t/',
      '/search/',
      '/data/',
    ]);
    expect([r.groups(), r.group('college-graduates'), r.entity('d', 'm-2.1', 'd/m-2.1/b1')]).toEqual(['/for/', '/for/college-graduates/', '/d/m-2.1/#b1']);
    expect([r.nodeAnchor('d', 'm-2'), r.entity('d', 'm-2.1', 'd/m-2.1/t2'), r.dataFile('targets.csv'), r.file('feed.xml')]).toEqual([
      '/d/#m-2',
      '/d/m-2.1/#t2',
      '/data/targets.csv',
      '/feed.xml',
    ]);
  });

  it('gives a statute’s article a page, its 款, 项 and 目 anchors on it, its 编, 章 and 节 anchors on the document page', () => {
    const r = routes();
    expect([r.node('law', 'art-50'), r.node('law', 'art-10-1'), r.node('law', 'art-50.2'), r.node('law', 'art-50.2.3.1'), r.node('law', 'd1-art-5.1')]).toEqual([
      '/law/art-50/',
      '/law/art-10-1/',
      '/law/art-50/#art-50.2',
      '/law/art-50/#art-50.2.3.1',
      '/law/d1-art-5/#d1-art-5.1',
    ]);
    expect([r.node('law', 'ch-3'), r.node('law', 'bk-1.ch-3'), r.node('law', 'ch-3.s2'), r.node('law', 'toc')]).toEqual(['/law/#ch-3', '/law/#bk-1.ch-3', '/law/#ch-3.s2', '/law/#toc']);
    expect(['art-50', 'm', 'm-p1', 'd1-2.6', 'a1-t1.r3'].every(hasOwnPage)).toBe(true);
    expect(r.work('she-hui-bao-xian-fa')).toBe('/works/she-hui-bao-xian-fa/');
    expect(r.entity('law', 'art-46.1', 'law/art-46.1/t1')).toBe('/law/art-46/#art-46.1');
    expect(['art-50.1', 'art-50.1.3', 'ch-1', 'sec-2', 'bk-1'].some(hasOwnPage)).toBe(false);
  });

  it('puts a paragraph, table row or bullet at its anchor on the page of the nearest node holding it that has one', () => {
    const r = routes();
    const holders = { 'd1-p1': 'd1', 'd1-2.6.p2': 'd1-2.6', 'a1-t1.r3': 'a1-t1', 'm-2.1.1.b2': 'm-2.1.1', 'm-2.b1.p1': 'm-2' };
    for (const [id, holder] of Object.entries(holders)) expect(r.node('d', id)).toBe(`/d/${holder}/#${id}`);
    // In a statute: a heading's paragraph is on the document's page, a part's on the part's.
    expect(['ch-1.p1', 'toc.p2', 'm-p1'].map((id) => r.node('law', id))).toEqual(['/law/#ch-1.p1', '/law/#toc.p2', '/law/m/#m-p1']);
    // Its targets and projects at anchors of their own there (a paragraph's t1 is not its neighbour's).
    expect([r.entity('d', 'a1-t1.r3', 'd/a1-t1.r3/pilot-1'), r.entity('d', 'd1-p1', 'd/d1-p1/t2')]).toEqual(['/d/a1-t1/#a1-t1.r3/pilot-1', '/d/d1/#d1-p1/t2']);
    expect([entityAnchorOn('d1-p1', 'd/d1-p1/t2'), entityAnchorOn('d1-2.6', 'd/d1-2.6/t2')]).toEqual(['d1-p1/t2', 't2']);
    expect(['d1-p1', 'a1-t1.r3', 'm-2.b1', 'toc.p1'].filter(isAnchoredBlock)).toEqual(['d1-p1', 'a1-t1.r3', 'm-2.b1', 'toc.p1']);
    expect(['d1-p1', 'a1-t1.r3', 'm-2.b1'].some(hasFullPage)).toBe(false);
    expect(['art-50', 'm', 'd1-2.6', 'a1-t1', 'm-2.u1'].every(hasFullPage)).toBe(true);
    expect(['bk-1', 'd1', 'a1', 'art-50.1', 'm-2.u1', 'a1-t1'].some(isAnchoredBlock)).toBe(false);
  });

  it('puts every path under the base, however the base is written', () => {
    for (const base of ['/atlas/', '/atlas', 'atlas/', 'atlas']) {
      const r = routes(base);
      expect(r.base, base).toBe('/atlas/');
      expect([r.home(), r.node('d', 'n'), r.departments(), r.file('pagefind/')], base).toEqual(['/atlas/', '/atlas/d/n/', '/atlas/departments/', '/atlas/pagefind/']);
    }
    expect(routes('/a/b/').document('d')).toBe('/a/b/d/');
  });

  it('makes absolute URLs on the site’s address, and paths from the root without one (no placeholder origin)', () => {
    expect(absoluteUrl(routes('/atlas/').node('d', 'n'), new URL('https://example.org'))).toBe('https://example.org/atlas/d/n/');
    expect(absoluteUrl(routes('/atlas/').node('d', 'n'), undefined)).toBe('/atlas/d/n/');
  });

  it('names an entity by the last segment of its id, and filters by query string', () => {
    expect(entityAnchor('d/m-2.1/pilot-1')).toBe('pilot-1');
    expect(withFilter('/targets/', 'region', '湘潭市')).toBe('/targets/?region=%E6%B9%98%E6%BD%AD%E5%B8%82');
  });
});

describe('pageOf', () => {
  it('gives the page a URL lands on, without its anchor', () => {
    expect(pageOf('/law/art-50/#art-50.2')).toBe('/law/art-50/');
    expect(pageOf('/doc/a1-t1/#a1-t1.r10/pilot-10')).toBe('/doc/a1-t1/');
    expect(pageOf('/doc/d1-2.6/')).toBe('/doc/d1-2.6/');
  });
});
