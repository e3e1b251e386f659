/**
 * The pure parts of the search benchmark (./search-bench-command.ts): the query file, the scores of
 * one engine's answers, the default setup's answer as its UI shows it, and the printed report.
 */
import { z } from 'astro/zod';
import { landingId } from '../../../tests/helpers/search-page.ts';

const NODE_ID = /^(?:n|m|d\d+|a\d+)(?:-[a-z0-9]+(?:\.[a-z0-9]+)*)?$/;

export const Query = z.object({
  id: z.string(),
  class: z.string(),
  query: z.string(),
  relevant: z.array(z.string()).min(1),
  verbatim: z.boolean(),
  sameAs: z.string().optional(),
  intended: z.string().optional(),
  note: z.string().optional(),
});
export type Query = z.output<typeof Query>;
export const QueryFile = z.object({ about: z.string(), queries: z.array(Query).min(60) });

/** One engine's answer to one query. */
export interface Answer {
  ids: string[];
  ms: number;
}

export interface Scores {
  recall10: number;
  precision5: number;
  rr: number;
}

/** What a set of requests downloaded: bytes as stored, as a compressing host serves them, and the number of requests. */
export interface Bytes {
  raw: number;
  gzip: number;
  files: number;
}

/** A page of the default setup's results: its URL and its sub-results' URLs. */
export interface DefaultPage {
  url: string;
  subResults: string[];
}

