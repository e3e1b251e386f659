/**
 * `npm run eval -- [--labels DIR] [--floors FILE] [--misses] [--json FILE]`: ingests every labelled text
 * (tests/fixtures/labels) and prints precision and recall per kind of fact, then each measure beside
 * its floor and target (tests/fixtures/eval-floors.json); exits 1 when one falls below its floor.
 * --misses lists every fact missed or found in excess. Writes nothing but the --json figures. The
 * work is runEval's (scripts/lib/eval/eval-command.ts).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runEval } from './lib/eval/eval-command.ts';

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
process.exitCode = runEval({ ...args, json: args.json === undefined ? undefined : path.resolve(userCwd, args.json) });
