/**
 * The search page in the browser: reads the query from the URL and the search box, runs it against
 * the Pagefind index through src/lib/search/engine.ts, and renders results grouped by the page they
 * land on. Pagefind and the traditional→simplified converter are loaded only once a search runs.
 */
import { MAX_COUNTED, pagefindFilters, searchRecords, termMatches, type FilterCounts, type FilterSelection, type PagefindApi, type QueryReading, type RankedHit, type RecordData, type SearchOutcome } from '../lib/search/engine.ts';
import { element } from '../lib/dom.ts';
import { excerpt } from '../lib/search/excerpt.ts';
import { FILTER_KEYS, KIND_LABELS, isRecordKind, type FilterKey } from '#core/search/facets.ts';
import type { QuerySynonyms } from '#core/search/synonyms.ts';
import { cleanQuery, mayBeTraditional, parseQuery, withoutTerm, type ParsedQuery, type ScriptConverter } from '../lib/search/query.ts';
import { createScriptConverter, type Override } from '../lib/search/script.ts';
import type { CitedPage } from '../lib/search/cite-client.ts';
import { SHARD_MANIFEST, readManifest } from '#core/search/shard-manifest.ts';
import { bundleOfPage } from '#core/search/page-names.ts';
import { homophoneReader, type HomophoneTable } from '#core/search/homophones.ts';
import { landing, readParts, withAnchor, type Landing } from '#core/search/record-parts.ts';

/** Pagefind's browser module (pagefind.js), as used here. */
interface PagefindModule extends PagefindApi {
  options(options: { noWorker: boolean }): Promise<void>;
  init(): Promise<void>;
  mergeIndex(indexPath: string): Promise<void>;
}

/** Results shown at first and added by 显示更多. */
const PAGE_SIZE = 10;
/** Wait after a keystroke before searching: long enough to skip the keystrokes of a word, short enough to feel immediate. */
const TYPING_DELAY_MS = 120;

const form = element('search-form', HTMLFormElement);
const input = element('search-q', HTMLInputElement);
const status = element('search-status', HTMLElement);
const notice = element('search-notice', HTMLElement);
const list = element('search-results', HTMLOListElement);
const more = element('search-more', HTMLButtonElement);
const filterFold = element('search-filter-fold', HTMLDetailsElement);
const filterCount = element('search-filter-count', HTMLElement);
const base = form.dataset['base'] ?? '/';
const corpus: ReadonlySet<string> = new Set(form.dataset['corpus'] ?? '');
const overrides = JSON.parse(form.dataset['overrides'] ?? '[]') as Override[];
const synonyms = JSON.parse(form.dataset['synonyms'] ?? '{"listed":[],"added":{}}') as QuerySynonyms;
/** Every value of every filter in the corpus, for the filter menus (from the page: Pagefind's filter lists are never loaded). */
const allValues = JSON.parse(form.dataset['filterValues'] ?? '{}') as Partial<Record<FilterKey, string[]>>;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
let homophonesLoad: Promise<(char: string) => string[]> | undefined;
/** The homophone table, fetched once a query falls back to near matches; a failed fetch is forgotten, so the next one tries again. */
function homophones(char: string): Promise<readonly string[]> {
  homophonesLoad ??= fetch(`${base}search/homophones.json`)
    .then(async (response) => {
      if (!response.ok) throw new Error(`search: homophones.json: HTTP ${response.status}`);
      return homophoneReader((await response.json()) as HomophoneTable);
    })
    .catch((error: unknown) => {
      homophonesLoad = undefined;
      throw error;
    });
  // Near matches without homophones are still near matches.
  return homophonesLoad.then((read) => read(char)).catch(() => []);
}
const reading: QueryReading = { synonyms, segment: (text) => [...segmenter.segment(text)].filter((s) => s.isWordLike === true).map((s) => s.segment), homophones };

