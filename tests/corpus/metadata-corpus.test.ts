import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOverrides } from '../../scripts/lib/ingest/normalise.ts';
import { ingestSource, type Ingested } from '../../scripts/lib/ingest/pipeline.ts';
import { loadRegistry } from '#core/department-registry.ts';
import { SHARED_CORPUS, sharedCorpusLaws, sharedCorpusPresent } from '../helpers/shared-corpus.ts';

/**
 * The metadata of every law of the shared corpus (../shared/corpus/laws), each ingested on its own
 * with no sidecar, as `npm run parse` does.
 */
const present = sharedCorpusPresent();
/** The header of a corpus file: everything above the comment that closes it. */
const HEADER_END = '<!-- INFO END -->';

/** Read independently of the pipeline: the header prints a date when one of its lines has 年, then 月, then 日. */
function printsDate(text: string): boolean {
  const header = text.split(HEADER_END)[0] ?? '';
  return header.split('\n').some((line) => /年.*月.*日/.test(line));
}

describe.skipIf(!present)('metadata of the shared corpus', () => {
  const results = new Map<string, { text: string; result: Ingested }>();

  beforeAll(() => {
    const root = path.resolve(import.meta.dirname, '../..');
    const overrides = loadOverrides(JSON.parse(fs.readFileSync(path.join(root, 'content/normalise/t2s-overrides.json'), 'utf8')));
    const registry = loadRegistry(JSON.parse(fs.readFileSync(path.join(root, 'content/departments.json'), 'utf8')));
    for (const file of sharedCorpusLaws().map((f) => path.join(SHARED_CORPUS, f))) {
      const bytes = fs.readFileSync(file);
      const relative = path.relative(path.join(SHARED_CORPUS, "laws"), file);
      results.set(relative, { text: bytes.toString('utf8'), result: ingestSource({ file: relative, bytes, sidecar: null, overrides, registry }) });
    }
  }, 120_000);

  it('ingests every text into a document', () => {
    const failed = [...results].filter(([, r]) => r.result.document === null).map(([file]) => file);
    expect(results.size).toBeGreaterThan(100);
    expect(failed).toEqual([]);
  });

  it('reads a title from every text', () => {
    const untitled = [...results].filter(([, r]) => r.result.document?.meta.provenance.title?.from !== 'text').map(([file]) => file);
    expect(untitled).toEqual([]);
  });

  it('reads a date from at least 95 % of the texts that print one', () => {
    const printing = [...results].filter(([, r]) => printsDate(r.text));
    const undated = printing.filter(([, r]) => (r.result.document?.meta.date ?? null) === null).map(([file]) => file);
    expect(printing.length).toBeGreaterThan(90);
    expect(undated.length / printing.length, `undated: ${undated.join(', ')}`).toBeLessThanOrEqual(0.05);
  });

  it('gives every dated text with history lines its history, and the date of its latest event but 施行', () => {
    for (const [file, r] of results) {
      const meta = r.result.document?.meta;
      if (meta === undefined || meta.history.length === 0) continue;
      const latest = meta.history.filter((e) => e.kind !== 'in-force').map((e) => e.date).sort().at(-1);
      if (latest !== undefined) expect(meta.date, file).toBe(latest);
    }
  });
});

describe('a file without a sidecar', () => {
  const ingest = (text: string) =>
    ingestSource({ file: 'some-regulation.md', bytes: new TextEncoder().encode(text), sidecar: null, overrides: [], registry: [] }).document;

  it('cites a statute by its short title, not by the order it was promulgated under', () => {
    const doc = ingest('# 中华人民共和国某某条例\n\n1999年1月22日 中华人民共和国国务院令第258号发布\n\n<!-- INFO END -->\n\n第一条 为了保障某某，制定本条例。\n\n第二条 本条例自发布之日起施行。\n');
    expect(doc?.meta).toMatchObject({ title: '中华人民共和国某某条例', shortTitle: '某某条例', docNumber: '中华人民共和国国务院令第258号', issuer: '国务院', date: '1999-01-22', effective: '1999-01-22' });
  });

  it('cites a 公文 by its 文号', () => {
    const doc = ingest('某市人民政府关于做好就业工作的通知\n某政发〔2019〕3号\n各区人民政府：\n一、总体要求\n做好就业工作。\n某市人民政府\n2019年3月1日\n');
    expect(doc?.meta).toMatchObject({ shortTitle: '某政发〔2019〕3号', issuer: '某市人民政府', date: '2019-03-01' });
  });
});
