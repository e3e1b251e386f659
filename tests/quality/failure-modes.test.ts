import { spawnSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFindings, type A11yExclusion } from '../../scripts/lib/checks/a11y.ts';
import { runCheckLinks } from '../../scripts/lib/checks/check-links-command.ts';
import config from '../../astro.config.mjs';
import { formatDiagnostic } from '#schemas/diagnostic.ts';
import { axeViolations, VIEWS } from '../helpers/axe.ts';
import { callCommand } from '../helpers/commands.ts';
import { launchChromium } from '../../scripts/lib/bench/browser.ts';
import { serveStatic } from '../../scripts/lib/bench/static-server.ts';

/**
 * The site checks must fail on a broken page, not just pass on a good one: each is run on a small
 * fixture site with one deliberate fault, and on the other fixtures, which are clean in its respect.
 */
const FIXTURES = 'tests/fixtures/quality';
const timeout = 120_000;

/** Runs a checker CLI with the project's Node, as `npm run` would. */
function runCli(script: string, dir: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the link checker (scripts/check-links.ts)', () => {
  it('fails on a link to a missing page and on a missing percent-encoded Chinese anchor, and passes the encoded anchor that exists', () => {
    const run = runCli('scripts/check-links.ts', `${FIXTURES}/broken-link`);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      `${FIXTURES}/broken-link/index.html:10: error [link-missing-file] /missing/ → /missing/: no such file in the build`,
      `${FIXTURES}/broken-link/index.html:12: error [link-missing-anchor] #%E7%BC%BA%E5%A4%B1: index.html has no element with id "缺失"`,
    ]);
    expect(run.stdout).toContain('links: 3 links in 1 pages checked, 2 problems');
  });

  it('passes the fixtures whose fault is elsewhere', () => {
    // Called in this process: the test above runs the command itself.
    const checkLinks = (dir: string) => callCommand((output) => runCheckLinks({ dir, base: config.base ?? '/', site: config.site }, output));
    expect(checkLinks(`${FIXTURES}/invalid-page`).status).toBe(0);
    expect(checkLinks(`${FIXTURES}/inaccessible-button`).status).toBe(0);
  });
});

describe('the HTML checker (scripts/check-html.ts)', () => {
  it(
    'fails on the invalid page only, naming the file, line and the validator’s message, in one Java run for all fixtures',
    () => {
      const run = runCli('scripts/check-html.ts', FIXTURES);
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([
        `${FIXTURES}/invalid-page/index.html:10: error [html-invalid] No “p” element in scope but a “p” end tag seen. — near “块级元素</div></p> </mai”`,
      ]);
      expect(run.stdout).toContain('html: 3 pages checked, 1 errors, 0 warnings');
    },
    timeout,
  );
});

describe('the accessibility audit (axe-core in Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, timeout);
  afterAll(async () => {
    await browser?.close();
  }, timeout);

  async function audit(site: string, exclusions: A11yExclusion[] = []) {
    const server = await serveStatic(`${FIXTURES}/${site}`);
    try {
      const view = VIEWS[0]!;
      const violations = await axeViolations(browser, `${server.origin}/`, view);
      return auditFindings(violations, { file: `${site}/index.html`, type: 'home', view: view.name }, exclusions);
    } finally {
      await server.close();
    }
  }

  it(
    'fails on an icon button without a name, saying which rule, element and fix',
    async () => {
      const { diagnostics } = await audit('inaccessible-button');
      expect(diagnostics.map((d) => [d.file, d.code])).toEqual([['inaccessible-button/index.html', 'a11y-button-name']]);
      const message = diagnostics[0]?.message ?? '';
      expect(message).toMatch(/^button-name \(critical\) at desktop 1280px: Buttons must have discernible text — 1 element: button <button type="button" class="copy">/);
      expect(message).toContain('Element does not have inner text that is visible to screen readers');
      expect(message).toMatch(/\(https:\/\/dequeuniversity\.com\/rules\/axe\/[\d.]+\/button-name/);
    },
    timeout,
  );

  it(
    'passes it when a written-down exclusion covers that element, and records the exclusion as used',
    async () => {
      const exclusion = { rule: 'button-name', selector: 'button', reason: 'fixture: shows that an exclusion with a reason silences exactly its element' };
      const { diagnostics, used } = await audit('inaccessible-button', [exclusion]);
      expect(diagnostics).toEqual([]);
      expect([...used]).toEqual([0]);
    },
    timeout,
  );

  it(
    'passes the fixtures whose fault is elsewhere',
    async () => {
      expect((await audit('broken-link')).diagnostics.map(formatDiagnostic)).toEqual([]);
      expect((await audit('invalid-page')).diagnostics.map(formatDiagnostic)).toEqual([]);
    },
    timeout,
  );
});
