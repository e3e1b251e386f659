/**
 * Runs the queries of tests/search/queries.json: in the browser through the real search page, and
 * the statute citations against the crafted statute fixture (statutes are not in the site's corpus
 * yet). Shared by the quality test (npm test) and `npm run bench:search`.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { citeIndex } from '#core/citing/cite-index.ts';
import { findDocument, findNode } from '#core/citing/paste.ts';
import { loadRegistry } from '#core/department-registry.ts';
import { loadSynonyms, synonymTable } from '#core/search/synonym-table.ts';
import { readDocuments } from '../ingest/write.ts';
import { departmentRecords, documentRecords, searchRecords } from '../search-index/records.ts';
import { landingId, QueryFile, relevantPages, type SearchQuery } from './search-quality.ts';
import { typeQuery } from './search-page.ts';
import { statuteFixture } from './statute-fixture.ts';

/** The class answered from the statute fixture rather than the site. */
export const STATUTE_CLASS = 'statute';

/** What was shown for a query: the pages in order, and how long the search took on the page. */
export interface Answer {
  ids: string[];
  ms: number;
}

export function readQueries(file = 'tests/search/queries.json'): SearchQuery[] {
  return QueryFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).queries;
}

/** Each query's relevant pages in the corpus of `documentsDir` (the generated documents the site was built from). */
export function relevantSets(queries: readonly SearchQuery[], documentsDir: string, departmentsFile = 'content/departments.json'): Map<string, string[]> {
  const registry = loadRegistry(JSON.parse(fs.readFileSync(departmentsFile, 'utf8')));
  const records = searchRecords(readDocuments(documentsDir), [documentRecords, departmentRecords(registry)]);
  return new Map(queries.map((q) => [q.id, relevantPages(q, records)]));
}

/** The statute queries, resolved as the search page resolves a pasted citation, over the fixture. */
export function statuteAnswers(queries: readonly SearchQuery[]): Map<string, Answer> {
  const related = synonymTable(loadSynonyms(JSON.parse(fs.readFileSync('content/synonyms.json', 'utf8')))).related;
  const index = citeIndex([statuteFixture()], related);
  return new Map(
    queries
      .filter((q) => q.class === STATUTE_CLASS)
      .map((q) => {
        const started = performance.now();
        const match = findDocument(q.query, index.documents);
        const node = match === null ? null : findNode(match, index.nodes.get(match.document.id) ?? {});
        const ids = match === null ? [] : [node === null ? match.document.id : `${match.document.id}/${node}`];
        return [q.id, { ids, ms: performance.now() - started }];
      }),
  );
}

/**
 * Types every other query into a search page, as a reader would, and reads what it showed;
 * `progress` hears of each answer. A page that crashes (a renderer out of memory) is opened anew
 * and the query counts as showing nothing, so that one failure does not lose the run.
 */
export async function pageAnswers(open: () => Promise<Page>, queries: readonly SearchQuery[], progress?: (done: number, q: SearchQuery, answer: Answer) => void): Promise<{ answers: Map<string, Answer>; crashed: string[] }> {
  const answers = new Map<string, Answer>();
  const crashed: string[] = [];
  let page = await open();
  for (const q of queries) {
    if (q.class === STATUTE_CLASS) continue;
    let answer: Answer;
    try {
      const rendered = await typeQuery(page, q.query);
      answer = { ids: [...new Set(rendered.urls.map(landingId))], ms: rendered.ms };
    } catch {
      crashed.push(q.id);
      answer = { ids: [], ms: Number.NaN };
      await page.close().catch(() => undefined);
      page = await open();
    }
    answers.set(q.id, answer);
    progress?.(answers.size, q, answer);
  }
  await page.close();
  return { answers, crashed };
}
