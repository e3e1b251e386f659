import { createHash } from 'node:crypto';
import type { Diagnostic } from '#schemas/diagnostic.ts';
import { Document, type Drop } from '#schemas/document.ts';
import type { Department, SourceRef } from '#schemas/entities.ts';
import type { SourceMeta } from '#schemas/sidecar.ts';
import type { ParagraphRole } from '#schemas/structure.ts';
import { checkConservation } from './conserve.ts';
import { decode } from './decode.ts';
import { extractAll } from './extract/index.ts';
import { extractTextMetadata, resolveMetadata, type TextMetadata } from './metadata.ts';
import { normalise, type OverrideEntry } from './normalise.ts';
import { parseStructure } from './parse.ts';
import { looksLikeStatute, withoutStateName } from './statute.ts';

export type SourceInput = {
  /** The source path as it should appear in messages and in the data (relative to the project). */
  file: string;
  bytes: Uint8Array;
  /** The sidecar, or null for a file checked on its own (`npm run parse`). */
  sidecar: SourceMeta | null;
  overrides: readonly OverrideEntry[];
  /** The reviewed department registry that department names are resolved against. */
  registry: readonly Department[];
};
export type Ingested = {
  document: Document | null;
  diagnostics: Diagnostic[];
  /** Sentences with a number that produced no target, for the extraction report. */
  unmatched: SourceRef[];
};

/** The stages of the pipeline, as an unexpected failure names them. */
export type Stage = 'decode' | 'normalise' | 'metadata' | 'parse' | 'conservation' | 'extract' | 'validation';

/** An exception thrown inside a stage, caught so that it becomes one diagnostic for the file. */
class StageFailure extends Error {
  readonly stage: Stage;
  constructor(stage: Stage, cause: unknown) {
    super(describeException(cause), { cause });
    this.stage = stage;
  }
}

function inStage<T>(stage: Stage, run: () => T): T {
  try {
    return run();
  } catch (cause) {
    throw new StageFailure(stage, cause);
  }
}

/**
 * Runs one source through decode → normalise → metadata → parse → conservation → extract → validation.
 * Never throws: whatever the text, the result is a valid document or errors for this file alone, so a
 * folder ingest goes on with its other files. An exception inside a stage is a bug of that stage; it
 * becomes one `stage-exception` error naming the stage, and no document.
 */
export function ingestSource(input: SourceInput): Ingested {
  try {
    return runStages(input);
  } catch (error) {
    const [where, what] = error instanceof StageFailure ? [`the ${error.stage} stage`, error.message] : ['the pipeline', describeException(error)];
    const message = `${where} failed unexpectedly (${what}): the file is not ingested; this is a bug in the ingest, report it with the file`;
    return { document: null, diagnostics: [{ level: 'error', code: 'stage-exception', message, file: input.file }], unmatched: [] };
  }
}

/** `TypeError: … at scripts/lib/ingest/tables.ts:42`: the exception and the project code that threw it, for the bug report. */
function describeException(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const origin = /\b((?:scripts|src)\/[^\s():]+):(\d+)/.exec(error.stack ?? '');
  return `${error.name}: ${error.message}${origin ? ` at ${origin[1]}:${origin[2]}` : ''}`;
}

