/**
 * `npm run ingest [-- --check] [--sources DIR] [--out DIR] [--no-cache]`: ingests every source text
 * with its sidecar and writes one JSON file per document, rewriting only the files whose content
 * changed. With --check it writes no data and fails when the committed data differs from what the
 * sources produce now.
 *
 * The folders named by ATLAS_SOURCES (`:`-separated) are ingested too, their texts with or without a
 * sidecar (scripts/lib/ingest/external-sources.ts), into build/documents/, which is not committed;
 * --check leaves them out: it is about the committed sources.
 *
 * A source whose text, sidecar, override table, department registry and pipeline code are all as in
 * an earlier run takes its result from the cache (`--cache DIR`, by default under node_modules/.cache)
 * instead of going through the pipeline again; the corpus-wide steps (duplicates, golden ids,
 * summaries) always see every document. The cache is kept, and pruned to this run's sources, with
 * --check as well; --no-cache neither reads nor writes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, type Diagnostic } from '#schemas/diagnostic.ts';
import type { Document } from '#schemas/document.ts';
import type { SourceRef } from '#schemas/entities.ts';
import { SourceMeta } from '#schemas/sidecar.ts';
import { duplicateIdErrors, linkDuplicates } from './lib/ingest/duplicates.ts';
import { addToGolden, GOLDEN_FILE } from './lib/ingest/golden.ts';
import { loadRegistry } from '#core/department-registry.ts';
import { loadOverrides } from './lib/ingest/normalise.ts';
import { cacheKey, codeVersion, DEFAULT_CACHE_DIR, loadEntry, pruneEntries, storeEntry, withDigest } from './lib/ingest/cache.ts';
import { ingestSource } from './lib/ingest/pipeline.ts';
import type { SourceJob } from './lib/ingest/external-sources.ts';
import { EXTERNAL_OUTPUT, externalSourceFolders } from './lib/ingest/source-folders.ts';
import { summarise } from './lib/ingest/report.ts';
import { outputOf, serialise, staleFiles, writeChanged, type Output } from './lib/ingest/write.ts';

const { values: args } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    sources: { type: 'string', default: 'content/sources' },
    out: { type: 'string', default: 'content/generated/documents' },
    overrides: { type: 'string', default: 'content/normalise/t2s-overrides.json' },
    departments: { type: 'string', default: 'content/departments.json' },
    quiet: { type: 'boolean', default: false },
    'update-golden': { type: 'boolean', default: false },
    cache: { type: 'string', default: DEFAULT_CACHE_DIR },
    'no-cache': { type: 'boolean', default: false },
  },
});

const diagnostics: Diagnostic[] = [];
const overridesBytes = fs.readFileSync(args.overrides);
const registryBytes = fs.readFileSync(args.departments);
const overrides = loadOverrides(JSON.parse(overridesBytes.toString('utf8')));
const registry = loadRegistry(JSON.parse(registryBytes.toString('utf8')));
const codeDigest = args['no-cache'] ? null : codeVersion(path.resolve(import.meta.dirname, '..'));
const sourceFiles = fs
  .readdirSync(args.sources)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const committedJobs: SourceJob[] = [];
for (const name of sourceFiles) {
  const file = path.join(args.sources, name);
  const sidecar = readSidecar(file.replace(/\.txt$/, '.meta.json'));
  diagnostics.push(...sidecar.diagnostics);
  if (sidecar.value) committedJobs.push({ file, sidecar: sidecar.value, sidecarBytes: sidecar.bytes });
}
// The check is about the committed sources alone: the extra folders' documents are never committed.
const folders = args.check ? [] : externalSourceFolders();
// Loaded only when there are folders: deriving ids loads pinyin-pro's dictionary (about half a second).
const external = folders.length === 0 ? { jobs: [], diagnostics: [] } : await externalSources(folders);
diagnostics.push(...external.diagnostics);
const externalIds = new Set(external.jobs.map((j) => j.sidecar.id));

const ingested: Document[] = [];
const unmatched = new Map<string, SourceRef[]>();
const usedKeys = new Set<string>();
const storeErrors: Error[] = [];
let fromCache = 0;
// The digest of each document's committed form, by object (from the cache, or computed once when it
// was ingested): one that linkDuplicates leaves as it is needs serialising only when its file differs.
const knownDigests = new WeakMap<Document, string>();
for (const { file, sidecar, sidecarBytes } of [...committedJobs, ...external.jobs]) {
  const bytes = fs.readFileSync(file);
  const key = codeDigest && cacheKey({ file, source: bytes, sidecar: sidecarBytes, overrides: overridesBytes, registry: registryBytes, code: codeDigest });
  const cached = key ? loadEntry(args.cache, key) : null;
  const entry = cached ?? withDigest(ingestSource({ file, bytes, sidecar, overrides, registry }));
  const { result } = entry;
  if (key) usedKeys.add(key);
  if (entry.sha256 && result.document) knownDigests.set(result.document, entry.sha256);
  if (cached) fromCache += 1;
  else if (key) {
    const error = storeEntry(args.cache, key, entry);
    if (error) storeErrors.push(error);
  }
  diagnostics.push(...result.diagnostics);
  unmatched.set(sidecar.id, result.unmatched);
  if (result.document && !result.diagnostics.some((d) => d.level === 'error')) ingested.push(result.document);
}
diagnostics.push(...duplicateIdErrors(ingested));
const linked = linkDuplicates(ingested);
diagnostics.push(...linked.diagnostics);
const documents = linked.documents.map((d) => {
  const found = linked.diagnostics.filter((x) => x.file === d.sourceFile);
  return found.length === 0 ? d : { ...d, diagnostics: [...d.diagnostics, ...found] };
});

if (!args.quiet) {
  for (const doc of documents) console.log(summarise(doc, unmatched.get(doc.id) ?? []));
}
const outputs = (docs: readonly Document[]) =>
  new Map(docs.map((d): [string, Output] => {
    const sha256 = knownDigests.get(d);
    return [`${d.id}.json`, sha256 ? { sha256, text: () => serialise(d) } : outputOf(serialise(d))];
  }));
const committed = documents.filter((d) => !externalIds.has(d.id));
const expected = outputs(committed);
const errors = diagnostics.filter((d) => d.level === 'error');
// By file, as the sources are listed: a sidecar's problem beside its text's.
for (const d of [...errors].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? ''))) console.error(formatDiagnostic(d));
const stale = args.check ? staleFiles(args.out, expected) : writeChanged(args.out, expected).removed;
// Without ATLAS_SOURCES the folder is emptied, so that a build never shows texts it was not given.
if (!args.check) writeChanged(EXTERNAL_OUTPUT, outputs(documents.filter((d) => externalIds.has(d.id))));
for (const f of stale) console.error(`${path.join(args.out, f)}: ${args.check ? 'differs from what the sources produce: run `npm run ingest` and commit the result' : 'removed (no source produces it)'}`);
if (args['update-golden']) {
  const golden = fs.existsSync(GOLDEN_FILE) ? JSON.parse(fs.readFileSync(GOLDEN_FILE, 'utf8')) : {};
  const { golden: updated, added, moved } = addToGolden(golden, committed);
  fs.writeFileSync(GOLDEN_FILE, `${JSON.stringify(updated, null, 2)}\n`);
  console.log(`${GOLDEN_FILE}: ${added} ids added`);
  for (const m of moved) console.error(`${GOLDEN_FILE}: ${m} — left as it was: a pinned id must keep naming the same thing`);
}
if (codeDigest) pruneEntries(args.cache, usedKeys);
if (storeErrors[0]) console.error(`${args.cache}: ${storeErrors.length} results could not be cached (${storeErrors[0].message}); the next run ingests them again`);
console.log(`${sourceFiles.length + external.jobs.length} sources, ${documents.length} documents ingested, ${errors.length} errors, ${diagnostics.length - errors.length} warnings, ${fromCache} from cache`);
process.exitCode = errors.length > 0 || (args.check && stale.length > 0) ? 1 : 0;

/** The texts of the ATLAS_SOURCES folders, each with the sidecar it is ingested with. */
async function externalSources(dirs: readonly string[]): Promise<{ jobs: SourceJob[]; diagnostics: Diagnostic[] }> {
  const { externalJobs, loadCategories, SOURCE_CATEGORIES_FILE } = await import('./lib/ingest/external-sources.ts');
  const categories = loadCategories(JSON.parse(fs.readFileSync(SOURCE_CATEGORIES_FILE, 'utf8')));
  return externalJobs(dirs, { overrides, categories, taken: new Set(committedJobs.map((j) => j.sidecar.id)) });
}

/** The sidecar's validated value and its bytes (part of the cache key). */
function readSidecar(file: string): { value: SourceMeta; bytes: Buffer; diagnostics: [] } | { value: null; diagnostics: Diagnostic[] } {
  if (!fs.existsSync(file)) {
    return { value: null, diagnostics: [{ level: 'error', code: 'sidecar-missing', message: `no sidecar: create ${path.basename(file)} with the document's id, region, type and short title (see README)`, file }] };
  }
  const bytes = fs.readFileSync(file);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return { value: null, diagnostics: [{ level: 'error', code: 'sidecar-json', message: `not valid JSON: ${(error as Error).message}`, file }] };
  }
  const parsed = SourceMeta.safeParse(json);
  if (parsed.success) return { value: parsed.data, bytes, diagnostics: [] };
  return {
    value: null,
    diagnostics: parsed.error.issues.map((issue) => ({ level: 'error', code: 'sidecar-schema', message: `${issue.path.join('.') || '(root)'}: ${issue.message}`, file })),
  };
}
