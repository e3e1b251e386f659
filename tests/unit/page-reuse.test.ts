import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { siteCodeFiles, siteCodeVersion } from '../../src/integrations/site-code.ts';
import { closeSession, fixedPagesToRender, openSession, pagesToRender, type KeyedPage, type ReuseSession } from '../../src/lib/page-reuse.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

const page = (file: string, key: string): KeyedPage<string> => ({ file, key, path: file });

function session(previous: Record<string, string>, present: readonly string[]): ReuseSession {
  return { previous: new Map(Object.entries(previous)), exists: (file) => present.includes(file), keys: new Map(), kept: new Set(), fixed: new Map() };
}

describe('pagesToRender', () => {
  afterEach(() => closeSession());

  it('renders every page outside a build', () => {
    expect(pagesToRender([page('a/index.html', 'k1'), page('a/b/index.html', 'k2')], undefined)).toEqual(['a/index.html', 'a/b/index.html']);
  });

  it('keeps a page whose key is unchanged and whose file is still there; renders the others', () => {
    const s = session({ 'a/index.html': 'k1', 'a/b/index.html': 'old', 'a/c/index.html': 'k3' }, ['a/index.html', 'a/b/index.html']);
    const pages = [page('a/index.html', 'k1'), page('a/b/index.html', 'k2'), page('a/c/index.html', 'k3'), page('a/d/index.html', 'k4')];
    // a/b: key changed; a/c: same key but the file is gone; a/d: new.
    expect(pagesToRender(pages, s)).toEqual(['a/b/index.html', 'a/c/index.html', 'a/d/index.html']);
    expect([...s.kept]).toEqual(['a/index.html']);
    expect(Object.fromEntries(s.keys)).toEqual({ 'a/index.html': 'k1', 'a/b/index.html': 'k2', 'a/c/index.html': 'k3', 'a/d/index.html': 'k4' });
  });

  it('uses the session the build opened, and none after it closed', () => {
    const s = session({ 'a/index.html': 'k1' }, ['a/index.html']);
    openSession(s);
    expect(pagesToRender([page('a/index.html', 'k1')])).toEqual([]);
    expect(closeSession()).toBe(s);
    expect(pagesToRender([page('a/index.html', 'k1')])).toEqual(['a/index.html']);
  });
});

describe('fixedPagesToRender', () => {
  const fixed = (file: string, key: string) => ({ ...page(file, key), html: () => `<p>${file}</p>` });

  it('renders every page outside a build (the dev server)', () => {
    expect(fixedPagesToRender([fixed('a/p1/index.html', 'k1')], undefined)).toEqual(['a/p1/index.html']);
  });

  it('renders none in a build: keeps what it may, and hands the HTML of the others to the integration to write', () => {
    const s = session({ 'a/p1/index.html': 'k1', 'a/p2/index.html': 'old' }, ['a/p1/index.html', 'a/p2/index.html']);
    expect(fixedPagesToRender([fixed('a/p1/index.html', 'k1'), fixed('a/p2/index.html', 'k2')], s)).toEqual([]);
    expect([...s.kept]).toEqual(['a/p1/index.html']);
    expect(Object.fromEntries(s.fixed)).toEqual({ 'a/p2/index.html': '<p>a/p2/index.html</p>' });
    expect(Object.fromEntries(s.keys)).toEqual({ 'a/p1/index.html': 'k1', 'a/p2/index.html': 'k2' });
  });
});

describe('siteCodeVersion', () => {
  function project(files: Record<string, string>): string {
    const root = tempDir('site-code-');
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    return root;
  }

  it('covers the code (its shared core too), public files, content tables and configuration, not the scripts, the sources or the generated data', () => {
    const dir = project({
      'src/pages/index.astro': 'page',
      'src/styles/site.css': 'css',
      'src/core/corpus-records.ts': 'core',
      'scripts/lib/checks/links.ts': 'a checker',
      'public/favicon.svg': 'svg',
      'content/departments.json': '[]',
      'content/sources/a.txt': 'text',
      'content/generated/documents/a.json': '{}',
      'astro.config.mjs': 'config',
      'package-lock.json': '{}',
      'README.md': 'readme',
    });
    expect(siteCodeFiles(dir)).toEqual([
      'astro.config.mjs',
      'content/departments.json',
      'package-lock.json',
      'public/favicon.svg',
      'src/core/corpus-records.ts',
      'src/pages/index.astro',
      'src/styles/site.css',
    ]);
  });

  it('changes with any code file, the settings and the Node version, not with the data', () => {
    const dir = project({ 'src/a.ts': 'one', 'content/generated/documents/a.json': '{}' });
    const settings = '{"site":"https://a.org","base":"/"}';
    const before = siteCodeVersion(dir, settings, 'v22.0.0');
    expect(siteCodeVersion(dir, settings, 'v22.0.0')).toBe(before);
    expect(siteCodeVersion(dir, settings, 'v22.1.0')).not.toBe(before);
    expect(siteCodeVersion(dir, '{"site":"https://b.org","base":"/"}', 'v22.0.0')).not.toBe(before);
    fs.writeFileSync(path.join(dir, 'content/generated/documents/a.json'), '{"changed":true}');
    expect(siteCodeVersion(dir, settings, 'v22.0.0')).toBe(before);
    fs.writeFileSync(path.join(dir, 'src/a.ts'), 'two');
    expect(siteCodeVersion(dir, settings, 'v22.0.0')).not.toBe(before);
  });
});