/** The menus of the page: one per filter, the year as a range of two (从/至), and the order. */
type Control = Exclude<FilterKey, 'year'> | 'yearFrom' | 'yearTo';
const CONTROLS: readonly Control[] = [...FILTER_KEYS.filter((k): k is Exclude<FilterKey, 'year'> => k !== 'year'), 'yearFrom', 'yearTo'];
const selects = new Map<Control, HTMLSelectElement>(
  CONTROLS.flatMap((key) => {
    const select = form.querySelector(`select[name="${key}"]`);
    return select instanceof HTMLSelectElement ? [[key, select] as const] : [];
  }),
);
const sortSelect = element('search-sort', HTMLSelectElement);
/** Results sorted by date: the dates come with each record's data, so only the first ones are sorted (and the page says so). */
const MAX_SORTED = 200;

let pagefindLoad: Promise<PagefindApi> | undefined;
let converterLoad: Promise<ScriptConverter> | undefined;
/** Failed loads so far: the browser keeps a failed module import for the page's lifetime, so a retry asks for a new URL. */
let failedLoads = 0;

/**
 * Loads Pagefind and merges the shards. Its filter lists are never loaded: Pagefind then counts every
 * value of every filter over all results of every search (seconds at 1,000 documents). A failed load
 * is forgotten, so the next search tries again instead of failing for the rest of the visit.
 */
function loadPagefind(): Promise<PagefindApi> {
  pagefindLoad ??= (async () => {
    const bundle = `${base}pagefind/`;
    const [pagefind, manifest] = await Promise.all([
      import(/* @vite-ignore */ `${bundle}pagefind.js${failedLoads === 0 ? '' : `?retry=${failedLoads}`}`) as Promise<PagefindModule>,
      fetch(`${bundle}${SHARD_MANIFEST}`).then(async (response) => {
        if (!response.ok) throw new Error(`search: ${SHARD_MANIFEST}: HTTP ${response.status}`);
        return readManifest(await response.json());
      }),
    ]);
    // Pagefind searches in this thread, not in its worker: a query reads thousands of results (湘潭 is
    // in the context of 14,000 pages at 1,000 documents), and copying them out of the worker cost more
    // than the search. Alternating runs of npm run bench:search -- --size 1000: p95 of later queries
    // 247 and 224 ms here, 354 and 261 ms through the worker; the worker's script is not fetched either
    // (12 KB). A long search now holds the page for its duration, which the typing pause precedes.
    await pagefind.options({ noWorker: true });
    // Pagefind's default ranking is kept: the order that matters (the words as typed, in the text) is decided by the engine.
    await pagefind.init();
    // A large corpus is served as a few bundles (scripts/lib/search-index/served-bundles.ts); Pagefind searches them all and merges the results.
    await Promise.all(manifest.shards.map((folder) => pagefind.mergeIndex(`${bundle}${folder}`)));
    const search: PagefindApi['search'] = (term, options) => pagefind.search(term, options);
    // In a sharded index built bundle 0 holds the department pages alone, and page names keep their built bundle.
    return manifest.departmentsApart ? { search, isDepartment: (id: string) => bundleOfPage(id) === 0 } : { search };
  })().catch((error: unknown) => {
    pagefindLoad = undefined;
    failedLoads += 1;
    throw error;
  });
  return pagefindLoad;
}

function loadConverter(): Promise<ScriptConverter> {
  converterLoad ??= import('opencc-js/t2cn')
    .then((opencc) => createScriptConverter(opencc, overrides, corpus))
    .catch((error: unknown) => {
      converterLoad = undefined;
      throw error;
    });
  return converterLoad;
}

// ---------------------------------------------------------------------------
// URL state

function readSelection(): FilterSelection {
  const selection: FilterSelection = {};
  for (const [key, select] of selects) if (select.value !== '') selection[key] = select.value;
  return selection;
}

function searchUrl(raw: string, selection: FilterSelection): string {
  const params = new URLSearchParams();
  if (raw.trim() !== '') params.set('q', raw.trim());
  for (const key of CONTROLS) {
    const value = selection[key];
    if (value !== undefined) params.set(key, value);
  }
  if (sortSelect.value !== '') params.set('sort', sortSelect.value);
  const query = params.toString();
  return `${location.pathname}${query === '' ? '' : `?${query}`}`;
}

