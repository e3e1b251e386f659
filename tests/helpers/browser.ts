import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../scripts/lib/bench/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/bench/static-server.ts';

/** A built site served on loopback and a Chromium to open it, for the tests of one file. */
export type SiteSession = { readonly server: StaticServer; readonly browser: Browser };

/** Serves `dir` and launches Chromium before the file's tests, and closes both after them. */
export function useSiteInBrowser(dir: string, timeout: number): SiteSession {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveStatic(dir);
    browser = await launchChromium();
  }, timeout);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, timeout);
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the site session is used before beforeAll ran');
    return value;
  };
  return {
    get server() {
      return ready(server);
    },
    get browser() {
      return ready(browser);
    },
  };
}
