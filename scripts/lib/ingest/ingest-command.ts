/**
 * What `npm run ingest` does (scripts/ingest.ts parses its arguments and calls this): ingests every
 * source text with its sidecar and writes one JSON file per document, rewriting only the files whose
 * content changed. With `check` it writes no data and fails when the committed data differs from
 * what the sources produce now.
 *
 * A source whose text, sidecar, override table, department registry and pipeline code are all as in
 * an earlier run takes its result from the cache instead of going through the pipeline again; the
 * corpus-wide steps (duplicates, golden ids, summaries) always see every document. The cache is kept,
 * and pruned to this run's sources, with `check` as well; `noCache` neither reads nor writes it.
 *
 * The folders named by ATLAS_SOURCES (`:`-separated) are ingested too, their texts with or without a
 * sidecar (./external-sources.ts), into build/documents/, which is not committed; `check` leaves them
 * out: it is about the committed sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '#schemas/diagnostic.ts';
import type { Document } from '#schemas/document.ts';
import type { SourceRef } from '#schemas/entities.ts';
import { loadRegistry } from '#core/department-registry.ts';
import { consoleOutput, type CliOutput } from '../cli-output.ts';
import { duplicateIdErrors, linkDuplicates } from './duplicates.ts';
import { addToGolden, GOLDEN_FILE } from './golden.ts';
import { loadOverrides } from './normalise.ts';
import { cacheKey, codeVersion, DEFAULT_CACHE_DIR, loadEntry, pruneEntries, storeEntry, withDigest } from './cache.ts';
import { ingestSource } from './pipeline.ts';
import { externalJobs, loadCategories, SOURCE_CATEGORIES_FILE, type SourceJob } from './external-sources.ts';
import { readSidecar, readSourceBytes } from './read-source.ts';
import { externalSourceFolders } from './source-folders.ts';
import { EXTERNAL_OUTPUT } from '#core/document-files.ts';
import { summarise } from './report.ts';
import { outputOf, serialise, staleFiles, writeChanged, type Output } from './write.ts';

export type IngestOptions = {
  check: boolean;
  sources: string;
  out: string;
  overrides: string;
  departments: string;
  quiet: boolean;
  updateGolden: boolean;
  cache: string;
  noCache: boolean;
  /** Extra source folders (ATLAS_SOURCES), read in place; their documents go to `externalOut`. */
  folders: readonly string[];
  externalOut: string;
};

export const DEFAULT_INGEST_OPTIONS: IngestOptions = {
  check: false,
  sources: 'content/sources',
  out: 'content/generated/documents',
  overrides: 'content/normalise/t2s-overrides.json',
  departments: 'content/departments.json',
  quiet: false,
  updateGolden: false,
  cache: DEFAULT_CACHE_DIR,
  noCache: false,
  folders: [],
  externalOut: EXTERNAL_OUTPUT,
};

/** The project root, whose pipeline code the cache key covers. */
const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');

