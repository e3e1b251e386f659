import { defineConfig } from 'vitest/config';

/**
 * The test layers, each a vitest project (`vitest run --project NAME`):
 * - unit: pure functions on small fixtures; no build, no corpus-wide counts (`npm run test:unit`);
 * - corpus: the real sources, the pinned ids and the reviewed corpus-wide counts;
 * - cli: the ingest and parse commands, run as a user runs them;
 * - site, quality, e2e: the built site in dist/ (which `npm test` builds first), its pages, its
 *   HTML, accessibility and size budgets, and the browser;
 * - build: the incremental build, against full builds in copies of the project.
 */
const layer = (name: string) => ({ extends: true, test: { name, include: [`tests/${name}/**/*.test.ts`] } });

export default defineConfig({
  test: {
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: ['unit', 'corpus', 'cli', 'site', 'quality', 'e2e', 'build'].map(layer),
  },
});
