import type { Document } from '../../src/schemas/document.ts';

/**
 * The committed form of a document: schema key order (zod outputs keys in schema order), two-space
 * indentation, no timestamps, a final newline — the same input always gives the same bytes.
 */
export function serialise(doc: Document): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
