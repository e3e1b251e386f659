/**
 * Source texts found anywhere, with or without a sidecar, ingested in memory: what `check:corpus`
 * and `eval` read. A text with a sidecar beside it uses it; one without is ingested with the
 * placeholders `npm run parse` uses.
 */
import fs from 'node:fs';
import { loadRegistry } from '#core/department-registry.ts';
import { SourceMeta } from '#schemas/sidecar.ts';
import { DEFAULT_CORPUS_PATHS, type CorpusPaths } from './ingest-folder.ts';
import { loadOverrides } from './normalise.ts';
import { sidecarFileOf } from './source-folders.ts';
import { ingestSource, type Ingested } from './pipeline.ts';

/** Runs one source text through a pipeline: the project's own, or in a comparison an older one. */
export type IngestOne = (file: string, bytes: Uint8Array, sidecar: SourceMeta | null) => Ingested;

/** The sidecar `<stem>.meta.json` beside a source text, or null when there is none. */
export function sidecarOf(file: string): SourceMeta | null {
  const sidecarFile = sidecarFileOf(file);
  return fs.existsSync(sidecarFile) ? SourceMeta.parse(JSON.parse(fs.readFileSync(sidecarFile, 'utf8'))) : null;
}

/** The project's pipeline with its override table and department registry. */
export function projectIngest(paths: Omit<CorpusPaths, 'sources'> = DEFAULT_CORPUS_PATHS): IngestOne {
  const overrides = loadOverrides(JSON.parse(fs.readFileSync(paths.overrides, 'utf8')));
  const registry = loadRegistry(JSON.parse(fs.readFileSync(paths.departments, 'utf8')));
  return (file, bytes, sidecar) => ingestSource({ file, bytes, sidecar, overrides, registry });
}

/** Reads and ingests one source text with its sidecar, if it has one. */
export function ingestFile(file: string, ingest: IngestOne): Ingested {
  return ingest(file, fs.readFileSync(file), sidecarOf(file));
}
