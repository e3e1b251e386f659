/**
 * Reading one source and its sidecar from disk for the ingest commands. Never throws: a file that
 * cannot be read, or a sidecar that is not valid, is an error for that source alone, so the other
 * sources of a folder still ingest.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '#schemas/diagnostic.ts';
import { SourceMeta } from '#schemas/sidecar.ts';

export type Read<T> = { value: T; diagnostics: [] } | { value: null; diagnostics: Diagnostic[] };

/** The bytes of a source text, or an error naming the file when it cannot be read (a folder, no permission…). */
export function readSourceBytes(file: string): Read<Buffer> {
  try {
    return { value: fs.readFileSync(file), diagnostics: [] };
  } catch (error) {
    return { value: null, diagnostics: [{ level: 'error', code: 'source-unreadable', message: `cannot be read: ${(error as Error).message}`, file }] };
  }
}

/**
 * The sidecar's validated value and its bytes (part of the ingest's cache key). A missing sidecar is
 * an error when `required`, else (a file checked on its own) a null value with no diagnostics.
 */
export function readSidecar(file: string, { required }: { required: boolean }): Read<{ meta: SourceMeta; bytes: Buffer }> {
  if (!fs.existsSync(file)) {
    if (!required) return { value: null, diagnostics: [] };
    return { value: null, diagnostics: [{ level: 'error', code: 'sidecar-missing', message: `no sidecar: create ${path.basename(file)} with the document's id, region, type and short title (see README)`, file }] };
  }
  const bytes = readSourceBytes(file);
  if (bytes.value === null) return bytes;
  let json: unknown;
  try {
    json = JSON.parse(bytes.value.toString('utf8'));
  } catch (error) {
    return { value: null, diagnostics: [{ level: 'error', code: 'sidecar-json', message: `not valid JSON: ${(error as Error).message}`, file }] };
  }
  const parsed = SourceMeta.safeParse(json);
  if (parsed.success) return { value: { meta: parsed.data, bytes: bytes.value }, diagnostics: [] };
  return {
    value: null,
    diagnostics: parsed.error.issues.map((issue) => ({ level: 'error', code: 'sidecar-schema', message: `${issue.path.join('.') || '(root)'}: ${issue.message}`, file })),
  };
}
