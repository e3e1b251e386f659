/**
 * `npm run ingest [-- --check] [--sources DIR] [--out DIR]`: ingests every source text with its
 * sidecar and writes one JSON file per document, rewriting only the files whose content changed.
 * With --check it writes nothing and fails when the committed data differs from what the sources
 * produce now.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, type Diagnostic } from '../src/schemas/diagnostic.ts';
import type { Document } from '../src/schemas/document.ts';
import type { SourceRef } from '../src/schemas/entities.ts';
import { SourceMeta } from '../src/schemas/sidecar.ts';
import { duplicateIdErrors, linkDuplicates } from './lib/corpus.ts';
import { addToGolden, GOLDEN_FILE } from './lib/golden.ts';
import { loadRegistry } from './lib/extract/departments.ts';
import { loadOverrides } from './lib/normalise.ts';
import { ingestSource } from './lib/pipeline.ts';
import { summarise } from './lib/summary.ts';
import { outputOf, serialise, staleFiles, writeChanged } from './lib/write.ts';

const { values: args } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    sources: { type: 'string', default: 'content/sources' },
    out: { type: 'string', default: 'content/generated/documents' },
    overrides: { type: 'string', default: 'content/normalise/t2s-overrides.json' },
    departments: { type: 'string', default: 'content/departments.json' },
    quiet: { type: 'boolean', default: false },
    'update-golden': { type: 'boolean', default: false },
  },
});

const diagnostics: Diagnostic[] = [];
const overrides = loadOverrides(JSON.parse(fs.readFileSync(args.overrides, 'utf8')));
const registry = loadRegistry(JSON.parse(fs.readFileSync(args.departments, 'utf8')));
const sourceFiles = fs
  .readdirSync(args.sources)
  .filter((f) => f.endsWith('.txt'))
  .sort();

const ingested: Document[] = [];
const unmatched = new Map<string, SourceRef[]>();
for (const name of sourceFiles) {
  const file = path.join(args.sources, name);
  const sidecar = readSidecar(file.replace(/\.txt$/, '.meta.json'));
  diagnostics.push(...sidecar.diagnostics);
  if (!sidecar.value) continue;
  const result = ingestSource({ file, bytes: fs.readFileSync(file), sidecar: sidecar.value, overrides, registry });
  diagnostics.push(...result.diagnostics);
  unmatched.set(sidecar.value.id, result.unmatched);
  if (result.document && !result.diagnostics.some((d) => d.level === 'error')) ingested.push(result.document);
}
diagnostics.push(...duplicateIdErrors(ingested));
const linked = linkDuplicates(ingested);
diagnostics.push(...linked.diagnostics);
const documents = linked.documents.map((d) => ({
  ...d,
  diagnostics: [...d.diagnostics, ...linked.diagnostics.filter((x) => x.file === d.sourceFile)],
}));

if (!args.quiet) {
  for (const doc of documents) console.log(summarise(doc, unmatched.get(doc.id) ?? []));
}
const expected = new Map(documents.map((d) => [`${d.id}.json`, outputOf(serialise(d))]));
const errors = diagnostics.filter((d) => d.level === 'error');
for (const d of errors) console.error(formatDiagnostic(d));
const stale = args.check ? staleFiles(args.out, expected) : writeChanged(args.out, expected).removed;
for (const f of stale) console.error(`${path.join(args.out, f)}: ${args.check ? 'differs from what the sources produce: run `npm run ingest` and commit the result' : 'removed (no source produces it)'}`);
if (args['update-golden']) {
  const golden = fs.existsSync(GOLDEN_FILE) ? JSON.parse(fs.readFileSync(GOLDEN_FILE, 'utf8')) : {};
  const { golden: updated, added, moved } = addToGolden(golden, documents);
  fs.writeFileSync(GOLDEN_FILE, `${JSON.stringify(updated, null, 2)}\n`);
  console.log(`${GOLDEN_FILE}: ${added} ids added`);
  for (const m of moved) console.error(`${GOLDEN_FILE}: ${m} — left as it was: a pinned id must keep naming the same thing`);
}
console.log(`${sourceFiles.length} sources, ${documents.length} documents ingested, ${errors.length} errors, ${diagnostics.length - errors.length} warnings`);
process.exitCode = errors.length > 0 || (args.check && stale.length > 0) ? 1 : 0;

function readSidecar(file: string): { value: SourceMeta | null; diagnostics: Diagnostic[] } {
  if (!fs.existsSync(file)) {
    return { value: null, diagnostics: [{ level: 'error', code: 'sidecar-missing', message: `no sidecar: create ${path.basename(file)} with the document's id, region, type and short title (see README)`, file }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return { value: null, diagnostics: [{ level: 'error', code: 'sidecar-json', message: `not valid JSON: ${(error as Error).message}`, file }] };
  }
  const parsed = SourceMeta.safeParse(json);
  if (parsed.success) return { value: parsed.data, diagnostics: [] };
  return {
    value: null,
    diagnostics: parsed.error.issues.map((issue) => ({ level: 'error', code: 'sidecar-schema', message: `${issue.path.join('.') || '(root)'}: ${issue.message}`, file })),
  };
}
