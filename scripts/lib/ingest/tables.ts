import { diagnostic, type Diagnostic } from '#schemas/diagnostic.ts';
import type { Drop } from '#schemas/document.ts';
import type { Cell, Row, Table } from '#schemas/structure.ts';

/** One printed cell of a pipe table, with the source line it stands on. */
export type SourceCell = { value: string; line: number };
/** The cells of one source line of a pipe table. */
/** The cells of one source line of a pipe table, and how many `|` separated them. */
export type SourceTableLine = { line: number; cells: SourceCell[]; pipes: number };

export type TableInput = {
  id: string;
  caption: string | null;
  lines: readonly SourceTableLine[];
  /** Column names that replace a broken printed header (from the sidecar). */
  columns: readonly string[] | undefined;
  file: string;
};
export type TableResult = { table: Table; drops: Drop[]; diagnostics: Diagnostic[] };

const ROW_NUMBER_HEADER = /^(序号|编号|No\.?)$/i;

/**
 * Turns the cells of a pipe table into rows with named columns. Two printed layouts exist: one row
 * per line (merged cells of the first columns are left out and carried down), and one cell per line
 * with the header repeated at page breaks (rows are told apart by their running 序号).
 */
export function buildTable(input: TableInput): TableResult {
  const oneCellPerLine = input.lines.every((l) => l.cells.length === 1);
  const drops: Drop[] = input.lines.map((l) => ({ rule: 'table-cell-separator', line: l.line, text: '|'.repeat(l.pipes) }));
  const built = oneCellPerLine ? cellStreamRows(input) : lineRows(input);
  const diagnostics = built.diagnostics;
  let columns = built.header.map((c, i) => c.value || `列${i + 1}`);
  if (input.columns) {
    if (input.columns.length !== columns.length) {
      diagnostics.push(warn(input, built.header[0]?.line, 'table-columns-mismatch', `sidecar names ${input.columns.length} columns for table ${input.id}, which has ${columns.length}; the printed header is kept`));
    } else {
      columns = [...input.columns];
    }
  }
  const numbered = ROW_NUMBER_HEADER.test(columns[0] ?? '') && uniqueNumbers(built.rows.map((r) => r[0]?.value ?? ''));
  const rows: Row[] = built.rows.map((cells, i) => {
    const num = numbered ? (cells[0]?.value ?? null) : null;
    const lines = cells.filter((c) => !c.inherited).map((c) => c.line);
    return {
      id: `${input.id}.r${num ?? i + 1}`,
      num,
      lines: { start: Math.min(...lines), end: Math.max(...lines) },
      cells: cells.map((c, j) => ({ ...c, column: columns[j] ?? `列${j + 1}` })),
    };
  });
  for (const h of built.header) drops.push({ rule: 'table-header', line: h.line, text: h.value });
  for (const h of built.repeatedHeaders) drops.push({ rule: 'repeated-table-header', line: h.line, text: h.value });
  const allLines = input.lines.map((l) => l.line);
  return {
    table: {
      type: 'table',
      id: input.id,
      caption: input.caption,
      columns,
      rows,
      lines: { start: Math.min(...allLines), end: Math.max(...allLines) },
    },
    drops,
    diagnostics,
  };
}

type Built = { header: SourceCell[]; rows: Omit<Cell, 'column'>[][]; repeatedHeaders: SourceCell[]; diagnostics: Diagnostic[] };

