import type { ProjectRecord, TargetRecord } from '#schemas/open-data.ts';
import type { DepartmentPage } from './department-pages.ts';
import { splitSiteId } from '#core/site-id.ts';
import { OTHER_DOMAIN, type TargetRow } from './target-table.ts';
import type { Topic } from './topics.ts';

/** One series of a bar chart: a value per category (null: no value). */
export interface Series {
  label: string;
  values: (number | null)[];
}

/**
 * What the browser needs to draw a bar chart, serialised into a data attribute. The same numbers
 * make the HTML table beside the chart, so readers without canvas or script lose nothing.
 */
export interface ChartSpec {
  /** Unique on the page; the table's id is derived from it. */
  id: string;
  title: string;
  /** What the chart shows, for screen readers (the canvas's aria-label). */
  description: string;
  categories: string[];
  series: Series[];
  /** What the categories are (险种, 部门): the table's first heading; empty where the chart's own title says it. Never drawn on the canvas, so never sideways. */
  categoryAxis: string;
  /** What the values count, with their unit: 参保人数（万人）. Written above the chart, not along its axis. */
  valueAxis: string;
  /** The unit of every value, for the table's headings. */
  unit: string;
  horizontal: boolean;
  stacked: boolean;
  /** One colour per bar instead of per series: for charts whose bars are different things (目标, 实际完成). */
  colourByCategory: boolean;
  /** What the bar that groups the smallest categories counts (部门 → 其他14个部门), when there are too many to draw (./chart-drawing.ts). */
  others: string;
  /** Which way is better for the values of a target with a bound: `lower` for a ceiling (≤), `higher` for a floor (≥). */
  better: Better | null;
  /** A warning printed with the chart, such as one document supplying most of its numbers. */
  caveat: string | null;
}

export type Better = 'higher' | 'lower';

/** Which way is better for a target's comparator: up to a ceiling (≤) lower is better, from a floor (≥) higher; an exact or approximate value has no better side. */
export function betterWay(comparator: string | null): Better | null {
  if (comparator === '≤') return 'lower';
  if (comparator === '≥') return 'higher';
  return null;
}

/** How a chart says which way is better, in its panel title and description. */
export const BETTER_LABELS: Readonly<Record<Better, string>> = { higher: '越高越好', lower: '越低越好' };

/** Bars that all show one value say nothing a sentence cannot (目标100%，完成100%): such a chart is not drawn. */
export function saysTheSame(values: readonly (number | null)[]): boolean {
  const present = values.filter((v): v is number => v !== null);
  return present.length === values.length && present.every((v) => v === present[0]);
}

/** The share of the counted items one source supplies, when it supplies at least `threshold` of them (by default half). */
export function dominantSource(counts: ReadonlyMap<string, number>, threshold = 0.5): { id: string; share: number } | null {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0 || counts.size === 0) return null;
  const [id, count] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ['', 0];
  const share = count / total;
  return share >= threshold ? { id, share } : null;
}

/**
 * The caveat of a chart most of whose `what` (条款, 项目) come from one document: the reader should
 * not read it as the state of the whole corpus. Null when no document supplies half.
 */
export function dominanceCaveat(counts: ReadonlyMap<string, number>, titleOf: (documentId: string) => string, what: string): string | null {
  const dominant = dominantSource(counts);
  if (dominant === null) return null;
  const title = titleOf(dominant.id);
  if (dominant.share === 1) return `图中${what}全部出自${title}，反映的是这一份文件，而非全部文件。`;
  return `图中${Math.round(dominant.share * 100)}%的${what}出自${title}，主要反映这一份文件。`;
}

/** The table of a chart: a row per category, a column per series. */
export interface ChartTable {
  caption: string;
  categoryHeading: string;
  columns: { heading: string; numeric: boolean }[];
  rows: { category: string; cells: string[] }[];
}

