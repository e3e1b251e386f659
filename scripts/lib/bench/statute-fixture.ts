/**
 * A crafted statute excerpt (tests/fixtures/citing/), ingested as the pipeline ingests a source: the
 * shared laws are not in the site's corpus yet, and statute citations must still be tested.
 */
import fs from 'node:fs';
import { loadRegistry } from '#core/department-registry.ts';
import type { Document } from '#schemas/document.ts';
import { SourceMeta } from '#schemas/sidecar.ts';
import { loadOverrides } from '../ingest/normalise.ts';
import { ingestSource } from '../ingest/pipeline.ts';

export const STATUTE_FIXTURE_ID = 'social-insurance-law';

export function statuteFixture(): Document {
  const file = 'tests/fixtures/citing/social-insurance-law-excerpt.md';
  const sidecar = SourceMeta.parse({
    id: STATUTE_FIXTURE_ID,
    region: { name: '全国', level: 'national', within: [] },
    type: '办法',
    shortTitle: '社会保险法',
    corrections: { title: { value: '中华人民共和国社会保险法', reason: 'test fixture' }, issuer: { value: '全国人民代表大会常务委员会', reason: 'test fixture' } },
  });
  const result = ingestSource({
    file,
    bytes: fs.readFileSync(file),
    sidecar,
    overrides: loadOverrides(JSON.parse(fs.readFileSync('content/normalise/t2s-overrides.json', 'utf8'))),
    registry: loadRegistry(JSON.parse(fs.readFileSync('content/departments.json', 'utf8'))),
  });
  if (result.document === null) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result.document;
}
