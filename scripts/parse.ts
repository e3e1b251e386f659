/**
 * `npm run --silent parse -- FILE`: parses one source text from anywhere and prints the structured
 * document as JSON on stdout, diagnostics on stderr. A sidecar beside the file is used when present.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '#schemas/diagnostic.ts';
import { loadRegistry } from '#core/department-registry.ts';
import { loadOverrides } from './lib/ingest/normalise.ts';
import { ingestSource } from './lib/ingest/pipeline.ts';
import { readSidecar, readSourceBytes } from './lib/ingest/read-source.ts';
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
const shown = (f: string) => path.relative(userCwd, f) || f;
const bytes = readSourceBytes(file);
const sidecar = readSidecar(file.replace(/\.[^./]*$/, '.meta.json'), { required: false });
// A sidecar beside the file that cannot be used is reported, not thrown: the text is parsed without it.
const result = bytes.value ? ingestSource({ file: shown(file), bytes: bytes.value, sidecar: sidecar.value?.meta ?? null, overrides, registry }) : null;
const diagnostics = [...bytes.diagnostics, ...sidecar.diagnostics].map((d) => ({ ...d, file: shown(d.file) })).concat(result?.diagnostics ?? []);
for (const d of diagnostics) console.error(formatDiagnostic(d));
if (result?.document) process.stdout.write(serialise(result.document));
process.exitCode = hasErrors(diagnostics) ? 1 : 0;

function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.level === 'error');
}
