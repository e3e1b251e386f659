/**
 * The committed seed sources decode as their sidecars expect. The decoder's rules are unit tests on
 * crafted bytes (tests/unit/decode.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../scripts/lib/ingest/decode.ts';
import type { DecodeResult } from '../../scripts/lib/ingest/decode.ts';

const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le').swap16());

function decodedOf(result: DecodeResult): { text: string; encoding: string } {
  if (!result.ok) throw new Error(`expected a decoded text, got ${JSON.stringify(result.diagnostics)}`);
  return result.value;
}

describe('decode: the seed corpus', () => {
  const dir = join(import.meta.dirname, '../../content/sources');
  const sources = readdirSync(dir).filter((name) => name.endsWith('.txt'));

  it('has the five seed sources', () => {
    expect(sources).toHaveLength(5);
  });

  it.each(sources)('decodes %s as UTF-8 with no diagnostics', (name) => {
    const raw = readFileSync(join(dir, name));
    const result = decode(new Uint8Array(raw), name);
    expect(result.diagnostics).toEqual([]);
    expect(decodedOf(result)).toEqual({ text: raw.toString('utf8'), encoding: 'utf-8' });
  });

  it.each(sources)('recognises %s re-encoded as UTF-16LE and UTF-16BE without a BOM', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    expect(decodedOf(decode(utf16le(text), name))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodedOf(decode(utf16be(text), name))).toEqual({ text, encoding: 'utf-16be' });
  });
});
