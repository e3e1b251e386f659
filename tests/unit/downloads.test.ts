import { describe, expect, it } from 'vitest';
import { checkCsvDownload, checkCsvMatchesJson, checkJsonDownload, jsonPointerOffset, parseCsv } from '../../scripts/lib/checks/downloads.ts';

const schema = JSON.stringify({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: '/data/targets.schema.json',
  type: 'array',
  items: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      value: { type: ['number', 'null'] },
      unit: { type: 'string', enum: ['人', '%'] },
      url: { type: 'string', format: 'uri' },
    },
    required: ['id', 'value', 'unit', 'url'],
    additionalProperties: false,
  },
});
const good = { id: 't1', value: 3, unit: '人', url: 'https://policy-atlas.example.org/x/d1-2.6/' };

describe('checkJsonDownload', () => {
  it('passes records that satisfy the published schema', () => {
    expect(checkJsonDownload('targets.json', JSON.stringify([good, { ...good, id: 't2', value: null }], null, 2), 'targets.schema.json', schema)).toEqual([]);
  });

  it('reports every record that breaks the schema, with its id, path, the rule and the line it is on', () => {
    const data = JSON.stringify([good, { id: 't2', value: '3', unit: '个', url: '/relative/' }, { ...good, id: 't3', extra: 1 }], null, 2);
    expect(checkJsonDownload('targets.json', data, 'targets.schema.json', schema)).toEqual([
      { level: 'error', code: 'data-schema-mismatch', file: 'targets.json', line: 10, message: '/1/value (id t2) must be number,null [schema #/items/properties/value/type]' },
      { level: 'error', code: 'data-schema-mismatch', file: 'targets.json', line: 11, message: '/1/unit (id t2) must be equal to one of the allowed values (["人","%"]) [schema #/items/properties/unit/enum]' },
      { level: 'error', code: 'data-schema-mismatch', file: 'targets.json', line: 12, message: '/1/url (id t2) must match format "uri" [schema #/items/properties/url/format]' },
      { level: 'error', code: 'data-schema-mismatch', file: 'targets.json', line: 14, message: '/2 (id t3) must NOT have additional properties [schema #/items/additionalProperties]' },
    ]);
  });

  it('reports a download that is not JSON at the line where parsing stopped', () => {
    expect(checkJsonDownload('targets.json', '[\n  {"id": "t1",}\n]', 'targets.schema.json', schema)).toEqual([
      { level: 'error', code: 'data-json-invalid', file: 'targets.json', line: 2, message: expect.stringMatching(/^not JSON: /) },
    ]);
  });

  it('reports a schema that is not JSON, or not a JSON Schema the validator understands, instead of passing', () => {
    expect(checkJsonDownload('targets.json', '[]', 'targets.schema.json', '{')).toEqual([
      { level: 'error', code: 'data-schema-invalid', file: 'targets.schema.json', line: 1, message: expect.stringMatching(/^the schema is not JSON: /) },
    ]);
    const unknownFormat = JSON.stringify({ type: 'string', format: 'postal-code' });
    expect(checkJsonDownload('targets.json', '"x"', 'targets.schema.json', unknownFormat)).toEqual([
      { level: 'error', code: 'data-schema-invalid', file: 'targets.schema.json', message: 'not a usable JSON Schema: unknown format "postal-code" ignored in schema at path "#"' },
    ]);
  });
});

