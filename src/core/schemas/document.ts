import { z } from 'astro/zod';
import { Diagnostic } from './diagnostic.ts';
import { Extracted } from './entities.ts';
import { AdminLevel, DocumentType, Slug, TextMetaField } from './sidecar.ts';
import { Part } from './structure.ts';

/** Where a metadata value came from: found in the text (with its line) or supplied by the sidecar (with a reason). */
export const Provenance = z.discriminatedUnion('from', [
  z.object({ from: z.literal('text'), line: z.number().int().positive() }),
  z.object({ from: z.literal('sidecar'), reason: z.string().min(1) }),
]);
export type Provenance = z.output<typeof Provenance>;

/** The script a text or line is written in, as detected before conversion. */
export const Script = z.enum(['traditional', 'simplified']);
export type Script = z.output<typeof Script>;

/** What a statute's history line says happened: 通过, 批准, 公布/发布, 修正, 修订, 施行. */
export const HistoryEventKind = z.enum(['adopted', 'approved', 'promulgated', 'amended', 'revised', 'in-force']);
export type HistoryEventKind = z.output<typeof HistoryEventKind>;

/** One dated event of a statute's history, as printed under its title. */
export const HistoryEvent = z.object({
  kind: HistoryEventKind,
  date: z.iso.date(),
  /** The deciding body as printed, e.g. 第十一届全国人民代表大会常务委员会第十七次会议; null when the line names none. */
  body: z.string().min(1).nullable(),
  line: z.number().int().positive(),
});
export type HistoryEvent = z.output<typeof HistoryEvent>;

/**
 * What a statement in the text says about the text's validity: in-force (自…起施行), term (有效期N年),
 * until (有效期至…), repealed (本…已废止), void (本…已失效), replaces (…同时废止: it repeals another text).
 */
export const ValidityStatementKind = z.enum(['in-force', 'term', 'until', 'repealed', 'void', 'replaces']);
export type ValidityStatementKind = z.output<typeof ValidityStatementKind>;

export const ValidityStatement = z.object({
  kind: ValidityStatementKind,
  /** The words of the statement, at most 60 characters. */
  text: z.string().min(1).max(60),
  line: z.number().int().positive(),
});
export type ValidityStatement = z.output<typeof ValidityStatement>;

export const DocumentMeta = z.object({
  title: z.string().min(1),
  shortTitle: z.string().min(1),
  /** 发文字号, e.g. 苏政办发〔2012〕91号. */
  docNumber: z.string().nullable(),
  /** 发文机关 / 发布机构. */
  issuer: z.string().nullable(),
  /** 成文日期; for a statute, the date of its current version (its latest dated event but 施行). ISO 8601. */
  date: z.iso.date().nullable(),
  /** 索引号 of the publishing site. */
  indexNumber: z.string().nullable(),
  /** 有效性, e.g. 继续有效, as the page or the sidecar states it. */
  validity: z.string().nullable(),
  // The four fields below default to "nothing stated" when absent, as in a document built by hand.
  /** The day the text takes effect (自…起施行, a 施行 event), ISO 8601. */
  effective: z.iso.date().nullable().default(null),
  /** The last day the text is valid (有效期至…, or the start + 有效期N年), ISO 8601. */
  expires: z.iso.date().nullable().default(null),
  /** The statements about validity the text makes, in text order. */
  validityStatements: z.array(ValidityStatement).default(() => []),
  /** A statute's dated history (adopted, approved, promulgated, amended, revised, in force), in text order; [] for 公文. */
  history: z.array(HistoryEvent).default(() => []),
  region: z.object({ name: z.string(), level: AdminLevel, within: z.array(z.string()) }),
  type: DocumentType,
  sourceUrl: z.url().nullable(),
  /** For every metadata field that has a value: where it came from. */
  provenance: z.partialRecord(TextMetaField, Provenance),
});
export type DocumentMeta = z.output<typeof DocumentMeta>;

/** Text removed by a named normalisation or parsing rule, kept so that nothing is lost silently. */
export const Drop = z.object({
  rule: z.string().regex(/^[a-z0-9-]+$/),
  line: z.number().int().positive(),
  text: z.string(),
});
export type Drop = z.output<typeof Drop>;

/** A source document after decode → normalise → parse: the unit the site and the exports are built from. */
export const Document = z.object({
  id: Slug,
  /** Path of the source text, relative to the project. */
  sourceFile: z.string(),
  /** SHA-256 of the source bytes, to spot duplicates and changes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be']),
  script: Script,
  meta: DocumentMeta,
  /** Set when this text is the same as (part of) another document of the corpus. */
  duplicateOf: z
    .object({ documentId: Slug, firstLine: z.number().int().positive(), lastLine: z.number().int().positive() })
    .nullable(),
  parts: z.array(Part).min(1),
  /** The decoded lines before normalisation (traditional where published so), by source line. */
  originalLines: z.array(z.string()),
  /** The normalised, simplified lines, by source line. */
  lines: z.array(z.string()),
  /** How many times each named normalisation rule changed the text. */
  normalisation: z.record(z.string(), z.number().int().nonnegative()),
  drops: z.array(Drop),
  diagnostics: z.array(Diagnostic),
  /** The facts extracted from the text: targets, departments, projects, citations, dates. */
  extracted: Extracted,
});
export type Document = z.output<typeof Document>;
