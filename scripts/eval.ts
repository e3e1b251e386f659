/**
 * `npm run eval -- [--labels DIR] [--floors FILE] [--misses] [--json FILE]`: ingests every labelled text
 * (tests/fixtures/labels) and prints precision and recall per kind of fact, then each measure beside
 * its floor and target (tests/fixtures/eval-floors.json); exits 1 when one falls below its floor.
 * --misses lists every fact missed or found in excess. Writes nothing but the --json figures.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareToFloors, Floors, formatFloorRows } from './lib/checks/floors.ts';
import { evalMeasures, evaluate, formatEval, loadLabels } from './lib/eval/evaluate.ts';
import { projectIngest } from './lib/ingest/source-files.ts';

// npm runs scripts from the project root; INIT_CWD is where the user typed the command.
const userCwd = process.env['INIT_CWD'] ?? process.cwd();
const { values: args } = parseArgs({
  options: {
    labels: { type: 'string', default: 'tests/fixtures/labels' },
    floors: { type: 'string', default: 'tests/fixtures/eval-floors.json' },
    misses: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});

const report = evaluate(loadLabels(args.labels), projectIngest());
console.log(formatEval(report, { misses: args.misses }));
const measures = evalMeasures(report);
if (args.json !== undefined) fs.writeFileSync(path.resolve(userCwd, args.json), `${JSON.stringify({ measures, report }, null, 2)}\n`);
const rows = compareToFloors(measures, Floors.parse(JSON.parse(fs.readFileSync(args.floors, 'utf8'))));
console.log(`\n${formatFloorRows(rows)}`);
if (rows.some((r) => !r.ok)) process.exitCode = 1;
