/** I/O for the benchmark corpus: reads the real sources as seeds and writes synthetic sources. */
import fs from 'node:fs';
import path from 'node:path';
import { linkDuplicates } from '../lib/corpus.ts';
import { loadRegistry } from '../lib/extract/departments.ts';
import { loadOverrides } from '../lib/normalise.ts';
import { ingestSource } from '../lib/pipeline.ts';
import { SourceMeta } from '../../src/schemas/sidecar.ts';
import { generateCorpus, type CorpusSeed, type GeneratedSource } from '../lib/bench/corpus.ts';

export type SeedPaths = { sources: string; overrides: string; departments: string };

export const DEFAULT_SEED_PATHS: SeedPaths = {
  sources: 'content/sources',
  overrides: 'content/normalise/t2s-overrides.json',
  departments: 'content/departments.json',
};

/** Ingests the real sources in memory (as `npm run ingest` would, writing nothing) to learn their structure. */
export function loadSeeds(paths: SeedPaths = DEFAULT_SEED_PATHS): CorpusSeed[] {
  const overrides = loadOverrides(JSON.parse(fs.readFileSync(paths.overrides, 'utf8')));
  const registry = loadRegistry(JSON.parse(fs.readFileSync(paths.departments, 'utf8')));
  const seeds: CorpusSeed[] = [];
  for (const name of fs.readdirSync(paths.sources).filter((f) => f.endsWith('.txt')).sort()) {
    const file = path.join(paths.sources, name);
    const sidecar = SourceMeta.parse(JSON.parse(fs.readFileSync(file.replace(/\.txt$/, '.meta.json'), 'utf8')));
    const { document, diagnostics } = ingestSource({ file, bytes: fs.readFileSync(file), sidecar, overrides, registry });
    const errors = diagnostics.filter((d) => d.level === 'error');
    if (!document || errors.length > 0) throw new Error(`${file}: the seed does not ingest cleanly (${errors.map((e) => e.message).join('; ')})`);
    seeds.push({ document, sidecar });
  }
  const linked = new Map(linkDuplicates(seeds.map((s) => s.document)).documents.map((d) => [d.id, d]));
  return seeds.map((s) => ({ ...s, document: linked.get(s.document.id) ?? s.document }));
}

/** Writes each source as `<id>.txt` (UTF-8) with its `<id>.meta.json`; returns the bytes of source text written. */
export function writeSources(dir: string, sources: readonly GeneratedSource[]): number {
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const s of sources) {
    const text = Buffer.from(`${s.text}\n`, 'utf8');
    fs.writeFileSync(path.join(dir, `${s.id}.txt`), text);
    fs.writeFileSync(path.join(dir, `${s.id}.meta.json`), `${JSON.stringify(s.sidecar, null, 2)}\n`);
    bytes += text.length;
  }
  return bytes;
}

/**
 * Writes a corpus of `documents` sources into `dir`: the real sources as they are (the site's editorial
 * pages cite them) and as many synthetic ones as it takes to reach the number.
 */
export function writeCorpus(dir: string, documents: number, seed: number, seeds: readonly CorpusSeed[], paths: SeedPaths = DEFAULT_SEED_PATHS): { real: number; synthetic: number; bytes: number } {
  if (documents < seeds.length) throw new Error(`a corpus of ${documents} documents cannot hold the ${seeds.length} real ones`);
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const name of fs.readdirSync(paths.sources).filter((f) => f.endsWith('.txt') || f.endsWith('.meta.json'))) {
    fs.copyFileSync(path.join(paths.sources, name), path.join(dir, name));
    if (name.endsWith('.txt')) bytes += fs.statSync(path.join(dir, name)).size;
  }
  const synthetic = generateCorpus(seeds, documents - seeds.length, seed);
  bytes += writeSources(dir, synthetic);
  return { real: seeds.length, synthetic: synthetic.length, bytes };
}
