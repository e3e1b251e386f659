/** The normalise stage as the tests run it: with the committed override table, on a file named test.txt. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { loadOverrides, normalise, type OverrideEntry } from '../../scripts/lib/ingest/normalise.ts';

export const overrides = loadOverrides(JSON.parse(readFileSync('content/normalise/t2s-overrides.json', 'utf8')));

export const run = (text: string, o: readonly OverrideEntry[] = overrides) => normalise(text, 'test.txt', o);

/** Normalising the output again must change nothing and count nothing. */
export function expectIdempotent(text: string): void {
  const once = run(text);
  const twice = run(once.lines.join('\n'));
  expect(twice.lines).toEqual(once.lines);
  expect(twice.counts).toEqual({});
  expect(twice.drops).toEqual([]);
}
