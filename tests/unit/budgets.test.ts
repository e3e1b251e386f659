import { describe, expect, it } from 'vitest';
import { budgetTable, BudgetsFile, moduleImports, overBudget, pageLoad, type Measurement } from '../../scripts/lib/checks/budgets.ts';

/** A built site as file → text; the reader returns undefined for files that are not there. */
function reader(files: Record<string, string>) {
  return (file: string) => files[file];
}

describe('moduleImports', () => {
  it('finds static imports and re-exports in minified code, and literal dynamic imports apart', () => {
    const code = 'import{a as b}from"./chunk.A1.js";import"./side.js";export*from"../re.js";export{c}from\'./named.js\';const u=import.meta.url;import(`./t2cn.js`).then(x=>x);import(`${base}pagefind/pagefind.js`);const s="importance";';
    expect(moduleImports(code)).toEqual({ static: ['./chunk.A1.js', './side.js', '../re.js', './named.js'], dynamic: ['./t2cn.js'] });
  });

  it('ignores bare specifiers, which a browser cannot load without an import map', () => {
    expect(moduleImports('import x from "lodash";import "/_astro/y.js";').static).toEqual(['/_astro/y.js']);
  });
});

describe('pageLoad', () => {
  it('follows stylesheets with their @imports, scripts, module preloads and the imports of inline module scripts, once each', () => {
    const site = reader({
      'search/index.html':
        '<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/_astro/base.css"><link rel="preload stylesheet" href="../_astro/page.css">' +
        '<link rel="modulepreload" href="/_astro/pre.js"><script type="application/ld+json">{"a":1}</script>' +
        '<script type="module">import"/_astro/inline-dep.js";</script><script type="module" src="/_astro/main.js"></script>' +
        '<!-- <script src="/_astro/old.js"></script> --><script src="https://cdn.example.com/x.js"></script>',
      '_astro/base.css': '@import url("./fonts.css");@import "missing.css";body{}',
      '_astro/fonts.css': '',
      '_astro/page.css': '@import "./base.css";',
      '_astro/pre.js': '',
      '_astro/inline-dep.js': 'import"./main.js";',
      '_astro/main.js': 'import{x}from"./chunk.js";import(`./lazy.js`);import(`./chunk.js`)',
      '_astro/chunk.js': '',
      '_astro/lazy.js': '',
    });
    expect(pageLoad('search/index.html', site)).toEqual({
      html: ['search/index.html'],
      css: ['_astro/base.css', '_astro/fonts.css', '_astro/page.css'],
      js: ['_astro/pre.js', '_astro/main.js', '_astro/chunk.js', '_astro/inline-dep.js'],
      lazy: ['_astro/lazy.js'],
      missing: ['_astro/missing.css'],
    });
  });

  it('reports a page that is not built as missing', () => {
    expect(pageLoad('nope/index.html', reader({}))).toEqual({ html: [], css: [], js: [], lazy: [], missing: ['nope/index.html'] });
  });
});

const measured: Measurement = {
  name: 'search',
  path: '/search/',
  bytes: { html: 5000, css: 3000, js: 13000 },
  files: { html: ['search/index.html'], css: ['_astro/a.css'], js: ['_astro/b.js', '_astro/c.js'] },
};

describe('overBudget', () => {
  it('reports each kind over its limit with the bytes, the limit, the overshoot and the files', () => {
    expect(overBudget(measured, { html: 6000, css: 2500, js: 10000 })).toEqual([
      { level: 'error', code: 'budget-css', file: 'budgets.json', message: 'search (/search/) loads 3000 B of css gzipped (2.9 KB), over its budget of 2500 B by 20%: _astro/a.css' },
      { level: 'error', code: 'budget-js', file: 'budgets.json', message: 'search (/search/) loads 13000 B of js gzipped (12.7 KB), over its budget of 10000 B by 30%: _astro/b.js, _astro/c.js' },
    ]);
  });

  it('passes a page at or under every limit, and fails any JS on a page allowed none', () => {
    expect(overBudget(measured, { html: 5000, css: 3000, js: 13000 })).toEqual([]);
    expect(overBudget(measured, { html: 5000, css: 3000, js: 0 }).map((d) => d.message)).toEqual([expect.stringContaining('over its budget of 0 B by any')]);
  });
});

describe('budgetTable', () => {
  it('shows bytes against limits with the share used, and a dash where no limit is set', () => {
    expect(budgetTable([{ m: measured, limits: { html: 10000, css: 3000, js: 26000 } }, { m: { ...measured, name: 'new' }, limits: null }])).toBe(
      [
        '| page | path | html B gz / limit | css B gz / limit | js B gz / limit |',
        '| --- | --- | --- | --- | --- |',
        '| search | /search/ | 5000 / 10000 (50%) | 3000 / 3000 (100%) | 13000 / 26000 (50%) |',
        '| new | /search/ | 5000 / — | 3000 / — | 13000 / — |',
      ].join('\n'),
    );
  });
});

describe('BudgetsFile', () => {
  it('takes a page by path or by kind, never both, with limits or null until measured', () => {
    const limits = { html: 1, css: 1, js: 0 };
    expect(BudgetsFile.safeParse({ pages: [{ name: 'a', path: '/', limits }, { name: 'b', type: 'department', limits: null }] }).success).toBe(true);
    expect(BudgetsFile.safeParse({ pages: [{ name: 'a', path: '/', type: 'home', limits }] }).success).toBe(false);
    expect(BudgetsFile.safeParse({ pages: [{ name: 'a', limits }] }).success).toBe(false);
    expect(BudgetsFile.safeParse({ pages: [{ name: 'a', path: '/x', limits }] }).success).toBe(false);
  });
});
