import { z } from 'astro/zod';

/** A problem found while ingesting one source file; errors fail the ingest, warnings are reported. */
export const Diagnostic = z.object({
  /** `error` stops the document from being published; `warning` is reported and the document goes on. */
  level: z.enum(['error', 'warning']),
  /** A stable, kebab-case name of the rule that raised it, e.g. `decode-binary`. */
  code: z.string().regex(/^[a-z0-9-]+$/),
  /** What happened, in plain words. */
  message: z.string().min(1),
  /** The source file as given to the ingest (relative to the project where possible). */
  file: z.string(),
  /** 1-based line in the source file, when the problem has one. */
  line: z.number().int().positive().optional(),
});
export type Diagnostic = z.output<typeof Diagnostic>;

/** Formats a diagnostic the way compilers do, so editors and terminals can link to it. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}`;
  return `${where}: ${d.level} [${d.code}] ${d.message}`;
}

/** A diagnostic, with its `line` only when there is one (the schema's optional field stays absent, not undefined). */
export function diagnostic(level: Diagnostic['level'], code: string, message: string, file: string, line?: number): Diagnostic {
  return line === undefined ? { level, code, message, file } : { level, code, message, file, line };
}
