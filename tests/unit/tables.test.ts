import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '#core/department-registry.ts';
import { Table } from '#schemas/structure.ts';
import { classifyLine } from '../../scripts/lib/ingest/classify.ts';
import { loadOverrides } from '../../scripts/lib/ingest/normalise.ts';
import { ingestSource } from '../../scripts/lib/ingest/pipeline.ts';
import { buildTable, type SourceTableLine } from '../../scripts/lib/ingest/tables.ts';

/** The table lines as the parser hands them over: cells of each line, with the line number. */
function tableLines(lines: readonly string[]): SourceTableLine[] {
  return lines.map((text, i) => {
    const kind = classifyLine(text);
    const cells = kind.kind === 'table' ? kind.cells : [text];
    return { line: i + 1, pipes: text.match(/\|/g)?.length ?? 0, cells: cells.map((value) => ({ value, line: i + 1 })) };
  });
}

function build(lines: readonly string[]) {
  return buildTable({ id: 'm-t1', caption: null, lines: tableLines(lines), columns: undefined, file: 'f.txt' });
}

const rowsOf = (table: Table) => table.rows.map((r) => [r.id, r.lines, r.cells.map((c) => c.value)]);

describe('buildTable: lines that hold no row', () => {
  // The crash of issue 11: `rows.4.lines.end: … received -Infinity`, a row all carried down from the one above.
  it('skips a line of empty cells after a row instead of copying that row onto no line', () => {
    const r = build(['项目 | 金额 |', '补贴 | 1000元 |', '| |']);
    expect(Table.safeParse(r.table).success).toBe(true);
    expect(rowsOf(r.table)).toEqual([['m-t1.r1', { start: 2, end: 2 }, ['补贴', '1000元']]]);
    expect(r.drops).toContainEqual({ rule: 'table-cell-separator', line: 3, text: '||' });
  });

  it('skips a line of only pipes, and one of empty cells right under the header', () => {
    const r = build(['项目 | 金额 |', '| | |', '补贴 | 1000元 |', '|||']);
    expect(Table.safeParse(r.table).success).toBe(true);
    expect(rowsOf(r.table)).toEqual([['m-t1.r1', { start: 3, end: 3 }, ['补贴', '1000元']]]);
  });

  it('keeps a header-only table as columns with no rows', () => {
    const r = build(['项目 | 金额 |']);
    expect(r.table.columns).toEqual(['项目', '金额']);
    expect(r.table.rows).toEqual([]);
    expect(r.table.lines).toEqual({ start: 1, end: 1 });
  });

  it('keeps a table of nothing but pipes valid: one unnamed column, no rows, a warning', () => {
    const r = build(['| |', '|||']);
    expect(Table.safeParse(r.table).success).toBe(true);
    expect([r.table.columns, r.table.rows]).toEqual([['列1'], []]);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['table-empty', 1]]);
    expect(r.drops.filter((d) => d.rule === 'table-cell-separator').map((d) => d.text)).toEqual(['||', '|||']);
  });
});

describe('buildTable: a one-cell-per-line table without its header', () => {
  // Found by the property tests: an excerpt that starts at row 1 gave a table of no columns, which failed validation.
  it('keeps the rows, split at their running numbers, in unnamed columns, with a warning', () => {
    const r = build(['1 |', '就 |', '苏州 |', '2 |', '社 |', '南京市、南通市 |', '3 |', '综 |']);
    expect(Table.safeParse(r.table).success).toBe(true);
    expect(r.table.columns).toEqual(['列1', '列2', '列3']);
    expect(rowsOf(r.table)).toEqual([
      ['m-t1.r1', { start: 1, end: 3 }, ['1', '就', '苏州']],
      ['m-t1.r2', { start: 4, end: 6 }, ['2', '社', '南京市、南通市']],
      ['m-t1.r3', { start: 7, end: 8 }, ['3', '综', '']],
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['table-header-missing', 1, 'table m-t1: the table starts with row 1, without a header: its 3 columns are unnamed'],
    ]);
  });
});

describe('ingestSource: a pipe table ending in an empty row', () => {
  const overrides = loadOverrides(JSON.parse(fs.readFileSync('content/normalise/t2s-overrides.json', 'utf8')));
  const registry = loadRegistry(JSON.parse(fs.readFileSync('content/departments.json', 'utf8')));

  it('gives a valid document, not a schema error on the fifth row', () => {
    const text = ['项目 | 金额 |', '补贴 | 1000元 |', '贷款 | 10万元 |', '贴息 | 50% |', '奖励 | 2000元 |', '| |', ''].join('\n');
    const result = ingestSource({ file: 'table.txt', bytes: new TextEncoder().encode(text), sidecar: null, overrides, registry });
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    const table = result.document?.parts[0]?.children[0];
    expect(table?.type === 'table' ? table.rows.map((r) => r.id) : table).toEqual(['m-t1.r1', 'm-t1.r2', 'm-t1.r3', 'm-t1.r4']);
  });
});
