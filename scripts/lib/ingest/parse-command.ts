/**
 * What `npm run --silent parse -- FILE` does (scripts/parse.ts parses its arguments and calls this):
 * parses one source text from anywhere and prints the structured document as JSON on stdout,
 * diagnostics on stderr. A sidecar beside the file is used when present.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '#schemas/diagnostic.ts';
import { loadRegistry } from '#core/department-registry.ts';
import { consoleOutput, type CliOutput } from '../cli-output.ts';
import { loadOverrides } from './normalise.ts';
import { ingestSource } from './pipeline.ts';
import { readSidecar, readSourceBytes } from './read-source.ts';
import { serialise } from './write.ts';

/** The project root, whose override table and department registry the parse uses. */
const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');

/** `file` as the user typed it, `cwd` where they typed it (files are shown relative to it). */
export type ParseOptions = { file: string; cwd: string };

/** Parses the file and returns the exit code: 2 when there is no such file, 1 on any error. */
export function runParse({ file: arg, cwd }: ParseOptions, output: CliOutput = consoleOutput): number {
  const file = path.resolve(cwd, arg);
  if (!fs.existsSync(file)) {
    output.error(`${arg}: no such file`);
    return 2;
  }
  const overrides = loadOverrides(JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'content/normalise/t2s-overrides.json'), 'utf8')));
  const registry = loadRegistry(JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'content/departments.json'), 'utf8')));
  const shown = (f: string) => path.relative(cwd, f) || f;
  const bytes = readSourceBytes(file);
  const sidecar = readSidecar(file.replace(/\.[^./]*$/, '.meta.json'), { required: false });
  // A sidecar beside the file that cannot be used is reported, not thrown: the text is parsed without it.
  const result = bytes.value ? ingestSource({ file: shown(file), bytes: bytes.value, sidecar: sidecar.value?.meta ?? null, overrides, registry }) : null;
  const diagnostics = [...bytes.diagnostics, ...sidecar.diagnostics].map((d) => ({ ...d, file: shown(d.file) })).concat(result?.diagnostics ?? []);
  for (const d of diagnostics) output.error(formatDiagnostic(d));
  if (result?.document) output.write(serialise(result.document));
  return hasErrors(diagnostics) ? 1 : 0;
}

function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.level === 'error');
}
