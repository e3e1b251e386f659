import { siteId } from '#core/site-id.ts';
import type { Document } from '#schemas/document.ts';
import type { ProjectRecord } from '#schemas/open-data.ts';
import { resolveNode, type IndexMap } from './node-refs.ts';

/** The filter value of a project whose table names no place, or no deadline. */
export const UNSTATED = 'unstated';

/** One line of the projects table. */
export interface ProjectRow {
  project: ProjectRecord;
  documentShortTitle: string;
  /** The table row page and its citation. */
  path: string;
  citation: string;
  /** The places, each with the key the region filter uses. */
  places: { name: string; key: string }[];
}

/**
 * The key under which a place is filtered: tables write the same city as 南京 and 南京市, so a
 * trailing 市 is dropped where a name of two or more characters remains (苏州市区, 江阴市 → 江阴 stay apart).
 */
export function placeKey(name: string): string {
  return /^\p{Script=Han}{2,}市$/u.test(name) ? name.slice(0, -1) : name;
}

/** The projects in document order, then by kind (试点 before 示范, as the annexes run) and number. */
export function projectRows(projects: readonly ProjectRecord[], documents: readonly Document[], indexes: IndexMap): ProjectRow[] {
  const order = new Map(documents.map((d, i) => [d.id, i]));
  const titles = new Map(documents.map((d) => [d.id, d.meta.shortTitle]));
  const kindOrder = { 试点: 0, 示范: 1 } as const;
  return [...projects]
    .sort((a, b) => (order.get(a.documentId) ?? 0) - (order.get(b.documentId) ?? 0) || kindOrder[a.kind] - kindOrder[b.kind] || a.number - b.number)
    .map((project) => {
      const ref = resolveNode(indexes, siteId(project.documentId, project.rowId));
      return {
        project,
        documentShortTitle: titles.get(project.documentId) ?? project.documentId,
        path: ref.path,
        citation: ref.citation,
        places: project.regions.map((name) => ({ name, key: placeKey(name) })),
      };
    });
}

/** The projects of each table row, by the row's site-wide id, in the order given. */
export function projectsByRow(projects: readonly ProjectRecord[]): Map<string, ProjectRecord[]> {
  const byRow = new Map<string, ProjectRecord[]>();
  for (const p of projects) {
    const key = siteId(p.documentId, p.rowId);
    byRow.set(key, [...(byRow.get(key) ?? []), p]);
  }
  return byRow;
}