/** Typing replaces the history entry; a submitted search or a changed filter adds one, so Back returns to the previous search. */
function writeUrl(raw: string, selection: FilterSelection, push: boolean): void {
  const url = searchUrl(raw, selection);
  if (url === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function ensureOption(select: HTMLSelectElement, value: string): void {
  if (![...select.options].some((o) => o.value === value)) select.add(new Option(value, value));
}

function readUrl(): void {
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const [key, select] of selects) {
    const value = params.get(key) ?? '';
    if (value !== '') ensureOption(select, value);
    select.value = value;
  }
  const sort = params.get('sort') ?? '';
  sortSelect.value = [...sortSelect.options].some((o) => o.value === sort) ? sort : '';
}

// ---------------------------------------------------------------------------
// Filters

function valueLabel(key: Control, value: string): string {
  return key === 'kind' && isRecordKind(value) ? KIND_LABELS[value] : value;
}

function sortedValues(key: Control): string[] {
  if (key === 'yearFrom' || key === 'yearTo') return [...(allValues.year ?? [])].sort().reverse();
  const values = [...(allValues[key] ?? [])];
  return key === 'kind' ? values : values.sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
}

/**
 * Rebuilds each filter's options, with the number of results for each value where they were counted
 * (see showCounts); a filter nothing carries stays hidden.
 */
function renderFilters(counts: FilterCounts | null): void {
  for (const [key, select] of selects) {
    const chosen = select.value;
    const values = sortedValues(key);
    if (chosen !== '' && !values.includes(chosen)) values.push(chosen);
    // The year menus bound a range: counts per year would not say what the range holds.
    const counted = key === 'yearFrom' || key === 'yearTo' ? null : counts;
    const options = values.map((value) => {
      const count = counted?.[key]?.[value] ?? 0;
      const label = counted === null ? valueLabel(key, value) : `${valueLabel(key, value)}（${count}）`;
      const option = new Option(label, value, false, value === chosen);
      option.disabled = counted !== null && count === 0 && value !== chosen;
      return option;
    });
    select.replaceChildren(new Option('全部', ''), ...options);
    select.value = chosen;
    const wrapper = select.closest('.search-filter');
    if (wrapper instanceof HTMLElement) wrapper.hidden = values.length === 0;
  }
  const chosen = [...selects.values()].filter((s) => s.value !== '').length;
  filterCount.textContent = chosen === 0 ? '' : `（已选${chosen}项）`;
  if (filterFold.hidden) {
    filterFold.hidden = false;
    // Open where there is room beside the results, or when the address already chose a filter.
    filterFold.open = chosen > 0 || window.matchMedia('(min-width: 48em)').matches;
  }
}

// ---------------------------------------------------------------------------
// Results

/** Where results are in the list: the ranked hits and how many have been shown. One result is one page. */
interface Listing {
  query: ParsedQuery;
  outcome: SearchOutcome;
  next: number;
  /** The clause or document the query cites, shown first. */
  cited: CitedPage | null;
}

/** Brackets, 、 and 第…条/款/项/部分/段/行, 表N, or a 号: what a pasted citation or 文号 has and a plain query rarely does. */
function looksLikeCitation(raw: string): boolean {
  return /[《〔［【[(（、]|第.{1,6}?(?:条|款|项|部分|段|行|组|点|目)|\d+\s*号|表\d/u.test(raw);
}

/** The page the query cites, when it is a citation or a 文号 (or starts with one and has nothing else); a failure to load the index only means no such result. */
async function citation(raw: string): Promise<CitedPage | null> {
  if (!looksLikeCitation(raw)) return null;
  // Loaded on demand, like Pagefind: most queries are not citations.
  const page = await import('../lib/search/cite-client.ts').then(({ citedPage }) => citedPage(base, raw)).catch(() => null);
  return page !== null && (!page.documentOnly || page.whole || page.numbering) ? page : null;
}

function citedElement(page: CitedPage): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-result search-result-cited';
  li.dataset['url'] = page.url;
  const title = document.createElement('h2');
  title.className = 'search-result-title';
  const link = textElement('a', '', page.citation);
  link.href = page.url;
  title.append(link);
  const facts = document.createElement('p');
  facts.className = 'search-result-facts';
  facts.append(textElement('span', 'search-result-kind', page.documentOnly ? '引文：文件' : '引文：条款'));
  li.append(title, facts);
  return li;
}

/** A result as shown: its record, and the part of its page the match lands on. */
interface Shown {
  data: RecordData;
  landing: Landing;
}

/** The records of the next `count` hits, in order, each landing on the part of its page where its terms stand. */
async function readNext(listing: Listing, count: number): Promise<Shown[]> {
  const hits: readonly RankedHit[] = listing.outcome.hits.slice(listing.next, listing.next + count);
  listing.next += hits.length;
  const read = async (h: RankedHit): Promise<Shown> => {
    const data = await h.data();
    return { data, landing: landing(data.url, readParts(data.meta), termMatches(h, listing.outcome.plans)) };
  };
  return Promise.all(hits.map(read));
}

function kindOf(data: RecordData): string {
  const kind = data.meta['kind'] ?? '';
  return isRecordKind(kind) ? KIND_LABELS[kind] : '';
}

function textElement<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className !== '') el.className = className;
  el.textContent = text;
  return el;
}

