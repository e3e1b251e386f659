import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic, type StaticServer } from './static-server.ts';

/** Debian's Chromium, installed by .ci/run; the flags keep it quiet and offline. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

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
