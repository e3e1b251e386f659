import { formatDiagnostic } from '#schemas/diagnostic.ts';
import type { Document } from '#schemas/document.ts';
import type { SourceRef } from '#schemas/entities.ts';
import { blocksOf } from '#core/document-tree.ts';

export type StructureCounts = { parts: number; provisions: number; implicitGroups: number; paragraphs: number; tables: number; rows: number };

/** Counts the nodes of a document by kind. */
export function countStructure(doc: Document): StructureCounts {
  const counts: StructureCounts = { parts: doc.parts.length, provisions: 0, implicitGroups: 0, paragraphs: 0, tables: 0, rows: 0 };
  for (const { block: b } of blocksOf(doc)) {
    if (b.type === 'paragraph') counts.paragraphs += 1;
    else if (b.type === 'table') {
      counts.tables += 1;
      counts.rows += b.rows.length;
    } else if (b.kind === 'implicit') counts.implicitGroups += 1;
    else counts.provisions += 1;
  }
  return counts;
}

/** The per-document report printed by the ingest: script, conversions, removals, structure, extracted facts, warnings. */
export function summarise(doc: Document, unmatched: readonly SourceRef[]): string {
  const c = countStructure(doc);
  const removed = new Map<string, number>();
  for (const d of doc.drops) removed.set(d.rule, (removed.get(d.rule) ?? 0) + 1);
  const rules = Object.entries(doc.normalisation).map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none';
  const drops = [...removed].sort(([a], [b]) => a.localeCompare(b)).map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none';
  const warnings = doc.diagnostics.filter((d) => d.level === 'warning');
  return [
    `● ${doc.id}  (${doc.sourceFile}, ${doc.encoding}, ${doc.script})${doc.duplicateOf ? `  duplicate of ${doc.duplicateOf.documentId}` : ''}`,
    `  ${doc.meta.title}`,
    `  normalisation: ${rules}`,
    `  removed: ${drops}`,
    `  structure: ${c.parts} parts (${doc.parts.map((p) => p.id).join(' ')}), ${c.provisions} provisions, ${c.implicitGroups} implicit groups, ${c.paragraphs} paragraphs, ${c.tables} tables, ${c.rows} rows`,
    `  extracted: ${Object.entries(doc.extracted).map(([kind, items]) => `${items.length} ${kind}`).join(', ')}`,
    `  sentences with a number and no target or benefit: ${unmatched.length}`,
    ...unmatched.map((u) => `    ${doc.sourceFile}:${u.line} [${u.clauseId}] ${u.sentence}`),
    `  warnings: ${warnings.length}`,
    ...warnings.map((w) => `    ${formatDiagnostic(w)}`),
  ].join('\n');
}