/** Every term as searched, synonyms and substitutes included: what the excerpt marks. */
function markedTerms(listing: Listing): ParsedQuery['terms'] {
  const { plans } = listing.outcome;
  const searched = plans.length > 0 ? plans.map((p) => p.term) : listing.query.terms;
  // A synonym is marked where it stands whole: its pieces (人员 of 家庭人员均处于失业状况) would light up unrelated words.
  return [...searched, ...plans.flatMap((p) => p.also.flatMap((a) => a.split('、')).map((text) => ({ text, quoted: true })))];
}

function excerptElement(text: string, listing: Listing): HTMLElement {
  const { segments, cutBefore, cutAfter } = excerpt(text, markedTerms(listing));
  const p = document.createElement('p');
  p.className = 'search-result-excerpt';
  if (cutBefore) p.append('…');
  for (const s of segments) p.append(s.mark ? textElement('mark', '', s.text) : s.text);
  if (cutAfter) p.append('…');
  return p;
}

/** The targets the landed part states and the project it is, each linking to where it stands on the page. */
function factsElement({ data, landing }: Shown): HTMLElement | null {
  const facts = (JSON.parse(data.meta['facts'] ?? '[]') as [string, string, string, number][]).filter((f) => f[3] === landing.index);
  if (facts.length === 0) return null;
  const ul = document.createElement('ul');
  ul.className = 'search-result-related';
  for (const [kind, name, anchor] of facts) {
    const li = document.createElement('li');
    const a = textElement('a', '', name);
    a.href = withAnchor(data.url, anchor);
    li.append(`${kind === 'target' ? '目标' : '项目'}：`, a);
    ul.append(li);
  }
  return ul;
}

function resultElement(shown: Shown, listing: Listing): HTMLLIElement {
  const { data, landing } = shown;
  const li = document.createElement('li');
  li.className = 'search-result';
  li.dataset['url'] = landing.url;
  const facts = document.createElement('p');
  facts.className = 'search-result-facts';
  facts.append(textElement('span', 'search-result-kind', kindOf(data)));
  const source = data.meta['source'] ?? '';
  if (source !== '') facts.append(textElement('span', 'search-result-source', source));
  // One result is one page: the other parts of it that matched are said, not listed.
  if (landing.others > 0) facts.append(textElement('span', 'search-result-more', `本页另有 ${landing.others} 处`));
  const title = document.createElement('h2');
  title.className = 'search-result-title';
  const link = textElement('a', '', landing.part.title === '' ? landing.url : landing.part.title);
  link.href = landing.url;
  title.append(link);
  li.append(title, facts, excerptElement(landing.part.text, listing));
  const stated = factsElement(shown);
  if (stated !== null) li.append(stated);
  return li;
}

function renderResults(records: readonly Shown[], listing: Listing, append: boolean): void {
  const items = records.filter((r) => r.landing.url !== listing.cited?.url).map((r) => resultElement(r, listing));
  if (append) list.append(...items);
  else list.replaceChildren(...(listing.cited === null ? [] : [citedElement(listing.cited)]), ...items);
}

