import { createHash } from 'node:crypto';
import { hanCounts } from '#core/search/homophones.ts';
import topicsJson from '../../content/topics.json';
import groupsJson from '../../content/beneficiary-groups.json';
import type { BeneficiaryGroup } from '#schemas/beneficiary-groups.ts';
import { groupPages, loadGroups, type GroupPage } from './group-pages.ts';
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
import { hasOwnPage } from '#core/routes.ts';
import { splitSiteId } from '#core/site-id.ts';
import { citedByIndex, type CitingClause } from './cited-by.ts';
import { worksOf, type Work } from '#core/works.ts';
import { asOfDate, documentValidity, type ValidityView } from '#core/validity-view.ts';

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
  /** The beneficiary taxonomy, in its reviewed order, and by id. */
  groups: readonly BeneficiaryGroup[];
  groupsById: ReadonlyMap<string, BeneficiaryGroup>;
  /** A page per group that at least one measure serves (/for/{id}/), in taxonomy order. */
  groupPages: readonly GroupPage[];
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
  /** The clauses citing each corpus document, by the cited document's id. */
  citedBy: ReadonlyMap<string, readonly CitingClause[]>;
  /** The works with versions, by work id. */
  works: ReadonlyMap<string, Work>;
  /** The work each version belongs to, by document id. */
  workOf: ReadonlyMap<string, Work>;
  /** The day validity is stated for (asOfDate). */
  asOf: string;
  /** Each document's validity on that day, by document id. */
  validity: ReadonlyMap<string, ValidityView>;
  /** For each version of a work, a digest of all its versions (ids, dates, contents): what its pages show of the others. */
  workDigests: ReadonlyMap<string, string>;
  /** How often each Han character occurs in the canonical documents' text: the search page's character list and homophone table. */
  hanCounts: ReadonlyMap<string, number>;
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
  const works = worksOf(documents);
  const workOf = new Map([...works.values()].flatMap((w) => w.versions.map((v): [string, Work] => [v.documentId, w])));
  const asOf = asOfDate();
  const validity = new Map(documents.map((d) => [d.id, documentValidity(d, workOf.get(d.id) ?? null, asOf)]));
  const groups = loadGroups(groupsJson);
  return {
    corpus,
    documents,
    canonical,
    shortTitles: new Map(canonical.map((d) => [d.id, d.meta.shortTitle])),
    indexes,
    registry,
    registryById,
    topics,
    // A statute's 款 and 项 are part of their article, whose text the topics are read from: list the article once.
    topicPages: topicPages(corpus.clauses.filter((c) => hasOwnPage(splitSiteId(c.id).nodeId)), targets.map((r) => r.target), topics, registryById, canonical.map((d) => d.id)),
    groups,
    groupsById: new Map(groups.map((g) => [g.id, g])),
    groupPages: groupPages({ groups, benefits: corpus.benefits, documents: canonical, validity, indexes, registryById, asOf }),
    departments,
    departmentsById: new Map(departments.map((p) => [p.department.id, p])),
    targets,
    targetSummaries: new Map(statusSummaries(targets).map((s) => [s.documentId, s])),
    projects: projectRows(corpus.projects, canonical, indexes),
    stats: corpusStats(documents, corpus, indexes),
    clauseFacts: clauseFactsIndex(departments, targets, corpus.citations, canonical),
    rowProjects: projectsByRow(corpus.projects),
    citedBy: citedByIndex(corpus.citations, indexes, documents),
    works,
    workOf,
    asOf,
    validity,
    workDigests: workDigests(works, new Map(views.map((v) => [v.document.id, v.digest]))),
    hanCounts: hanCounts(canonical.flatMap((d) => d.lines)),
  };
}

/** For each version of a work, one digest of every version's id, date and content digest. */
function workDigests(works: ReadonlyMap<string, Work>, digests: ReadonlyMap<string, string>): Map<string, string> {
  const byDocument = new Map<string, string>();
  for (const work of works.values()) {
    const digest = createHash('sha256').update(JSON.stringify(work.versions.map((v) => [v.documentId, v.date, digests.get(v.documentId)]))).digest('base64url');
    for (const v of work.versions) byDocument.set(v.documentId, digest);
  }
  return byDocument;
}

/** The shared page data; the first call builds it, later calls reuse it. */
export function getSiteData(): Promise<SiteData> {
  data ??= load();
  return data;
}

/** Every page of the entity and editorial sections, for the sitemap: indexes, each group, department and topic, data, about, method. */
export async function entityPagePaths(): Promise<string[]> {
  const { departments, topics, works, groupPages } = await getSiteData();
  return [
    routes.groups(),
    ...groupPages.map((p) => routes.group(p.group.id)),
    routes.departments(),
    ...departments.map((p) => routes.department(p.department.id)),
    routes.targets(),
    routes.projects(),
    routes.citations(),
    routes.regions(),
    routes.topics(),
    ...topics.map((t) => routes.topic(t.id)),
    ...[...works.keys()].map((id) => routes.work(id)),
    routes.charts(),
    routes.data(),
    routes.about(),
    routes.method(),
  ];
}
