import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import { CsvError, parse } from 'csv-parse/sync';
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { diagnostic, type Diagnostic } from '#schemas/diagnostic.ts';
import { lineAt } from '../text-lines.ts';

/**
 * Checks on the open-data downloads as a user receives them: a JSON file must parse and satisfy the
 * JSON Schema published beside it (whatever produced either file), and a CSV file must open in a
 * spreadsheet with the columns its users rely on.
 */

const BOM = '\uFEFF';

function problem(file: string, code: string, message: string, line?: number): Diagnostic {
  return diagnostic('error', code, message, file, line);
}

// --- JSON --------------------------------------------------------------------------------------

/** The offset of the value a JSON Pointer (RFC 6901) names in valid JSON text, or undefined when it names none. */
export function jsonPointerOffset(text: string, pointer: string): number | undefined {
  const tokens = pointer === '' ? [] : pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: JsonNode | undefined = parseTree(text);
  for (const token of tokens) {
    if (node?.type === 'array') node = /^(?:0|[1-9]\d*)$/.test(token) ? node.children?.[Number(token)] : undefined;
    else if (node?.type === 'object') node = node.children?.find((property) => property.children?.[0]?.value === token)?.children?.[1];
    else return undefined;
  }
  return node?.offset;
}

/** Where JSON.parse stopped, from its message (`… at position 12 (line 2 column 3)`). */
function parseErrorLine(text: string, message: string): number | undefined {
  const line = /\(line (\d+) column \d+\)/.exec(message)?.[1];
  if (line !== undefined) return Number(line);
  const position = /at position (\d+)/.exec(message)?.[1];
  return position === undefined ? undefined : lineAt(text, Number(position));
}

/** A JSON Schema `format: uri` value: an absolute URI, as the URL parser reads it. */
function isUri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value);
}

