import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '#schemas/document.ts';
import { hashedGoldenViolations, serialiseGolden, type Golden } from '../../scripts/lib/ingest/golden.ts';
import { SHARED_GOLDEN_FILE, sharedCorpusDocuments } from '../../scripts/lib/ingest/shared-corpus-golden.ts';
import { sharedCorpusLaws, sharedCorpusPresent } from '../helpers/shared-corpus.ts';

/** Ingesting 115 laws takes seconds alone and longer on a busy shared machine; this only stops a hung run. */
const INGEST_TIMEOUT_MS = 120_000;
const UPDATE = 'run `npm run golden:corpus -- --update` to pin new ids (it never rewrites a pinned one)';

describe.skipIf(!sharedCorpusPresent())('the pinned ids of the shared corpus', () => {
  let documents: Map<string, Document | null>;
  let golden: Golden;
  beforeAll(() => {
    documents = sharedCorpusDocuments();
    golden = JSON.parse(fs.readFileSync(SHARED_GOLDEN_FILE, 'utf8'));
  }, INGEST_TIMEOUT_MS);

  it('pins every law of the corpus, keyed by its path under the corpus', () => {
    expect([...documents.keys()].sort(), UPDATE).toEqual(sharedCorpusLaws());
    expect(Object.keys(golden).sort(), UPDATE).toEqual(sharedCorpusLaws());
  });

  it('keeps every pinned id naming what it named (ids may be added, never moved)', () => {
    expect(hashedGoldenViolations(golden, documents)).toEqual([]);
  });

  it('pins hashes, never the texts’ words, in the form --update writes', () => {
    for (const ids of Object.values(golden)) for (const fingerprint of Object.values(ids)) expect(fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(fs.readFileSync(SHARED_GOLDEN_FILE, 'utf8')).toBe(serialiseGolden(golden));
  });

});
