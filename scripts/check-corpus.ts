/**
 * `npm run check:corpus -- [--json FILE] [--floors FILE] [DIR…]`: ingests every .txt and .md text under
 * the folders (content/sources when none is given), sidecars used where present, and prints per file
 * and in total: errors and warnings, articles and provisions against the numbered lines of the text,
 * metadata coverage, departments known and unknown, and characters accounted for. Writes nothing
 * but the --json figures. With --floors it also prints each measure against its floor and target and
 * exits 1 when one falls below its floor. The work is runCheckCorpus's
 * (scripts/lib/checks/check-corpus-command.ts).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCheckCorpus } from './lib/checks/check-corpus-command.ts';

// npm runs scripts from the project root; INIT_CWD is where the user typed the command. Folders are
// shown relative to the project, as the ingest names its sources.
const userCwd = process.env['INIT_CWD'] ?? process.cwd();
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'string' }, floors: { type: 'string' } },
});
const dirs = positionals.length > 0 ? positionals.map((d) => path.relative(process.cwd(), path.resolve(userCwd, d)) || '.') : ['content/sources'];
const fromUser = (file: string | undefined) => (file === undefined ? undefined : path.resolve(userCwd, file));
process.exitCode = runCheckCorpus({ dirs, json: fromUser(args.json), floors: fromUser(args.floors) });
