/**
 * `node scripts/search-index.ts [SITE] [--out DIR]`: builds the search index of the built site SITE
 * (default dist) into SITE/pagefind with Pagefind's Node API, from the generated documents rather
 * than from the HTML, so that every record is one clause (or target, department, project) and its
 * text is tokenised the way the search page tokenises queries (src/lib/search/tokens.ts).
 * Runs after `astro build`; fails when a clause record has no page in the built site.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { z } from 'astro/zod';
import { Document } from '../src/schemas/document.ts';
import { Department } from '../src/schemas/entities.ts';
import {
  allClauseRecords,
  departmentRecords,
  documentEntityRecords,
  searchRecords,
  toPagefindRecord,
  type SearchRecord,
} from './lib/search-records.ts';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    documents: { type: 'string', default: 'content/generated/documents' },
    departments: { type: 'string', default: 'content/departments.json' },
  },
});

const site = positionals[0] ?? 'dist';
const out = args.out ?? path.join(site, 'pagefind');

function readDocuments(dir: string): Document[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => Document.parse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))));
}

function readRegistry(file: string): Department[] {
  return z.array(Department).parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

function pageExists(url: string): boolean {
  const pagePath = url.replace(/#.*$/, '');
  return fs.existsSync(path.join(site, ...pagePath.split('/').filter((s) => s !== ''), 'index.html'));
}

/** Records whose page is missing: a clause without its page is a site bug; entity pages may not be built yet. */
function splitByPage(records: readonly SearchRecord[]): { present: SearchRecord[]; missing: SearchRecord[] } {
  const present: SearchRecord[] = [];
  const missing: SearchRecord[] = [];
  for (const r of records) (pageExists(r.url) ? present : missing).push(r);
  return { present, missing };
}

function countByKind(records: readonly SearchRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

function directoryBytes(dir: string): number {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).reduce((sum, e) => {
    return e.isFile() ? sum + fs.statSync(path.join(e.parentPath, e.name)).size : sum;
  }, 0);
}

const documents = readDocuments(args.documents);
const records = searchRecords(documents, [allClauseRecords, documentEntityRecords, departmentRecords(readRegistry(args.departments))]);
const { present, missing } = splitByPage(records);

const missingClauses = missing.filter((r) => r.kind === 'clause');
if (missingClauses.length > 0) {
  console.error(`search-index: ${missingClauses.length} clause records have no page in ${site}:`);
  for (const r of missingClauses.slice(0, 20)) console.error(`  ${r.url}  ${r.title}`);
  process.exit(1);
}
if (missing.length > 0) {
  console.warn(`search-index: left out, no page in ${site} yet: ${countByKind(missing)} (e.g. ${missing[0]?.url})`);
}

// Pagefind cuts the word index into chunks of about 20,000 positions and a query downloads every
// chunk its tokens fall in. A query of n characters asks for about n pair tokens spread over the whole
// key space, so it would fetch most of the index; chunks a fifth of the size cut the first search's
// download by about 70 KB on this corpus (measured with npm run bench:search). The variable is
// Pagefind's own, marked unstable: without it the index only gets larger chunks, nothing breaks.
process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= '4000';
const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`search-index: Pagefind could not start: ${errors.join('; ')}`);
const problems: string[] = [];
for (const record of present) {
  const added = await index.addCustomRecord(toPagefindRecord(record));
  problems.push(...added.errors.map((e) => `${record.url}: ${e}`));
}
fs.rmSync(out, { recursive: true, force: true });
const written = await index.writeFiles({ outputPath: out });
problems.push(...written.errors);
await pagefind.close();

if (problems.length > 0) {
  console.error(`search-index: ${problems.length} problems:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`search-index: ${present.length} records (${countByKind(present)}) → ${out} (${Math.round(directoryBytes(out) / 1024)} KB)`);