/** One result is one page (a clause with its paragraphs, a table with its rows, a department), so the count is the number of items the list can show. */
function statusText(listing: Listing): string {
  const n = listing.outcome.hits.length;
  const converted = listing.query.converted ? `（已按简体“${listing.query.text}”搜索）` : '';
  const cited = listing.cited === null ? '' : `按引文找到：${listing.cited.citation}${n > 0 ? '；' : ''}`;
  if (n === 0) return cited === '' ? `没有找到结果${converted}` : cited;
  const label = listing.outcome.mode === 'partial' ? '条部分匹配的结果' : listing.outcome.mode === 'fuzzy' ? '条相近的结果' : '条结果';
  return `${cited}找到 ${n} ${label}${converted}`;
}

function updateMore(listing: Listing): void {
  more.hidden = listing.next >= listing.outcome.hits.length;
}

// ---------------------------------------------------------------------------
// Notices: what else was searched, near or partial matches, and what to try when nothing is found

function suggestionLink(raw: string, label: string): HTMLAnchorElement {
  const a = textElement('a', '', label);
  a.href = searchUrl(raw, readSelection());
  return a;
}

function pageLink(path: string, label: string): HTMLAnchorElement {
  const a = textElement('a', '', label);
  a.href = `${base}${path}`;
  return a;
}

/** The query without each of its terms in turn, with the number of results each would give. */
async function fewerWords(pagefind: PagefindApi, query: ParsedQuery, selection: FilterSelection): Promise<{ raw: string; count: number }[]> {
  if (query.terms.length < 2) return [];
  const candidates = query.terms.map((_, i) => withoutTerm(query.terms, i));
  const found = await Promise.all(
    candidates.map(async (raw) => {
      const response = await searchRecords(pagefind, parseQuery(raw, null), pagefindFilters(selection, allValues.year ?? []), reading);
      return { raw, count: response.mode === 'strict' || response.mode === 'split' ? response.hits.length : 0 };
    }),
  );
  return found.filter((f) => f.count > 0).sort((a, b) => b.count - a.count);
}

/** 也搜索了：社会保险 — the synonyms searched for the terms, so that a reader knows why a result without their word is there. */
function alsoSearched(outcome: SearchOutcome): (string | Node)[] {
  const also = [...new Set(outcome.plans.flatMap((p) => p.also))];
  return also.length === 0 ? [] : [`也搜索了：${also.join('，')}。`];
}

/** Listed terms near the query's words: a reader who found nothing may have meant one of them. */
function synonymSuggestions(query: ParsedQuery): string[] {
  const words = query.terms.map((t) => t.text);
  return synonyms.listed.filter((t) => words.some((w) => w !== t && (t.includes(w) || w.includes(t)))).slice(0, 6);
}

