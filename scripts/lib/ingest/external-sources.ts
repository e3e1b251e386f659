/**
 * The texts of the ATLAS_SOURCES folders, each with the sidecar it has beside it or one made from
 * the folder tree's manifest and the text itself: its permanent id (scripts/lib/ingest/derived-ids.ts),
 * region, type, short title and origin. Reads files; ingests nothing.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '#schemas/diagnostic.ts';
import type { SourceMeta } from '#schemas/sidecar.ts';
import { SourceCategory, type ManifestEntry } from '#schemas/source-manifest.ts';
import { decode } from './decode.ts';
import { derivedIds, type IdBasis } from './derived-ids.ts';
import { extractTextMetadata } from './metadata.ts';
import { normalise, type OverrideEntry } from './normalise.ts';
import { readSidecar, readSourceBytes } from './read-source.ts';
import { manifestFor, sidecarFileOf, sourceTextsUnder } from './source-folders.ts';

/** The reviewed mapping of manifest categories to document types. */
export const SOURCE_CATEGORIES_FILE = 'content/source-categories.json';

export function loadCategories(json: unknown): SourceCategory[] {
  return SourceCategory.array().parse(json);
}

/** One text to ingest, with the sidecar it is ingested with and that sidecar's bytes (part of the ingest cache's key). */
export interface SourceJob {
  file: string;
  sidecar: SourceMeta;
  sidecarBytes: Buffer;
}

/** The document type of a manifest category: the category or its first segment, as content/source-categories.json maps it. */
export function categoryType(category: string, categories: readonly SourceCategory[]): SourceCategory['type'] | null {
  const first = category.split('/')[0];
  return (categories.find((c) => c.category === category) ?? categories.find((c) => c.category === first))?.type ?? null;
}

type Draft = { file: string; basis: IdBasis; sidecar: Omit<SourceMeta, 'id'> };

/** What a manifest says about a file, as a sidecar without its id. */
function fromManifest(entry: ManifestEntry, type: SourceMeta['type']): Omit<SourceMeta, 'id'> {
  return {
    region: entry.region === '全国' ? { name: '全国', level: 'national', within: [] } : { name: entry.region, level: entry.level, within: [] },
    type,
    shortTitle: entry.title.replace(/^中华人民共和国(?=.)/, ''),
    origin: { ...entry.source },
    ...(entry.versionDate === null ? {} : { versionDate: entry.versionDate }),
    corrections: {},
    partShortTitles: {},
    tableColumns: {},
  };
}

/**
 * The jobs for the texts under `folders`, and a diagnostic for each that cannot be read: a missing
 * folder, a bad sidecar, a manifest category without a type. Ids already taken by the committed
 * sidecars are never derived again.
 */
export function externalJobs(
  folders: readonly string[],
  options: { overrides: readonly OverrideEntry[]; categories: readonly SourceCategory[]; taken: ReadonlySet<string> },
): { jobs: SourceJob[]; diagnostics: Diagnostic[] } {
  const jobs: SourceJob[] = [];
  const drafts: Draft[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const folder of folders) {
    if (!fs.existsSync(folder)) {
      diagnostics.push({ level: 'error', code: 'source-folder-missing', message: `ATLAS_SOURCES names ${folder}, which does not exist`, file: folder });
      continue;
    }
    const manifest = manifestFor(folder);
    for (const file of sourceTextsUnder(folder)) {
      const sidecar = readSidecar(sidecarFileOf(file), { required: false });
      diagnostics.push(...sidecar.diagnostics);
      if (sidecar.value) jobs.push({ file, sidecar: sidecar.value.meta, sidecarBytes: sidecar.value.bytes });
      // A sidecar that is there but invalid is an error for this text; it is never ingested without it.
      if (sidecar.value || sidecar.diagnostics.length > 0) continue;
      const read = readSourceBytes(file);
      diagnostics.push(...read.diagnostics);
      if (!read.value) continue;
      const bytes = read.value;
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const entry = manifest?.entries.get(path.resolve(file));
      if (entry !== undefined) {
        const type = categoryType(entry.category, options.categories);
        if (type === null) {
          diagnostics.push({ level: 'error', code: 'manifest-category', message: `${manifest?.file} gives the category ${entry.category}, which ${SOURCE_CATEGORIES_FILE} does not map to a document type`, file });
          continue;
        }
        drafts.push({ file, basis: { title: entry.title, date: entry.versionDate, type, region: entry.region, sha256 }, sidecar: fromManifest(entry, type) });
        continue;
      }
      drafts.push(fromText(file, bytes, sha256, options.overrides));
      diagnostics.push({ level: 'warning', code: 'no-sidecar', message: 'neither a sidecar nor a manifest describes this text: its id comes from its title and date, region and type are placeholders', file });
    }
  }
  const ids = derivedIds(new Map(drafts.map((d) => [d.file, d.basis])), new Set([...options.taken, ...jobs.map((j) => j.sidecar.id)]));
  for (const draft of drafts) {
    const derived = ids.get(draft.file);
    if (derived === undefined) throw new Error(`${draft.file}: no id derived`);
    const sidecar: SourceMeta = { id: derived.id, workId: derived.workId, ...draft.sidecar };
    jobs.push({ file: draft.file, sidecar, sidecarBytes: Buffer.from(JSON.stringify(sidecar)) });
  }
  return { jobs: jobs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), diagnostics };
}

/** A text neither a sidecar nor a manifest describes: its title and date as the text states them, placeholders for the rest. */
function fromText(file: string, bytes: Buffer, sha256: string, overrides: readonly OverrideEntry[]): Draft {
  const decoded = decode(bytes, file);
  const normalised = decoded.ok ? normalise(decoded.value.text, file, overrides) : null;
  const found = normalised === null ? null : extractTextMetadata(normalised.lines, normalised.markdownHeadings);
  const title = found?.title?.value ?? null;
  const shortTitle = (title ?? `未命名文本 ${sha256.slice(0, 6)}`).replace(/^中华人民共和国(?=.)/, '');
  const region = { name: '未知', level: 'city', within: [] } as const;
  return {
    file,
    basis: { title: shortTitle, date: found?.date?.value ?? null, type: '通知', region: region.name, sha256 },
    sidecar: { region: { ...region, within: [] }, type: '通知', shortTitle, corrections: {}, partShortTitles: {}, tableColumns: {} },
  };
}
