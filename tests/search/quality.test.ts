/**
 * Search quality on the built site (the corpus of content/generated): every class of
 * tests/search/queries.json reaches top-1 ≥ 0.95 and recall@10 ≥ 0.95, and traditional queries show
 * the same top 10 as their simplified twins. Timings are measured by `npm run bench:search`, never here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { classScores, scoreQuery, type QueryScore } from '../../scripts/lib/bench/search-quality.ts';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { pageAnswers, readQueries, relevantSets, statuteAnswers, type Answer } from '../../scripts/lib/bench/search-quality-run.ts';

const TARGET = 0.95;
const timeout = 600_000;
const queries = readQueries();
const relevant = relevantSets(queries, 'content/generated/documents');
const session = useSiteInBrowser('dist', 60_000);
let answers: Map<string, Answer>;

beforeAll(async () => {
  const open = async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.origin}/search/`);
    return page;
  };
  const { answers: shown, crashed } = await pageAnswers(open, queries);
  if (crashed.length > 0) throw new Error(`the search page crashed on ${crashed.join(', ')}`);
  answers = new Map([...shown, ...statuteAnswers(queries)]);
}, timeout);

describe('search quality per class', () => {
  it('reaches top-1 and recall@10 of at least 0.95 in every class', () => {
    const scores = new Map<string, QueryScore>(queries.map((q) => [q.id, scoreQuery(q, relevant.get(q.id) ?? [], answers.get(q.id)?.ids ?? [])]));
    const failing = classScores(queries, scores).filter((c) => Math.min(c.top1, c.recall10) < TARGET);
    const missed = queries.filter((q) => (scores.get(q.id)?.top1 ?? 0) < 1).map((q) => `${q.id} ${q.query} → ${(answers.get(q.id)?.ids ?? []).slice(0, 3).join(' ')}`);
    expect({ failing, missed: failing.length === 0 ? [] : missed }).toEqual({ failing: [], missed: [] });
  });

  it('gives traditional queries the same top 10 as their simplified form', () => {
    const twins = queries.filter((q) => q.sameAs !== undefined);
    expect(twins.length).toBeGreaterThan(0);
    for (const q of twins) expect(answers.get(q.id)?.ids.slice(0, 10), q.query).toEqual(answers.get(q.sameAs ?? '')?.ids.slice(0, 10));
  });
});
