import topicsJson from '../../content/topics.json';
import type { Corpus } from '#core/corpus-records.ts';
import { clauseFactsIndex, type ClauseFacts } from './clause-facts.ts';
import type { Document } from '#schemas/document.ts';
import type { Department } from '#schemas/entities.ts';
import type { ProjectRecord } from '#schemas/open-data.ts';
import { getCorpus, registry } from './linked-corpus.ts';
import { corpusStats, type StatKey } from './corpus-stats.ts';
import { departmentPages, type DepartmentPage } from './department-pages.ts';
import { allViews } from './documents.ts';
import type { IndexMap } from './node-refs.ts';
import { projectRows, projectsByRow, type ProjectRow } from './project-table.ts';
import { statusSummaries, targetRows, type StatusSummary, type TargetRow } from './target-table.ts';
import { loadTopics, topicPages, type Topic, type TopicPage } from './topics.ts';
import { routes } from './site-routes.ts';

/** Everything the entity pages show, computed once per build and shared by every page. */
export interface SiteData {
  corpus: Corpus;
  /** Every document, newest first then by id (the home page's order), duplicates included. */
  documents: readonly Document[];
  /** The documents that are not a repeat of another: the ones facts are counted from. */
  canonical: readonly Document[];
  /** The short title of each canonical document, by id. */
  shortTitles: ReadonlyMap<string, string>;
  indexes: IndexMap;
  registry: readonly Department[];
  registryById: ReadonlyMap<string, Department>;
  topics: readonly Topic[];
  topicPages: readonly TopicPage[];
  departments: readonly DepartmentPage[];
  departmentsById: ReadonlyMap<string, DepartmentPage>;
  targets: readonly TargetRow[];
  /** How the targets of each document stand, by document id; documents without targets have none. */
  targetSummaries: ReadonlyMap<string, StatusSummary>;
  projects: readonly ProjectRow[];
  stats: Readonly<Record<StatKey, number>>;
  /** Departments, targets, citations and dates of each clause or table row, by site-wide id. */
  clauseFacts: ReadonlyMap<string, ClauseFacts>;
  /** The pilot and demonstration projects of each table row, by the row's site-wide id. */
  rowProjects: ReadonlyMap<string, readonly ProjectRecord[]>;
}

let data: Promise<SiteData> | undefined;

async function load(): Promise<SiteData> {
  const [corpus, views] = await Promise.all([getCorpus(), allViews()]);
  const documents = views.map((v) => v.document);
  const canonical = documents.filter((d) => d.duplicateOf === null);
  const indexes = new Map(views.map((v) => [v.document.id, v.index]));
  const topics = loadTopics(topicsJson, registry);
  const registryById = new Map(registry.map((d) => [d.id, d]));
  const targets = targetRows(corpus.targets, canonical, indexes, topics);
  const departments = departmentPages(registry, documents, indexes);
  return {
    corpus,
    documents,
    canonical,
    shortTitles: new Map(canonical.map((d) => [d.id, d.meta.shortTitle])),
    indexes,
    registry,
    registryById,
    topics,
    topicPages: topicPages(corpus.clauses, targets.map((r) => r.target), topics, registryById, canonical.map((d) => d.id)),
    departments,
    departmentsById: new Map(departments.map((p) => [p.department.id, p])),
    targets,
    targetSummaries: new Map(statusSummaries(targets).map((s) => [s.documentId, s])),
    projects: projectRows(corpus.projects, canonical, indexes),
    stats: corpusStats(documents, corpus, indexes),
    clauseFacts: clauseFactsIndex(departments, targets, corpus.citations, canonical),
    rowProjects: projectsByRow(corpus.projects),
  };
}

/** The shared page data; the first call builds it, later calls reuse it. */
export function getSiteData(): Promise<SiteData> {
  data ??= load();
  return data;
}

/** Every page of the entity and editorial sections, for the sitemap: indexes, each department and topic, data, about, method. */
export async function entityPagePaths(): Promise<string[]> {
  const { departments, topics } = await getSiteData();
  return [
    routes.departments(),
    ...departments.map((p) => routes.department(p.department.id)),
    routes.targets(),
    routes.projects(),
    routes.citations(),
    routes.regions(),
    routes.topics(),
    ...topics.map((t) => routes.topic(t.id)),
    routes.charts(),
    routes.data(),
    routes.about(),
    routes.method(),
  ];
}
