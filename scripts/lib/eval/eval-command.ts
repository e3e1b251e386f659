/**
 * What `npm run eval` does: ingests every labelled text and prints precision and recall per kind of
 * fact, then each measure beside its floor and target. Writes nothing but the `json` figures.
 */
import fs from 'node:fs';
import { consoleOutput, type CliOutput } from '../cli-output.ts';
import { compareToFloors, Floors, formatFloorRows } from '../checks/floors.ts';
import { projectIngest } from '../ingest/source-files.ts';
import { evalMeasures, evaluate, formatEval, loadLabels } from './evaluate.ts';

/** `labels` the labelled texts, `floors` the floors file, `misses` whether to list every fact missed or in excess, `json` the file for the figures. */
export type EvalOptions = { labels: string; floors: string; misses: boolean; json?: string | undefined };

/** Evaluates the labelled texts; the exit code is 1 when a measure falls below its floor. */
export function runEval({ labels, floors, misses, json }: EvalOptions, output: CliOutput = consoleOutput): number {
  const report = evaluate(loadLabels(labels), projectIngest());
  output.log(formatEval(report, { misses }));
  const measures = evalMeasures(report);
  if (json !== undefined) fs.writeFileSync(json, `${JSON.stringify({ measures, report }, null, 2)}\n`);
  const rows = compareToFloors(measures, Floors.parse(JSON.parse(fs.readFileSync(floors, 'utf8'))));
  output.log(`\n${formatFloorRows(rows)}`);
  return rows.some((r) => !r.ok) ? 1 : 0;
}