function runStages(input: SourceInput): Ingested {
  const { file } = input;
  const decoded = inStage('decode', () => decode(input.bytes, file));
  if (!decoded.ok) return { document: null, diagnostics: decoded.diagnostics, unmatched: [] };
  const normalised = inStage('normalise', () => normalise(decoded.value.text, file, input.overrides));
  const found = inStage('metadata', () => extractTextMetadata(normalised.lines, normalised.markdownHeadings));
  const sidecar = input.sidecar ?? inStage('metadata', () => placeholderSidecar(file, found, looksLikeStatute(normalised.lines)));
  const { meta, diagnostics: metaDiagnostics } = inStage('metadata', () => resolveMetadata(found, sidecar, file));
  const parsed = inStage('parse', () =>
    parseStructure({
      lines: normalised.lines,
      file,
      shortTitle: sidecar.shortTitle,
      roles: lineRoles(found),
      skip: new Map(found.blockLines.map((n) => [n, 'metadata-block'])),
      partShortTitles: sidecar.partShortTitles,
      tableColumns: Object.fromEntries(Object.entries(sidecar.tableColumns).map(([id, c]) => [id, c.columns])),
    }),
  );
  const structural = [
    ...decoded.diagnostics,
    ...(input.sidecar ? [] : [placeholderWarning(file)]),
    ...normalised.diagnostics,
    ...metaDiagnostics,
    ...parsed.diagnostics,
  ];
  if (parsed.parts.length === 0) {
    return { document: null, diagnostics: [...structural, nothingLeft(file, [...normalised.drops, ...parsed.drops])], unmatched: [] };
  }
  structural.push(...inStage('conservation', () => checkConservation(normalised.lines, parsed.parts, parsed.drops, file)));
  const parsedDocument = {
    id: sidecar.id,
    sourceFile: file,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    encoding: decoded.value.encoding,
    script: normalised.script,
    meta,
    duplicateOf: null,
    parts: parsed.parts,
    originalLines: decoded.value.text.split('\n'),
    lines: normalised.lines,
    normalisation: normalised.counts,
    // Normalisation drops are measured on the decoded text, parse drops on the normalised text: both by source line.
    drops: [...normalised.drops, ...parsed.drops].sort((a, b) => a.line - b.line),
    diagnostics: structural,
  };
  const extraction = inStage('extract', () => extractAll(parsedDocument, input.registry));
  const diagnostics = [...structural, ...extraction.diagnostics];
  const validated = inStage('validation', () => Document.safeParse({ ...parsedDocument, diagnostics, extracted: extraction.extracted }));
  if (!validated.success) {
    const schemaErrors = validated.error.issues.map((issue): Diagnostic => ({
      level: 'error',
      code: 'schema',
      message: `${issue.path.join('.')}: ${issue.message}`,
      file,
    }));
    return { document: null, diagnostics: [...diagnostics, ...schemaErrors], unmatched: extraction.unmatched };
  }
  return { document: validated.data, diagnostics, unmatched: extraction.unmatched };
}

/** Lines whose role the metadata stage established: the title block, the 文号 line, the signature. */
function lineRoles(found: TextMetadata): Map<number, ParagraphRole> {
  const roles = new Map<number, ParagraphRole>();
  for (const n of found.titleLines) roles.set(n, 'title');
  if (found.docNumber) roles.set(found.docNumber.line, 'doc-number');
  // A value read from the metadata block or a statute's history lines gives its line no role.
  const notSignature = new Set([...found.blockLines, ...found.historyLines]);
  for (const [field, role] of [['date', 'date'], ['issuer', 'signature']] as const) {
    const at = found[field];
    if (at && !roles.has(at.line) && !notSignature.has(at.line)) roles.set(at.line, role);
  }
  return roles;
}

/**
 * For a file checked on its own: an id from the file name and placeholders for what only a sidecar can
 * say. A statute is cited by its short title (《社会保险法》), never by the order it was promulgated under.
 */
function placeholderSidecar(file: string, found: TextMetadata, statute: boolean): SourceMeta {
  const stem = (file.split('/').pop() ?? file).replace(/\.[^.]*$/, '');
  const slug = stem.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return {
    id: slug || `doc-${createHash('sha256').update(stem).digest('hex').slice(0, 8)}`,
    region: { name: '未知', level: 'city', within: [] },
    type: '通知',
    shortTitle: (statute ? null : found.docNumber?.value) ?? (found.title ? withoutStateName(found.title.value) : stem),
    corrections: {},
    partShortTitles: {},
    tableColumns: {},
  };
}

/** A text whose every line was removed by a named rule (page chrome, markup, a metadata block) holds no document. */
function nothingLeft(file: string, drops: readonly Drop[]): Diagnostic {
  const rules = [...new Set(drops.map((d) => d.rule))].sort().join(', ');
  return { level: 'error', code: 'parse-empty', message: `no document text: every line is blank or was removed (${rules || 'no rule'}); check that the file holds the document and not only the page around it`, file };
}

function placeholderWarning(file: string): Diagnostic {
  return { level: 'warning', code: 'no-sidecar', message: 'no sidecar metadata: the id comes from the file name, region and type are placeholders', file };
}