async function renderNotice(listing: Listing, pagefind: PagefindApi, selection: FilterSelection): Promise<void> {
  notice.replaceChildren();
  notice.hidden = true;
  const { query, outcome } = listing;
  const hints: (string | Node)[] = [];
  if (outcome.mode === 'fuzzy') {
    hints.push(`没有与“${query.text}”完全一致的内容，以下是最接近的结果。请检查是否有错别字。`);
    // The words read like the query that the first results hold: one of them is likely what was meant.
    if (outcome.heard.length > 0) {
      hints.push('读音相近：');
      outcome.heard.forEach((word, i) => hints.push(...(i > 0 ? ['、'] : []), suggestionLink(word, word)));
    }
  }
  if (outcome.mode === 'split') hints.push(`没有与“${query.text}”完全一致的内容，以下结果分别包含：${outcome.plans.map((p) => p.term.text).join('、')}。`);
  if (outcome.mode === 'partial') {
    hints.push(`没有同时包含全部 ${outcome.plans.length} 个词语的结果。以下结果包含其中 ${outcome.answered} 个。`);
    const shorter = await fewerWords(pagefind, query, selection);
    if (shorter.length > 0) {
      hints.push('也可以减少词语：');
      shorter.forEach((s, i) => hints.push(...(i > 0 ? ['、'] : []), suggestionLink(s.raw, s.raw), `（${s.count} 条）`));
      hints.push('。');
    }
  }
  if (outcome.hits.length > 0) hints.push(...alsoSearched(outcome));
  if (sortSelect.value !== '' && outcome.hits.length > MAX_SORTED) hints.push(`结果较多，按日期排列的是最相关的 ${MAX_SORTED} 条，其后仍按相关度排列；可先用筛选缩小范围。`);
  if (outcome.hits.length === 0 && listing.cited === null) {
    hints.push('没有找到与“', query.text, '”相符的内容。');
    const shorter = await fewerWords(pagefind, query, selection);
    if (shorter.length > 0) {
      hints.push('试试减少词语：');
      shorter.forEach((s, i) => hints.push(...(i > 0 ? ['、'] : []), suggestionLink(s.raw, s.raw), `（${s.count} 条）`));
      hints.push('。');
    } else if (query.terms.some((t) => t.quoted)) {
      const plain = query.terms.map((t) => t.text).join(' ');
      hints.push('试试去掉引号：', suggestionLink(plain, plain), '。');
    } else {
      hints.push('试试更短或更常用的词语，例如只输入其中的两三个字。');
    }
    const near = synonymSuggestions(query);
    if (near.length > 0) {
      hints.push('相关的说法：');
      near.forEach((t, i) => hints.push(...(i > 0 ? ['、'] : []), suggestionLink(t, t)));
      hints.push('。');
    }
    hints.push('也可以按', pageLink('topics/', '主题'), '、', pageLink('regions/', '地区'), '或', pageLink('departments/', '部门'), '浏览。');
    if (Object.keys(selection).length > 0) hints.push('也可以取消筛选条件，在全部结果中搜索。');
  }
  if (hints.length === 0) return;
  notice.append(...hints);
  notice.hidden = false;
}

/**
 * The results in date order (the document's date; undated last), the most relevant MAX_SORTED of
 * them: each date comes with its record's data, one request a record.
 */
async function byDate(outcome: SearchOutcome, oldestFirst: boolean): Promise<SearchOutcome> {
  const head = outcome.hits.slice(0, MAX_SORTED);
  const dates = await Promise.all(head.map(async (h) => (await h.data()).meta['date'] ?? ''));
  const order = head.map((hit, i) => ({ hit, date: dates[i] ?? '', rank: i }));
  order.sort((a, b) => (a.date === '' ? 1 : 0) - (b.date === '' ? 1 : 0) || (oldestFirst ? a.date.localeCompare(b.date) : b.date.localeCompare(a.date)) || a.rank - b.rank);
  return { ...outcome, hits: [...order.map((o) => o.hit), ...outcome.hits.slice(MAX_SORTED)] };
}

// ---------------------------------------------------------------------------
// Running a search

let current: Listing | null = null;
let sequence = 0;

function clearResults(): void {
  current = null;
  list.replaceChildren();
  notice.replaceChildren();
  notice.hidden = true;
  more.hidden = true;
  status.textContent = '';
  form.removeAttribute('aria-busy');
}

/** The outcome of a query that was a citation and nothing else. */
const NOTHING_SEARCHED: SearchOutcome = { mode: 'strict', hits: [], plans: [], answered: 0, heard: [], counts: async () => null };

