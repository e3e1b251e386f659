import { createHash } from 'node:crypto';
import type { Diagnostic } from '#schemas/diagnostic.ts';
import { Document } from '#schemas/document.ts';
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

/** Runs one source through decode → normalise → metadata → parse → conservation → extract → validation. */
export function ingestSource(input: SourceInput): Ingested {
  const { file } = input;
  const decoded = decode(input.bytes, file);
  if (!decoded.ok) return { document: null, diagnostics: decoded.diagnostics, unmatched: [] };
  const normalised = normalise(decoded.value.text, file, input.overrides);
  const found = extractTextMetadata(normalised.lines, normalised.markdownHeadings);
  const sidecar = input.sidecar ?? placeholderSidecar(file, found, looksLikeStatute(normalised.lines));
  const { meta, diagnostics: metaDiagnostics } = resolveMetadata(found, sidecar, file);
  const parsed = parseStructure({
    lines: normalised.lines,
    file,
    shortTitle: sidecar.shortTitle,
    roles: lineRoles(found),
    skip: new Map(found.blockLines.map((n) => [n, 'metadata-block'])),
    partShortTitles: sidecar.partShortTitles,
    tableColumns: Object.fromEntries(Object.entries(sidecar.tableColumns).map(([id, c]) => [id, c.columns])),
  });
  const structural = [
    ...decoded.diagnostics,
    ...(input.sidecar ? [] : [placeholderWarning(file)]),
    ...normalised.diagnostics,
    ...metaDiagnostics,
    ...parsed.diagnostics,
    ...checkConservation(normalised.lines, parsed.parts, parsed.drops, file),
  ];
  const parsedDocument = {
    id: sidecar.id,
    sourceFile: file,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    encoding: decoded.value.encoding,
    script: normalised.script,
    meta,
    ...(sidecar.workId === undefined ? {} : { workId: sidecar.workId }),
    duplicateOf: null,
    parts: parsed.parts,
    originalLines: decoded.value.text.split('\n'),
    lines: normalised.lines,
    normalisation: normalised.counts,
    // Normalisation drops are measured on the decoded text, parse drops on the normalised text: both by source line.
    drops: [...normalised.drops, ...parsed.drops].sort((a, b) => a.line - b.line),
    diagnostics: structural,
  };
  const extraction = extractAll(parsedDocument, input.registry);
  const diagnostics = [...structural, ...extraction.diagnostics];
  const validated = Document.safeParse({ ...parsedDocument, diagnostics, extracted: extraction.extracted });
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

function placeholderWarning(file: string): Diagnostic {
  return { level: 'warning', code: 'no-sidecar', message: 'no sidecar metadata: the id comes from the file name, region and type are placeholders', file };
}
