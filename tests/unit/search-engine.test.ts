import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pagefindFilters, searchRecords, slips, yearsBetween, type PagefindApi, type PagefindFilters, type PagefindHit, type PagefindResponse, type QueryReading } from '../../src/lib/search/engine.ts';
import { parseQuery } from '../../src/lib/search/query.ts';
import { loadSynonyms, synonymTable } from '#core/search/synonym-table.ts';
import { linkTokens } from '#core/search/synonyms.ts';
import { indexContent, termTokens } from '#core/search/tokens.ts';
import { partsMeta } from '#core/search/record-parts.ts';
import { DEPARTMENT_TOKEN } from '#core/search/facets.ts';
import { pinyin } from 'pinyin-pro';
import { hanCounts, homophoneReader, homophoneTable } from '#core/search/homophones.ts';

const table = synonymTable(loadSynonyms(JSON.parse(fs.readFileSync('content/synonyms.json', 'utf8'))));
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const reading: QueryReading = { synonyms: table, segment: (text) => [...segmenter.segment(text)].filter((s) => s.isWordLike === true).map((s) => s.segment) };

interface FakeRecord {
  id: string;
  text: string;
  /** A department page: its content ends with the department marker, as scripts/lib/search-index/records.ts writes it. */
  department?: boolean;
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
    words: [...indexContent(r.text).split(' '), ...linkTokens(r.text, table), ...(r.department === true ? [DEPARTMENT_TOKEN] : [])].filter((w) => w !== ''),
    ctx: indexContent(r.context ?? '').split(' ').filter((w) => w !== ''),
  }));
  const calls: string[] = [];
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
      return { results: matching.filter((h) => inFilters(h.id)).sort((a, b) => b.score - a.score) };
    },
  };
}

/**
 * Shards merged as Pagefind's mergeIndex merges them: each bundle matches on its own (an exact search
 * finds nothing in a bundle lacking one of its tokens), results are pooled and sorted by score.
 */
function mergedPagefind(shards: readonly (readonly FakeRecord[])[]): PagefindApi {
  const bundles = shards.map((records) => fakePagefind(records));
  return {
    async search(term, options): Promise<PagefindResponse> {
      const responses = await Promise.all(bundles.map((b) => b.search(term, options)));
      return { results: responses.flatMap((r) => r?.results ?? []).sort((a, b) => b.score - a.score) };
    },
  };
}

const corpus: FakeRecord[] = [
  { id: 'pieces', text: '自主创业担当，担保贷款，担保贷款，创业担当', filters: { region: ['徐汇区'], kind: ['clause'] } },
  { id: 'phrase', text: '加大创业担保贷款工作力度', context: '湘潭稳就业二十四条', filters: { region: ['湘潭市'], kind: ['clause'] } },
  { id: 'family', text: '帮助零就业家庭成员就业', context: '湘潭稳就业二十四条', filters: { region: ['湘潭市'], kind: ['clause'] } },
  { id: 'other', text: '农村零转移家庭动态为零', filters: { region: ['江苏省'], kind: ['clause'] } },
  { id: 'insurance', text: '为灵活就业人员缴纳社会保险补贴', context: '苏政办发〔2012〕91号；促进灵活就业', filters: { region: ['江苏省'], kind: ['clause'] } },
  { id: 'office', text: '区人力社保局负责', filters: { region: ['徐汇区'], kind: ['clause'] } },
  { id: 'card', text: '按时参加社保并缴费', filters: { region: ['徐汇区'], kind: ['clause'] } },
  { id: 'pension', text: '参加养老保险、医疗保险和失业保险', filters: { region: ['徐汇区'], kind: ['clause'] } },
];

async function search(query: string, filters: PagefindFilters = {}, api: PagefindApi = fakePagefind(corpus)) {
  const outcome = await searchRecords(api, parseQuery(query, null), filters, reading);
  return { mode: outcome.mode, ids: outcome.hits.map((h) => h.id), also: outcome.plans.flatMap((p) => p.also), answered: outcome.answered, counts: await outcome.counts() };
}

