/**
 * Source texts found anywhere, with or without a sidecar, ingested in memory: what `check:corpus`
 * and `eval` read. A text with a sidecar beside it uses it; one without is ingested with the
 * placeholders `npm run parse` uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadRegistry } from '#core/department-registry.ts';
import { listFiles } from '#core/list-files.ts';
import { SourceMeta } from '#schemas/sidecar.ts';
import { DEFAULT_CORPUS_PATHS, type CorpusPaths } from './ingest-folder.ts';
import { loadOverrides } from './normalise.ts';
import { ingestSource, type Ingested } from './pipeline.ts';

/** Where the shared corpus of real laws lies, from the project root (read in place, never copied in). */
export const SHARED_CORPUS = '../shared/corpus';

/** Runs one source text through a pipeline: the project's own, or in a comparison an older one. */
export type IngestOne = (file: string, bytes: Uint8Array, sidecar: SourceMeta | null) => Ingested;

/** The extensions of source texts; a folder's README describes the folder and is not a source. */
const TEXT_FILE = /\.(?:txt|md)$/i;
const FOLDER_README = /(?:^|\/)readme\.md$/i;

/** Every source text under `dir`, recursively, as paths joined to `dir`, sorted. */
export function sourceTextsUnder(dir: string): string[] {
  return listFiles(dir)
    .filter((f) => TEXT_FILE.test(f) && !FOLDER_README.test(f))
    .map((f) => path.join(dir, f));
}

/** The sidecar `<stem>.meta.json` beside a source text, or null when there is none. */
export function sidecarOf(file: string): SourceMeta | null {
  const sidecarFile = file.replace(/\.[^./]*$/, '.meta.json');
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
