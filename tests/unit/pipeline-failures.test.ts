import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadRegistry } from '#core/department-registry.ts';
import { extractAll } from '../../scripts/lib/ingest/extract/index.ts';
import { loadOverrides } from '../../scripts/lib/ingest/normalise.ts';
import { parseStructure } from '../../scripts/lib/ingest/parse.ts';
import { ingestSource } from '../../scripts/lib/ingest/pipeline.ts';

// Stand-ins that behave as the real stages until a test makes one throw, as a bug in it would.
vi.mock('../../scripts/lib/ingest/parse.ts', async (original) => {
  const real = await original<typeof import('../../scripts/lib/ingest/parse.ts')>();
  return { ...real, parseStructure: vi.fn(real.parseStructure) };
});
vi.mock('../../scripts/lib/ingest/extract/index.ts', async (original) => {
  const real = await original<typeof import('../../scripts/lib/ingest/extract/index.ts')>();
  return { ...real, extractAll: vi.fn(real.extractAll) };
});

const overrides = loadOverrides(JSON.parse(fs.readFileSync('content/normalise/t2s-overrides.json', 'utf8')));
const registry = loadRegistry(JSON.parse(fs.readFileSync('content/departments.json', 'utf8')));
const ingest = (file: string, text: string) => ingestSource({ file, bytes: new TextEncoder().encode(text), sidecar: null, overrides, registry });
const TEXT = '关于做好就业工作的通知\n一、总体要求\n（一）稳定就业。\n';

afterEach(() => {
  vi.mocked(parseStructure).mockRestore();
  vi.mocked(extractAll).mockRestore();
});

describe('ingestSource: an exception inside a stage', () => {
  it('becomes one error naming the stage and the code that threw, and no document', () => {
    vi.mocked(parseStructure).mockImplementationOnce(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'n')");
    });
    const result = ingest('bad.txt', TEXT);
    expect(result.document).toBeNull();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ level: 'error', code: 'stage-exception', file: 'bad.txt' });
    expect(result.diagnostics[0]?.message).toMatch(/^the parse stage failed unexpectedly \(TypeError: Cannot read properties of undefined \(reading 'n'\) at scripts\/lib\/ingest\/[\w/-]+\.ts:\d+\): the file is not ingested/);
  });

  it('names a later stage too, and leaves the next file to ingest as usual', () => {
    vi.mocked(extractAll).mockImplementationOnce(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    const bad = ingest('bad.txt', TEXT);
    const good = ingest('good.txt', TEXT);
    expect(bad.diagnostics.map((d) => [d.code, d.message.slice(0, 37)])).toEqual([['stage-exception', 'the extract stage failed unexpectedly']]);
    expect(good.document?.parts.map((p) => p.id)).toEqual(['m']);
    expect(good.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  });
});
