import { stringify } from 'csv-stringify/sync';

/** A cell value as exported: scalars as they are, lists joined with 、, objects as JSON. */
export type CsvValue = string | number | boolean | null | readonly unknown[] | Record<string, unknown>;

/**
 * What Excel runs as a formula: a cell starting with = + - or @ and something after it to compute
 * (=HYPERLINK(…), +1+1, @SUM(A1)), or with a tab or carriage return. A sign alone (the comparator =
 * of a target) computes nothing and is shown as it is.
 */
const FORMULA = /^(?:[=+\-@].|[\t\r])/su;

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

/**
 * A cell that Excel would run as a formula, made text. A value that cannot be one stays as it is: a
 * plain signed number or percentage (-3, +5%), and a lone sign, such as a comparator column's =.
 */
function guardFormula(text: string): string {
  return FORMULA.test(text) && !/^[-+]?\d+(\.\d+)?%?$/.test(text) ? `'${text}` : text;
}
