import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '#core/department-registry.ts';
import type { Document } from '#schemas/document.ts';
import { addToHashedGolden, hashedFingerprints, hashedGoldenViolations, hashFingerprint, serialiseGolden, type Golden } from '../../scripts/lib/ingest/golden.ts';
import { idFingerprints } from '../../scripts/lib/ingest/id-fingerprints.ts';
import { loadOverrides } from '../../scripts/lib/ingest/normalise.ts';
import { ingestSource } from '../../scripts/lib/ingest/pipeline.ts';

const overrides = loadOverrides(JSON.parse(fs.readFileSync('content/normalise/t2s-overrides.json', 'utf8')));
const registry = loadRegistry(JSON.parse(fs.readFileSync('content/departments.json', 'utf8')));

// A statute written for this test, ingested without a sidecar as the shared corpus is.
const STATUTE = [
  '# 示例条例',
  '',
  '第一章 总则',
  '第一条 为了保障示例权益，制定本条例。',
  '第二条 符合下列条件的人员，可以领取示例金：',
  '（一）已经登记的；',
  '（二）非因本人意愿中断的。',
  '第三条 本条例自2020年1月1日起施行。',
].join('\n');

function statute(text = STATUTE): Document {
  const { document } = ingestSource({ file: 'laws/example.md', bytes: new TextEncoder().encode(text), sidecar: null, overrides, registry });
  if (!document) throw new Error('the example statute did not ingest');
  return document;
}

describe('hashed golden ids (the shared corpus’ golden file)', () => {
  it('pins 8 hex digits of what each id names, never its words, and folds punctuation width first', () => {
    const d = statute();
    const plain = idFingerprints(d);
    const hashed = hashedFingerprints(d);
    expect(Object.keys(hashed)).toEqual(Object.keys(plain));
    expect(Object.keys(hashed)).toEqual(expect.arrayContaining(['ch-1', 'art-1', 'art-1.1', 'art-2.1', 'art-2.1.2', 'art-3']));
    for (const [id, fingerprint] of Object.entries(hashed)) {
      expect(fingerprint).toMatch(/^[0-9a-f]{8}$/);
      expect(fingerprint).toBe(hashFingerprint(plain[id] ?? ''));
    }
    expect(hashFingerprint('（二）非因本人意愿')).toBe(hashFingerprint('(二)非因本人意愿'));
    expect(hashFingerprint('（二）非因本人意愿')).not.toBe(hashFingerprint('（三）非因本人意愿'));
  });

  it('lists every pinned id that is gone or names something else, with what it names now', () => {
    const d = statute();
    const plain = idFingerprints(d);
    const golden: Golden = {
      'laws/example.md': { ...hashedFingerprints(d), 'art-1': hashFingerprint('第二条'), 'art-2.1.2': hashFingerprint('（三）'), 'art-9': 'abcdef01' },
      'laws/gone.md': { 'art-1': '01234567' },
    };
    const documents = new Map([['laws/example.md', d], ['laws/failed.md', null]]);
    expect(hashedGoldenViolations(golden, documents)).toEqual([
      `laws/example.md/art-1 moved: it named ${hashFingerprint('第二条')}, now ${hashFingerprint('第一条')} (第一条)`,
      `laws/example.md/art-2.1.2 moved: it named ${hashFingerprint('（三）')}, now ${hashFingerprint(plain['art-2.1.2'] ?? '')} (${plain['art-2.1.2']})`,
      'laws/example.md/art-9 is gone (it named abcdef01)',
      'document laws/gone.md is gone',
    ]);
  });

  it('adds new ids and texts on update but never rewrites a pinned one', () => {
    const before = statute();
    const after = statute(`${STATUTE.replace('第三条', '第四条')}\n第五条 新增的条文。`);
    const pinned = addToHashedGolden({}, new Map([['laws/example.md', before]])).golden;
    const { golden, added, moved } = addToHashedGolden(pinned, new Map([['laws/example.md', after], ['laws/new.md', before]]));
    expect(moved).toEqual([
      `laws/example.md/art-3 is gone (it named ${hashFingerprint('第三条')})`,
      `laws/example.md/art-3.1 is gone (it named ${pinned['laws/example.md']?.['art-3.1']})`,
    ]);
    expect(golden['laws/example.md']?.['art-3']).toBe(hashFingerprint('第三条'));
    expect(golden['laws/example.md']?.['art-5']).toBe(hashFingerprint('第五条'));
    expect(golden['laws/new.md']).toEqual(hashedFingerprints(before));
    // art-4, art-5 and their 款 in the changed text, and every id of the new one.
    expect(added).toBe(4 + Object.keys(hashedFingerprints(before)).length);
  });

  it('writes JSON with sorted keys, one line per text', () => {
    const text = serialiseGolden({ 'laws/b.md': { 'art-2': '00000002', 'art-10': '0000000a' }, 'laws/a.md': { toc: 'ffffffff' } });
    expect(text).toBe('{\n  "laws/a.md": {"toc":"ffffffff"},\n  "laws/b.md": {"art-10":"0000000a","art-2":"00000002"}\n}\n');
    expect(JSON.parse(text)).toEqual({ 'laws/a.md': { toc: 'ffffffff' }, 'laws/b.md': { 'art-10': '0000000a', 'art-2': '00000002' } });
    expect(serialiseGolden({})).toBe('{}\n');
  });
});
