/** Page cache keys computed as the site computes them (src/lib/site-data.ts), for the page-key tests. */
import { createHash } from 'node:crypto';
import { aggregate } from '#core/corpus-records.ts';
import { routes } from '#core/routes.ts';
import { documentValidity } from '#core/validity-view.ts';
import type { Document } from '#schemas/document.ts';
import type { Department } from '#schemas/entities.ts';
import { serialise } from '../../scripts/lib/ingest/write.ts';
import { catalogue } from '../../src/lib/catalogue.ts';
import { citedByIndex } from '../../src/lib/cited-by.ts';
import { clauseFactsIndex } from '../../src/lib/clause-facts.ts';
import { departmentPages } from '../../src/lib/department-pages.ts';
import { clausePageKey, documentPageKey, type ShownFacts } from '../../src/lib/page-keys.ts';
import { projectsByRow } from '../../src/lib/project-table.ts';
import { targetRows } from '../../src/lib/target-table.ts';
import type { Topic } from '../../src/lib/topics.ts';

/** The cache key of every document and clause page, by path, for a corpus, computed as the site does (src/lib/site-data.ts). */
export function pageKeys(corpus: readonly Document[], registry: readonly Department[], topics: readonly Topic[]): Map<string, string> {
  // Like the glob loader's digest: a hash of the generated file.
  const { views } = catalogue(corpus.map((data) => ({ data, digest: createHash('sha256').update(serialise(data)).digest('hex') })));
  const ordered = views.map((v) => v.document);
  const canonical = ordered.filter((d) => d.duplicateOf === null);
  const viewIndexes = new Map(views.map((v) => [v.document.id, v.index]));
  const records = aggregate(ordered, registry, new URL('https://policy-atlas.example.org'), routes(), '2026-01-01');
  const shown: ShownFacts = {
    clauseFacts: clauseFactsIndex(departmentPages(registry, ordered, viewIndexes), targetRows(records.targets, canonical, viewIndexes, topics), records.citations, canonical),
    rowProjects: projectsByRow(records.projects),
    citedBy: citedByIndex(records.citations, viewIndexes, ordered),
    validity: new Map(ordered.map((d) => [d.id, documentValidity(d, null, '2026-01-01')])),
    workDigests: new Map(),
  };
  const keys = new Map<string, string>();
  for (const view of views) {
    keys.set(`/${view.document.id}/`, documentPageKey(view, shown));
    for (const entry of view.index.entries) keys.set(`/${view.document.id}/${entry.id}/`, clausePageKey(view, entry, shown));
  }
  return keys;
}


/** The pages whose key differs between two corpora. */
export function changedPages(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  return [...after].filter(([path, key]) => before.get(path) !== key).map(([path]) => path);
}
