import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDigest } from '#core/digest.ts';
import { readDocumentFiles } from '#core/document-files.ts';
import { testDocument } from '../helpers/document-builder.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

const doc = (id: string) => testDocument({ id, blocks: [], lines: ['一段文字'] });

function write(dir: string, name: string, value: unknown): string {
  const text = typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
  return text;
}

describe('readDocumentFiles', () => {
  it('reads every document of the folders in folder order then by name, with the digest of its bytes', () => {
    const root = tempDir('docs-');
    const committed = path.join(root, 'committed');
    const external = path.join(root, 'external');
    const b = write(committed, 'b.json', doc('doc-b'));
    write(committed, 'a.json', doc('doc-a'));
    write(committed, 'notes.txt', 'not a document');
    write(external, 'c.json', doc('doc-c'));
    const files = readDocumentFiles([committed, path.join(root, 'missing'), external]);
    expect(files.map((f) => f.document.id)).toEqual(['doc-a', 'doc-b', 'doc-c']);
    expect(files[1]?.digest).toBe(contentDigest(b));
    expect(files[1]?.file).toBe(path.join(committed, 'b.json'));
  });

  it('names every file that is not JSON, not a document or repeats an id, in one error', () => {
    const root = tempDir('docs-');
    write(root, 'a.json', doc('doc-a'));
    write(root, 'b.json', '{ not json');
    write(root, 'c.json', { id: 'doc-c' });
    write(root, 'd.json', doc('doc-a'));
    let message = '';
    try {
      readDocumentFiles([root]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^3 document file\(s\) could not be read/);
    expect(message).toContain(`${path.join(root, 'b.json')}: `);
    expect(message).toContain(`${path.join(root, 'c.json')}: `);
    expect(message).toContain(`${path.join(root, 'd.json')}: the id doc-a is already the id of ${path.join(root, 'a.json')}`);
  });
});
