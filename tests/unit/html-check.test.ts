import { describe, expect, it } from 'vitest';
import { vnuDiagnostics, warningSummary } from '../../scripts/lib/checks/html.ts';

const root = 'file:///work/site/dist';

function report(...messages: object[]): string {
  return JSON.stringify({ version: '26.9.27', messages });
}

describe('vnuDiagnostics', () => {
  it('turns errors into error diagnostics on the file relative to the checked folder, with the line and the text around the fault', () => {
    const json = report({
      type: 'error',
      url: 'file:/work/site/dist/search/index.html',
      lastLine: 1,
      firstColumn: 3000,
      lastColumn: 3008,
      message: 'Stray start tag “script”.',
      extract: '</html><script type="module">',
    });
    expect(vnuDiagnostics(json, root)).toEqual([
      { level: 'error', code: 'html-invalid', message: 'Stray start tag “script”. — near “</html><script type="module">”', file: 'search/index.html', line: 1 },
    ]);
  });

  it('prefers the first line of a multi-line problem, decodes percent-encoded paths and shortens long extracts', () => {
    const json = report({ type: 'error', url: 'file:///work/site/dist/%E6%94%BF%E7%AD%96/index.html', firstLine: 3, lastLine: 5, message: 'Bad nesting.', extract: `${'x'.repeat(100)}\n y` });
    const [d] = vnuDiagnostics(json, root);
    expect(d?.file).toBe('政策/index.html');
    expect(d?.line).toBe(3);
    expect(d?.message).toBe(`Bad nesting. — near “${'x'.repeat(80)}…”`);
  });

  it('names fatal errors and files the checker could not read as errors, warnings as warnings, and drops plain information', () => {
    const json = report(
      { type: 'error', subType: 'fatal', url: `${root}/a.html`, lastLine: 2, message: 'Cannot recover after last error.' },
      { type: 'non-document-error', subType: 'io', url: `${root}/b.html`, message: 'File not found.' },
      { type: 'info', subType: 'warning', url: `${root}/a.html`, lastLine: 1, message: 'Consider adding a “lang” attribute.' },
      { type: 'info', url: `${root}/a.html`, lastLine: 1, message: 'Trailing slash on void elements has no effect.' },
    );
    expect(vnuDiagnostics(json, root).map((d) => [d.level, d.code, d.file, d.line])).toEqual([
      ['warning', 'html-warning', 'a.html', 1],
      ['error', 'html-fatal', 'a.html', 2],
      ['error', 'html-not-checked', 'b.html', undefined],
    ]);
  });

  it('reports output that is not a report as one error instead of passing', () => {
    expect(vnuDiagnostics('Error: Unable to access jarfile', root)).toEqual([
      { level: 'error', code: 'html-not-checked', message: 'the validator printed no JSON report: Error: Unable to access jarfile', file: '(validator)' },
    ]);
    expect(vnuDiagnostics('{"version":"1"}', root)).toEqual([{ level: 'error', code: 'html-not-checked', message: 'the validator report has no "messages" list', file: '(validator)' }]);
    expect(vnuDiagnostics(report(), root)).toEqual([]);
  });
});

describe('warningSummary', () => {
  it('counts warnings by rule, whatever names they quote, most frequent first', () => {
    const json = report(
      ...['a', 'b', 'c'].map((f) => ({ type: 'info', subType: 'warning', url: `${root}/${f}.html`, lastLine: 1, message: 'External stylesheet “/x.css” blocked by “style-src”.', extract: 'x' })),
      { type: 'info', subType: 'warning', url: `${root}/a.html`, lastLine: 1, message: 'Inline script blocked.' },
      { type: 'error', url: `${root}/a.html`, lastLine: 1, message: 'Not counted.' },
    );
    expect(warningSummary(vnuDiagnostics(json, root))).toEqual(['3 × External stylesheet “…” blocked by “…”.', '1 × Inline script blocked.']);
  });
});
