import type { Department } from '../schemas/entities.ts';
import type { DepartmentPage, Role } from './department-pages.ts';
import type { TargetRow } from './target-table.ts';

/** What the site knows about one clause beyond its text: who acts on it and what it aims at. */
export interface ClauseFacts {
  departments: { department: Department; role: Role; inferred: boolean }[];
  targets: TargetRow[];
}

const ROLE_ORDER: Readonly<Record<Role, number>> = { lead: 0, support: 1, mentioned: 2 };

/** The facts of every clause (and table row) that has any, by site-wide id; departments lead first, then in printed order. */
export function clauseFactsIndex(departments: readonly DepartmentPage[], targets: readonly TargetRow[]): Map<string, ClauseFacts> {
  const index = new Map<string, ClauseFacts>();
  const entry = (siteId: string): ClauseFacts => {
    const facts = index.get(siteId) ?? { departments: [], targets: [] };
    index.set(siteId, facts);
    return facts;
  };
  for (const page of departments) {
    for (const { role, documents } of page.roles) {
      for (const m of documents.flatMap((g) => g.mentions)) entry(m.siteId).departments.push({ department: page.department, role, inferred: m.inferred });
    }
  }
  for (const row of targets) entry(`${row.target.documentId}/${row.target.clauseId}`).targets.push(row);
  for (const facts of index.values()) facts.departments.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  return index;
}
