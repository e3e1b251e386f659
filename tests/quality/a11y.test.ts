import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { A11yExclusionsFile, auditFindings, unusedExclusions } from '../../scripts/lib/checks/a11y.ts';
import { SECTION_TYPES } from '../../scripts/lib/checks/page-types.ts';
import { formatDiagnostic } from '#schemas/diagnostic.ts';
import { axeViolations, VIEWS } from '../helpers/axe.ts';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { fileForPage, representativeBuiltPages } from '../helpers/site-pages.ts';

const { exclusions } = A11yExclusionsFile.parse(JSON.parse(fs.readFileSync('tests/quality/a11y-exclusions.json', 'utf8')));
const representatives = representativeBuiltPages();
const DOCUMENT_TYPES = ['document', 'part', 'clause', 'table'];
// A paragraph's, row's or bullet's light page sends the browser on at once: what a person sees is its target, audited as its own kind.
const REDIRECTS = new Set(['anchor']);
/** Pages whose scripts draw most of what a person sees are audited in that state too: the search page with a query's results. */
const STATES: Readonly<Record<string, readonly string[]>> = { search: ['', '?q=创业担保贷款'] };
const timeout = 120_000;

const session = useSiteInBrowser('dist', timeout);
const used = new Set<number>();


describe('accessibility (axe-core, WCAG 2.1 A and AA) of the largest built page of each kind', () => {
  for (const [type, page] of [...representatives].filter(([t]) => !REDIRECTS.has(t))) {
    for (const query of STATES[type] ?? ['']) {
      for (const view of VIEWS) {
        it(
          `${type} ${page.path}${query} — ${view.name}`,
          async () => {
            const violations = await axeViolations(session.browser, session.server.origin + page.path + query, view, { settle: query !== '' });
            const findings = auditFindings(violations, { file: `dist/${fileForPage(page.path)}`, type, view: `${view.name}${query === '' ? '' : ` with ${query}`}` }, exclusions);
            for (const i of findings.used) used.add(i);
            expect(findings.diagnostics.map(formatDiagnostic)).toEqual([]);
          },
          timeout,
        );
      }
    }
  }

  for (const type of [...SECTION_TYPES.map((t) => t.name), ...DOCUMENT_TYPES].filter((t) => !representatives.has(t))) {
    it.todo(`${type}: no page of this kind is built yet`);
  }

  it('every written-down exclusion still excuses a violation', () => {
    expect(unusedExclusions(exclusions, used)).toEqual([]);
  });
});
