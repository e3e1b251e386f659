/**
 * `npm run --silent parse -- FILE`: parses one source text from anywhere and prints the structured
 * document as JSON on stdout, diagnostics on stderr. A sidecar beside the file is used when present.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '#schemas/diagnostic.ts';
import { SourceMeta } from '#schemas/sidecar.ts';
import { loadRegistry } from '#core/department-registry.ts';
import { loadOverrides } from './lib/ingest/normalise.ts';
import { ingestSource } from './lib/ingest/pipeline.ts';
import { serialise } from './lib/ingest/write.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
// npm runs scripts from the project root; INIT_CWD is where the user typed the command.
const userCwd = process.env['INIT_CWD'] ?? process.cwd();
const [arg] = process.argv.slice(2);
if (!arg) {
  console.error('usage: npm run --silent parse -- FILE');
  process.exit(2);
}
const file = path.resolve(userCwd, arg);
if (!fs.existsSync(file)) {
  console.error(`${arg}: no such file`);
  process.exit(2);
}
const overrides = loadOverrides(JSON.parse(fs.readFileSync(path.join(projectRoot, 'content/normalise/t2s-overrides.json'), 'utf8')));
const registry = loadRegistry(JSON.parse(fs.readFileSync(path.join(projectRoot, 'content/departments.json'), 'utf8')));
const sidecarFile = file.replace(/\.[^./]*$/, '.meta.json');
const sidecar = fs.existsSync(sidecarFile) ? SourceMeta.parse(JSON.parse(fs.readFileSync(sidecarFile, 'utf8'))) : null;
const shownPath = path.relative(userCwd, file) || file;
const result = ingestSource({ file: shownPath, bytes: fs.readFileSync(file), sidecar, overrides, registry });
for (const d of result.diagnostics) console.error(formatDiagnostic(d));
if (result.document) process.stdout.write(serialise(result.document));
process.exitCode = hasErrors(result.diagnostics) ? 1 : 0;

function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.level === 'error');
}
