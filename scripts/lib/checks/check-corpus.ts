/**
 * `check:corpus`: ingests every source text under some folders, with or without sidecars, and
 * measures the result against what the texts print (issue 11 §7). Writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decode } from '../ingest/decode.ts';
import type { IngestOne } from '../ingest/source-files.ts';
import { sidecarOf, sourceTextsUnder } from '../ingest/source-files.ts';
import { corpusMeasures, measureFile, totalFigures, type Count, type FileFigures, type TotalFigures } from './corpus-figures.ts';

export type CorpusCheck = { dirs: string[]; files: FileFigures[]; totals: TotalFigures; measures: Record<string, number> };

/** Ingests and measures every source text under `dirs` (files in sorted order within each folder). */
export function checkCorpus(dirs: readonly string[], ingest: IngestOne): CorpusCheck {
  const files = dirs.flatMap((dir) =>
    sourceTextsUnder(dir).map((file) => {
      const bytes = fs.readFileSync(file);
      const decoded = decode(bytes, file);
      const lines = decoded.ok ? decoded.value.text.split('\n') : [];
      return measureFile(file, lines, ingest(file, bytes, sidecarOf(file)));
    }),
  );
  const totals = totalFigures(files);
  return { dirs: [...dirs], files, totals, measures: corpusMeasures(totals) };
}

const META_FLAGS: readonly [keyof FileFigures['metadata'], string][] = [
  ['title', 'T'],
  ['issuer', 'I'],
  ['date', 'D'],
  ['docNumber', 'N'],
  ['validity', 'V'],
];

/**
 * One row per file (numbers first so that the columns line up whatever the file names), then the
 * totals. Metadata flags: T title, I issuer, D date, N 文号, V validity; `-` where not found.
 */
export function formatCorpusCheck(check: CorpusCheck): string {
  const header = '  err  warn    第X条 right    一、/（一）   meta    depts unknown   chars  file  [warnings by code]';
  const rows = check.files.map((f) => {
    const shown = shortName(f.file, check.dirs);
    const codes = Object.entries(f.warnings).map(([code, n]) => `${code} ${n}`).join(', ');
    return [
      String(f.errors).padStart(5),
      String(sum(f.warnings)).padStart(5),
      ratio(f.articles).padStart(14),
      ratio(f.provisions).padStart(12),
      META_FLAGS.map(([field, flag]) => (f.metadata[field] ? flag : '-')).join('').padStart(7),
      `${f.departments.mentions}`.padStart(8),
      `${f.departments.unknown}`.padStart(8),
      percent(f.characters.nodes + f.characters.dropped, f.characters.text).padStart(7),
      `  ${shown}${codes === '' ? '' : `  [${codes}]`}`,
    ].join(' ');
  });
  return [header, ...rows, '', formatTotals(check.totals)].join('\n');
}

function formatTotals(t: TotalFigures): string {
  const m = t.metadata;
  const warnings = Object.entries(t.warnings).map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
  return [
    `totals over ${t.files} files`,
    `  errors       ${t.errors} (in ${t.filesWithErrors} files)`,
    `  warnings     ${sum(t.warnings)}: ${warnings}`,
    `  articles     ${ratio(t.articles)} 第X条 lines are article nodes with that number (${percent(t.articles.found, t.articles.of)})`,
    `  provisions   ${ratio(t.provisions)} 一、/（一） lines start a provision with that number (${percent(t.provisions.found, t.provisions.of)})`,
    `  metadata     title ${m.title}/${t.files}, issuer ${m.issuer}/${t.files}, date ${m.date}/${t.files} ` +
      `(${m.dateWherePrinted}/${m.printsDate} of the texts that print one), 文号 ${m.docNumber}/${t.files}, validity ${m.validity}/${t.files}`,
    `  departments  ${t.departments.mentions} mentions, ${t.departments.unknown} of a form not recognised ` +
      `(${percent(t.departments.unknown, t.departments.mentions)}); ${t.departments.unknownWarnings} department-unknown warnings`,
    `  characters   ${t.characters.text} in the texts; ${t.characters.nodes} in nodes + ${t.characters.dropped} dropped by named rules ` +
      `(${percent(t.characters.nodes + t.characters.dropped, t.characters.text)})`,
  ].join('\n');
}

/** A file's path inside the folder it was found in, so rows stay short. */
function shortName(file: string, dirs: readonly string[]): string {
  const dir = dirs.find((d) => !path.relative(d, file).startsWith('..'));
  return dir === undefined ? file : path.relative(dir, file);
}

function sum(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((n, c) => n + c, 0);
}

function ratio(c: Count): string {
  return `${c.found}/${c.of}`;
}

function percent(found: number, of: number): string {
  return of === 0 ? '—' : `${((100 * found) / of).toFixed(1)}%`;
}
