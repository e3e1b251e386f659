import type { Document } from '#schemas/document.ts';
import type { CitationRecord } from '#schemas/open-data.ts';
import { compareZh } from './collate.ts';
import { resolveNode, type IndexMap, type NodeRef } from './node-refs.ts';

/** A clause that cites a corpus document, and the node of that document it names (null: the whole text). */
export interface CitingClause {
  ref: NodeRef;
  /** The citing document's government: 全国, 江苏省, 湘潭市. */
  region: string;
  /** The citing document's date, for ordering; null when undated. */
  date: string | null;
  targetNodeId: string | null;
}

/** Who cites one document, from the citations' resolved targets: by cited document id, in no particular order. */
export function citedByIndex(citations: readonly CitationRecord[], indexes: IndexMap, documents: readonly Document[]): Map<string, CitingClause[]> {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const index = new Map<string, CitingClause[]>();
  for (const c of citations) {
    for (const t of c.targets) {
      const ref = resolveNode(indexes, t.citedBy);
      const citing = byId.get(ref.documentId);
      const list = index.get(t.documentId) ?? [];
      list.push({ ref, region: citing?.meta.region.name ?? '', date: citing?.meta.date ?? null, targetNodeId: t.nodeId });
      index.set(t.documentId, list);
    }
  }
  return index;
}

/** The clauses citing an article or something inside it (its 款, 项, 目). */
export function citingNode(clauses: readonly CitingClause[], nodeId: string): CitingClause[] {
  return clauses.filter((c) => c.targetNodeId !== null && (c.targetNodeId === nodeId || c.targetNodeId.startsWith(`${nodeId}.`)));
}

/** One region's citing documents, each with its citing clauses. */
export interface CitedByRegion {
  region: string;
  documents: { documentId: string; title: string; clauses: CitingClause[] }[];
}

/**
 * Citing clauses grouped by region (national texts first, then in pinyin order) and, within a
 * region, by document (newest first), each document's clauses in text order: who implements a law,
 * and where.
 */
export function groupCitedBy(clauses: readonly CitingClause[]): CitedByRegion[] {
  const regions = Map.groupBy(clauses, (c) => c.region);
  return [...regions]
    .sort(([a], [b]) => Number(b === '全国') - Number(a === '全国') || compareZh(a, b))
    .map(([region, list]) => ({
      region,
      documents: [...Map.groupBy(list, (c) => c.ref.documentId)]
        .map(([documentId, cs]) => ({ documentId, title: cs[0]?.ref.documentTitle ?? documentId, date: cs[0]?.date ?? '', clauses: [...new Map(cs.map((c) => [c.ref.siteId, c])).values()].sort((a, b) => a.ref.position - b.ref.position) }))
        .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.documentId.localeCompare(b.documentId))
        .map(({ documentId, title, clauses: cs }) => ({ documentId, title, clauses: cs })),
    }));
}
