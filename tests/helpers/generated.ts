import fs from 'node:fs';
import path from 'node:path';
import { Document } from '#schemas/document.ts';

const GENERATED = 'content/generated/documents';

/** A committed generated document, as the site reads it. */
export function generatedDocument(id: string): Document {
  return Document.parse(JSON.parse(fs.readFileSync(path.join(GENERATED, `${id}.json`), 'utf8')));
}

/** The ids of every committed generated document, sorted. */
export function generatedIds(): string[] {
  return fs
    .readdirSync(GENERATED)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/** The same document under another id, as the ingest would write it: every id and record it holds carries the new id. */
export function renamedDocument(document: Document, id: string): Document {
  return Document.parse(JSON.parse(JSON.stringify(document).replaceAll(`"${document.id}`, `"${id}`)));
}
