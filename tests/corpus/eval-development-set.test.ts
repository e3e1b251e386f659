/**
 * The labelled development set covers every committed seed: a new seed needs its labels.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLabels, sourceFileOf } from '../../scripts/lib/eval/evaluate.ts';

describe('the label format', () => {
  it('holds the development set the issue asks for: the five seeds and at least 15 corpus texts of both families', () => {
    const labels = loadLabels('tests/fixtures/labels');
    const seeds = labels.filter(({ label }) => label.source.startsWith('seed:'));
    expect(seeds.map(({ label }) => sourceFileOf(label)).sort()).toEqual(
      fs.readdirSync('content/sources').filter((f) => f.endsWith('.txt')).map((f) => `content/sources/${f}`).sort(),
    );
    expect(labels.length - seeds.length).toBeGreaterThanOrEqual(15);
    expect(new Set(labels.map(({ label }) => label.family))).toEqual(new Set(['statute', 'gongwen']));
  });
});
