import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCorpus, type CorpusCheck } from '../../scripts/lib/checks/check-corpus.ts';
import { compareToFloors, Floors, formatFloorRows } from '../../scripts/lib/checks/floors.ts';
import { projectIngest, SHARED_CORPUS } from '../../scripts/lib/ingest/source-files.ts';
import { sharedCorpusPresent } from '../helpers/shared-corpus.ts';

/** Ingesting takes seconds alone and longer on a busy shared machine; this only stops a hung run. */
const INGEST_TIMEOUT_MS = 120_000;
/** The thresholds of issue 11 §7, as floors that only rise (see the file's note). */
const FLOORS = Floors.parse(JSON.parse(fs.readFileSync('tests/fixtures/corpus-floors.json', 'utf8')));

describe.skipIf(!sharedCorpusPresent())('check:corpus on the shared corpus', () => {
  let check: CorpusCheck;
  beforeAll(() => {
    check = checkCorpus([SHARED_CORPUS], projectIngest());
    console.log(`check:corpus on ${SHARED_CORPUS}, target beside actual:\n${formatFloorRows(compareToFloors(check.measures, FLOORS))}`);
  }, INGEST_TIMEOUT_MS);

  it('measures every text the manifest lists', () => {
    const manifest: { file: string }[] = JSON.parse(fs.readFileSync(`${SHARED_CORPUS}/manifest.json`, 'utf8'));
    expect(check.files.map((f) => f.file).sort()).toEqual(manifest.map((m) => `${SHARED_CORPUS}/${m.file}`).sort());
  });

  it('has a floor for every measure and a measure for every floor', () => {
    expect(Object.keys(check.measures).sort()).toEqual(Object.keys(FLOORS.measures).sort());
  });

  it.each(Object.keys(FLOORS.measures))('keeps %s at or above its floor', (measure) => {
    const row = compareToFloors(check.measures, FLOORS).find((r) => r.measure === measure);
    expect(row, `${measure} measured ${row?.actual} against floor ${row?.floor}: ${FLOORS.measures[measure]?.reason}`).toMatchObject({ ok: true });
  });
});
