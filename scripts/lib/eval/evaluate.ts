/**
 * `eval`: ingests each labelled text and scores what the pipeline found against the labels, kind by
 * kind (issue 11 §8). Writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ingestFile, SHARED_CORPUS, type IngestOne } from '../ingest/source-files.ts';
import { FACT_KINDS, type FactKind } from './kinds.ts';
import { Label } from './label.ts';
import { addTallies, precision, recall, tally, type Tally } from './score.ts';

export type LabelledText = { slug: string; label: Label };

/** Every label file of a folder, validated; a file that does not validate throws, naming the file. */
export function loadLabels(dir: string): LabelledText[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = Label.safeParse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
      if (!parsed.success) throw new Error(`${path.join(dir, f)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return { slug: f.replace(/\.json$/, ''), label: parsed.data };
    });
}

/** The file a label's source names: `seed:` under the project, `corpus:` under the shared corpus. */
export function sourceFileOf(label: Label, corpusRoot: string = SHARED_CORPUS): string {
  const [scheme, ...rest] = label.source.split(':');
  const file = rest.join(':');
  return scheme === 'corpus' ? path.join(corpusRoot, file) : file;
}

/** One kind's facts over the texts. */
export type KindScore = { name: string; compares: string; tally: Tally };
export type TextScore = { slug: string; file: string; errors: string[]; kinds: KindScore[] };
export type EvalReport = { texts: TextScore[]; kinds: KindScore[] };

/** Ingests and scores every labelled text. */
export function evaluate(texts: readonly LabelledText[], ingest: IngestOne, corpusRoot: string = SHARED_CORPUS, kinds: readonly FactKind[] = FACT_KINDS): EvalReport {
  const scored = texts.map(({ slug, label }): TextScore => {
    const file = sourceFileOf(label, corpusRoot);
    const result = ingestFile(file, ingest);
    const doc = result.document;
    return {
      slug,
      file,
      errors: result.diagnostics.filter((d) => d.level === 'error').map((d) => `${d.code}: ${d.message}`),
      kinds: kinds.map((k) => {
        // A document the pipeline lost found nothing.
        const found = doc === null ? [] : k.found(doc, label);
        return { name: k.name, compares: k.compares, tally: tally(k.expected(label), found) };
      }),
    };
  });
  return {
    texts: scored,
    kinds: kinds.map((k, i) => {
      const parts = scored.flatMap((t) => {
        const score = t.kinds[i]?.tally;
        return score ? [{ from: t.slug, tally: score }] : [];
      });
      return { name: k.name, compares: k.compares, tally: addTallies(parts) };
    }),
  };
}

/** Precision and recall of each kind (`title.precision` …). */
export function evalMeasures(report: EvalReport): Record<string, number> {
  return Object.fromEntries(
    report.kinds.flatMap((k) => [
      [`${k.name}.precision`, precision(k.tally)],
      [`${k.name}.recall`, recall(k.tally)],
    ]),
  );
}

/** The table of kinds, and with `misses` every fact missed or found in excess, by text. */
export function formatEval(report: EvalReport, options: { misses: boolean }): string {
  const width = Math.max(...report.kinds.map((k) => k.name.length));
  const header = `${'kind'.padEnd(width)}  expected  found  matched  precision  recall  compared on`;
  const rows = report.kinds.map((k) => {
    const t = k.tally;
    const figures = `${String(t.expected).padStart(8)}  ${String(t.found).padStart(5)}  ${String(t.matched).padStart(7)}  ${precision(t).toFixed(3).padStart(9)}  ${recall(t).toFixed(3).padStart(6)}`;
    return `${k.name.padEnd(width)}  ${figures}  ${k.compares}`;
  });
  const failed = report.texts.filter((t) => t.errors.length > 0).map((t) => `${t.slug}: ${t.errors.join('; ')}`);
  const lines = [`${report.texts.length} labelled texts`, ...failed.map((f) => `error ${f}`), header, ...rows];
  if (options.misses) {
    for (const k of report.kinds) {
      if (k.tally.missed.length === 0 && k.tally.extra.length === 0) continue;
      lines.push('', `${k.name}:`, ...k.tally.missed.map((m) => `  missed  ${m}`), ...k.tally.extra.map((e) => `  extra   ${e}`));
    }
  }
  return lines.join('\n');
}
