import type { Corpus } from '#core/corpus-records.ts';
import type { Document } from '#schemas/document.ts';
import type { IndexMap } from './node-refs.ts';

/** The numbers the editorial pages quote, so that the prose never goes stale. */
export const STAT_KEYS = [
  'documents',
  'canonicalDocuments',
  'duplicateDocuments',
  'traditionalDocuments',
  'sourceLines',
  't2sChanges',
  'overrideChanges',
  'pinyinRemoved',
  'boilerplateRemoved',
  'drops',
  'nodes',
  'clauses',
  'targets',
  'targetsFromTables',
  'targetsWithAchieved',
  'targetsWithoutValue',
  'departmentMentions',
  'leadMentions',
  'supportMentions',
  'mentionedMentions',
  'inferredMentions',
  'unresolvedMentions',
  'registryEntries',
  'departmentsFound',
  'projects',
  'projectsWithoutPlaces',
  'citations',
  'citationsNotInCorpus',
  'citationsWithIssuer',
  'dates',
  'datesYearInferred',
  'warnings',
] as const;
export type StatKey = (typeof STAT_KEYS)[number];

/** True for a statistic this module computes: a typo in an MDX page must fail the build. */
export function isStatKey(key: string): key is StatKey {
  return (STAT_KEYS as readonly string[]).includes(key);
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Counts over the corpus. Facts are counted in canonical documents only, as the open data lists them. */
export function corpusStats(documents: readonly Document[], corpus: Corpus, indexes: IndexMap): Record<StatKey, number> {
  const canonical = documents.filter((d) => d.duplicateOf === null);
  const rule = (name: string) => sum(documents.map((d) => d.normalisation[name] ?? 0));
  const mentions = canonical.flatMap((d) => d.extracted.departments);
  const dates = canonical.flatMap((d) => d.extracted.dates);
  return {
    documents: documents.length,
    canonicalDocuments: canonical.length,
    duplicateDocuments: documents.length - canonical.length,
    traditionalDocuments: documents.filter((d) => d.script === 'traditional').length,
    sourceLines: sum(documents.map((d) => d.lines.length)),
    t2sChanges: rule('t2s'),
    overrideChanges: rule('t2s-override'),
    pinyinRemoved: rule('pinyin-annotation'),
    boilerplateRemoved: rule('page-boilerplate') + rule('duplicate-metadata-row'),
    drops: sum(documents.map((d) => d.drops.length)),
    nodes: sum([...indexes.values()].map((i) => i.entries.length)),
    clauses: corpus.clauses.length,
    targets: corpus.targets.length,
    targetsFromTables: corpus.targets.filter((t) => /-t\d+\.r\d+$/.test(t.clauseId)).length,
    targetsWithAchieved: corpus.targets.filter((t) => t.achieved !== null).length,
    targetsWithoutValue: corpus.targets.filter((t) => t.value === null).length,
    departmentMentions: mentions.length,
    leadMentions: mentions.filter((m) => m.role === 'lead').length,
    supportMentions: mentions.filter((m) => m.role === 'support').length,
    mentionedMentions: mentions.filter((m) => m.role === 'mentioned').length,
    inferredMentions: mentions.filter((m) => m.inferred).length,
    unresolvedMentions: mentions.filter((m) => m.resolution === 'unknown').length,
    registryEntries: corpus.departments.length,
    departmentsFound: corpus.departments.filter((d) => d.clauses.length > 0).length,
    projects: corpus.projects.length,
    projectsWithoutPlaces: corpus.projects.filter((p) => p.regions.length === 0).length,
    citations: corpus.citations.length,
    citationsNotInCorpus: corpus.citations.filter((c) => c.documentId === null).length,
    citationsWithIssuer: corpus.citations.filter((c) => c.issuer !== null).length,
    dates: dates.length,
    datesYearInferred: dates.filter((d) => d.yearInferred).length,
    warnings: sum(documents.map((d) => d.diagnostics.filter((x) => x.level === 'warning').length)),
  };
}
