import { describe, expect, it } from 'vitest';
import { A11yExclusionsFile, auditFindings, unusedExclusions, type AxeViolation } from '../../scripts/lib/checks/a11y.ts';

const contrast: AxeViolation = {
  id: 'color-contrast',
  impact: 'serious',
  help: 'Elements must meet minimum color contrast ratio thresholds',
  helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/color-contrast',
  nodes: [
    { target: ['.meta > dd'], html: '<dd>2019年2月1日</dd>', failureSummary: 'Fix any of the following:\n  Element has insufficient color contrast of 3.2' },
    { target: ['footer', 'small'], html: '<small>本站</small>' },
  ],
};
const page = { file: 'dist/x/index.html', type: 'document', view: 'phone 360px' };

describe('auditFindings', () => {
  it('reports each violation once on the page file, with rule, impact, view, elements, fix and help link', () => {
    const { diagnostics, used } = auditFindings([contrast], page, []);
    expect(diagnostics).toEqual([
      {
        level: 'error',
        code: 'a11y-color-contrast',
        file: 'dist/x/index.html',
        message:
          'color-contrast (serious) at phone 360px: Elements must meet minimum color contrast ratio thresholds — 2 elements: .meta > dd <dd>2019年2月1日</dd>; footer small <small>本站</small> — Fix any of the following: Element has insufficient color contrast of 3.2 (https://dequeuniversity.com/rules/axe/4.14/color-contrast)',
      },
    ]);
    expect(used.size).toBe(0);
  });

  it('lists three elements and counts the rest', () => {
    const many: AxeViolation = { ...contrast, nodes: [1, 2, 3, 4, 5].map((n) => ({ target: [`#c${n}`], html: `<i id="c${n}"></i>` })) };
    const [d] = auditFindings([many], page, []).diagnostics;
    expect(d?.message).toContain('5 elements: #c1 <i id="c1"></i>; #c2 <i id="c2"></i>; #c3 <i id="c3"></i>; and 2 more (https://');
  });

  it('lets an exclusion silence only its rule, page kinds and element, and records which exclusions were used', () => {
    const exclusions = [
      { rule: 'color-contrast', selector: 'footer small', reason: 'a reason long enough to be a reason' },
      { rule: 'color-contrast', pageTypes: ['home'], reason: 'applies to the home page only, not here' },
      { rule: 'link-name', reason: 'another rule, which this page does not break' },
    ];
    const { diagnostics, used } = auditFindings([contrast], page, exclusions);
    expect(diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('— 1 element: .meta > dd <dd>2019年2月1日</dd> —')]);
    expect([...used]).toEqual([0]);
    expect(unusedExclusions(exclusions, used)).toEqual([
      'exclusion 2 (color-contrast on home) matched no violation: remove it',
      'exclusion 3 (link-name) matched no violation: remove it',
    ]);
  });

  it('passes a page with no violations, or whose violations are all excluded', () => {
    expect(auditFindings([], page, []).diagnostics).toEqual([]);
    expect(auditFindings([contrast], page, [{ rule: 'color-contrast', pageTypes: ['document'], reason: 'every element on document pages' }]).diagnostics).toEqual([]);
  });
});

describe('A11yExclusionsFile', () => {
  it('requires a reason of some substance for every exclusion and no unknown fields', () => {
    expect(A11yExclusionsFile.safeParse({ exclusions: [{ rule: 'region', reason: 'too short' }] }).success).toBe(false);
    expect(A11yExclusionsFile.safeParse({ exclusions: [{ rule: 'region', reason: 'landmarks come with the redesign of issue 9', why: 'x' }] }).success).toBe(false);
    expect(A11yExclusionsFile.parse({ exclusions: [{ rule: 'region', reason: 'landmarks come with the redesign of issue 9' }] }).exclusions).toHaveLength(1);
  });
});