/** The numbers of a chart as a table, with the unit in every value heading. */
export function tableOf(spec: ChartSpec): ChartTable {
  return {
    caption: spec.title,
    categoryHeading: spec.categoryAxis,
    columns: spec.series.map((s) => ({ heading: `${s.label}（${spec.unit}）`, numeric: true })),
    rows: spec.categories.map((category, i) => ({ category, cells: spec.series.map((s) => cellText(s.values[i] ?? null)) })),
  };
}

function cellText(value: number | null): string {
  return value === null ? '—' : String(value);
}

/** The one unit all targets share; a chart with mixed units would compare what cannot be compared. */
function sharedUnit(targets: readonly TargetRecord[]): string {
  const units = new Set(targets.map((t) => t.unit));
  const [unit] = units;
  if (units.size !== 1 || unit === null || unit === undefined) throw new Error(`targets ${targets.map((t) => t.id).join(', ')} do not share one unit`);
  return unit;
}

/** The longest ending all names share that still leaves each at least two characters. */
export function commonSuffix(names: readonly string[]): string {
  const [first = ''] = names;
  let suffix = '';
  for (let n = 1; n <= first.length; n++) {
    const candidate = first.slice(-n);
    if (!names.every((name) => name.endsWith(candidate) && name.length - n >= 2)) break;
    suffix = candidate;
  }
  return suffix;
}

/**
 * The targets read from one sentence together with `targetId` (a 分别 list: A、B和C参保人数分别达到x、y和z),
 * as one bar each. Fails the build when the target is gone or the sentence yields a single value.
 */
export function sentenceTargetsChart(targets: readonly TargetRecord[], targetId: string, labels: { id: string; title: string; categoryAxis: string; valueAxis: string }): ChartSpec {
  const anchor = targets.find((t) => t.id === targetId);
  if (anchor === undefined) throw new Error(`chart ${labels.id}: no target ${targetId}`);
  const together = targets.filter((t) => t.documentId === anchor.documentId && t.clauseId === anchor.clauseId && t.sentence === anchor.sentence && t.value !== null);
  if (together.length < 2) throw new Error(`chart ${labels.id}: the sentence of ${targetId} states only one value`);
  const unit = sharedUnit(together);
  const suffix = commonSuffix(together.map((t) => t.indicator));
  return {
    id: labels.id,
    title: labels.title,
    description: `${labels.title}。条形图：${together.map((t) => `${t.indicator}${t.value}${unit}`).join('，')}。`,
    // What every indicator ends with (参保人数) is said once, on the value axis.
    categories: together.map((t) => t.indicator.slice(0, t.indicator.length - suffix.length)),
    series: [{ label: '目标', values: together.map((t) => t.value) }],
    categoryAxis: labels.categoryAxis,
    valueAxis: `${labels.valueAxis}（${unit}）`,
    unit,
    horizontal: true,
    stacked: false,
    colourByCategory: false,
    others: '项',
    better: null,
    caveat: null,
  };
}

/** A yearly target reported against a total for the whole period (每年600人 vs 完成3147人): compare per period. */
function yearlyAgainstTotal(t: TargetRecord): boolean {
  return t.recurrence === '每年' && t.achieved !== null && !/每年|年均/.test(t.achieved.text);
}

/** The target as compared with what was achieved: the yearly value times the years where the result is a total. */
function comparableTarget(t: TargetRecord, periodYears: number): { value: number | null; label: string } {
  // A ceiling is named as one, so that a result below it reads as met.
  const noun = t.comparator === '≤' ? '上限' : '目标';
  if (t.value === null || !yearlyAgainstTotal(t)) return { value: t.value, label: t.recurrence === '每年' ? `每年${noun}` : noun };
  return { value: t.value * periodYears, label: `${periodYears}年${noun}` };
}

