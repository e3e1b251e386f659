import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/csv.ts';

describe('toCsv', () => {
  it('writes a BOM, quoted fields, CRLF, and joins lists with 、', () => {
    expect(toCsv(['id', 'regions', 'value'], [{ id: 'a', regions: ['南京', '苏州'], value: 4 }, { id: 'b "x"', regions: [], value: null }])).toBe(
      '\uFEFF"id","regions","value"\r\n"a","南京、苏州","4"\r\n"b ""x""","",""\r\n',
    );
  });

  it('neutralises cells that would run as formulas, but not negative numbers', () => {
    expect(toCsv(['v'], [{ v: '=HYPERLINK("x")' }, { v: '+1+1' }, { v: '@SUM(A1)' }, { v: '-3' }, { v: '-cmd' }])).toBe(
      '\uFEFF"v"\r\n"\'=HYPERLINK(""x"")"\r\n"\'+1+1"\r\n"\'@SUM(A1)"\r\n"-3"\r\n"\'-cmd"\r\n',
    );
    expect(toCsv(['v'], [{ v: '\t=1' }, { v: '=\n1' }])).toBe('\uFEFF"v"\r\n"\'\t=1"\r\n"\'=\n1"\r\n');
  });

  it('leaves a comparator alone: a lone sign computes nothing (issue 14 §2)', () => {
    const rows = ['=', '≥', '≤', '≈', '+', '-'].map((comparator) => ({ comparator }));
    expect(toCsv(['comparator'], rows)).toBe('\uFEFF"comparator"\r\n"="\r\n"≥"\r\n"≤"\r\n"≈"\r\n"+"\r\n"-"\r\n');
  });

  it('leaves ordinary values alone: a comparator, a signed number or percentage', () => {
    expect(toCsv(['comparator', 'value', 'change'], [{ comparator: '=', value: '+5%', change: '-0.5' }])).toBe('\uFEFF"comparator","value","change"\r\n"=","+5%","-0.5"\r\n');
  });
});