/** Runs the search in the box with the chosen filters; an answer that arrives after a newer search started is dropped. */
async function runSearch(): Promise<void> {
  const ticket = ++sequence;
  const raw = input.value;
  const selection = readSelection();
  if (cleanQuery(raw) === '') {
    clearResults();
    return;
  }
  const started = performance.now();
  form.setAttribute('aria-busy', 'true');
  let pagefind: PagefindApi;
  let converter: ScriptConverter | null;
  try {
    [pagefind, converter] = await Promise.all([loadPagefind(), mayBeTraditional(raw, corpus) ? loadConverter() : null]);
  } catch {
    if (ticket !== sequence) return;
    clearResults();
    status.textContent = '搜索暂时无法加载，请检查网络后重试。';
    return;
  }
  const query = parseQuery(raw, converter);
  // A citation names its page: the words of a whole citation searched as text would only find loose matches, slowly.
  const cited = await citation(query.text);
  // A citation whose numbering its document lacks still names the document: the numbering is no words to search.
  const found = cited !== null && (cited.whole || cited.numbering) ? NOTHING_SEARCHED : await searchRecords(pagefind, query, pagefindFilters(selection, allValues.year ?? []), reading);
  const outcome = sortSelect.value === '' ? found : await byDate(found, sortSelect.value === 'oldest');
  const listing: Listing = { query, outcome, next: 0, cited };
  const records = await readNext(listing, PAGE_SIZE);
  if (ticket !== sequence) return;
  await renderNotice(listing, pagefind, selection);
  if (ticket !== sequence) return;
  current = listing;
  renderResults(records, listing, false);
  status.textContent = statusText(listing);
  updateMore(listing);
  form.removeAttribute('aria-busy');
  // For the benchmark and the end-to-end tests: what was shown and how long it took.
  // The links as rendered: the page and anchor a reader lands on.
  const urls = [...list.querySelectorAll<HTMLAnchorElement>('.search-result-title a')].map((a) => a.getAttribute('href') ?? '');
  form.dispatchEvent(new CustomEvent('search-rendered', { detail: { query: raw, ms: performance.now() - started, urls, mode: listing.outcome.mode } }));
  renderFilters(null);
  if (filtersInUse) void showCounts();
}

/**
 * The number of results for each filter value is read from the records (up to MAX_COUNTED of them,
 * one request each), and only once the reader turns to the filters: most searches never need them,
 * and their requests would slow the next search.
 */
let filtersInUse = false;

async function showCounts(): Promise<void> {
  const listing = current;
  if (listing === null || listing.outcome.hits.length > MAX_COUNTED) return;
  const counts = await listing.outcome.counts();
  if (listing === current) renderFilters(counts);
}

// Reaching the fold (its summary or a filter inside it) is turning to the filters; the script opening it on a wide screen is not.
for (const event of ['focusin', 'pointerdown'] as const) {
  filterFold.addEventListener(event, () => {
    filtersInUse = true;
    void showCounts();
  });
}

async function showMore(): Promise<void> {
  const listing = current;
  if (listing === null) return;
  const firstNew = list.children.length;
  const records = await readNext(listing, PAGE_SIZE);
  if (listing !== current) return;
  renderResults(records, listing, true);
  updateMore(listing);
  const link = list.children[firstNew]?.querySelector('a');
  if (link instanceof HTMLElement) link.focus();
}

// ---------------------------------------------------------------------------
// Events

let typingTimer: number | undefined;

input.addEventListener('input', () => {
  window.clearTimeout(typingTimer);
  typingTimer = window.setTimeout(() => {
    writeUrl(input.value, readSelection(), false);
    void runSearch();
  }, TYPING_DELAY_MS);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  window.clearTimeout(typingTimer);
  writeUrl(input.value, readSelection(), true);
  void runSearch();
});

for (const select of [...selects.values(), sortSelect]) {
  select.addEventListener('change', () => {
    writeUrl(input.value, readSelection(), true);
    void runSearch();
  });
}

more.addEventListener('click', () => void showMore());

window.addEventListener('popstate', () => {
  readUrl();
  void runSearch();
});

/** Arrow keys move between the search box and the result links. */
function resultLinks(): HTMLAnchorElement[] {
  return [...list.querySelectorAll<HTMLAnchorElement>('.search-result-title a')];
}

// Loading the engine as soon as the box is focused makes the first search faster; it still costs nothing on pages where nobody searches.
input.addEventListener('focus', () => void loadPagefind(), { once: true });

input.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowDown') return;
  const [first] = resultLinks();
  if (first === undefined) return;
  event.preventDefault();
  first.focus();
});

list.addEventListener('keydown', (event) => {
  const links = resultLinks();
  const at = links.findIndex((a) => a === document.activeElement);
  if (at === -1) return;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const target = event.key === 'ArrowDown' ? links[at + 1] : at === 0 ? input : links[at - 1];
    target?.focus();
  } else if (event.key === 'Escape') {
    input.focus();
  }
});

readUrl();
if (cleanQuery(input.value) !== '') void runSearch();
