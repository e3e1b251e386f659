/**
 * Where the ingest finds its texts: the committed `content/sources/` (each text with its sidecar)
 * and the folders named by ATLAS_SOURCES, read in place (the shared law corpus is never copied into
 * the repository), whose texts need no sidecar. One listing for every command that reads sources:
 * ingest, build, start, check:corpus and the benchmark.
 */
import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from '#core/list-files.ts';
import { ManifestEntry, SourceManifest } from '#schemas/source-manifest.ts';

/** The committed sources, each `<name>.txt` with its `<name>.meta.json`. */
export const COMMITTED_SOURCES = 'content/sources';
/** The environment variable naming extra source folders, `:`-separated like PATH. */
export const SOURCE_FOLDERS_VARIABLE = 'ATLAS_SOURCES';
/** The shared corpus of real laws, from the project root: read in place, never copied in. */
export const SHARED_CORPUS = '../shared/corpus';
/** A folder tree's description of its files (region, level, category, source), at the tree's root. */
export const MANIFEST_FILE = 'manifest.json';

/** The folders ATLAS_SOURCES names, in order, each once; empty pieces (`a::b`, a trailing `:`) are ignored. */
export function externalSourceFolders(value: string | undefined = process.env[SOURCE_FOLDERS_VARIABLE]): string[] {
  return [...new Set((value ?? '').split(':').filter((folder) => folder.trim() !== ''))];
}

const TEXT_FILE = /\.(?:txt|md)$/i;
// A folder's README describes the folder; it is not a source.
const FOLDER_README = /(?:^|\/)readme\.md$/i;

/** Every source text under `dir`, recursively (.txt and .md, READMEs left out), as paths joined to `dir`, sorted. */
export function sourceTextsUnder(dir: string): string[] {
  return listFiles(dir)
    .filter((f) => TEXT_FILE.test(f) && !FOLDER_README.test(f))
    .map((f) => path.join(dir, f));
}

/** The sidecar `<stem>.meta.json` beside a source text. */
export function sidecarFileOf(file: string): string {
  return file.replace(/\.[^./]*$/, '.meta.json');
}

/** A manifest found for a folder: its entries by the absolute path of the file each describes. */
export interface FolderManifest {
  file: string;
  entries: ReadonlyMap<string, ManifestEntry>;
}

/**
 * The manifest of the tree a folder belongs to: `manifest.json` in the folder or the nearest folder
 * above it (ATLAS_SOURCES may name a sub-folder, ../shared/corpus/laws, of the tree the manifest
 * describes). Its paths are relative to its own folder. Null when there is none; an invalid
 * manifest throws, naming the file.
 */
export function manifestFor(folder: string): FolderManifest | null {
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    const file = path.join(dir, MANIFEST_FILE);
    if (fs.existsSync(file)) {
      const parsed = SourceManifest.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${file}: not a source manifest: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return { file, entries: new Map(parsed.data.map((e) => [path.join(dir, e.file), e])) };
    }
    if (path.dirname(dir) === dir) return null;
  }
}
