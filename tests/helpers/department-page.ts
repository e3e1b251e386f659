import type { DepartmentPage } from '../../src/lib/department-pages.ts';

/** The page of department `id` among `pages`; fails the test when there is none. */
export function pageOf(pages: readonly DepartmentPage[], id: string): DepartmentPage {
  const found = pages.find((p) => p.department.id === id);
  if (!found) throw new Error(`no page for ${id}`);
  return found;
}
