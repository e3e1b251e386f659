/**
 * The search page in the browser: reads the query from the URL and the search box, runs it against
 * the Pagefind index through src/lib/search/engine.ts, and renders results grouped by the page they
 * land on. Pagefind and the traditional→simplified converter are loaded only once a search runs.
 */
import { searchRecords, type IndexLayout, type FilterCounts, type FilterSelection, type PagefindApi, type RankedHit, type RecordData, type SearchOutcome } from '../lib/search/engine.ts';
import { excerpt } from '../lib/search/excerpt.ts';
import { FILTER_KEYS, KIND_LABELS, isRecordKind, type FilterKey } from '#core/search/facets.ts';
import { cleanQuery, mayBeTraditional, parseQuery, withoutTerm, type ParsedQuery, type ScriptConverter } from '../lib/search/query.ts';
import { createScriptConverter, type Override } from '../lib/search/script.ts';
import { SHARD_MANIFEST, shardFolders } from '#core/search/shard-manifest.ts';

/** Pagefind's browser module (pagefind.js), as used here. */
interface PagefindModule extends PagefindApi {
  init(): Promise<void>;
  mergeIndex(indexPath: string): Promise<void>;
  filters(): Promise<FilterCounts>;
}

/** Results shown at first and added by 显示更多. */
const PAGE_SIZE = 10;
/** Wait after a keystroke before searching: long enough to skip the keystrokes of a word, short enough to feel immediate. */
const TYPING_DELAY_MS = 120;

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`search page: #${id} is missing`);
  return found;
}

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

const selects = new Map<FilterKey, HTMLSelectElement>(
  FILTER_KEYS.flatMap((key) => {
    const select = form.querySelector(`select[name="${key}"]`);
    return select instanceof HTMLSelectElement ? [[key, select] as const] : [];
  }),
);

let pagefindLoad: Promise<PagefindModule> | undefined;
let converterLoad: Promise<ScriptConverter> | undefined;
/** Every value of every filter in the index, for the filter menus. */
let allValues: FilterCounts = {};
let layout: IndexLayout = { merged: false };

function loadPagefind(): Promise<PagefindModule> {
  pagefindLoad ??= (async () => {
    const bundle = `${base}pagefind/`;
    const [pagefind, shards] = await Promise.all([
      import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<PagefindModule>,
      fetch(`${bundle}${SHARD_MANIFEST}`).then(async (response) => {
        if (!response.ok) throw new Error(`search: ${SHARD_MANIFEST}: HTTP ${response.status}`);
        return shardFolders(await response.json());
      }),
    ]);
    // Pagefind's default ranking is kept: the order that matters (verbatim first) is decided by the
    // engine, and the alternatives measured (less or no length normalisation, lower saturation) only
    // reshuffled records within that order, pushing long catch-all paragraphs up.
    await pagefind.init();
    // A large corpus is indexed in shards (scripts/search-index.ts); Pagefind searches them all and merges the results by score.
    await Promise.all(shards.map((folder) => pagefind.mergeIndex(`${bundle}${folder}`)));
    layout = { merged: shards.length > 0 };
    // Before any search: Pagefind counts filter values only over the filter chunks already loaded.
    allValues = await pagefind.filters();
    return pagefind;
  })();
  return pagefindLoad;
}

function loadConverter(): Promise<ScriptConverter> {
  converterLoad ??= import('opencc-js/t2cn').then((opencc) => createScriptConverter(opencc, overrides, corpus));
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
  for (const key of FILTER_KEYS) {
    const value = selection[key];
    if (value !== undefined) params.set(key, value);
  }
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
}

// ---------------------------------------------------------------------------
// Filters

function valueLabel(key: FilterKey, value: string): string {
  return key === 'kind' && isRecordKind(value) ? KIND_LABELS[value] : value;
}

function sortedValues(key: FilterKey, all: FilterCounts): string[] {
  const values = Object.keys(all[key] ?? {});
  return key === 'year' ? values.sort().reverse() : values.sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
}

