import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareToFloors, Floors, formatFloorRows } from '../../scripts/lib/checks/floors.ts';
import { evalMeasures, evaluate, formatEval, loadLabels, sourceFileOf, type EvalReport } from '../../scripts/lib/eval/evaluate.ts';
import { projectIngest } from '../../scripts/lib/ingest/source-files.ts';
import { sharedCorpusPresent } from '../helpers/shared-corpus.ts';

/** Ingesting takes seconds alone and longer on a busy shared machine; this only stops a hung run. */
const INGEST_TIMEOUT_MS = 120_000;
/** Per kind of fact, precision and recall floors that only rise, with the target (see the file's note). */
const FLOORS = Floors.parse(JSON.parse(fs.readFileSync('tests/fixtures/eval-floors.json', 'utf8')));
const LABELS = loadLabels('tests/fixtures/labels');

describe.skipIf(!sharedCorpusPresent())('eval on the labelled development set', () => {
  let report: EvalReport;
  let measures: Record<string, number>;
  beforeAll(() => {
    report = evaluate(LABELS, projectIngest());
    measures = evalMeasures(report);
    console.log(`${formatEval(report, { misses: false })}\n\n${formatFloorRows(compareToFloors(measures, FLOORS))}`);
  }, INGEST_TIMEOUT_MS);

  it('finds the source of every label', () => {
    expect(LABELS.map(({ label }) => sourceFileOf(label)).filter((f) => !fs.existsSync(f))).toEqual([]);
  });

  it('ingests every labelled text without an error', () => {
    expect(report.texts.filter((t) => t.errors.length > 0).map((t) => [t.slug, t.errors])).toEqual([]);
  });

  it('has a floor for every measure and a measure for every floor', () => {
    expect(Object.keys(measures).sort()).toEqual(Object.keys(FLOORS.measures).sort());
  });

  it.each(Object.keys(FLOORS.measures))('keeps %s at or above its floor', (measure) => {
    const row = compareToFloors(measures, FLOORS).find((r) => r.measure === measure);
    expect(row, `${measure} measured ${row?.actual} against floor ${row?.floor}`).toMatchObject({ ok: true });
  });
});