describe('searchRecords', () => {
  it('finds the records holding the query verbatim, not those holding its pieces apart', async () => {
    expect((await search('创业担保贷款')).ids).toEqual(['phrase']);
    expect((await search('"创业担保贷款"')).ids).toEqual(['phrase']);
  });

  it('requires every space-separated term, over the text and its context, one of them in the text', async () => {
    expect((await search('湘潭 贷款')).ids).toEqual(['phrase']);
    expect((await search('灵活就业 社保补贴')).ids).toEqual(['insurance']);
    expect((await search('湘潭')).ids).toEqual([]);
  });

  it('keeps where each term matched in the text: its positions, none for a term found in the context', async () => {
    const outcome = await searchRecords(fakePagefind(corpus), parseQuery('湘潭 贷款', null), {}, reading);
    // 加大创业担保贷款工作力度: 贷款 is the pair at position 6 (加大 大创 创业 业担 担保 保贷 贷款); 湘潭 stands in the context.
    expect(outcome.hits.map((h) => [h.id, h.words])).toEqual([['phrase', [[], [6]]]]);
    const typo = await searchRecords(fakePagefind(corpus), parseQuery('创业担保货款', null), {}, reading);
    expect(typo.hits[0]?.words.length).toBeGreaterThan(0);
  });

  it('puts the pages holding every term in one part before those holding them in different parts', async () => {
    // Both pages hold 农民工 (positions 0, 1) and 培训; 'apart' in its second part, 'together' in its first.
    const meta = (id: string): Record<string, string> => partsMeta([{ anchor: null, title: 'p', text: id === 'together' ? '农民工培训' : '农民工', word: 0 }, { anchor: `${id}.b1`, title: 'b', text: '培训', word: 4 }]);
    const page = (id: string): PagefindHit => ({ id, score: 1, words: [], data: async () => ({ url: `/${id}/`, meta: meta(id), filters: {} }) });
    const pages = { apart: { hit: page('apart'), training: [5] }, together: { hit: page('together'), training: [3] } };
    const api: PagefindApi = {
      async search(term) {
        const found = (words: (p: (typeof pages)['apart']) => number[]) => Object.values(pages).map((p) => ({ ...p.hit, words: words(p) }));
        if (term.includes(termTokens('培训'))) return { results: found((p) => p.training) };
        if (term.includes(termTokens('农民工').split(' ')[0] ?? '-')) return { results: found(() => [0, 1]) };
        return { results: [] };
      },
    };
    const outcome = await searchRecords(api, parseQuery('农民工 培训', null), {}, reading);
    expect(outcome.hits.map((h) => h.id)).toEqual(['together', 'apart']);
  });

  it('searches the synonyms of a listed term, in their free occurrences only, and says so', async () => {
    const found = await search('社会保险');
    expect(found.ids).toEqual(['insurance', 'card']);
    expect(found.also).toEqual(['社保']);
  });

  it('ranks the words as typed (wherever they stand, 人力社保 too) above a synonym', async () => {
    expect((await search('社保')).ids).toEqual(['office', 'card', 'insurance']);
  });

  it('searches an unspaced query that finds nothing as the words it is made of', async () => {
    const found = await search('灵活就业社保补贴');
    expect(found.mode).toBe('split');
    expect(found.ids).toEqual(['insurance']);
  });

  it('shows the records answering most terms, labelled, when none answers them all', async () => {
    expect(await search('创业担保贷款 宇宙飞船')).toMatchObject({ mode: 'partial', ids: ['phrase'], answered: 1 });
  });

  it('shows the records naming most parts of an expansion none names in full, labelled', async () => {
    expect(await search('五险一金')).toMatchObject({ mode: 'partial', ids: ['pension'], answered: 3 });
  });

  it('puts a department page before the clauses that name the department as often', async () => {
    const records: FakeRecord[] = [
      { id: 'clause', text: '由市人社局负责，市人社局牵头' },
      { id: 'page', text: '湘潭市人力资源和社会保障局；市人社局', department: true },
    ];
    expect((await search('人社局', {}, fakePagefind(records))).ids).toEqual(['page', 'clause']);
  });

  it('tells department pages by the index layout when it can, without searching their marker', async () => {
    const records: FakeRecord[] = [
      { id: 'clause', text: '由市人社局负责，市人社局牵头' },
      { id: 'page', text: '湘潭市人力资源和社会保障局；市人社局' },
    ];
    const pagefind = fakePagefind(records);
    const api: PagefindApi = { search: (term, options) => pagefind.search(term, options), isDepartment: (id) => id === 'page' };
    expect((await search('人社局', {}, api)).ids).toEqual(['page', 'clause']);
    expect(pagefind.calls.some((c) => c.includes(DEPARTMENT_TOKEN))).toBe(false);
  });

  it('finds a single character', async () => {
    expect((await search('零')).ids.sort()).toEqual(['family', 'other']);
  });

  it('falls back to records sharing most character pairs when nothing holds the query verbatim', async () => {
    expect(await search('零就业家廷')).toMatchObject({ mode: 'fuzzy', ids: ['family'], counts: { region: { 湘潭市: 1 }, kind: { clause: 1 } } });
  });

  it('puts first the near matches holding a character read like the one typed (a pinyin keyboard slip)', async () => {
    // Many texts hold 失业保险 with some other character after it; the one read like 今 is the word meant.
    const insurance: FakeRecord[] = [
      ...[...'费制待基条法缴参'].map((c, i) => ({ id: `other-${i}`, text: `落实失业保险${c}政策` })),
      { id: 'paid', text: '按规定领取失业保险金' },
    ];
    const read = homophoneReader(homophoneTable(hanCounts(['金今基进']), (char) => pinyin(char, { toneType: 'num', type: 'array', multiple: true, v: true })));
    const heard: QueryReading = { ...reading, homophones: async (char) => read(char) };
    const outcome = await searchRecords(fakePagefind(insurance), parseQuery('失业保险今', null), {}, heard);
    expect({ mode: outcome.mode, first: outcome.hits[0]?.id, all: outcome.hits.length, heard: outcome.heard }).toEqual({ mode: 'fuzzy', first: 'paid', all: 9, heard: ['失业保险金'] });
  });

  it('keeps to the chosen filters and counts the values of the results from their records', async () => {
    const found = await search('贷款', { region: '湘潭市' });
    expect(found.ids).toEqual(['phrase']);
    expect(found.counts).toEqual({ region: { 湘潭市: 1 }, kind: { clause: 1 } });
  });
});

