import { siteId } from '#core/site-id.ts';
import type { Document } from '#schemas/document.ts';
import type { TargetRecord } from '#schemas/open-data.ts';
import { resolveNode, type IndexMap } from './node-refs.ts';
import { targetDomain, type Topic } from './topics.ts';

/** A target's status, with `none` for a plan that reports no result. */
export type StatusKey = 'met' | 'not-met' | 'unknown' | 'none';

export const STATUS_KEYS: readonly StatusKey[] = ['met', 'not-met', 'unknown', 'none'];

/** A status's place in STATUS_KEYS, for ordering filter choices; unknown keys last. */
export function statusRank(key: string): number {
  const i = (STATUS_KEYS as readonly string[]).indexOf(key);
  return i === -1 ? STATUS_KEYS.length : i;
}

/** Short, for table cells; the pages explain them once. */
export const STATUS_LABELS: Readonly<Record<StatusKey, string>> = {
  met: '已完成',
  'not-met': '未完成',
  unknown: '不明',
  none: '未报告',
};

/** The same, spelled out for running text: 未报告完成情况 49 项. */
export const STATUS_PHRASES: Readonly<Record<StatusKey, string>> = {
  met: '已完成',
  'not-met': '未完成',
  unknown: '完成情况不明',
  none: '未报告完成情况',
};

/** The name of the domain of targets no topic claims. */
export const OTHER_DOMAIN = '其他';

/** One line of the targets table, with what it shows already worked out. */
export interface TargetRow {
  target: TargetRecord;
  documentShortTitle: string;
  /** The government whose area the target covers: the one its scope names (全市 in a district plan is the city), else the document's. */
  region: string;
  /** The clause or row page the target comes from, and its citation. */
  path: string;
  citation: string;
  /** The value as a reader reads it: 15（原为10）, 3000–20000, 每年600; — when the plan states none. */
  valueText: string;
  status: StatusKey;
  /** The topic of the indicator (see topics.ts), or 其他. */
  domain: string;
}

/** A number as the documents print it: no grouping separators, decimals as given. */
export function formatNumber(n: number): string {
  return String(n);
}

/** The target in a few characters for a list: ≥100万人, 3000–20000元, 每年≥600人; = is left out as the plain reading. */
export function shortTarget(t: Pick<TargetRecord, 'value' | 'max' | 'from' | 'comparator' | 'unit'> & { recurrence?: string | null }): string {
  const bound = t.comparator === null || t.comparator === '=' ? '' : t.comparator;
  return t.value === null ? '（无数值）' : `${t.recurrence ?? ''}${bound}${valueText(t)}${t.unit ?? ''}`;
}

/** The target's value: a range as low–high, a change with the value it started from. */
export function valueText(t: Pick<TargetRecord, 'value' | 'max' | 'from'>): string {
  if (t.value === null) return '—';
  const value = t.max === null ? formatNumber(t.value) : `${formatNumber(t.value)}–${formatNumber(t.max)}`;
  return t.from === null ? value : `${value}（原为${formatNumber(t.from)}）`;
}

/** The targets of the canonical documents in document order (then source line, then id), ready to show. */
export function targetRows(targets: readonly TargetRecord[], documents: readonly Document[], indexes: IndexMap, topics: readonly Topic[]): TargetRow[] {
  const order = new Map(documents.map((d, i) => [d.id, i]));
  const byId = new Map(documents.map((d) => [d.id, d]));
  return [...targets]
    .sort((a, b) => (order.get(a.documentId) ?? 0) - (order.get(b.documentId) ?? 0) || a.line - b.line || compareIds(a.id, b.id))
    .map((target) => {
      const document = byId.get(target.documentId);
      if (document === undefined) throw new Error(`target ${target.id}: no document ${target.documentId}`);
      const ref = resolveNode(indexes, siteId(target.documentId, target.clauseId));
      return {
        target,
        documentShortTitle: document.meta.shortTitle,
        region: target.scopeRegion ?? document.meta.region.name,
        path: ref.path,
        citation: ref.citation,
        valueText: target.value === null ? valueText(target) : `${target.recurrence ?? ''}${valueText(target)}`,
        status: target.status ?? 'none',
        domain: targetDomain(target, topics)?.name ?? OTHER_DOMAIN,
      };
    });
}

/** t2 before t10: ids end in a number. */
function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** How many targets of each status one document states. */
export interface StatusSummary {
  documentId: string;
  documentShortTitle: string;
  /** The document's own goals; figures it reviews from an earlier period are not among them. */
  total: number;
  counts: Readonly<Record<StatusKey, number>>;
  /** Figures of an earlier period the document reviews (stage `review`), counted apart. */
  reviewed: number;
}

/**
 * Counts by status per document, for every document that states targets, in row order. Only the
 * document's own goals count: the 十二五 results a 十三五 plan reviews are not that plan's targets.
 */
export function statusSummaries(rows: readonly TargetRow[]): StatusSummary[] {
  const summaries = new Map<string, StatusSummary & { counts: Record<StatusKey, number> }>();
  for (const row of rows) {
    const id = row.target.documentId;
    const summary = summaries.get(id) ?? { documentId: id, documentShortTitle: row.documentShortTitle, total: 0, reviewed: 0, counts: { met: 0, 'not-met': 0, unknown: 0, none: 0 } };
    if (row.target.stage === 'review') summary.reviewed += 1;
    else {
      summary.total += 1;
      summary.counts[row.status] += 1;
    }
    summaries.set(id, summary);
  }
  return [...summaries.values()];
}
