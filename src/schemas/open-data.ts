import { z } from 'astro/zod';
import { Department, DepartmentRole, Project, Target } from './entities.ts';
import { DocumentType } from './sidecar.ts';

/**
 * The public contract of the downloads under /data/: paths and field names are kept stable.
 * Each record links to the site by `url` and to other records by id.
 */

export const DocumentRecord = z.object({
  id: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  /** 成文日期, ISO 8601. */
  date: z.string().nullable(),
  region: z.string(),
  type: DocumentType,
  validity: z.string().nullable(),
  /** The document's page. */
  url: z.url(),
  /** The canonical document when this text repeats (part of) another. */
  duplicateOf: z.string().nullable(),
});
export type DocumentRecord = z.output<typeof DocumentRecord>;

export const ClauseRecord = z.object({
  /** `{documentId}/{clauseId}`, unique across the site. */
  id: z.string(),
  documentId: z.string(),
  /** The number as printed, e.g. （六）; empty for unnumbered groups. */
  number: z.string(),
  title: z.string().nullable(),
  /** The clause's own simplified text (heading line), without its sub-items. */
  text: z.string(),
  citation: z.string(),
  /** The clause's own page. */
  url: z.url(),
  departments: z.array(z.object({ id: z.string(), role: DepartmentRole })),
});
export type ClauseRecord = z.output<typeof ClauseRecord>;

export const TargetRecord = Target.extend({
  /** The clause (or table row) page the target comes from. */
  url: z.url(),
});
export type TargetRecord = z.output<typeof TargetRecord>;

export const DepartmentRecord = Department.extend({
  /** Site-wide clause ids (`{documentId}/{clauseId}`) where the department leads, supports or is mentioned. */
  clauses: z.array(z.string()),
  lead: z.array(z.string()),
  support: z.array(z.string()),
  url: z.url(),
});
export type DepartmentRecord = z.output<typeof DepartmentRecord>;

export const ProjectRecord = Project.extend({ url: z.url() });
export type ProjectRecord = z.output<typeof ProjectRecord>;

export const CitationRecord = z.object({
  id: z.string(),
  title: z.string().nullable(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  kind: z.enum(['document', 'law']),
  /** The corpus document when the cited text is in the corpus; null: cited, not in the corpus. */
  documentId: z.string().nullable(),
  /** Site-wide clause ids that cite it. */
  citedBy: z.array(z.string()),
});
export type CitationRecord = z.output<typeof CitationRecord>;

/** Every download, with its schema, as published under /data/. */
export const OPEN_DATA = {
  documents: DocumentRecord,
  clauses: ClauseRecord,
  targets: TargetRecord,
  departments: DepartmentRecord,
  projects: ProjectRecord,
  citations: CitationRecord,
} as const;
export type OpenDataName = keyof typeof OPEN_DATA;
