/**
 * What `npm run check:corpus` does: ingests every .txt and .md text under the folders, sidecars used
 * where present, and prints the corpus check (scripts/lib/checks/check-corpus.ts); writes nothing but
 * the `json` figures, and with `floors` prints each measure against its floor and target.
 */
import fs from 'node:fs';
import { consoleOutput, type CliOutput } from '../cli-output.ts';
import { projectIngest } from '../ingest/source-files.ts';
import { checkCorpus, formatCorpusCheck } from './check-corpus.ts';
import { compareToFloors, Floors, formatFloorRows } from './floors.ts';

/** The folders to check; `json`, the file to write the figures to; `floors`, the floors file. */
export type CheckCorpusOptions = { dirs: readonly string[]; json?: string | undefined; floors?: string | undefined };

/** Checks the folders; the exit code is 1 when a measure falls below its floor, 2 when a folder is missing. */
export function runCheckCorpus({ dirs, json, floors }: CheckCorpusOptions, output: CliOutput = consoleOutput): number {
  const missing = dirs.filter((d) => !fs.existsSync(d));
  if (missing.length > 0) {
    output.error(`no such folder: ${missing.join(', ')}`);
    return 2;
  }
  const check = checkCorpus([...dirs], projectIngest());
  output.log(formatCorpusCheck(check));
  if (json !== undefined) fs.writeFileSync(json, `${JSON.stringify({ files: check.files, totals: check.totals, measures: check.measures }, null, 2)}\n`);
  if (floors === undefined) return 0;
  const rows = compareToFloors(check.measures, Floors.parse(JSON.parse(fs.readFileSync(floors, 'utf8'))));
  output.log(`\n${formatFloorRows(rows)}`);
  return rows.some((r) => !r.ok) ? 1 : 0;
}
