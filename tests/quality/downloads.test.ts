import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCsvDownload, checkCsvMatchesJson, checkJsonDownload } from '../../scripts/lib/checks/downloads.ts';
import { formatDiagnostic } from '#schemas/diagnostic.ts';
import { DIST } from '../helpers/dist.ts';

/**
 * The CSV columns users rely on, in order: a public contract, pinned here on purpose so that a change
 * to the downloads is a decision seen in review, not a side effect.
 */
const PUBLISHED_CSV_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  targets: ['id', 'documentId', 'clauseId', 'indicator', 'value', 'max', 'unit', 'comparator', 'from', 'deadline', 'recurrence', 'stage', 'scope', 'scopeRegion', 'achieved', 'status', 'attribute', 'sentence', 'url'],
  departments: ['id', 'name', 'aliases', 'jurisdiction', 'function', 'kind', 'lead', 'support', 'clauses', 'url'],
  projects: ['id', 'documentId', 'kind', 'number', 'category', 'name', 'goal', 'requirements', 'regions', 'regionsText', 'deadline', 'url'],
  documents: ['id', 'title', 'docNumber', 'issuer', 'date', 'region', 'type', 'status', 'statusAsOf', 'effective', 'expires', 'validity', 'workId', 'duplicateOf', 'url'],
  clauses: ['id', 'documentId', 'kind', 'number', 'title', 'citation', 'text', 'url'],
  benefits: ['id', 'documentId', 'clauseId', 'kind', 'name', 'amount', 'duration', 'limits', 'conditions', 'groups', 'department', 'sentence', 'url'],
};

const DATA = path.join(DIST, 'data');
if (!fs.existsSync(DATA)) throw new Error(`${DATA} is missing: build the site first (npm run build), or run npm test, which does`);
const files = fs.readdirSync(DATA).sort();
const read = (file: string) => fs.readFileSync(path.join(DATA, file), 'utf8');
const shown = (file: string) => path.join(DATA, file);
const jsonNames = files.filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).map((f) => f.replace(/\.json$/, ''));
const csvNames = files.filter((f) => f.endsWith('.csv')).map((f) => f.replace(/\.csv$/, ''));

describe('the open-data downloads under /data/', () => {
  it('publish the seven data sets, each with its JSON Schema', () => {
    expect(jsonNames).toEqual(expect.arrayContaining(['benefits', 'citations', 'clauses', 'departments', 'documents', 'projects', 'targets']));
    expect(jsonNames.filter((name) => !files.includes(`${name}.schema.json`))).toEqual([]);
  });

  for (const name of jsonNames) {
    it(`${name}.json parses and satisfies the published ${name}.schema.json`, () => {
      const problems = checkJsonDownload(shown(`${name}.json`), read(`${name}.json`), shown(`${name}.schema.json`), read(`${name}.schema.json`));
      expect(problems.map(formatDiagnostic)).toEqual([]);
      expect((JSON.parse(read(`${name}.json`)) as unknown[]).length).toBeGreaterThan(0);
    });
  }

  it('publish a CSV, with pinned columns, for each table people open in a spreadsheet', () => {
    expect(csvNames).toEqual(Object.keys(PUBLISHED_CSV_COLUMNS).sort());
  });

  for (const name of csvNames) {
    it(`${name}.csv opens with a BOM and the published columns, and holds the JSON download's records in order`, () => {
      const columns = PUBLISHED_CSV_COLUMNS[name] ?? [];
      const { records, diagnostics } = checkCsvDownload(shown(`${name}.csv`), read(`${name}.csv`), columns);
      expect(diagnostics.map(formatDiagnostic)).toEqual([]);
      const jsonRecords = JSON.parse(read(`${name}.json`)) as unknown[];
      expect(checkCsvMatchesJson(shown(`${name}.csv`), records, jsonRecords).map(formatDiagnostic)).toEqual([]);
      const schemaFields = Object.keys((JSON.parse(read(`${name}.schema.json`)) as { items: { properties: object } }).items.properties);
      expect(columns.filter((c) => !schemaFields.includes(c))).toEqual([]);
    });
  }
});
