import { defineConfig } from 'vitest/config';

/**
 * The test layers, each a vitest project (`vitest run --project NAME`):
 * - unit: pure functions on small fixtures; no build, no corpus-wide counts (`npm run test:unit`);
 * - corpus: the real sources, the pinned ids and the reviewed corpus-wide counts;
 * - cli: the ingest and parse commands, run as a user runs them;
 * - site, quality, e2e: the built site in dist/ (which `npm test` builds first), its pages, its
 *   HTML, accessibility and size budgets, and the browser;
 * - search: the search page in the browser on dist/, scored against tests/search/queries.json;
 * - build: the incremental build, against full builds in copies of the project.
 */
interface Layer {
  name: string;
  /** Layers that start processes or browsers wait on a shared, busy machine: 60 s, not vitest's 5 s. Nothing here is a timing assertion. */
  spawns: boolean;
  /** Layers that build the whole site in copies of the project run after the others (vitest's groupOrder), so that they do not starve the rest. */
  group: number;
}

const LAYERS: readonly Layer[] = [
  { name: 'unit', spawns: false, group: 0 },
  { name: 'corpus', spawns: false, group: 0 },
  { name: 'cli', spawns: true, group: 0 },
  { name: 'site', spawns: false, group: 0 },
  { name: 'quality', spawns: true, group: 0 },
  { name: 'search', spawns: true, group: 0 },
  { name: 'e2e', spawns: true, group: 1 },
  { name: 'build', spawns: true, group: 1 },
];

export default defineConfig({
  test: {
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: LAYERS.map(({ name, spawns, group }) => ({
      extends: true,
      test: { name, include: [`tests/${name}/**/*.test.ts`], sequence: { groupOrder: group }, ...(spawns ? { testTimeout: 60_000 } : {}) },
    })),
  },
});