/** Runs the ingest and returns its exit code: 1 on any error, or with `check` on any stale file. */
export function runIngest(options: Partial<IngestOptions> = {}, output: CliOutput = consoleOutput): number {
  const args = { ...DEFAULT_INGEST_OPTIONS, folders: externalSourceFolders(), ...options };
  const diagnostics: Diagnostic[] = [];
  const overridesBytes = fs.readFileSync(args.overrides);
  const registryBytes = fs.readFileSync(args.departments);
  const overrides = loadOverrides(JSON.parse(overridesBytes.toString('utf8')));
  const registry = loadRegistry(JSON.parse(registryBytes.toString('utf8')));
  const codeDigest = args.noCache ? null : codeVersion(PROJECT_ROOT);
  const sourceFiles = fs
    .readdirSync(args.sources)
    .filter((f) => f.endsWith('.txt'))
    .sort();

  const ingested: Document[] = [];
  const unmatched = new Map<string, SourceRef[]>();
  const usedKeys = new Set<string>();
  const storeErrors: Error[] = [];
  let fromCache = 0;
  // The digest of each document's committed form, by object (from the cache, or computed once when it
  // was ingested): one that linkDuplicates leaves as it is needs serialising only when its file differs.
  const knownDigests = new WeakMap<Document, string>();
  const committedJobs: SourceJob[] = [];
  for (const name of sourceFiles) {
    const file = path.join(args.sources, name);
    const sidecar = readSidecar(file.replace(/\.txt$/, '.meta.json'), { required: true });
    diagnostics.push(...sidecar.diagnostics);
    if (sidecar.value) committedJobs.push({ file, sidecar: sidecar.value.meta, sidecarBytes: sidecar.value.bytes });
  }
  // The check is about the committed sources alone: the extra folders' documents are never committed.
  const external =
    args.check || args.folders.length === 0
      ? { jobs: [], diagnostics: [] }
      : externalJobs(args.folders, {
          overrides,
          categories: loadCategories(JSON.parse(fs.readFileSync(SOURCE_CATEGORIES_FILE, 'utf8'))),
          taken: new Set(committedJobs.map((j) => j.sidecar.id)),
        });
  diagnostics.push(...external.diagnostics);
  const externalIds = new Set(external.jobs.map((j) => j.sidecar.id));

  for (const { file, sidecar: meta, sidecarBytes } of [...committedJobs, ...external.jobs]) {
    const bytes = readSourceBytes(file);
    diagnostics.push(...bytes.diagnostics);
    if (!bytes.value) continue;
    const key = codeDigest && cacheKey({ file, source: bytes.value, sidecar: sidecarBytes, overrides: overridesBytes, registry: registryBytes, code: codeDigest });
    const cached = key ? loadEntry(args.cache, key) : null;
    const entry = cached ?? withDigest(ingestSource({ file, bytes: bytes.value, sidecar: meta, overrides, registry }));
    const { result } = entry;
    if (key) usedKeys.add(key);
    if (entry.sha256 && result.document) knownDigests.set(result.document, entry.sha256);
    if (cached) fromCache += 1;
    else if (key) {
      const error = storeEntry(args.cache, key, entry);
      if (error) storeErrors.push(error);
    }
    diagnostics.push(...result.diagnostics);
    unmatched.set(meta.id, result.unmatched);
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
    for (const doc of documents) output.log(summarise(doc, unmatched.get(doc.id) ?? []));
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
  for (const d of [...errors].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? ''))) output.error(formatDiagnostic(d));
  const stale = args.check ? staleFiles(args.out, expected) : writeChanged(args.out, expected).removed;
  // Without ATLAS_SOURCES the folder is emptied, so that a build never shows texts it was not given.
  if (!args.check) writeChanged(args.externalOut, outputs(documents.filter((d) => externalIds.has(d.id))));
  for (const f of stale) output.error(`${path.join(args.out, f)}: ${args.check ? 'differs from what the sources produce: run `npm run ingest` and commit the result' : 'removed (no source produces it)'}`);
  if (args.updateGolden) {
    const golden = fs.existsSync(GOLDEN_FILE) ? JSON.parse(fs.readFileSync(GOLDEN_FILE, 'utf8')) : {};
    const { golden: updated, added, moved } = addToGolden(golden, committed);
    fs.writeFileSync(GOLDEN_FILE, `${JSON.stringify(updated, null, 2)}\n`);
    output.log(`${GOLDEN_FILE}: ${added} ids added`);
    for (const m of moved) output.error(`${GOLDEN_FILE}: ${m} — left as it was: a pinned id must keep naming the same thing`);
  }
  if (codeDigest) pruneEntries(args.cache, usedKeys);
  if (storeErrors[0]) output.error(`${args.cache}: ${storeErrors.length} results could not be cached (${storeErrors[0].message}); the next run ingests them again`);
  output.log(`${sourceFiles.length + external.jobs.length} sources, ${documents.length} documents ingested, ${errors.length} errors, ${diagnostics.length - errors.length} warnings, ${fromCache} from cache`);
  return errors.length > 0 || (args.check && stale.length > 0) ? 1 : 0;
}
