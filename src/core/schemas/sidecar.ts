import { z } from 'astro/zod';

/** The administrative level of the government a document belongs to. */
export const AdminLevel = z.enum(['national', 'province', 'city', 'district', 'county']);
export type AdminLevel = z.output<typeof AdminLevel>;

/** The kind of 公文 a document is, as the sidecar states it. */
export const DocumentType = z.enum(['通知', '意见', '规划', '措施', '计划', '办法', '方案', '决定']);
export type DocumentType = z.output<typeof DocumentType>;

/** An ASCII slug used as a permanent identifier: lower case, digits and hyphens. */
export const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case ASCII words joined by hyphens');

/** Metadata fields that can be found in the text and may be filled or overridden by the sidecar. */
export const TextMetaField = z.enum(['title', 'docNumber', 'issuer', 'date', 'indexNumber', 'validity', 'effective', 'expires']);
export type TextMetaField = z.output<typeof TextMetaField>;

/** A value the sidecar supplies for a field the text lacks or gets wrong; the reason is printed by the ingest. */
export const MetaCorrection = z.object({
  value: z.string().min(1),
  /** Why the value is set by hand: shown in the ingest summary and kept in the generated data. */
  reason: z.string().min(1),
});

/** Column names for one table, where the printed header is broken or lost. */
export const TableColumnsCorrection = z.object({
  columns: z.array(z.string().min(1)).min(1),
  reason: z.string().min(1),
});

/**
 * The sidecar `<source>.meta.json` beside each source text: what the text itself cannot say.
 * Everything the text does say is extracted; `corrections` only fill gaps or override, with a reason.
 */
export const SourceMeta = z
  .object({
    /** The document's permanent id: ASCII, independent of the file name and of file order. */
    id: Slug,
    /** The government the document belongs to, e.g. 江苏省, 湘潭市, 徐汇区. */
    region: z.object({
      name: z.string().min(1),
      level: AdminLevel,
      /** The higher jurisdictions, outermost first, e.g. ["上海市"] for 徐汇区. */
      within: z.array(z.string().min(1)),
    }),
    type: DocumentType,
    /** A short name used in citations, e.g. 湘潭稳就业二十四条. */
    shortTitle: z.string().min(1),
    /** Where the text was captured from, when known. */
    sourceUrl: z.url().optional(),
    corrections: z.partialRecord(TextMetaField, MetaCorrection).default({}),
    /** Short names for the parts of a compound document, keyed by part id (`d1`, `a1` …), used in citations. */
    partShortTitles: z.record(z.string(), z.string().min(1)).default({}),
    /** Column names for tables whose printed header is broken, keyed by table id (`a1-t1`). */
    tableColumns: z.record(z.string(), TableColumnsCorrection).default({}),
  })
  .strict();
export type SourceMeta = z.output<typeof SourceMeta>;
export type SourceMetaInput = z.input<typeof SourceMeta>;
