import type { Document } from '#schemas/document.ts';
import type { Benefit, DateMention, Department } from '#schemas/entities.ts';
import type { CitationRecord } from '#schemas/open-data.ts';
import type { DepartmentPage, Role } from './department-pages.ts';
import type { TargetRow } from './target-table.ts';
import { siteId } from '#core/site-id.ts';

/** What the site knows about one clause beyond its text: who acts on it, what it aims at and grants, what it cites, when. */
export interface ClauseFacts {
  departments: { department: Department; role: Role; inferred: boolean }[];
  targets: TargetRow[];
  benefits: Benefit[];
  citations: CitationRecord[];
  dates: DateMention[];
}

const ROLE_ORDER: Readonly<Record<Role, number>> = { lead: 0, support: 1, mentioned: 2 };

/** The facts of every clause (and table row) that has any, by site-wide id; departments lead first, then in printed order; benefits in printed order. */
export function clauseFactsIndex(
  departments: readonly DepartmentPage[],
  targets: readonly TargetRow[],
  citations: readonly CitationRecord[],
  documents: readonly Document[],
): Map<string, ClauseFacts> {
  const index = new Map<string, ClauseFacts>();
  const entry = (siteId: string): ClauseFacts => {
    const facts = index.get(siteId) ?? { departments: [], targets: [], benefits: [], citations: [], dates: [] };
    index.set(siteId, facts);
    return facts;
  };
  for (const page of departments) {
    for (const { role, documents } of page.roles) {
      for (const m of documents.flatMap((g) => g.mentions)) entry(m.siteId).departments.push({ department: page.department, role, inferred: m.inferred });
    }
  }
  // A goal of the text restated in a table row shows on both; it is still one target.
  for (const row of targets) for (const place of [row.target, ...row.target.alsoAt]) entry(siteId(place.documentId, place.clauseId)).targets.push(row);
  // Each clause keeps only its own target: another clause starting to cite the same text changes nothing it shows.
  for (const citation of citations) for (const id of citation.citedBy) entry(id).citations.push({ ...citation, targets: citation.targets.filter((t) => t.citedBy === id) });
  for (const doc of documents) for (const benefit of doc.extracted.benefits) entry(siteId(doc.id, benefit.clauseId)).benefits.push(benefit);
  for (const doc of documents) for (const date of doc.extracted.dates) entry(siteId(doc.id, date.clauseId)).dates.push(date);
  for (const facts of index.values()) facts.departments.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  return index;
}
