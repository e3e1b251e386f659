/**
 * A folder of sources ingested in memory, writing nothing: what the benchmark learns its seeds from
 * and what tests check the current pipeline with. `npm run ingest` has its own loop, since it also
 * caches, reports sidecar problems and writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Document } from '#schemas/document.ts';
import type { SourceMeta } from '#schemas/sidecar.ts';
import { linkDuplicates } from './duplicates.ts';
import { loadRegistry } from '#core/department-registry.ts';
import { loadOverrides } from './normalise.ts';
import { ingestSource, type Ingested } from './pipeline.ts';
import { readSidecar, readSourceBytes } from './read-source.ts';

export type CorpusPaths = { sources: string; overrides: string; departments: string };

/** The project's own sources and reference data. */
export const DEFAULT_CORPUS_PATHS: CorpusPaths = {
  sources: 'content/sources',
  overrides: 'content/normalise/t2s-overrides.json',
  departments: 'content/departments.json',
};

/** One source as ingested: its file, its sidecar (null when it is missing or invalid) and the pipeline's result. */
export type IngestedSource = { file: string; sidecar: SourceMeta | null; result: Ingested };

/**
 * Every source of the folder in file order, and the documents linked as duplicates as the ingest links them.
 * A source that cannot be read, or whose sidecar is missing or invalid, has no document and says why in
 * its diagnostics; the others ingest as usual.
 */
export function ingestFolder(paths: CorpusPaths = DEFAULT_CORPUS_PATHS): { sources: IngestedSource[]; documents: Document[] } {
  const overrides = loadOverrides(JSON.parse(fs.readFileSync(paths.overrides, 'utf8')));
  const registry = loadRegistry(JSON.parse(fs.readFileSync(paths.departments, 'utf8')));
  const sources = fs
    .readdirSync(paths.sources)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name): IngestedSource => {
      const file = path.join(paths.sources, name);
      const sidecar = readSidecar(file.replace(/\.txt$/, '.meta.json'), { required: true });
      const bytes = readSourceBytes(file);
      if (!sidecar.value || !bytes.value) {
        return { file, sidecar: sidecar.value?.meta ?? null, result: { document: null, diagnostics: [...sidecar.diagnostics, ...bytes.diagnostics], unmatched: [] } };
      }
      const { meta } = sidecar.value;
      return { file, sidecar: meta, result: ingestSource({ file, bytes: bytes.value, sidecar: meta, overrides, registry }) };
    });
  const documents = sources.flatMap((s) => (s.result.document ? [s.result.document] : []));
  return { sources, documents: linkDuplicates(documents).documents };
}
