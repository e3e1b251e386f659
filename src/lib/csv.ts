/** A cell value as exported: scalars as they are, lists joined with 、, objects as JSON. */
export type CsvValue = string | number | boolean | null | readonly unknown[] | Record<string, unknown>;

const BOM = '\uFEFF';
/** Excel runs a cell that starts with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV for Excel users: UTF-8 with a BOM, CRLF line ends, every field quoted, and cells that would
 * start a formula prefixed with an apostrophe (formula injection). Column order is `columns`.
 */
export function toCsv(columns: readonly string[], rows: readonly Record<string, CsvValue | undefined>[]): string {
  const lines = [columns.map(quote), ...rows.map((row) => columns.map((c) => quote(cellText(row[c]))))];
  return `${BOM}${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

function cellText(value: CsvValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function quote(text: string): string {
  const safe = FORMULA_START.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}
