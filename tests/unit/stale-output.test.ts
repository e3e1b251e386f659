import { describe, expect, it } from 'vitest';
import { isKept } from '#core/list-files.ts';
import { staleOutput, type OutputFile } from '../../src/integrations/stale-output.ts';

const STARTED = 1_000_000;
const before = (path: string): OutputFile => ({ path, mtimeMs: STARTED - 60_000 });
const during = (path: string): OutputFile => ({ path, mtimeMs: STARTED + 5_000 });

describe('staleOutput', () => {
  const files = [
    // Kept from the last build: Astro lists them.
    before('index.html'),
    before('doc-a/index.html'),
    before('doc-a/n-1/index.html'),
    // A removed document: its pages are neither listed nor rewritten.
    before('doc-gone/index.html'),
    before('doc-gone/n-1/index.html'),
    before('doc-gone/n-1/n-1.1/index.html'),
    // Styles of earlier code, and this build's.
    before('_astro/Base.OLD.css'),
    during('_astro/Base.NEW.css'),
    // A clause removed from a document that stays.
    before('doc-a/n-2/index.html'),
    // The search index, written by a later step.
    before('pagefind/pagefind.js'),
    before('pagefind/fragment/zh_1.pf_fragment'),
  ];
  const produced = new Set(['index.html', 'doc-a/index.html', 'doc-a/n-1/index.html']);

  it('removes what the build neither listed nor wrote, and the folders it leaves empty, deepest first', () => {
    expect(staleOutput(files, produced, STARTED, ['pagefind/'])).toEqual({
      files: ['_astro/Base.OLD.css', 'doc-a/n-2/index.html', 'doc-gone/index.html', 'doc-gone/n-1/index.html', 'doc-gone/n-1/n-1.1/index.html'],
      dirs: ['doc-gone/n-1/n-1.1', 'doc-a/n-2', 'doc-gone/n-1', 'doc-gone'],
    });
  });

  it('never touches a kept folder, whatever its files', () => {
    const { files: stale, dirs } = staleOutput([before('pagefind/old.pf_meta'), before('pagefind/sub/x')], new Set(), STARTED, ['pagefind/']);
    expect(stale).toEqual([]);
    expect(dirs).toEqual([]);
  });

  it('keeps a folder that still holds a produced file', () => {
    const { dirs } = staleOutput([before('data/old.json'), during('data/new.json')], new Set(), STARTED, []);
    expect(dirs).toEqual([]);
  });

  it('removes nothing after a build that wrote or listed everything', () => {
    expect(staleOutput([during('a/index.html'), before('b/index.html')], new Set(['b/index.html']), STARTED, [])).toEqual({ files: [], dirs: [] });
  });
});

describe('isKept', () => {
  it('matches paths inside the kept folders only', () => {
    expect(isKept('pagefind/pagefind.js', ['pagefind/'])).toBe(true);
    expect(isKept('pagefind-notes.html', ['pagefind/'])).toBe(false);
    expect(isKept('docs/pagefind/x', ['pagefind/'])).toBe(false);
  });
});
