import { homePath } from './urls.ts';

/** Site paths of the entity pages; like every page, they end in a slash. */
const home = homePath();

/** The departments index. */
export function departmentsPath(): string {
  return `${home}departments/`;
}

/** One department's page. */
export function departmentPath(id: string): string {
  return `${home}departments/${id}/`;
}

/** The table of all targets. */
export function targetsPath(): string {
  return `${home}targets/`;
}

/** The table of pilot and demonstration projects. */
export function projectsPath(): string {
  return `${home}projects/`;
}

/** The cited documents. */
export function citationsPath(): string {
  return `${home}citations/`;
}

/** The documents by region. */
export function regionsPath(): string {
  return `${home}regions/`;
}

/** The topics index. */
export function topicsPath(): string {
  return `${home}topics/`;
}

/** One topic's page. */
export function topicPath(id: string): string {
  return `${home}topics/${id}/`;
}

/** The charts overview. */
export function chartsPath(): string {
  return `${home}charts/`;
}

/** The open data page; downloads live under it. */
export function dataPath(): string {
  return `${home}data/`;
}

/** A page with one filter already chosen: the filter script reads it from the query string. */
export function filteredPath(path: string, filter: string, value: string): string {
  return `${path}?${new URLSearchParams({ [filter]: value }).toString()}`;
}

/** The editorial page about the site (src/pages/about.mdx). */
export function aboutPath(): string {
  return `${home}about/`;
}

/** The editorial page on method and limits (src/pages/method.mdx). */
export function methodPath(): string {
  return `${home}method/`;
}