describe('jsonPointerOffset', () => {
  it('finds the value a pointer names, through arrays, objects, escaped keys and strings with brackets', () => {
    const text = '{"a": [1, {"b/c": "x]}", "d": [true, null]}], "e~f": 2}';
    expect(text.slice(jsonPointerOffset(text, '/a/1/d/1') ?? 0, (jsonPointerOffset(text, '/a/1/d/1') ?? 0) + 4)).toBe('null');
    expect(text.slice(jsonPointerOffset(text, '/a/1/b~1c') ?? 0).startsWith('"x]}"')).toBe(true);
    expect(text.slice(jsonPointerOffset(text, '/e~0f') ?? 0).startsWith('2}')).toBe(true);
    expect(jsonPointerOffset(text, '')).toBe(0);
    expect(jsonPointerOffset(text, '/a/5')).toBeUndefined();
    expect(jsonPointerOffset(text, '/zz')).toBeUndefined();
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with doubled quotes, commas and line breaks, CRLF ends and the BOM, keeping each row’s first line', () => {
    const { table, diagnostics } = parseCsv('x.csv', '\uFEFF"id","text"\r\n"a","说 ""好"", 对"\r\n"b","两\r\n行"\r\nc,plain\r\n');
    expect(diagnostics).toEqual([]);
    expect(table).toEqual({
      bom: true,
      rows: [
        { line: 1, cells: ['id', 'text'] },
        { line: 2, cells: ['a', '说 "好", 对'] },
        { line: 3, cells: ['b', '两\r\n行'] },
        { line: 5, cells: ['c', 'plain'] },
      ],
    });
  });

  it('reports text after a closing quote, a stray quote and an unclosed quote at the line it stops', () => {
    const first = (text: string) => parseCsv('x.csv', text).diagnostics.map((d) => [d.code, d.line]);
    expect(first('a,b\n"a"b,c\n')).toEqual([['csv-text-after-quote', 2]]);
    expect(first('a,b\nc,d\nd"e,f\n')).toEqual([['csv-stray-quote', 3]]);
    expect(first('a,b\n"g,h\n')).toEqual([['csv-unclosed-quote', 2]]);
    expect(parseCsv('x.csv', 'a,b\n"g,h\n').table.rows).toEqual([]);
  });
});

describe('checkCsvDownload', () => {
  it('returns the rows by column name when the file has a BOM and the expected header', () => {
    const { records, diagnostics } = checkCsvDownload('t.csv', '\uFEFF"id","unit"\r\n"t1","人"\r\n', ['id', 'unit']);
    expect(diagnostics).toEqual([]);
    expect(records).toEqual([{ line: 2, values: { id: 't1', unit: '人' } }]);
  });

  it('reports a missing BOM, a different header and rows of the wrong width', () => {
    const { records, diagnostics } = checkCsvDownload('t.csv', 'id,name\r\nt1\r\nt2,x\r\n', ['id', 'unit']);
    expect(diagnostics).toEqual([
      { level: 'error', code: 'csv-no-bom', file: 't.csv', line: 1, message: 'no UTF-8 byte order mark: Excel would read the file as the local code page and garble the Chinese' },
      { level: 'error', code: 'csv-header', file: 't.csv', line: 1, message: 'the header is id,name; expected id,unit' },
      { level: 'error', code: 'csv-row-width', file: 't.csv', line: 2, message: '1 fields where the header has 2' },
    ]);
    expect(records).toEqual([{ line: 3, values: { id: 't2', name: 'x' } }]);
  });

  it('reports an empty file', () => {
    expect(checkCsvDownload('t.csv', '\uFEFF', ['id']).diagnostics).toEqual([{ level: 'error', code: 'csv-empty', file: 't.csv', message: 'the file is empty: not even a header' }]);
  });
});

describe('checkCsvMatchesJson', () => {
  const rows = [
    { line: 2, values: { id: 'a' } },
    { line: 3, values: { id: 'c' } },
  ];
  it('passes when the CSV holds the JSON records in the same order', () => {
    expect(checkCsvMatchesJson('t.csv', rows, [{ id: 'a' }, { id: 'c' }])).toEqual([]);
  });

  it('reports a different count and the first row out of step', () => {
    expect(checkCsvMatchesJson('t.csv', rows, [{ id: 'a' }, { id: 'b' }, { id: 'c' }])).toEqual([
      { level: 'error', code: 'csv-json-count', file: 't.csv', message: '2 rows, but the JSON download has 3 records' },
      { level: 'error', code: 'csv-json-order', file: 't.csv', line: 3, message: 'row 2 has id c; the JSON download has b there' },
    ]);
  });
});