/** Rebuilds each filter's options with the counts of the current results; a filter nothing carries stays hidden. */
function renderFilters(counts: FilterCounts | null, all: FilterCounts): void {
  for (const [key, select] of selects) {
    const chosen = select.value;
    const values = sortedValues(key, all);
    if (chosen !== '' && !values.includes(chosen)) values.push(chosen);
    const options = values.map((value) => {
      const count = counts?.[key]?.[value] ?? 0;
      const label = counts === null ? valueLabel(key, value) : `${valueLabel(key, value)}（${count}）`;
      const option = new Option(label, value, false, value === chosen);
      option.disabled = counts !== null && count === 0 && value !== chosen;
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

/** Results landing on the same page (a clause and the targets stated in it) are shown as one, the first one leading. */
interface Group {
  key: string;
  lead: RecordData;
  related: RecordData[];
}

/** Where results are in the list: the ranked hits, how far they have been read, the groups shown. */
interface Listing {
  query: ParsedQuery;
  outcome: SearchOutcome;
  next: number;
  groups: Map<string, Group>;
}

function pageKey(url: string): string {
  return url.replace(/#.*$/, '');
}

/** Reads hits in order until `count` more pages are shown or the hits run out. */
async function readGroups(listing: Listing, count: number): Promise<Group[]> {
  const added: Group[] = [];
  const hits: readonly RankedHit[] = listing.outcome.hits;
  while (added.length < count && listing.next < hits.length) {
    const batch = hits.slice(listing.next, listing.next + count - added.length);
    listing.next += batch.length;
    for (const data of await Promise.all(batch.map((h) => h.data()))) {
      const key = pageKey(data.url);
      const group = listing.groups.get(key);
      if (group) {
        group.related.push(data);
        continue;
      }
      const created = { key, lead: data, related: [] };
      listing.groups.set(key, created);
      added.push(created);
    }
  }
  return added;
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

function excerptElement(data: RecordData, query: ParsedQuery): HTMLElement {
  const { segments, cutBefore, cutAfter } = excerpt(data.meta['text'] ?? '', query.terms);
  const p = document.createElement('p');
  p.className = 'search-result-excerpt';
  if (cutBefore) p.append('…');
  for (const s of segments) p.append(s.mark ? textElement('mark', '', s.text) : s.text);
  if (cutAfter) p.append('…');
  return p;
}

function relatedElement(related: readonly RecordData[]): HTMLElement {
  const ul = document.createElement('ul');
  ul.className = 'search-result-related';
  for (const data of related) {
    const li = document.createElement('li');
    const a = textElement('a', '', data.meta['title'] ?? data.url);
    a.href = data.url;
    li.append(`${kindOf(data)}：`, a);
    ul.append(li);
  }
  return ul;
}

function resultElement(group: Group, query: ParsedQuery): HTMLLIElement {
  const { lead } = group;
  const li = document.createElement('li');
  li.className = 'search-result';
  li.dataset['url'] = lead.url;
  const facts = document.createElement('p');
  facts.className = 'search-result-facts';
  facts.append(textElement('span', 'search-result-kind', kindOf(lead)));
  const source = [lead.meta['source'], lead.meta['citation']].filter((s) => s !== undefined && s !== '').join(' ');
  if (source !== '') facts.append(textElement('span', 'search-result-source', source));
  const title = document.createElement('h2');
  title.className = 'search-result-title';
  const link = textElement('a', '', lead.meta['title'] ?? lead.url);
  link.href = lead.url;
  title.append(link);
  li.append(title, facts, excerptElement(lead, query));
  if (group.related.length > 0) li.append(relatedElement(group.related));
  return li;
}

function renderGroups(groups: readonly Group[], query: ParsedQuery, append: boolean): void {
  const items = groups.map((g) => resultElement(g, query));
  if (append) list.append(...items);
  else list.replaceChildren(...items);
}

function statusText(listing: Listing): string {
  const n = listing.outcome.hits.length;
  const converted = listing.query.converted ? `（已按简体“${listing.query.text}”搜索）` : '';
  return n === 0 ? `没有找到结果${converted}` : `找到 ${n} 条结果${converted}`;
}

function updateMore(listing: Listing): void {
  more.hidden = listing.next >= listing.outcome.hits.length;
}

// ---------------------------------------------------------------------------
// Notices: nothing found, or only near matches

function suggestionLink(raw: string, label: string): HTMLAnchorElement {
  const a = textElement('a', '', label);
  a.href = searchUrl(raw, readSelection());
  return a;
}

/** The query without each of its terms in turn, with the number of results each would give. */
async function fewerWords(pagefind: PagefindModule, query: ParsedQuery, selection: FilterSelection): Promise<{ raw: string; count: number }[]> {
  if (query.terms.length < 2) return [];
  const candidates = query.terms.map((_, i) => withoutTerm(query.terms, i));
  const found = await Promise.all(
    candidates.map(async (raw) => {
      const response = await searchRecords(pagefind, parseQuery(raw, null), selection, layout);
      return { raw, count: response.hits.length };
    }),
  );
  return found.filter((f) => f.count > 0).sort((a, b) => b.count - a.count);
}

async function renderNotice(listing: Listing, pagefind: PagefindModule, selection: FilterSelection): Promise<void> {
  notice.replaceChildren();
  notice.hidden = true;
  const { query, outcome } = listing;
  if (outcome.mode === 'fuzzy') {
    notice.append(`没有与“${query.text}”完全一致的内容，以下是最接近的结果。请检查是否有错别字。`);
    notice.hidden = false;
    return;
  }
  if (outcome.hits.length > 0) return;
  const hints: (string | Node)[] = ['没有找到与“', query.text, '”相符的内容。'];
  const shorter = await fewerWords(pagefind, query, selection);
  if (shorter.length > 0) {
    hints.push('试试减少词语：');
    shorter.forEach((s, i) => hints.push(...(i > 0 ? ['、'] : []), suggestionLink(s.raw, s.raw), `（${s.count} 条）`));
    hints.push('。');
  } else if (query.terms.some((t) => t.quoted)) {
    hints.push('试试去掉引号：', suggestionLink(query.terms.map((t) => t.text).join(' '), query.terms.map((t) => t.text).join(' ')), '。');
  } else {
    hints.push('试试更短或更常用的词语，例如只输入其中的两三个字。');
  }
  if (Object.keys(selection).length > 0) hints.push('也可以取消筛选条件，在全部结果中搜索。');
  notice.append(...hints);
  notice.hidden = false;
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
}

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
  const [pagefind, converter] = await Promise.all([loadPagefind(), mayBeTraditional(raw, corpus) ? loadConverter() : null]);
  const query = parseQuery(raw, converter);
  const outcome = await searchRecords(pagefind, query, selection, layout);
  const listing: Listing = { query, outcome, next: 0, groups: new Map() };
  const groups = await readGroups(listing, PAGE_SIZE);
  if (ticket !== sequence) return;
  await renderNotice(listing, pagefind, selection);
  if (ticket !== sequence) return;
  current = listing;
  renderGroups(groups, query, false);
  status.textContent = statusText(listing);
  updateMore(listing);
  form.removeAttribute('aria-busy');
  // For the benchmark and the end-to-end tests: what was shown and how long it took.
  form.dispatchEvent(new CustomEvent('search-rendered', { detail: { query: raw, ms: performance.now() - started, urls: groups.map((g) => g.lead.url) } }));
  const counts = await outcome.counts();
  if (listing === current) renderFilters(counts, allValues);
}

async function showMore(): Promise<void> {
  const listing = current;
  if (listing === null) return;
  const firstNew = list.children.length;
  const groups = await readGroups(listing, PAGE_SIZE);
  if (listing !== current) return;
  renderGroups(groups, listing.query, true);
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

for (const select of selects.values()) {
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
