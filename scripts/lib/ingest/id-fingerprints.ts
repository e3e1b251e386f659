import type { Document } from '#schemas/document.ts';
import { blocksOf } from '#core/document-tree.ts';

/**
 * Every id of a document with a short fingerprint of what it names (printed number and title, or the
 * first characters of the text), so a golden file can show when an id starts naming something else.
 */
export function idFingerprints(doc: Document): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of doc.parts) {
    out[part.id] = `${part.kind}:${part.label ?? ''}${part.title ?? ''}`.slice(0, 24);
    for (const { block: b } of blocksOf({ parts: [part] })) {
      if (b.type === 'paragraph') out[b.id] = b.text.slice(0, 16);
      else if (b.type === 'table') {
        out[b.id] = b.columns.join('|').slice(0, 24);
        for (const r of b.rows) out[r.id] = r.cells.map((c) => c.value).join('|').slice(0, 16);
      } else {
        out[b.id] = b.kind === 'implicit' ? '(implicit group)' : `${b.label}${b.title ?? b.text}`.slice(0, 24);
      }
    }
  }
  return out;
}