/**
 * One small chart per target of a table that reports what was achieved: target beside result, each
 * on its own axis because the indicators are counted in different units. A yearly target whose result
 * is a total for the plan's `periodYears` years is drawn as that many years' worth. A target whose
 * result equals it gets no chart (two equal bars say nothing): it is in `flat`, and in the table
 * with every other target.
 */
export function targetVsAchievedCharts(targets: readonly TargetRecord[], tableSiteId: string, periodYears: number): { specs: ChartSpec[]; targets: TargetRecord[]; flat: TargetRecord[] } {
  const { documentId, nodeId } = splitSiteId(tableSiteId);
  const rows = targets.filter((t) => t.documentId === documentId && t.clauseId.startsWith(`${nodeId}.`) && t.value !== null && t.achieved !== null && t.achieved.value !== null);
  if (rows.length === 0) throw new Error(`no target of table ${tableSiteId} reports what was achieved`);
  const drawn = rows.map((t, i) => {
    const unit = t.unit ?? '';
    const goal = comparableTarget(t, periodYears);
    const done = t.achieved?.value ?? null;
    const better = betterWay(t.comparator);
    const spec: ChartSpec = {
      id: `${nodeId}-achieved-${i + 1}`,
      title: t.indicator,
      description: `${t.indicator}：${goal.label}${t.comparator ?? ''}${goal.value}${unit}${better === null ? '' : `（${BETTER_LABELS[better]}）`}，实际完成${done}${unit}（原文：${t.achieved?.text}）。`,
      categories: [goal.label, '实际完成'],
      series: [{ label: t.indicator, values: [goal.value, done] }],
      categoryAxis: '',
      valueAxis: unit,
      unit,
      horizontal: false,
      stacked: false,
      colourByCategory: true,
      others: '项',
      better,
      caveat: null,
    };
    return { target: t, spec, flat: saysTheSame([goal.value, done]) };
  });
  return { specs: drawn.filter((d) => !d.flat).map((d) => d.spec), targets: rows, flat: drawn.filter((d) => d.flat).map((d) => d.target) };
}

/** The sentence under target-vs-achieved charts naming the targets drawn in none because their result equals them. Empty when every target has a chart. */
export function flatTargetsNote(flat: readonly TargetRecord[]): string {
  if (flat.length === 0) return '';
  return `${flat.map((t) => `${t.indicator}（目标与实际完成均为${t.value}${t.unit ?? ''}）`).join('、')}两柱等高，不单独作图，见下表。`;
}

/** Projects per deadline year, one stack per kind (试点, 示范); projects without a year are left out and counted in the description. */
export function projectsByYearChart(projects: readonly ProjectRecord[]): ChartSpec {
  const years = [...new Set(projects.flatMap((p) => (p.deadline === null ? [] : [p.deadline])))].sort((a, b) => a - b);
  const kinds = ['试点', '示范'] as const;
  const undated = projects.filter((p) => p.deadline === null).length;
  const series = kinds.map((kind) => ({ label: kind, values: years.map((y) => projects.filter((p) => p.kind === kind && p.deadline === y).length) }));
  return {
    id: 'projects-by-year',
    title: '试点、示范项目的完成年份',
    description: `堆叠柱状图，按完成年份统计项目数：${years.map((y, i) => `${y}年试点${series[0]?.values[i]}个、示范${series[1]?.values[i]}个`).join('；')}${undated > 0 ? `；另有${undated}个未列年份` : ''}。`,
    categories: years.map((y) => `${y}年`),
    series,
    categoryAxis: '完成年份',
    valueAxis: '项目数（个）',
    unit: '个',
    horizontal: false,
    stacked: true,
    colourByCategory: false,
    others: '年份',
    better: null,
    caveat: null,
  };
}

