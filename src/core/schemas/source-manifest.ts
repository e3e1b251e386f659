import { z } from 'astro/zod';
import { AdminLevel, DocumentType, SourceOrigin } from './sidecar.ts';

/**
 * One file of a source folder's `manifest.json` (the shared law corpus has one at its root): what a
 * text without a sidecar cannot say about itself. Fields beyond these (sizes …) are ignored.
 */
export const ManifestEntry = z.object({
  /** The file's path from the manifest's folder, `/`-separated. */
  file: z.string().min(1),
  /** The title as the collection names the work: the short title of a law (社会保险法). */
  title: z.string().min(1),
  /** The date of this version, as the collection dates it; null where it gives none. */
  versionDate: z.iso.date().nullable(),
  /** The collection's category, e.g. national-law, local-regulation/henan (see content/source-categories.json). */
  category: z.string().min(1),
  /** The government whose text it is: 全国 for national texts, else a province or city. */
  region: z.string().min(1),
  level: AdminLevel,
  source: SourceOrigin,
});
export type ManifestEntry = z.output<typeof ManifestEntry>;

export const SourceManifest = z.array(ManifestEntry);

/**
 * What a manifest's category means for the atlas: the document type it gives its texts, matched as
 * the category itself or as its first segment (local-regulation for local-regulation/henan), with
 * the reason for the mapping (content/source-categories.json).
 */
export const SourceCategory = z.object({
  category: z.string().min(1),
  type: DocumentType,
  reason: z.string().min(1),
});
export type SourceCategory = z.output<typeof SourceCategory>;
