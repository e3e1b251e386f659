/**
 * `npm run --silent parse -- FILE`: parses one source text from anywhere and prints the structured
 * document as JSON on stdout, diagnostics on stderr. A sidecar beside the file is used when present.
 * The work is runParse's (scripts/lib/ingest/parse-command.ts).
 */
import { runParse } from './lib/ingest/parse-command.ts';

// npm runs scripts from the project root; INIT_CWD is where the user typed the command.
const cwd = process.env['INIT_CWD'] ?? process.cwd();
const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: npm run --silent parse -- FILE');
  process.exit(2);
}
process.exitCode = runParse({ file, cwd });