export function dedupe(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/**
 * The default setup's answer as its UI shows it: pages in Pagefind's order, each followed by its
 * sub-results (headings with ids). A document page counts through the clause anchors it lists;
 * any other page (home, search) lands on no clause.
 */
export function defaultIds(pages: readonly DefaultPage[]): string[] {
  return dedupe(
    pages.flatMap((p) => {
      const id = landingId(p.url);
      if (id.includes('/')) return [id];
      return p.subResults.flatMap((sub) => {
        const anchor = decodeURIComponent(new URL(sub, 'http://site.invalid').hash.slice(1));
        return NODE_ID.test(anchor) ? [`${id}/${anchor}`] : [];
      });
    }),
  );
}

/**
 * recall@10: share of the relevant clauses in the top 10 (of at most 10); precision@5: share of
 * the top 5 that is relevant, out of min(5, relevant) so that a query with one right answer can
 * score 1; reciprocal rank of the first relevant result in the top 10.
 */
export function score(q: Query, answer: Answer | undefined): Scores {
  const ids = answer?.ids.slice(0, 10) ?? [];
  const relevant = new Set(q.relevant);
  const found10 = ids.filter((id) => relevant.has(id)).length;
  const found5 = ids.slice(0, 5).filter((id) => relevant.has(id)).length;
  const first = ids.findIndex((id) => relevant.has(id));
  return {
    recall10: found10 / Math.min(10, relevant.size),
    precision5: found5 / Math.min(5, relevant.size),
    rr: first === -1 ? 0 : 1 / (first + 1),
  };
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** A verbatim query meets the target when all its clauses are in the top 10 and the first result is one of them. */
export function meetsPhraseTarget(q: Query, answer: Answer | undefined): boolean {
  const ids = answer?.ids.slice(0, 10) ?? [];
  return q.relevant.every((id) => ids.includes(id)) && q.relevant.includes(ids[0] ?? '');
}

// ---------------------------------------------------------------------------
// Report

const f2 = (n: number) => n.toFixed(2);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

/** Mean scores per query class and over all, ours beside the default's, as aligned text columns. */
export function classTable(queries: readonly Query[], ours: Map<string, Answer>, theirs: Map<string, Answer>): string[] {
  const classes = dedupe(queries.map((q) => q.class));
  const rows = [...classes, 'all'].map((cls) => {
    const qs = cls === 'all' ? queries : queries.filter((q) => q.class === cls);
    const a = qs.map((q) => score(q, ours.get(q.id)));
    const b = qs.map((q) => score(q, theirs.get(q.id)));
    const col = (s: Scores[], k: keyof Scores) => f2(mean(s.map((x) => x[k])));
    return [cls, String(qs.length), col(a, 'recall10'), col(b, 'recall10'), col(a, 'precision5'), col(b, 'precision5'), col(a, 'rr'), col(b, 'rr')];
  });
  const header = ['class', 'n', 'R@10 ours', 'default', 'P@5 ours', 'default', 'MRR ours', 'default'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [header, ...rows].map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '));
}

function spread(values: readonly number[]): string {
  return `median ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;
}

/** Cold: the first query of a fresh page. Warm: every other query, first time (index chunks and records fetched as needed). Repeat: all of them again. */
export function latencyLine(label: string, answers: Map<string, Answer>, repeats: readonly number[], first: string): string {
  const cold = answers.get(first)?.ms ?? 0;
  const warm = [...answers].filter(([id]) => id !== first).map(([, a]) => a.ms);
  return `${label}: cold ${cold.toFixed(0)} ms; warm ${spread(warm)}; repeated ${spread(repeats)}`;
}

export function bytesLine(label: string, bytes: Bytes | null): string {
  return bytes === null ? `${label}: —` : `${label}: ${kb(bytes.gzip)} as served compressed (${kb(bytes.raw)} uncompressed), ${bytes.files} requests`;
}

/** What the two engines did over the queries, as the command measured it. */
export interface SearchRun {
  queries: readonly Query[];
  queriesFile: string;
  chromium: string;
  ours: { answers: Map<string, Answer>; repeats: readonly number[]; pageLoad: Bytes; firstSearch: Bytes | null; errors: readonly string[] };
  defaults: { answers: Map<string, Answer>; repeats: readonly number[]; firstSearch: Bytes | null };
  coldTraditional: { bytes: Bytes };
}

/** The printed report: scores per class, the phrase and traditional targets, latency and bytes. */
export function searchReport({ queries, queriesFile, chromium, ours, defaults, coldTraditional }: SearchRun): string {
  const first = queries[0]?.id ?? '';
  const lines: string[] = [];
  lines.push('', `Search benchmark: ${queries.length} queries (${queriesFile}), Chromium ${chromium}`, '');
  lines.push(...classTable(queries, ours.answers, defaults.answers));
  lines.push('', 'P@5 is out of min(5, number of relevant clauses); R@10 out of min(10, …). Default = Pagefind 1.6 defaults on the same pages.');

  const verbatim = queries.filter((q) => q.verbatim);
  const passOurs = verbatim.filter((q) => meetsPhraseTarget(q, ours.answers.get(q.id)));
  const passDefault = verbatim.filter((q) => meetsPhraseTarget(q, defaults.answers.get(q.id)));
  lines.push('', `Verbatim queries with all their clauses in the top 10 and one of them first: ours ${passOurs.length}/${verbatim.length}, default ${passDefault.length}/${verbatim.length}`);
  for (const q of verbatim.filter((v) => !passOurs.includes(v))) lines.push(`  missed (ours): ${q.id} ${q.query} → ${(ours.answers.get(q.id)?.ids ?? []).slice(0, 5).join(' ')}`);

  const twins = queries.filter((q) => q.sameAs !== undefined);
  const same = (answers: Map<string, Answer>, q: Query) => JSON.stringify(answers.get(q.id)?.ids.slice(0, 10)) === JSON.stringify(answers.get(q.sameAs ?? '')?.ids.slice(0, 10));
  lines.push(`Traditional queries with the same top 10 as their simplified form: ours ${twins.filter((q) => same(ours.answers, q)).length}/${twins.length}, default ${twins.filter((q) => same(defaults.answers, q)).length}/${twins.length}`);

  lines.push('', latencyLine('Latency, ours (typing delay excluded, results rendered)', ours.answers, ours.repeats, first));
  lines.push(latencyLine('Latency, default (search + data of the top 10)', defaults.answers, defaults.repeats, first));
  lines.push('', bytesLine(`Search page load`, ours.pageLoad));
  lines.push(bytesLine(`First search, ours (${queries[0]?.query})`, ours.firstSearch));
  lines.push(bytesLine(`First search, ours, traditional query (converter loaded)`, coldTraditional.bytes));
  lines.push(bytesLine(`First search, default`, defaults.firstSearch));
  if (ours.errors.length > 0) lines.push('', `Console errors on the search page: ${ours.errors.join(' | ')}`);
  return lines.join('\n');
}
