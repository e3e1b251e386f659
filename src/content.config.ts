import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { Document } from '#schemas/document.ts';

/**
 * One entry per ingested document; the entry id is the document's own permanent `id`, not its file
 * name. The committed sources' documents, and those of the ATLAS_SOURCES folders, which the ingest
 * writes to build/documents/ (scripts/lib/ingest/source-folders.ts; empty without ATLAS_SOURCES).
 */
const documents = defineCollection({
  loader: glob({
    pattern: ['content/generated/documents/*.json', 'build/documents/*.json'],
    base: '.',
    // A missing id falls back to the file name so that schema validation, not the loader, reports the problem.
    generateId: ({ entry, data }) => (typeof data['id'] === 'string' ? data['id'] : entry),
    retainBody: false,
  }),
  schema: Document,
});

export const collections = { documents };
