import { describe, expect, it } from 'vitest';
import { byCountThenName, filterAttribute, filterOptions } from '../../src/lib/filters.ts';

describe('filters', () => {
  it('joins a row’s values for its data attribute and refuses the separator inside a value', () => {
    expect(filterAttribute(['南京', '无锡'])).toBe('南京|无锡');
    expect(() => filterAttribute(['南京|无锡'])).toThrow('filter value "南京|无锡" contains |');
  });

  it('offers each value once with the number of rows holding it, most first, then by name', () => {
    const rows = [['南京', '苏州'], ['南京'], ['无锡', '苏州'], ['南京']];
    expect(filterOptions(rows, (r) => r.map((v) => ({ value: v, label: v })), byCountThenName)).toEqual([
      { value: '南京', label: '南京', count: 3 },
      { value: '苏州', label: '苏州', count: 2 },
      { value: '无锡', label: '无锡', count: 1 },
    ]);
  });
});
