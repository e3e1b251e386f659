import axe from 'axe-core';
import type { Browser } from 'playwright-core';
import { WCAG21_AA_TAGS, type AxeViolation } from '../../scripts/lib/checks/a11y.ts';

/** How a page is rendered for an audit: the desktop and phone widths, and the dark colour scheme the CSS also styles. */
export interface View {
  name: string;
  width: number;
  height: number;
  colorScheme: 'light' | 'dark';
}

export const VIEWS: readonly View[] = [
  { name: 'desktop 1280px', width: 1280, height: 900, colorScheme: 'light' },
  { name: 'phone 360px', width: 360, height: 740, colorScheme: 'light' },
  { name: 'desktop 1280px dark', width: 1280, height: 900, colorScheme: 'dark' },
];

/**
 * The WCAG 2.1 A/AA violations axe-core finds on a page as a person would get it: real Chromium,
 * the page's own scripts run and fonts loaded, the view's width and colour scheme.
 */
export async function axeViolations(browser: Browser, url: string, view: View, options: { settle?: boolean } = {}): Promise<AxeViolation[]> {
  const context = await browser.newContext({ viewport: { width: view.width, height: view.height }, colorScheme: view.colorScheme, reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    // settle: wait until the page's scripts have stopped fetching (e.g. search results drawn from the index).
    const response = await page.goto(url, { waitUntil: options.settle ? 'networkidle' : 'load' });
    if (response === null || !response.ok()) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
    await page.evaluate(() => document.fonts.ready);
    // Evaluated through the DevTools protocol, so the page's Content Security Policy does not block it and is left as built.
    await page.evaluate(axe.source);
    const results = await page.evaluate(
      (tags) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
      [...WCAG21_AA_TAGS],
    );
    return results.violations;
  } finally {
    await context.close();
  }
}
