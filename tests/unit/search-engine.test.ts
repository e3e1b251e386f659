import { describe, expect, it } from 'vitest';
import { searchRecords, type FilterCounts, type PagefindApi, type PagefindHit, type PagefindResponse } from '../../src/lib/search/engine.ts';
import { parseQuery } from '../../src/lib/search/query.ts';
import { indexContent } from '#core/search/tokens.ts';

interface FakeRecord {
  id: string;
  text: string;
  context?: string;
  filters?: Record<string, string[]>;
}

/**
 * Pagefind's matching rules, as far as the engine relies on them: an ordinary search requires every
 * token found in the index (as a prefix of a word of the content or the metadata) and ignores tokens
 * found nowhere; a quoted search wants the tokens at consecutive positions of the content (or of the
 * metadata, then with no word locations). Scores: matched content positions.
 */
function fakePagefind(records: readonly FakeRecord[]): PagefindApi & { calls: string[] } {
  const indexed = records.map((r) => ({
    ...r,
    words: indexContent(r.text).split(' ').filter((w) => w !== ''),
    ctx: indexContent(r.context ?? '').split(' ').filter((w) => w !== ''),
  }));
  const calls: string[] = [];
  const counts = (rs: readonly FakeRecord[]): FilterCounts => {
    const c: Record<string, Record<string, number>> = {};
    for (const r of rs) for (const [k, vs] of Object.entries(r.filters ?? {})) for (const v of vs) (c[k] ??= {})[v] = (c[k]?.[v] ?? 0) + 1;
    return c;
  };
  const hit = (r: (typeof indexed)[number], words: number[]): PagefindHit => ({
    id: r.id,
    score: words.length,
    words,
    data: async () => ({ url: `/${r.id}/`, meta: { title: r.id, text: r.text }, filters: r.filters ?? {} }),
  });
  const chainAt = (words: readonly string[], tokens: readonly string[]) => words.findIndex((_, i) => tokens.every((t, j) => words[i + j] === t));
  return {
    calls,
    async search(term, { filters }): Promise<PagefindResponse> {
      calls.push(term);
      const exact = /^".+"$/.test(term);
      const tokens = term.replace(/"/g, '').split(' ');
      const matching = indexed.flatMap((r): PagefindHit[] => {
        if (exact) {
          const at = chainAt(r.words, tokens);
          if (at !== -1) return [hit(r, tokens.map((_, j) => at + j))];
          return chainAt(r.ctx, tokens) !== -1 ? [hit(r, [])] : [];
        }
        const known = tokens.filter((t) => indexed.some((x) => [...x.words, ...x.ctx].some((w) => w.startsWith(t))));
        if (known.length === 0 || !known.every((t) => [...r.words, ...r.ctx].some((w) => w.startsWith(t)))) return [];
        return [hit(r, r.words.flatMap((w, i) => (known.some((t) => w.startsWith(t)) ? [i] : [])))];
      });
      const inFilters = (id: string) =>
        Object.entries(filters).every(([k, v]) => {
          const values = records.find((r) => r.id === id)?.filters?.[k] ?? [];
          return typeof v === 'string' ? values.includes(v) : v.any.some((x) => values.includes(x));
        });
      const results = matching.filter((h) => inFilters(h.id)).sort((a, b) => b.score - a.score);
      const byId = (hs: readonly PagefindHit[]) => records.filter((r) => hs.some((h) => h.id === r.id));
      return { results, filters: counts(byId(results)), totalFilters: counts(byId(matching)) };
    },
  };
}

/**
 * Shards merged as Pagefind's mergeIndex merges them: each bundle matches on its own (ignoring the
 * tokens it has never seen), results are pooled and sorted by score, counts added up. Every record
 * carries its bundle as a filter, as scripts/search-index.ts writes them.
 */
function mergedPagefind(shards: readonly (readonly FakeRecord[])[]): PagefindApi & { calls: string[] } {
  const bundles = shards.map((records, i) => fakePagefind(records.map((r) => ({ ...r, filters: { ...r.filters, bundle: [String(i)] } }))));
  const add = (all: FilterCounts[]): FilterCounts => {
    const sum: Record<string, Record<string, number>> = {};
    for (const c of all) for (const [k, vs] of Object.entries(c)) for (const [v, n] of Object.entries(vs ?? {})) (sum[k] ??= {})[v] = (sum[k]?.[v] ?? 0) + n;
    return sum;
  };
  const calls: string[] = [];
  return {
    calls,
    async search(term, options) {
      calls.push(term);
      const responses = (await Promise.all(bundles.map((b) => b.search(term, options)))).filter((r) => r !== null);
      return {
        results: responses.flatMap((r) => r.results).sort((a, b) => b.score - a.score),
        filters: add(responses.map((r) => r.filters)),
        totalFilters: add(responses.map((r) => r.totalFilters)),
      };
    },
  };
}

const corpus: FakeRecord[] = [
  // Holds every pair of 创业担保贷款 but not the phrase; its repetitions give it the higher Pagefind score.
  { id: 'pieces', text: '自主创业担当，担保贷款，担保贷款，创业担当', filters: { region: ['徐汇区'], kind: ['clause'] } },
  { id: 'phrase', text: '加大创业担保贷款工作力度', context: '湘潭稳就业二十四条', filters: { region: ['湘潭市'], kind: ['clause'] } },
  { id: 'family', text: '帮助零就业家庭成员就业', context: '湘潭稳就业二十四条', filters: { region: ['湘潭市'], kind: ['clause'] } },
  { id: 'other', text: '农村零转移家庭动态为零', filters: { region: ['江苏省'], kind: ['clause'] } },
];

async function ids(query: string, selection = {}) {
  const outcome = await searchRecords(fakePagefind(corpus), parseQuery(query, null), selection);
  return { mode: outcome.mode, ids: outcome.hits.map((h) => h.id), counts: await outcome.counts() };
}

describe('searchRecords', () => {
  it('ranks a record holding the query verbatim above one holding its pieces apart', async () => {
    expect((await ids('创业担保贷款')).ids).toEqual(['phrase', 'pieces']);
  });

  it('keeps only verbatim matches for a quoted phrase', async () => {
    expect((await ids('"创业担保贷款"')).ids).toEqual(['phrase']);
  });

  it('requires every space-separated term, matching the document context too', async () => {
    expect((await ids('湘潭 贷款')).ids).toEqual(['phrase']);
    expect((await ids('创业 家庭')).ids).toEqual([]);
  });

  it('finds nothing when one of several terms is nowhere in the index', async () => {
    expect((await ids('创业担保贷款 宇宙飞船')).ids).toEqual([]);
  });

  it('finds a single character', async () => {
    expect((await ids('零')).ids.sort()).toEqual(['family', 'other']);
  });

  it('falls back to records sharing most character pairs when nothing holds the query verbatim', async () => {
    expect(await ids('零就业家廷')).toEqual({ mode: 'fuzzy', ids: ['family'], counts: { region: { 湘潭市: 1 }, kind: { clause: 1 } } });
  });

  it('counts filter values with Pagefind, showing the unfiltered counts of a chosen filter', async () => {
    const outcome = await ids('贷款', { region: '湘潭市' });
    expect(outcome.ids).toEqual(['phrase']);
    expect(outcome.counts).toEqual({ region: { 徐汇区: 1, 湘潭市: 1 }, kind: { clause: 1 } });
  });

  it('runs one ordinary and one positional search per term', async () => {
    const pagefind = fakePagefind(corpus);
    await searchRecords(pagefind, parseQuery('创业 "担保贷款"', null), {});
    expect(pagefind.calls).toHaveLength(3);
    expect(pagefind.calls.filter((c) => c.startsWith('"'))).toHaveLength(2);
  });
});

describe('searchRecords on merged shards', () => {
  // 担保 is in the first shard only: alone, the second would answer 创业担保贷款 with its 创业 and 贷款.
  const shards: FakeRecord[][] = [
    [{ id: 'phrase', text: '加大创业担保贷款工作力度', filters: { region: ['湘潭市'], kind: ['clause'] } }],
    [
      { id: 'loan', text: '创业贷款的贷款额度', filters: { region: ['江苏省'], kind: ['clause'] } },
      { id: 'family', text: '帮助零就业家庭成员就业', filters: { region: ['江苏省'], kind: ['clause'] } },
    ],
  ];

  it('keeps each search to the bundles that hold every token of the query', async () => {
    const outcome = await searchRecords(mergedPagefind(shards), parseQuery('创业担保贷款', null), {}, { merged: true });
    expect(outcome.hits.map((h) => h.id)).toEqual(['phrase']);
    expect(await outcome.counts()).toEqual({ region: { 湘潭市: 1 }, kind: { clause: 1 }, bundle: { '0': 1 } });
  });

  it('searches no more than a single bundle would where every bundle answering holds the query verbatim', async () => {
    const pagefind = mergedPagefind(shards);
    const outcome = await searchRecords(pagefind, parseQuery('就业家庭', null), {}, { merged: true });
    expect(outcome.hits.map((h) => h.id)).toEqual(['family']);
    expect(pagefind.calls).toHaveLength(2);
  });

  it('would otherwise take a bundle lacking a token for an answer', async () => {
    const outcome = await searchRecords(mergedPagefind(shards), parseQuery('创业担保贷款', null), {});
    expect(outcome.hits.map((h) => h.id)).toEqual(['phrase', 'loan']);
  });

  it('finds what a single bundle finds when every bundle holds the tokens, with the chosen filters', async () => {
    const merged = await searchRecords(mergedPagefind(shards), parseQuery('就业', null), { region: '江苏省' }, { merged: true });
    expect(merged.hits.map((h) => h.id)).toEqual(['family']);
    const none = await searchRecords(mergedPagefind(shards), parseQuery('宇宙飞船', null), {}, { merged: true });
    expect(none.hits).toEqual([]);
  });
});
