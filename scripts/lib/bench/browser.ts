import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, installed by .ci/run; the flags keep it quiet and offline. Shared by `npm run bench:search` and the browser tests. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
