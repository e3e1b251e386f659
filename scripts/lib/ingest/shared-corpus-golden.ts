/**
 * The pinned ids of the shared corpus of laws (read in place, never copied in): each text's ids with
 * a hash of what each names, keyed by the text's path under the corpus, since these texts have no
 * sidecar, and so no stable document id, yet.
 */
import path from 'node:path';
import type { Document } from '#schemas/document.ts';
import { ingestFile, projectIngest, SHARED_CORPUS, sourceTextsUnder } from './source-files.ts';

/** The committed golden file of the shared corpus: ids and hashed fingerprints only, never the texts' words. */
export const SHARED_GOLDEN_FILE = 'tests/golden/shared-corpus-ids.json';

/** Every law of the corpus ingested as `check:corpus` ingests it (no sidecar), by its path under the corpus (`laws/…/X.md`). */
export function sharedCorpusDocuments(corpus: string = SHARED_CORPUS): Map<string, Document | null> {
  const ingest = projectIngest();
  return new Map(sourceTextsUnder(path.join(corpus, 'laws')).map((file) => [path.relative(corpus, file), ingestFile(file, ingest).document]));
}
