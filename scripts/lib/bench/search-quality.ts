/**
 * Search quality against tests/search/queries.json, shared by `npm run bench:search` (with latency,
 * at any corpus size) and the quality test of `npm test` (tests/search/quality.test.ts). Each query
 * names the pages that should be found, by hand (`relevant`) or by a rule (`rule`) evaluated over the
 * corpus being measured, so that the same file holds at 5 documents and at 1,000.
 */
import { z } from 'astro/zod';
import type { SearchRecord } from '../search-index/records.ts';
import { isAnchoredBlock } from '#core/routes.ts';

/**
 * A rule for the relevant pages: the clause pages where every group of `holds` has one of its terms
 * in the clause's text or its context (document titles, 文号, region, issuer, the headings above it),
 * at least one of them in the text — what the search promises for space-separated terms, each with
 * its synonyms; `departments`: also the department pages whose names hold a term of the one group.
 */
export const RelevanceRule = z.object({
  holds: z.array(z.array(z.string().min(1)).min(1)).min(1),
  departments: z.boolean().default(false),
});
export type RelevanceRule = z.output<typeof RelevanceRule>;

export const SearchQuery = z
  .object({
    id: z.string(),
    class: z.string(),
    query: z.string(),
    /** Pages by hand: `documentId/nodeId`, `documentId` (a document page), `departments/id`; a statute fixture's nodes for the class `statute`. */
    relevant: z.array(z.string()).optional(),
    rule: RelevanceRule.optional(),
    /** The simplified twin whose top 10 a traditional query must equal. */
    sameAs: z.string().optional(),
    /** For a query with a typo: what was meant. */
    intended: z.string().optional(),
    note: z.string().optional(),
  })
  .refine((q) => (q.relevant === undefined) !== (q.rule === undefined), { message: 'a query names its relevant pages either by hand or by a rule' });
export type SearchQuery = z.output<typeof SearchQuery>;

export const QueryFile = z.object({ about: z.string(), queries: z.array(SearchQuery).min(200) });

/** Classes whose queries must find nothing: they pass when nothing is shown. */
export const NOTHING_CLASS = 'nothing';

/**
 * The site path a result URL lands on, without slashes: documentId/nodeId. A paragraph, row or
 * bullet lands at its anchor on its holder's page (/d/a1-t1/#a1-t1.r3, /d/#ch-1.p1): that names it.
 */
export function landingId(url: string): string {
  const { pathname, hash } = new URL(url, 'http://site.invalid');
  const path = pathname.replace(/^\/|\/$/g, '');
  // A target's or project's anchor there names its node first: #a1-t1.r3/pilot-1.
  const anchor = decodeURIComponent(hash.slice(1)).split('/')[0] ?? '';
  if (!isAnchoredBlock(anchor)) return path;
  const holder = path.split('/').at(-1) ?? '';
  return anchor.startsWith(`${holder}.`) || anchor.startsWith(`${holder}-`) ? `${path.slice(0, -holder.length)}${anchor}` : `${path}/${anchor}`;
}

/** The page a record lands on, as the benchmark names pages: `documentId/nodeId` or `departments/id`. */
export function landingOf(record: Pick<SearchRecord, 'url'>): string {
  return landingId(record.url);
}

/** The relevant pages of a query in a corpus, from its hand-written list or its rule. */
export function relevantPages(query: SearchQuery, records: readonly SearchRecord[]): string[] {
  if (query.relevant !== undefined) return query.relevant;
  const rule = query.rule;
  if (rule === undefined) return [];
  const found = records.filter((r) => {
    if (r.kind === 'department') return rule.departments && rule.holds.length === 1 && (rule.holds[0] ?? []).some((t) => r.searchText.includes(t));
    const context = r.context.join('；');
    const inText = rule.holds.map((group) => group.some((t) => r.searchText.includes(t)));
    return inText.some(Boolean) && rule.holds.every((group, i) => inText[i] === true || group.some((t) => context.includes(t)));
  });
  return found.map(landingOf);
}

export interface QueryScore {
  /** 1 when the first page shown is relevant (for a query that should find nothing: when nothing is shown). */
  top1: number;
  /** Share of the relevant pages in the first 10 shown, out of min(10, relevant). */
  recall10: number;
}

export function scoreQuery(query: SearchQuery, relevant: readonly string[], shown: readonly string[]): QueryScore {
  if (query.class === NOTHING_CLASS) {
    const none = shown.length === 0 ? 1 : 0;
    return { top1: none, recall10: none };
  }
  const top = shown.slice(0, 10);
  const wanted = new Set(relevant);
  if (wanted.size === 0) return { top1: 0, recall10: 0 };
  return {
    top1: wanted.has(top[0] ?? '') ? 1 : 0,
    recall10: top.filter((p) => wanted.has(p)).length / Math.min(10, wanted.size),
  };
}

export interface ClassScore {
  name: string;
  queries: number;
  top1: number;
  recall10: number;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Mean scores per class, in the order the classes first appear, then all queries together. */
export function classScores(queries: readonly SearchQuery[], scores: ReadonlyMap<string, QueryScore>): ClassScore[] {
  const classes = [...new Set(queries.map((q) => q.class))];
  return [...classes, 'all'].map((name) => {
    const members = name === 'all' ? queries : queries.filter((q) => q.class === name);
    const list = members.flatMap((q) => scores.get(q.id) ?? []);
    return { name, queries: members.length, top1: mean(list.map((s) => s.top1)), recall10: mean(list.map((s) => s.recall10)) };
  });
}
