import { describe, expect, it } from 'vitest';
import { absoluteUrl, entityAnchor, routes, withFilter } from '#core/routes.ts';

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
    expect([r.nodeAnchor('d', 'm-2'), r.entity('d', 'm-2.1', 'd/m-2.1/t2'), r.dataFile('targets.csv'), r.file('feed.xml')]).toEqual([
      '/d/#m-2',
      '/d/m-2.1/#t2',
      '/data/targets.csv',
      '/feed.xml',
    ]);
  });

  it('puts every path under the base, however the base is written', () => {
    for (const base of ['/atlas/', '/atlas', 'atlas/', 'atlas']) {
      const r = routes(base);
      expect(r.base, base).toBe('/atlas/');
      expect([r.home(), r.node('d', 'n'), r.departments(), r.file('pagefind/')], base).toEqual(['/atlas/', '/atlas/d/n/', '/atlas/departments/', '/atlas/pagefind/']);
    }
    expect(routes('/a/b/').document('d')).toBe('/a/b/d/');
  });

  it('makes absolute URLs on the site, and refuses without one', () => {
    expect(absoluteUrl(routes('/atlas/').node('d', 'n'), new URL('https://example.org'))).toBe('https://example.org/atlas/d/n/');
    expect(() => absoluteUrl('/', undefined)).toThrow('must set `site`');
  });

  it('names an entity by the last segment of its id, and filters by query string', () => {
    expect(entityAnchor('d/m-2.1/pilot-1')).toBe('pilot-1');
    expect(withFilter('/targets/', 'region', '湘潭市')).toBe('/targets/?region=%E6%B9%98%E6%BD%AD%E5%B8%82');
  });
});
