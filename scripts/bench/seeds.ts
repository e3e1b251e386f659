/** I/O for the benchmark corpus: reads the real sources as seeds and writes synthetic sources. */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CORPUS_PATHS, ingestFolder, type CorpusPaths } from '../lib/ingest/ingest-folder.ts';
import { generateCorpus, type CorpusSeed, type GeneratedSource } from '../lib/bench/synthetic-corpus.ts';

/** Ingests the real sources in memory (as `npm run ingest` would, writing nothing) to learn their structure. */
export function loadSeeds(paths: CorpusPaths = DEFAULT_CORPUS_PATHS): CorpusSeed[] {
  const { sources, documents } = ingestFolder(paths);
  const linked = new Map(documents.map((d) => [d.id, d]));
  return sources.map(({ file, sidecar, result }) => {
    const errors = result.diagnostics.filter((d) => d.level === 'error');
    const document = result.document && linked.get(result.document.id);
    if (!document || !sidecar || errors.length > 0) throw new Error(`${file}: the seed does not ingest cleanly (${errors.map((e) => e.message).join('; ')})`);
    return { document, sidecar };
  });
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
export function writeCorpus(dir: string, documents: number, seed: number, seeds: readonly CorpusSeed[], paths: CorpusPaths = DEFAULT_CORPUS_PATHS): { real: number; synthetic: number; bytes: number } {
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
