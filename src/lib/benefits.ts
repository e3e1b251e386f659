/**
 * How the site words a benefit (src/core/schemas/entities.ts Benefit): its figures as a reader says
 * them, its kind as an ASCII code for anchors and filters, and its row in /data/benefits.csv.
 */
import { BenefitKind, type Benefit, type BenefitFigure } from '#schemas/entities.ts';
import type { BenefitRecord } from '#schemas/open-data.ts';
import type { CsvValue } from './csv.ts';

/** The kinds in the order pages list them: money first, then credit, relief, services. */
export const BENEFIT_KINDS: readonly BenefitKind[] = ['补贴', '补助', '奖励', '保险待遇', '贷款', '贴息', '减免', '返还', '培训', '服务'];

/** An ASCII name per kind, for anchors (#kind-loan) and filter values. */
export const BENEFIT_KIND_CODES: Readonly<Record<BenefitKind, string>> = {
  补贴: 'subsidy',
  补助: 'allowance',
  奖励: 'award',
  保险待遇: 'insurance',
  贷款: 'loan',
  贴息: 'interest',
  减免: 'relief',
  返还: 'refund',
  培训: 'training',
  服务: 'service',
};

// Every kind of the schema has its place in the order: a kind added there without one here would be listed nowhere.
for (const kind of BenefitKind.options) if (!BENEFIT_KINDS.includes(kind)) throw new Error(`benefit kind ${kind} has no place in BENEFIT_KINDS`);

/** What a comparator says before a figure that does not say it itself. */
const COMPARATOR_WORDS: Readonly<Record<string, string>> = { '≤': '最高', '≥': '不低于', '≈': '约', '=': '' };

/** Words that already bound the figure as printed: 不超过800元/月 needs no 最高. */
const BOUND_WORDS = /最高|最多|最长|不超过|不高于|不低于|不少于|以内|以下|以上|至少|约|上限/;

/** A figure as a reader says it: its printed words, with the bound and the per-unit they leave out (75万元, ≤ → 最高75万元). */
export function figureText(figure: BenefitFigure): string {
  const bound = figure.comparator === null || BOUND_WORDS.test(figure.text) ? '' : (COMPARATOR_WORDS[figure.comparator] ?? '');
  const per = figure.per === null || /[每/／]|按/.test(figure.text) ? '' : `/${figure.per}`;
  return `${bound}${figure.text}${per}`;
}

/** How much and for how long, in one line: 最高15万元，2年，累计次数不超过3次; empty when the text gives no figure. */
export function benefitFigures(benefit: Pick<Benefit, 'amount' | 'duration' | 'limits'>): string {
  const parts = [benefit.amount, benefit.duration, ...benefit.limits].filter((f) => f !== null).map(figureText);
  return [...new Set(parts)].join('，');
}

/**
 * The columns of /data/benefits.csv, in order: fields of the published schema (the downloads' contract),
 * one row per benefit.
 */
export const BENEFIT_CSV_COLUMNS = ['id', 'documentId', 'clauseId', 'kind', 'name', 'amount', 'duration', 'limits', 'conditions', 'groups', 'department', 'sentence', 'url'] as const;

/** A benefit as one spreadsheet row: its figures as a reader says them (最高15万元/人), the department by its printed name, lists joined. */
export function benefitCsvRow(b: BenefitRecord): Record<(typeof BENEFIT_CSV_COLUMNS)[number], CsvValue> {
  return {
    id: b.id,
    documentId: b.documentId,
    clauseId: b.clauseId,
    kind: b.kind,
    name: b.name,
    amount: b.amount === null ? null : figureText(b.amount),
    duration: b.duration === null ? null : figureText(b.duration),
    limits: b.limits.map(figureText),
    conditions: b.conditions,
    groups: b.groups,
    department: b.department?.name ?? null,
    sentence: b.sentence,
    url: b.url,
  };
}
