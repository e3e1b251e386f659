import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import type { Diagnostic } from '#schemas/diagnostic.ts';

/**
 * Checks on the open-data downloads as a user receives them: a JSON file must parse and satisfy the
 * JSON Schema published beside it (whatever produced either file), and a CSV file must open in a
 * spreadsheet with the columns its users rely on.
 */

const BOM = '\uFEFF';

function problem(file: string, code: string, message: string, line?: number): Diagnostic {
  return { level: 'error', code, message, file, ...(line === undefined ? {} : { line }) };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

// --- JSON --------------------------------------------------------------------------------------

function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && ' \t\r\n'.includes(text[i] ?? '')) i += 1;
  return i;
}

/** The offset just past the JSON value that starts at `at` (the text is known to be valid JSON). */
function skipValue(text: string, at: number): number {
  let depth = 0;
  let i = at;
  do {
    const c = text[i];
    if (c === '"') {
      i += 1;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    } else if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') depth -= 1;
    else if (depth === 0) {
      while (i + 1 < text.length && !',}] \t\r\n'.includes(text[i + 1] ?? '')) i += 1;
    }
    i += 1;
  } while (depth > 0 && i < text.length);
  return i;
}

/** The offset of the value a JSON Pointer (RFC 6901) names in valid JSON text, or undefined when it names none. */
export function jsonPointerOffset(text: string, pointer: string): number | undefined {
  const tokens = pointer === '' ? [] : pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let at = skipSpace(text, 0);
  for (const token of tokens) {
    const open = text[at];
    if (open !== '{' && open !== '[') return undefined;
    at = skipSpace(text, at + 1);
    let found = false;
    for (let index = 0; text[at] !== '}' && text[at] !== ']'; index += 1) {
      let matches = open === '[' && String(index) === token;
      if (open === '{') {
        const keyEnd = skipValue(text, at);
        matches = JSON.parse(text.slice(at, keyEnd)) === token;
        at = skipSpace(text, skipSpace(text, keyEnd) + 1);
      }
      if (matches) {
        found = true;
        break;
      }
      at = skipSpace(text, skipValue(text, at));
      if (text[at] === ',') at = skipSpace(text, at + 1);
    }
    if (!found) return undefined;
  }
  return at;
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

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, line breaks inside quotes); problems carry their line. */
export function parseCsv(file: string, text: string): { table: CsvTable; diagnostics: Diagnostic[] } {
  const bom = text.startsWith(BOM);
  const body = bom ? text.slice(1) : text;
  const rows: CsvTable['rows'] = [];
  const diagnostics: Diagnostic[] = [];
  let line = 1;
  let i = 0;
  while (i < body.length) {
    const rowLine = line;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (body[i] === '"') {
        const quoteLine = line;
        i += 1;
        for (;;) {
          if (i >= body.length) {
            diagnostics.push(problem(file, 'csv-unclosed-quote', 'a quoted field is never closed', quoteLine));
            break;
          }
          const c = body[i] ?? '';
          if (c === '"' && body[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else if (c === '"') {
            i += 1;
            break;
          } else {
            if (c === '\n') line += 1;
            cell += c;
            i += 1;
          }
        }
        if (i < body.length && !',\r\n'.includes(body[i] ?? '')) {
          diagnostics.push(problem(file, 'csv-text-after-quote', `text after a closing quote: ${body.slice(i, i + 20)}`, line));
          while (i < body.length && !',\r\n'.includes(body[i] ?? '')) i += 1;
        }
      } else {
        const start = i;
        while (i < body.length && !',\r\n'.includes(body[i] ?? '')) i += 1;
        cell = body.slice(start, i);
        if (cell.includes('"')) diagnostics.push(problem(file, 'csv-stray-quote', `a quote inside an unquoted field: ${cell}`, line));
      }
      cells.push(cell);
      if (body[i] === ',') {
        i += 1;
        continue;
      }
      break;
    }
    if (body[i] === '\r') i += 1;
    if (body[i] === '\n') {
      i += 1;
      line += 1;
    }
    rows.push({ line: rowLine, cells });
  }
  return { table: { bom, rows }, diagnostics };
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
