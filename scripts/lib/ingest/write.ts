import fs from 'node:fs';
import path from 'node:path';
import { contentDigest } from '#core/digest.ts';
import { readDocumentFiles } from '#core/document-files.ts';
import type { Document } from '#schemas/document.ts';

/**
 * The committed form of a document: schema key order (zod outputs keys in schema order), two-space
 * indentation, no timestamps, a final newline — the same input always gives the same bytes.
 */
export function serialise(doc: Document): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The documents written into `dir`, read back and validated, in file-name order. */
export function readDocuments(dir: string): Document[] {
  return readDocumentFiles([dir]).map((f) => f.document);
}

/** A file to write: the SHA-256 of its bytes, and its text, which may be rendered only when the file has to be written. */
export type Output = { sha256: string; text: () => string };

export function outputOf(text: string): Output {
  return { sha256: contentDigest(text), text: () => text };
}

/** Files in the output folder that are missing, different or not produced by any source. */
export function staleFiles(dir: string, files: ReadonlyMap<string, Output>): string[] {
  const differing = [...files].filter(([name, output]) => !holds(path.join(dir, name), output)).map(([name]) => name);
  return [...differing, ...orphans(dir, files)].sort();
}

/**
 * Writes the files whose content changed and removes the ones no source produces any more. An
 * unchanged file is left as it is, modification time included, so that what reads the folder
 * (Astro's content layer) sees only what changed.
 */
export function writeChanged(dir: string, files: ReadonlyMap<string, Output>): { written: string[]; removed: string[] } {
  fs.mkdirSync(dir, { recursive: true });
  const removed = orphans(dir, files);
  for (const f of removed) fs.rmSync(path.join(dir, f));
  const written = [...files].filter(([name, output]) => !holds(path.join(dir, name), output));
  for (const [name, output] of written) fs.writeFileSync(path.join(dir, name), output.text());
  return { written: written.map(([name]) => name), removed };
}

function orphans(dir: string, files: ReadonlyMap<string, Output>): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !files.has(f)) : [];
}

/** Whether `file` exists with exactly the bytes of `output`. */
function holds(file: string, output: Output): boolean {
  return fs.existsSync(file) && contentDigest(fs.readFileSync(file)) === output.sha256;
}
