import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ASSET_KINDS, budgetTable, BudgetsFile, overBudget, pageLoad, type Limits, type Measurement } from '../../scripts/lib/checks/budgets.ts';
import { formatDiagnostic } from '#schemas/diagnostic.ts';
import { DIST } from '../helpers/dist.ts';
import { fileForPage, representativeBuiltPages } from '../helpers/site-pages.ts';

const { pages } = BudgetsFile.parse(JSON.parse(fs.readFileSync('budgets.json', 'utf8')));
const representatives = representativeBuiltPages();
const gzipped = new Map<string, number>();

function readBuilt(file: string): string | undefined {
  const full = path.join(DIST, file);
  return fs.existsSync(full) && fs.statSync(full).isFile() ? fs.readFileSync(full, 'utf8') : undefined;
}

/** Gzipped size at zlib's default level, the one static hosts and CDNs typically serve. */
function gzipSize(file: string): number {
  const known = gzipped.get(file);
  if (known !== undefined) return known;
  const size = zlib.gzipSync(fs.readFileSync(path.join(DIST, file))).length;
  gzipped.set(file, size);
  return size;
}

function measure(name: string, pagePath: string): { m: Measurement; missing: string[] } {
  const load = pageLoad(fileForPage(pagePath), readBuilt);
  const total = (files: string[]) => files.reduce((sum, f) => sum + gzipSize(f), 0);
  const bytes = { html: total(load.html), css: total(load.css), js: total(load.js) };
  return { m: { name, path: pagePath, bytes, files: { html: load.html, css: load.css, js: load.js } }, missing: load.missing };
}

type Row = { name: string; pagePath: string | undefined; limits: Limits | null; measured: ReturnType<typeof measure> | undefined };

const rows: Row[] = pages.map((entry) => {
  const pagePath = entry.path ?? representatives.get(entry.type ?? '')?.path;
  const built = pagePath !== undefined && readBuilt(fileForPage(pagePath)) !== undefined;
  return { name: entry.name, pagePath: pagePath ?? entry.type, limits: entry.limits, measured: built ? measure(entry.name, pagePath) : undefined };
});
console.log(`size budgets (gzipped bytes, budgets.json):\n${budgetTable(rows.flatMap((r) => (r.measured ? [{ m: r.measured.m, limits: r.limits }] : [])))}`);

describe('size budgets: gzipped HTML, CSS and JS each page loads up front', () => {
  for (const { name, pagePath, limits, measured } of rows) {
    if (measured === undefined) {
      it.todo(`${name}: ${pagePath ?? 'its page'} is not built yet`);
    } else if (limits === null) {
      const sizes = ASSET_KINDS.map((k) => `${k} ${measured.m.bytes[k]} B`).join(', ');
      it.todo(`${name} ${measured.m.path}: no limits yet — measured ${sizes} gzipped; set each to about 1.3× that`);
    } else {
      it(`${name} ${measured.m.path} stays within html ${limits.html} B, css ${limits.css} B, js ${limits.js} B`, () => {
        expect(measured.missing).toEqual([]);
        expect(overBudget(measured.m, limits).map(formatDiagnostic)).toEqual([]);
      });
    }
  }
});
