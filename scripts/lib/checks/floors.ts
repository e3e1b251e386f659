import { z } from 'astro/zod';

/** One measured share with the floor it may not fall below and the target it should reach. */
export const Floor = z
  .object({
    /** The value measured when the floor was last raised: the test fails below it. Floors only rise. */
    floor: z.number().min(0).max(1),
    /** The value the issue asks for. */
    target: z.number().min(0).max(1),
    /** Where the target comes from, and why the floor stands where it does. */
    reason: z.string().min(1),
  })
  .strict();
export type Floor = z.output<typeof Floor>;

/** A reviewed floor file (tests/fixtures/*-floors.json): what it is for, and a floor per measure. */
export const Floors = z
  .object({
    note: z.string().min(1),
    measures: z.record(z.string().regex(/^[a-z0-9.-]+$/), Floor),
  })
  .strict();
export type Floors = z.output<typeof Floors>;

/** A measure beside its floor and target; `actual` is null for a floor whose measure is missing. */
export type FloorRow = { measure: string; floor: number; target: number; actual: number | null; ok: boolean };

/** Compares measured shares with their floors. A measure without a floor, or a floor without a measure, fails. */
export function compareToFloors(actual: Readonly<Record<string, number>>, floors: Floors): FloorRow[] {
  const names = [...new Set([...Object.keys(floors.measures), ...Object.keys(actual)])];
  return names.map((measure) => {
    const f = floors.measures[measure];
    const value = actual[measure];
    if (f === undefined || value === undefined) return { measure, floor: f?.floor ?? NaN, target: f?.target ?? NaN, actual: value ?? null, ok: false };
    return { measure, floor: f.floor, target: f.target, actual: value, ok: value >= f.floor };
  });
}

/** Rounds a share down to two decimals: the floor a value measured now allows. */
function floorOf(value: number): number {
  return Math.floor(value * 100 + 1e-9) / 100;
}

/** A table of measures with floor, target and actual value, failures marked. */
export function formatFloorRows(rows: readonly FloorRow[]): string {
  const width = Math.max(7, ...rows.map((r) => r.measure.length));
  const num = (n: number) => (Number.isNaN(n) ? '   —' : n.toFixed(2).padStart(4));
  const header = `${'measure'.padEnd(width)}  floor  target  actual`;
  const lines = rows.map((r) => {
    const actual = r.actual === null ? 'missing' : r.actual.toFixed(3);
    const mark = r.ok ? '' : r.actual !== null && r.actual < r.floor ? '  BELOW FLOOR' : '  FAIL';
    const met = r.ok && r.actual !== null && r.actual >= r.target ? '  ✓ target' : '';
    const rise = r.ok && r.actual !== null && floorOf(r.actual) > r.floor ? `  (floor may rise to ${floorOf(r.actual).toFixed(2)})` : '';
    return `${r.measure.padEnd(width)}  ${num(r.floor)}   ${num(r.target)}   ${actual}${mark}${met}${rise}`;
  });
  return [header, ...lines].join('\n');
}
