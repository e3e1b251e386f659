import fs from 'node:fs';
import path from 'node:path';
import { linkDuplicates } from '../../scripts/lib/corpus.ts';
import { loadRegistry } from '../../scripts/lib/extract/departments.ts';
import { loadOverrides } from '../../scripts/lib/normalise.ts';
import { ingestSource, type Ingested } from '../../scripts/lib/pipeline.ts';
import type { Document } from '../../src/schemas/document.ts';
import { SourceMeta } from '../../src/schemas/sidecar.ts';

const SOURCES = 'content/sources';

/** Runs the current pipeline over the real sources (not the committed JSON), as the ingest does. */
export function ingestCorpus(): { results: Map<string, Ingested>; documents: Document[] } {
  const overrides = loadOverrides(JSON.parse(fs.readFileSync('content/normalise/t2s-overrides.json', 'utf8')));
  const registry = loadRegistry(JSON.parse(fs.readFileSync('content/departments.json', 'utf8')));
  const results = new Map<string, Ingested>();
  for (const name of fs.readdirSync(SOURCES).filter((f) => f.endsWith('.txt')).sort()) {
    const file = path.join(SOURCES, name);
    const sidecar = SourceMeta.parse(JSON.parse(fs.readFileSync(file.replace(/\.txt$/, '.meta.json'), 'utf8')));
    results.set(sidecar.id, ingestSource({ file, bytes: fs.readFileSync(file), sidecar, overrides, registry }));
  }
  const documents = [...results.values()].flatMap((r) => (r.document ? [r.document] : []));
  return { results, documents: linkDuplicates(documents).documents };
}
