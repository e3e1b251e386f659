import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileDigests, outputDifferences } from '../../scripts/lib/checks/output-diff.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

describe('outputDifferences', () => {
  it('lists the files missing, extra and different in the actual output', () => {
    const expected = new Map([
      ['index.html', 'a'],
      ['doc/index.html', 'b'],
      ['doc/n-1/index.html', 'c'],
    ]);
    const actual = new Map([
      ['index.html', 'a'],
      ['doc/index.html', 'B'],
      ['gone/index.html', 'd'],
    ]);
    expect(outputDifferences(expected, actual)).toEqual({ missing: ['doc/n-1/index.html'], extra: ['gone/index.html'], differ: ['doc/index.html'] });
    expect(outputDifferences(expected, new Map(expected))).toEqual({ missing: [], extra: [], differ: [] });
  });
});

describe('fileDigests', () => {
  it('hashes every file by its path, equal bytes alike, and leaves out the skipped folders', () => {
    const dir = tempDir('atlas-digests-');
    fs.mkdirSync(path.join(dir, 'doc'));
    fs.mkdirSync(path.join(dir, 'pagefind'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<p>同</p>');
    fs.writeFileSync(path.join(dir, 'doc/index.html'), '<p>同</p>');
    fs.writeFileSync(path.join(dir, 'pagefind/pagefind.js'), '');
    const digests = fileDigests(dir, ['pagefind/']);
    expect([...digests.keys()].sort()).toEqual(['doc/index.html', 'index.html']);
    expect(digests.get('doc/index.html')).toBe(digests.get('index.html'));
  });
});
