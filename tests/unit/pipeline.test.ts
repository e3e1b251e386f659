import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '#core/department-registry.ts';
import { loadOverrides } from '../../scripts/lib/ingest/normalise.ts';
import { ingestSource } from '../../scripts/lib/ingest/pipeline.ts';

const overrides = loadOverrides(JSON.parse(fs.readFileSync('content/normalise/t2s-overrides.json', 'utf8')));
const registry = loadRegistry(JSON.parse(fs.readFileSync('content/departments.json', 'utf8')));
const ingest = (text: string) => ingestSource({ file: 'page.txt', bytes: new TextEncoder().encode(text), sidecar: null, overrides, registry });

describe('ingestSource: a text with nothing left to parse', () => {
  // An excerpt cut from a page can hold only its chrome; it used to fail validation with `parts: Too small`.
  it('gives one clear error naming the rules that removed every line, and no document', () => {
    const result = ingest('扫一扫在手机打开当前页\n\n【字体：大 中 小】\n<!-- INFO END -->\n');
    expect(result.document).toBeNull();
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([
      {
        level: 'error',
        code: 'parse-empty',
        message: 'no document text: every line is blank or was removed (markdown-comment, page-boilerplate); check that the file holds the document and not only the page around it',
        file: 'page.txt',
      },
    ]);
  });
});
