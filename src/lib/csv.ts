import { stringify } from 'csv-stringify/sync';

/** A cell value as exported: scalars as they are, lists joined with 、, objects as JSON. */
export type CsvValue = string | number | boolean | null | readonly unknown[] | Record<string, unknown>;

/** Excel runs a cell that starts with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV for Excel users (csv-stringify): UTF-8 with a BOM, CRLF line ends, every field quoted, and
 * cells that would start a formula prefixed with an apostrophe (formula injection), which no CSV
 * library does for us. Column order is `columns`.
 */
export function toCsv(columns: readonly string[], rows: readonly Record<string, CsvValue | undefined>[]): string {
  const records = [columns, ...rows.map((row) => columns.map((c) => cellText(row[c])))].map((cells) => cells.map(guardFormula));
  return stringify(records, { bom: true, quoted: true, quoted_empty: true, record_delimiter: '\r\n' });
}

function cellText(value: CsvValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A cell that Excel would run as a formula, made text; a plain negative number stays a number. */
function guardFormula(text: string): string {
  return FORMULA_START.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}