describe('slips', () => {
  it('cuts a term around each of its characters, as that one being wrong leaves it', () => {
    expect(slips('零就业家廷')).toEqual([
      { before: '', after: '就业家廷' },
      { before: '零', after: '业家廷' },
      { before: '零就', after: '家廷' },
      { before: '零就业', after: '廷' },
      { before: '零就业家', after: '' },
    ]);
  });
});

describe('pagefindFilters', () => {
  it('passes the chosen values and turns a year range into any of its years', () => {
    expect(pagefindFilters({ region: '湘潭市', yearFrom: '2013', yearTo: '2016' }, ['2012', '2014', '2016', '2019'])).toEqual({ region: '湘潭市', year: { any: ['2014', '2016'] } });
    expect(pagefindFilters({ yearFrom: '2015' }, ['2012', '2016', '2019'])).toEqual({ year: { any: ['2016', '2019'] } });
    expect(yearsBetween(['2019', '2012'], undefined, undefined)).toEqual(['2012', '2019']);
  });

  it('finds only records of the years in range', async () => {
    const dated: FakeRecord[] = [
      { id: 'early', text: '公益性岗位安置', filters: { year: ['2012'] } },
      { id: 'late', text: '公益性岗位开发', filters: { year: ['2019'] } },
    ];
    expect((await search('公益性岗位', pagefindFilters({ yearFrom: '2015' }, ['2012', '2019']), fakePagefind(dated))).ids).toEqual(['late']);
  });
});

describe('searchRecords on merged shards', () => {
  // 担保 is in the first shard only: an ordinary search of the second would answer 创业担保贷款 with its 创业 and 贷款.
  const shards: FakeRecord[][] = [
    [{ id: 'phrase', text: '加大创业担保贷款工作力度', filters: { region: ['湘潭市'], kind: ['clause'] } }],
    [
      { id: 'loan', text: '创业贷款的贷款额度', filters: { region: ['江苏省'], kind: ['clause'] } },
      { id: 'family', text: '帮助零就业家庭成员就业', filters: { region: ['江苏省'], kind: ['clause'] } },
    ],
  ];

  it('takes no answer from a bundle lacking one of the tokens', async () => {
    expect((await search('创业担保贷款', {}, mergedPagefind(shards))).ids).toEqual(['phrase']);
  });

  it('finds what a single bundle finds, with the chosen filters', async () => {
    expect((await search('就业', { region: '江苏省' }, mergedPagefind(shards))).ids).toEqual(['family']);
    expect((await search('宇宙飞船', {}, mergedPagefind(shards))).ids).toEqual([]);
  });
});
