/**
 * The ingested documents as files: where the ingest writes them and how every reader (the site's
 * build, the search index, the benchmark) reads them back, each file checked against the Document
 * schema it was written with.
 *
 * The site reads these files itself instead of through an Astro content collection: a collection
 * keeps every entry in its data store, serialises the store twice (to disk and into a module of the
 * build) and has the bundler parse that module (86 MB at 1,000 documents), which cost more than
 * rendering the pages did (docs/benchmarks.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { contentDigest } from './digest.ts';
import { Document } from './schemas/document.ts';

/** Where the documents of the committed sources are written (and checked by `ingest --check`). */
export const COMMITTED_OUTPUT = 'content/generated/documents';
/**
 * Where the documents of the ATLAS_SOURCES folders are written: a build folder, never committed, so
 * that `ingest --check` stays about the committed sources. Emptied when ATLAS_SOURCES is unset.
 */
export const EXTERNAL_OUTPUT = 'build/documents';
/** The folders the site is built from, relative to the project root: the committed documents, then the external ones. */
export const DOCUMENT_FOLDERS: readonly string[] = [COMMITTED_OUTPUT, EXTERNAL_OUTPUT];

/** One document file, read and checked. */
export interface DocumentFile {
  /** The file's path as it was given (folder joined with the file name). */
  file: string;
  document: Document;
  /** SHA-256 of the file's bytes: the ingest writes a document as the schema's output, so equal digests mean equal data. */
  digest: string;
}

/**
 * Every `*.json` document in the folders, in folder order and then by file name; a folder that does
 * not exist has none. Throws one error naming every file that is not valid JSON, not a Document or
 * a second document with an id already read, so that a build reports them all at once.
 */
export function readDocumentFiles(folders: readonly string[]): DocumentFile[] {
  const read: DocumentFile[] = [];
  const problems: string[] = [];
  const fileOf = new Map<string, string>();
  for (const folder of folders) {
    if (!fs.existsSync(folder)) continue;
    for (const name of fs.readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
      const file = path.join(folder, name);
      const bytes = fs.readFileSync(file);
      try {
        const document = Document.parse(JSON.parse(bytes.toString('utf8')));
        const first = fileOf.get(document.id);
        if (first !== undefined) throw new Error(`the id ${document.id} is already the id of ${first}`);
        fileOf.set(document.id, file);
        read.push({ file, document, digest: contentDigest(bytes) });
      } catch (error) {
        problems.push(`${file}: ${(error as Error).message}`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`${problems.length} document file(s) could not be read:\n${problems.join('\n')}`);
  return read;
}
