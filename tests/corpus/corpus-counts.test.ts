/**
 * Every count taken over the whole corpus, in one reviewed file (corpus-counts.json) rather than
 * spread as numbers through the unit tests: adding or changing a source changes this one file.
 * After such a change, run `npx vitest run --project corpus -u` and review the diff like code.
 */
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { countStructure } from '../../scripts/lib/ingest/report.ts';
import { corpusStats } from '../../src/lib/corpus-stats.ts';
import type { Document } from '#schemas/document.ts';
import { siteFixture } from '../helpers/site-fixture.ts';

function counted<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** What one document holds, by kind. */
function documentCounts(doc: Document) {
  return {
    structure: countStructure(doc),
    normalisation: Object.fromEntries(Object.entries(doc.normalisation).sort(([a], [b]) => a.localeCompare(b))),
    drops: counted(doc.drops, (d) => d.rule),
    extracted: Object.fromEntries(Object.entries(doc.extracted).map(([kind, items]) => [kind, items.length])),
    diagnostics: counted(doc.diagnostics, (d) => `${d.level} ${d.code}`),
  };
}

it('counts the corpus as reviewed in corpus-counts.json', async () => {
  const { documents, corpus, indexes, registry } = siteFixture();
  const counts = {
    documents: Object.fromEntries([...documents].sort((a, b) => a.id.localeCompare(b.id)).map((d) => [d.id, documentCounts(d)])),
    openData: Object.fromEntries(Object.entries(corpus).map(([name, records]) => [name, records.length])),
    registry: registry.length,
    siteFigures: corpusStats(documents, corpus, indexes),
  };
  expect(fs.existsSync('content/generated/documents')).toBe(true);
  await expect(`${JSON.stringify(counts, null, 2)}\n`).toMatchFileSnapshot('./corpus-counts.json');
});