/** One row per line. Rows with fewer cells than the table lack their leading, merged cells. */
function lineRows(input: TableInput): Built {
  const diagnostics: Diagnostic[] = [];
  const [headerLine, ...bodyLines] = input.lines;
  const header = trimTrailingEmpty(headerLine?.cells ?? []);
  // A line of empty cells (`| | |`, `|||`) holds no row: read as one, it would be all cells carried
  // down from the row above, a copy standing on no line of its own. Its pipes are already dropped.
  const body = bodyLines.map((l) => ({ line: l.line, cells: trimTrailingEmpty(l.cells) })).filter((b) => b.cells.length > 0);
  const width = Math.max(header.length, ...body.map((b) => b.cells.length));
  if (width === 0) {
    // Only pipes: a table needs one column, so it keeps one unnamed column and no rows.
    diagnostics.push(warn(input, headerLine?.line, 'table-empty', 'the table has pipes but no cell text: kept with one unnamed column and no rows'));
    return { header: [{ value: '', line: headerLine?.line ?? 1 }], rows: [], repeatedHeaders: [], diagnostics };
  }
  if (header.length < width) {
    diagnostics.push(warn(input, headerLine?.line, 'table-header-short', `the header names ${header.length} of ${width} columns; the leading ${width - header.length} are unnamed (a merged header cell?)`));
  }
  const rows: Omit<Cell, 'column'>[][] = [];
  let previous: Omit<Cell, 'column'>[] = [];
  for (const { line, cells } of body) {
    const missing = width - cells.length;
    if (missing > 0 && previous.length === 0) {
      diagnostics.push(warn(input, line, 'table-row-short', `row has ${cells.length} of ${width} cells and no row above to carry merged cells from`));
    }
    const carried = previous.slice(0, missing).map((c) => ({ ...c, inherited: true }));
    const own = cells.map((c) => ({ value: c.value, line: c.line, inherited: false }));
    const row = [...carried, ...own];
    while (row.length < width) row.unshift({ value: '', line, inherited: false });
    rows.push(row);
    previous = row;
  }
  const paddedHeader = [...Array.from({ length: width - header.length }, () => ({ value: '', line: headerLine?.line ?? 1 })), ...header];
  return { header: paddedHeader, rows, repeatedHeaders: [], diagnostics };
}

/** One cell per line: the header is the cells before the first row number; it may recur at page breaks. */
function cellStreamRows(input: TableInput): Built {
  const diagnostics: Diagnostic[] = [];
  const cells = input.lines.map((l) => l.cells[0] ?? { value: '', line: l.line });
  const headerEnd = cells.findIndex((c) => /^\d+$/.test(c.value));
  const header = headerEnd < 0 ? cells : cells.slice(0, headerEnd);
  const width = header.length;
  const isHeaderAt = (i: number) => width > 0 && header.every((h, k) => cells[i + k]?.value === h.value);
  const rows: Omit<Cell, 'column'>[][] = [];
  const repeatedHeaders: SourceCell[] = [];
  let i = headerEnd < 0 ? cells.length : headerEnd;
  let expected = 1;
  while (i < cells.length) {
    if (isHeaderAt(i)) {
      repeatedHeaders.push(...cells.slice(i, i + width));
      i += width;
      continue;
    }
    const start = i;
    i += 1;
    // A row ends where the next running number, a repeated header or the table's end begins.
    while (i < cells.length && !isHeaderAt(i) && !(i - start >= 2 && cells[i]?.value === String(expected + 1))) i += 1;
    const row = cells.slice(start, i).map((c) => ({ value: c.value, line: c.line, inherited: false }));
    if (row.length !== width && width > 0) {
      diagnostics.push(warn(input, row[0]?.line, 'table-row-cells', `row ${row[0]?.value ?? '?'} has ${row.length} cells where the header has ${width}; ${row.length < width ? 'the missing last cells are left empty' : 'the extra cells are kept in unnamed columns'}`));
    }
    while (row.length < width) row.push({ value: '', line: row[row.length - 1]?.line ?? start, inherited: false });
    rows.push(row);
    expected += 1;
  }
  if (width === 0 && rows.length > 0) {
    // The table starts at its first row (an excerpt cut there, or a page whose header was not
    // captured): its columns are as many as the longest row has cells, and unnamed.
    const columns = Math.max(...rows.map((r) => r.length));
    for (const row of rows) while (row.length < columns) row.push({ value: '', line: row[row.length - 1]?.line ?? 1, inherited: false });
    const first = cells[0]?.line;
    diagnostics.push(warn(input, first, 'table-header-missing', `the table starts with row ${cells[0]?.value ?? '?'}, without a header: its ${columns} columns are unnamed`));
    return { header: Array.from({ length: columns }, () => ({ value: '', line: first ?? 1 })), rows, repeatedHeaders, diagnostics };
  }
  return { header, rows, repeatedHeaders, diagnostics };
}

function trimTrailingEmpty(cells: readonly SourceCell[]): SourceCell[] {
  const out = [...cells];
  while (out.length > 0 && out[out.length - 1]?.value === '') out.pop();
  return out;
}

function uniqueNumbers(values: readonly string[]): boolean {
  return values.every((v) => /^\d+$/.test(v)) && new Set(values).size === values.length;
}

function warn(input: TableInput, line: number | undefined, code: string, message: string): Diagnostic {
  return diagnostic('warning', code, `table ${input.id}: ${message}`, input.file, line);
}
