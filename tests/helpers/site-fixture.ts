import fs from 'node:fs';
import { aggregate, type Corpus } from '#core/corpus-records.ts';
import { loadRegistry } from '#core/department-registry.ts';
import { indexDocument, type DocumentIndex } from '#core/document-index.ts';
import { loadTopics, type Topic } from '../../src/lib/topics.ts';
import type { Document } from '#schemas/document.ts';
import type { Department } from '#schemas/entities.ts';
import { generatedDocument, generatedIds } from './generated.ts';
import { routes } from '#core/routes.ts';

/** What the site's pages are built from, read from the committed data without Astro. */
export interface SiteFixture {
  /** Newest first, then by id: the site's order. */
  documents: Document[];
  canonical: Document[];
  indexes: Map<string, DocumentIndex>;
  registry: Department[];
  topics: Topic[];
  corpus: Corpus;
}

let fixture: SiteFixture | undefined;

/** The committed corpus as the site sees it, loaded once per test file. */
export function siteFixture(): SiteFixture {
  if (fixture) return fixture;
  const documents = generatedIds()
    .map(generatedDocument)
    .sort((a, b) => (b.meta.date ?? '').localeCompare(a.meta.date ?? '') || a.id.localeCompare(b.id));
  const registry = loadRegistry(JSON.parse(fs.readFileSync('content/departments.json', 'utf8')));
  fixture = {
    documents,
    canonical: documents.filter((d) => d.duplicateOf === null),
    indexes: new Map(documents.map((d) => [d.id, indexDocument(d)])),
    registry,
    topics: loadTopics(JSON.parse(fs.readFileSync('content/topics.json', 'utf8')), registry),
    corpus: aggregate(documents, registry, new URL('https://policy-atlas.example.org'), routes()),
  };
  return fixture;
}
