import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDigest } from '#core/digest.ts';
import { outputOf, staleFiles, writeChanged, type Output } from '../../scripts/lib/ingest/write.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

const PAST = new Date('2000-01-01T00:00:00Z');

/** An output folder with an up-to-date file, a changed one and one no source produces, all dated in the past. */
function folder(): string {
  const dir = tempDir('atlas-write-');
  for (const [name, text] of [['same.json', '{"a":"一"}\n'], ['changed.json', '{"b":1}\n'], ['orphan.json', '{}\n'], ['notes.txt', 'kept\n']]) {
    fs.writeFileSync(path.join(dir, name as string), text as string);
    fs.utimesSync(path.join(dir, name as string), PAST, PAST);
  }
  return dir;
}

const files = (): Map<string, Output> =>
  new Map([
    ['same.json', outputOf('{"a":"一"}\n')],
    ['changed.json', outputOf('{"b":2}\n')],
    ['new.json', outputOf('{"c":3}\n')],
  ]);

describe('writeChanged', () => {
  it('writes new and changed files, removes orphans and leaves an unchanged file untouched', () => {
    const dir = folder();
    expect(writeChanged(dir, files())).toEqual({ written: ['changed.json', 'new.json'], removed: ['orphan.json'] });
    expect(fs.readdirSync(dir).sort()).toEqual(['changed.json', 'new.json', 'notes.txt', 'same.json']);
    expect(fs.readFileSync(path.join(dir, 'changed.json'), 'utf8')).toBe('{"b":2}\n');
    expect(fs.readFileSync(path.join(dir, 'new.json'), 'utf8')).toBe('{"c":3}\n');
    expect(fs.statSync(path.join(dir, 'same.json')).mtime).toEqual(PAST);
    expect(fs.statSync(path.join(dir, 'changed.json')).mtime).not.toEqual(PAST);
    expect(writeChanged(dir, files())).toEqual({ written: [], removed: [] });
  });

  it('renders a file’s text only when the file has to be written', () => {
    const dir = folder();
    const unrendered = { sha256: contentDigest(Buffer.from('{"a":"一"}\n', 'utf8')), text: () => expect.unreachable('rendered an unchanged file') };
    expect(writeChanged(dir, new Map([['same.json', unrendered]])).written).toEqual([]);
  });

  it('creates the folder when there is none', () => {
    const dir = path.join(folder(), 'deeper', 'out');
    expect(writeChanged(dir, files()).written).toEqual(['same.json', 'changed.json', 'new.json']);
  });
});

describe('staleFiles', () => {
  it('lists missing, different and orphan files, and writes nothing', () => {
    const dir = folder();
    const before = fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8'), fs.statSync(path.join(dir, f)).mtimeMs]);
    expect(staleFiles(dir, files())).toEqual(['changed.json', 'new.json', 'orphan.json']);
    expect(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8'), fs.statSync(path.join(dir, f)).mtimeMs])).toEqual(before);
  });

  it('lists every file when the folder does not exist', () => {
    expect(staleFiles(path.join(os.tmpdir(), 'no-such-output-dir'), files())).toEqual(['changed.json', 'new.json', 'same.json']);
  });
});