/** Clauses each department leads or supports, most first; departments that only appear by name are left out. */
export function departmentMeasuresChart(pages: readonly DepartmentPage[]): ChartSpec {
  const acting = pages
    .filter((p) => p.counts.lead + p.counts.support > 0)
    .sort((a, b) => b.counts.lead + b.counts.support - (a.counts.lead + a.counts.support) || b.counts.lead - a.counts.lead || a.department.id.localeCompare(b.department.id));
  return {
    id: 'department-measures',
    title: '各部门牵头和配合的条款数',
    description: `横向堆叠条形图，${acting.length}个部门或单位：${acting.map((p) => `${p.department.name}牵头${p.counts.lead}条、配合${p.counts.support}条`).join('；')}。`,
    categories: acting.map((p) => p.department.name),
    series: [
      { label: '牵头', values: acting.map((p) => p.counts.lead) },
      { label: '配合', values: acting.map((p) => p.counts.support) },
    ],
    categoryAxis: '部门',
    valueAxis: '条款数（条）',
    unit: '条',
    horizontal: true,
    stacked: true,
    colourByCategory: false,
    others: '部门',
    better: null,
    caveat: null,
  };
}

/** The clauses the departments of a department chart lead or support, counted by the document they are in. */
export function measuresByDocument(pages: readonly DepartmentPage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const page of pages) {
    for (const { role, documents } of page.roles) {
      if (role === 'mentioned') continue;
      for (const group of documents) counts.set(group.documentId, (counts.get(group.documentId) ?? 0) + group.mentions.length);
    }
  }
  return counts;
}

/** Targets per document, one stack per domain (topic of the indicator), domains in topic-table order and 其他 last. */
export function targetsByDomainChart(rows: readonly TargetRow[], topics: readonly Topic[]): ChartSpec {
  const documents = [...new Map(rows.map((r) => [r.target.documentId, r.documentShortTitle])).values()];
  const ids = [...new Set(rows.map((r) => r.target.documentId))];
  const domains = [...topics.map((t) => t.name), OTHER_DOMAIN].filter((name) => rows.some((r) => r.domain === name));
  // One pass over the targets: filtering them again for every document × domain cell grows as documents squared.
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(`${r.target.documentId}\u0000${r.domain}`, (counts.get(`${r.target.documentId}\u0000${r.domain}`) ?? 0) + 1);
  const series = domains.map((domain) => ({ label: domain, values: ids.map((id) => counts.get(`${id}\u0000${domain}`) ?? 0) }));
  return {
    id: 'targets-by-domain',
    title: '各文件的量化目标：按领域',
    description: `堆叠条形图，各文件的目标数按领域分列：${documents.map((d, i) => `${d}${series.map((s) => (s.values[i] ? `${s.label}${s.values[i]}项` : '')).filter((x) => x !== '').join('、')}`).join('；')}。`,
    categories: documents,
    series,
    categoryAxis: '文件',
    valueAxis: '目标数（项）',
    unit: '项',
    horizontal: true,
    stacked: true,
    colourByCategory: false,
    others: '文件',
    better: null,
    caveat: null,
  };
}

/** The table beside target-vs-achieved charts: each target with its bound (and the period total it is compared as), the result and the plan's own words. */
export function achievedTable(targets: readonly TargetRecord[], caption: string, periodYears: number): ChartTable {
  return {
    caption,
    categoryHeading: '指标',
    columns: [
      { heading: '目标', numeric: false },
      { heading: '实际完成', numeric: true },
      { heading: '单位', numeric: false },
      { heading: '完成情况（原文）', numeric: false },
    ],
    rows: targets.map((t) => {
      const goal = comparableTarget(t, periodYears);
      const bound = `${t.comparator ?? ''}${t.value ?? '—'}${t.recurrence === '每年' ? '/年' : ''}`;
      return {
        category: t.indicator,
        cells: [goal.value === t.value ? bound : `${bound}（${periodYears}年合计${t.comparator ?? ''}${goal.value}）`, String(t.achieved?.value ?? '—'), t.unit ?? '—', t.achieved?.text ?? '—'],
      };
    }),
  };
}
