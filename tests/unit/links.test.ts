import { describe, expect, it } from 'vitest';
import { checkLinks, scanHtml, servedPath, type PageRefs } from '../../scripts/lib/checks/links.ts';

const origin = 'https://policy-atlas.example.org';

/** A built site from file → HTML; every other listed file exists but is not HTML. */
function site(html: Record<string, string>, otherFiles: string[] = [], base = '/') {
  const pages = new Map<string, PageRefs>(Object.entries(html).map(([file, text]) => [file, scanHtml(text)]));
  return { files: new Set([...Object.keys(html), ...otherFiles]), pages, origin, base };
}

describe('scanHtml', () => {
  it('collects ids and href/src/action targets with their lines, decoding character references', () => {
    const refs = scanHtml('<p id="a">x</p>\n<a href="/x/?q=1&amp;r=2#b">y</a><img src=\'/i.svg\' alt="">\n<form action="/search/"></form>');
    expect([...refs.ids]).toEqual(['a']);
    expect(refs.links).toEqual([
      { url: '/x/?q=1&r=2#b', line: 2 },
      { url: '/i.svg', line: 2 },
      { url: '/search/', line: 3 },
    ]);
  });

  it('ignores URLs inside scripts, styles and comments, and attributes that only end in href', () => {
    const refs = scanHtml('<script type="application/ld+json">{"a":"<a href=\\"/nope/\\">"}</script><!-- <a href="/old/"> --><style>a{}</style><button data-href="/x/">b</button>');
    expect(refs.links).toEqual([]);
  });
});

describe('servedPath', () => {
  it('serves index.html files at their folder and other files at their own name', () => {
    expect(servedPath('index.html')).toBe('/');
    expect(servedPath('doc/d1-2.6/index.html')).toBe('/doc/d1-2.6/');
    expect(servedPath('feed.xml')).toBe('/feed.xml');
  });
});

describe('checkLinks', () => {
  it('passes links to existing pages, files and anchors, and ignores external links', () => {
    const problems = checkLinks(
      site(
        {
          'index.html': '<a href="/doc/">d</a><a href="doc/#d1-2.6">c</a><a href="https://example.com/x">e</a><a href="mailto:a@b.c">m</a><link href="/_astro/a.css" rel="stylesheet">',
          'doc/index.html': '<div id="d1-2.6"></div><a href="#d1-2.6">self</a><a href="../">home</a>',
        },
        ['_astro/a.css'],
      ),
    );
    expect(problems).toEqual([]);
  });

  it('reports a link to a page that was not built, with file and line', () => {
    const problems = checkLinks(site({ 'index.html': '<p>\n<a href="/doc/d1-9/">gone</a></p>', 'doc/index.html': '' }));
    expect(problems).toEqual([
      { level: 'error', code: 'link-missing-file', message: '/doc/d1-9/ → /doc/d1-9/: no such file in the build', file: 'index.html', line: 2 },
    ]);
  });

  it('reports a page link without its trailing slash and says which page was meant', () => {
    const [problem] = checkLinks(site({ 'index.html': '<a href="/doc">d</a>', 'doc/index.html': '' }));
    expect(problem?.message).toBe('/doc → /doc: no such file in the build (the page is /doc/)');
  });

  it('reports an anchor that the target page does not have', () => {
    const problems = checkLinks(site({ 'index.html': '<a href="/doc/#d1-2.7">x</a>', 'doc/index.html': '<div id="d1-2.6"></div>' }));
    expect(problems).toEqual([
      { level: 'error', code: 'link-missing-anchor', message: '/doc/#d1-2.7: doc/index.html has no element with id "d1-2.7"', file: 'index.html', line: 1 },
    ]);
  });

  it('decodes a percent-encoded Chinese fragment and path before looking them up', () => {
    const fragment = encodeURIComponent('第二条');
    const path = encodeURIComponent('文件');
    const problems = checkLinks(site({ 'index.html': `<a href="/${path}/#${fragment}">x</a><a href="#${fragment}">y</a><h2 id="第二条"></h2>`, '文件/index.html': '<h2 id="第二条">二</h2>' }));
    expect(problems).toEqual([]);
  });

  it('checks absolute links to the site itself, such as the canonical URL', () => {
    const problems = checkLinks(site({ 'index.html': `<link rel="canonical" href="${origin}/missing/">` }));
    expect(problems.map((p) => p.code)).toEqual(['link-missing-file']);
  });

  it('resolves links under the base the site is served at, and reports links that leave it', () => {
    const pages = { 'index.html': '<a href="/atlas/doc/#d1">d</a><a href="doc/">r</a><a href="/doc/">root</a>', 'doc/index.html': '<p id="d1"></p>' };
    expect(checkLinks(site(pages, [], '/atlas/')).map((p) => `${p.code} ${p.message}`)).toEqual(['link-outside-base /doc/ → /doc/: outside the site\'s base /atlas/']);
    expect(servedPath('doc/index.html', '/atlas/')).toBe('/atlas/doc/');
  });

  it('reports a malformed percent-encoding instead of throwing', () => {
    const problems = checkLinks(site({ 'index.html': '<a href="/%E4%B8/">x</a>' }));
    expect(problems.map((p) => p.code)).toEqual(['link-bad-encoding']);
  });
});
