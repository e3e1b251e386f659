import { z } from 'astro/zod';
import type { Diagnostic } from '#schemas/diagnostic.ts';

/**
 * Turning axe-core results into findings: violations become diagnostics on the page's built file,
 * minus the written-down exclusions, each of which must still match something (a stale exclusion
 * hides nothing and only invites a real violation to slip under it later).
 */

/** The WCAG 2.1 level A and AA rules of axe-core, by tag. */
export const WCAG21_AA_TAGS: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The parts of an axe-core violation the report uses. */
export interface AxeViolation {
  id: string;
  impact?: string | null | undefined;
  help: string;
  helpUrl: string;
  nodes: readonly { target: readonly unknown[]; html: string; failureSummary?: string | undefined }[];
}

/** A rule, or one element under a rule, that is allowed to fail, with the reason why. */
export const A11yExclusion = z.strictObject({
  /** The axe-core rule id, e.g. `color-contrast`. */
  rule: z.string().min(1),
  /** Page kinds (see scripts/lib/checks/page-types.ts) it applies to; every kind when absent. */
  pageTypes: z.array(z.string().min(1)).min(1).optional(),
  /** The element's axe selector (its `target`, joined with a space); every element when absent. */
  selector: z.string().min(1).optional(),
  /** Why this is not a barrier, or why it cannot be fixed yet and what would fix it. */
  reason: z.string().min(20),
});
export type A11yExclusion = z.output<typeof A11yExclusion>;

export const A11yExclusionsFile = z.strictObject({
  $comment: z.string().optional(),
  exclusions: z.array(A11yExclusion),
});

/** One audited view of a page: its built file, kind and the conditions it was rendered in (e.g. `360px`). */
export interface AuditedPage {
  file: string;
  type: string;
  view: string;
}

const NODES_SHOWN = 3;
const HTML_SHOWN = 120;

function selectorOf(node: AxeViolation['nodes'][number]): string {
  return node.target.map(String).join(' ');
}

function excludes(exclusion: A11yExclusion, rule: string, type: string, selector: string): boolean {
  return (
    exclusion.rule === rule &&
    (exclusion.pageTypes === undefined || exclusion.pageTypes.includes(type)) &&
    (exclusion.selector === undefined || exclusion.selector === selector)
  );
}

function shortHtml(html: string): string {
  const flat = html.replace(/\s+/g, ' ');
  return flat.length > HTML_SHOWN ? `${flat.slice(0, HTML_SHOWN)}…` : flat;
}

/** What fails, where, and axe's own advice, in one line per violation. */
function violationMessage(v: AxeViolation, nodes: AxeViolation['nodes'], view: string): string {
  const shown = nodes.slice(0, NODES_SHOWN).map((n) => `${selectorOf(n)} ${shortHtml(n.html)}`);
  const more = nodes.length > NODES_SHOWN ? `; and ${nodes.length - NODES_SHOWN} more` : '';
  const fix = (nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').trim();
  const count = `${nodes.length} element${nodes.length === 1 ? '' : 's'}`;
  return `${v.id} (${v.impact ?? 'no impact given'}) at ${view}: ${v.help} — ${count}: ${shown.join('; ')}${more}${fix === '' ? '' : ` — ${fix}`} (${v.helpUrl})`;
}

/**
 * The violations on one page that no exclusion covers, as error diagnostics on the page's file, and
 * the indexes of the exclusions that covered something.
 */
export function auditFindings(violations: readonly AxeViolation[], page: AuditedPage, exclusions: readonly A11yExclusion[]): { diagnostics: Diagnostic[]; used: Set<number> } {
  const diagnostics: Diagnostic[] = [];
  const used = new Set<number>();
  for (const v of violations) {
    const left = v.nodes.filter((node) => {
      const index = exclusions.findIndex((e) => excludes(e, v.id, page.type, selectorOf(node)));
      if (index >= 0) used.add(index);
      return index < 0;
    });
    if (left.length > 0) diagnostics.push({ level: 'error', code: `a11y-${v.id}`, message: violationMessage(v, left, page.view), file: page.file });
  }
  return { diagnostics, used };
}

/** The exclusions that covered nothing in a whole audit, described so that they can be found and removed. */
export function unusedExclusions(exclusions: readonly A11yExclusion[], used: ReadonlySet<number>): string[] {
  return exclusions.flatMap((e, i) => (used.has(i) ? [] : [`exclusion ${i + 1} (${e.rule}${e.pageTypes ? ` on ${e.pageTypes.join(', ')}` : ''}${e.selector ? ` at ${e.selector}` : ''}) matched no violation: remove it`]));
}
