import { ingestFolder } from '../../scripts/lib/ingest/ingest-folder.ts';
import type { Ingested } from '../../scripts/lib/ingest/pipeline.ts';
import type { Document } from '#schemas/document.ts';

/** Runs the current pipeline over the real sources (not the committed JSON), as the ingest does. */
export function ingestCorpus(): { results: Map<string, Ingested>; documents: Document[] } {
  const { sources, documents } = ingestFolder();
  return { results: new Map(sources.map((s) => [s.sidecar?.id ?? s.file, s.result])), documents };
}
