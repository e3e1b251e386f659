import { compareZh } from './collate.ts';

/** Rows carry their values for each filter in one attribute, joined by this. */
export const FILTER_SEPARATOR = '|';

/** The `data-filter-*` attribute value of a row; a value containing the separator would match wrongly. */
export function filterAttribute(values: readonly string[]): string {
  const bad = values.find((v) => v.includes(FILTER_SEPARATOR));
  if (bad !== undefined) throw new Error(`filter value "${bad}" contains ${FILTER_SEPARATOR}`);
  return values.join(FILTER_SEPARATOR);
}

/** One choice of a filter, with how many rows it keeps. */
export interface FilterOption {
  value: string;
  label: string;
  count: number;
}

/** The choices of a filter from each row's values (a row may have several), in the given order. */
export function filterOptions<T>(
  rows: readonly T[],
  valuesOf: (row: T) => readonly { value: string; label: string }[],
  compare: (a: FilterOption, b: FilterOption) => number,
): FilterOption[] {
  const options = new Map<string, FilterOption>();
  for (const row of rows) {
    for (const { value, label } of new Map(valuesOf(row).map((v) => [v.value, v])).values()) {
      const option = options.get(value) ?? { value, label, count: 0 };
      option.count += 1;
      options.set(value, option);
    }
  }
  return [...options.values()].sort(compare);
}

/** Most rows first, then pinyin order: the order of a list of places. */
export function byCountThenName(a: FilterOption, b: FilterOption): number {
  return b.count - a.count || compareZh(a.label, b.label);
}
