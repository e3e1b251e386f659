import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/dist.ts';

describe('HTML validity of the built site (W3C Nu HTML Checker)', () => {
  it(
    'finds no error in any built page',
    () => {
      if (!fs.existsSync(DIST)) throw new Error(`${DIST} is missing: build the site first (npm run build), or run npm test, which does`);
      const run = spawnSync(process.execPath, ['scripts/check-html.ts', DIST], { encoding: 'utf8' });
      const errors = run.stderr.trim() === '' ? [] : run.stderr.trim().split('\n');
      expect(errors).toEqual([]);
      expect(run.stdout).toMatch(/html: \d+ pages checked, 0 errors/);
      expect(run.status).toBe(0);
    },
    300_000,
  );
});
