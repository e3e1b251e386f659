/**
 * `npm run check:corpus -- [--json FILE] [--floors FILE] [DIR…]`: ingests every .txt and .md text under
 * the folders (content/sources when none is given), sidecars used where present, and prints per file
 * and in total: errors and warnings, articles and provisions against the numbered lines of the text,
 * metadata coverage, departments known and unknown, and characters accounted for. Writes nothing
 * but the --json figures. With --floors it also prints each measure against its floor and target and
 * exits 1 when one falls below its floor.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkCorpus, formatCorpusCheck } from './lib/checks/check-corpus.ts';
import { compareToFloors, Floors, formatFloorRows } from './lib/checks/floors.ts';
import { projectIngest } from './lib/ingest/source-files.ts';

// npm runs scripts from the project root; INIT_CWD is where the user typed the command. Folders are
// shown relative to the project, as the ingest names its sources.
const userCwd = process.env['INIT_CWD'] ?? process.cwd();
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'string' }, floors: { type: 'string' } },
});
const dirs = positionals.length > 0 ? positionals.map((d) => path.relative(process.cwd(), path.resolve(userCwd, d)) || '.') : ['content/sources'];
const missing = dirs.filter((d) => !fs.existsSync(d));
if (missing.length > 0) {
  console.error(`no such folder: ${missing.join(', ')}`);
  process.exit(2);
}

const check = checkCorpus(dirs, projectIngest());
console.log(formatCorpusCheck(check));
if (args.json !== undefined) fs.writeFileSync(path.resolve(userCwd, args.json), `${JSON.stringify({ files: check.files, totals: check.totals, measures: check.measures }, null, 2)}\n`);
if (args.floors !== undefined) {
  const rows = compareToFloors(check.measures, Floors.parse(JSON.parse(fs.readFileSync(path.resolve(userCwd, args.floors), 'utf8'))));
  console.log(`\n${formatFloorRows(rows)}`);
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}