function describeSchemaError(e: ErrorObject, records: unknown): string {
  const [, index] = /^\/(\d+)/.exec(e.instancePath) ?? [];
  const record = index === undefined || !Array.isArray(records) ? undefined : (records[Number(index)] as { id?: unknown } | undefined);
  const id = typeof record?.id === 'string' ? ` (id ${record.id})` : '';
  const detail = e.keyword === 'enum' ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})` : '';
  const where = e.instancePath === '' ? 'the file' : e.instancePath;
  return `${where}${id} ${e.message ?? 'does not match the schema'}${detail} [schema ${e.schemaPath}]`;
}

/**
 * Problems with a JSON download against the JSON Schema (draft 2020-12) published beside it: either
 * file not parsing, a schema that is not valid JSON Schema, and every place the data breaks it, at its line.
 */
export function checkJsonDownload(file: string, text: string, schemaFile: string, schemaText: string): Diagnostic[] {
  let schema: unknown;
  try {
    schema = JSON.parse(schemaText);
  } catch (e) {
    const message = (e as Error).message;
    return [problem(schemaFile, 'data-schema-invalid', `the schema is not JSON: ${message}`, parseErrorLine(schemaText, message))];
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    return [problem(file, 'data-json-invalid', `not JSON: ${message}`, parseErrorLine(text, message))];
  }
  let validate: ReturnType<Ajv2020['compile']>;
  try {
    // strict: a keyword or format the validator does not know is an error, not silently ignored.
    validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, formats: { uri: isUri } }).compile(schema as object);
  } catch (e) {
    return [problem(schemaFile, 'data-schema-invalid', `not a usable JSON Schema: ${(e as Error).message}`)];
  }
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => {
    const offset = jsonPointerOffset(text, e.instancePath);
    return problem(file, 'data-schema-mismatch', describeSchemaError(e, data), offset === undefined ? undefined : lineAt(text, offset));
  });
}

// --- CSV ---------------------------------------------------------------------------------------

/** A parsed CSV file: whether it starts with a BOM, and its rows with the line each starts on. */
export interface CsvTable {
  bom: boolean;
  rows: { line: number; cells: string[] }[];
}

/** What csv-parse's errors mean for a download. */
const CSV_ERRORS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'csv-unclosed-quote',
  CSV_INVALID_CLOSING_QUOTE: 'csv-text-after-quote',
  INVALID_OPENING_QUOTE: 'csv-stray-quote',
};

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, line breaks inside quotes) with
 * csv-parse. A malformed file is one problem at its line: the parser stops there, and so does the
 * check, since the rows after a broken quote cannot be told apart.
 */
export function parseCsv(file: string, text: string): { table: CsvTable; diagnostics: Diagnostic[] } {
  const bom = text.startsWith(BOM);
  let records: string[][];
  try {
    records = parse(bom ? text.slice(1) : text, { relax_column_count: true }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // csv-parse puts the line it stopped at on the error, untyped.
    const line = typeof error['lines'] === 'number' ? error['lines'] : undefined;
    return { table: { bom, rows: [] }, diagnostics: [problem(file, CSV_ERRORS[error.code] ?? 'csv-malformed', error.message, line)] };
  }
  // A record starts on the line after the previous one's last: one line, plus the breaks inside its quoted fields.
  let line = 1;
  const rows = records.map((cells) => {
    const row = { line, cells };
    line += 1 + cells.reduce((breaks, cell) => breaks + cell.split('\n').length - 1, 0);
    return row;
  });
  return { table: { bom, rows }, diagnostics: [] };
}

/** A data row of a CSV download, by column name, with its line. */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

/**
 * Problems with a CSV download: no BOM (Excel would read the UTF-8 as the local code page and garble
 * the Chinese), a header other than `columns` in that order, rows of the wrong width; and its data rows.
 */
export function checkCsvDownload(file: string, text: string, columns: readonly string[]): { records: CsvRecord[]; diagnostics: Diagnostic[] } {
  const { table, diagnostics } = parseCsv(file, text);
  if (!table.bom) diagnostics.push(problem(file, 'csv-no-bom', 'no UTF-8 byte order mark: Excel would read the file as the local code page and garble the Chinese', 1));
  const [header, ...rows] = table.rows;
  if (header === undefined) return { records: [], diagnostics: [...diagnostics, problem(file, 'csv-empty', 'the file is empty: not even a header')] };
  if (header.cells.join(',') !== columns.join(',')) {
    diagnostics.push(problem(file, 'csv-header', `the header is ${header.cells.join(',')}; expected ${columns.join(',')}`, header.line));
  }
  const records: CsvRecord[] = [];
  for (const row of rows) {
    if (row.cells.length !== header.cells.length) {
      diagnostics.push(problem(file, 'csv-row-width', `${row.cells.length} fields where the header has ${header.cells.length}`, row.line));
      continue;
    }
    records.push({ line: row.line, values: Object.fromEntries(header.cells.map((name, k) => [name, row.cells[k] ?? ''])) });
  }
  return { records, diagnostics };
}

/** Problems when a CSV download does not hold the same records, in the same order, as its JSON twin (compared by `id`). */
export function checkCsvMatchesJson(file: string, records: readonly CsvRecord[], jsonRecords: readonly unknown[]): Diagnostic[] {
  const jsonIds = jsonRecords.map((r) => String((r as { id?: unknown }).id));
  const diagnostics: Diagnostic[] = [];
  if (records.length !== jsonIds.length) {
    diagnostics.push(problem(file, 'csv-json-count', `${records.length} rows, but the JSON download has ${jsonIds.length} records`));
  }
  const firstDifference = records.findIndex((r, k) => r.values['id'] !== jsonIds[k]);
  const differing = firstDifference < 0 ? undefined : records[firstDifference];
  if (differing !== undefined) {
    diagnostics.push(problem(file, 'csv-json-order', `row ${firstDifference + 1} has id ${differing.values['id'] ?? '(none)'}; the JSON download has ${jsonIds[firstDifference] ?? 'no record'} there`, differing.line));
  }
  return diagnostics;
}
