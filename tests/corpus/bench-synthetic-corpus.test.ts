import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { benchId, generateCorpus, prng, relabel, renumberDocNumber, type CorpusSeed, type GeneratedSource } from '../../scripts/lib/bench/synthetic-corpus.ts';
import { linkDuplicates } from '../../scripts/lib/ingest/duplicates.ts';
import { loadRegistry } from '#core/department-registry.ts';
import { loadOverrides } from '../../scripts/lib/ingest/normalise.ts';
import { ingestSource, type Ingested } from '../../scripts/lib/ingest/pipeline.ts';
import type { Document } from '#schemas/document.ts';
import { SourceMeta } from '#schemas/sidecar.ts';
import type { Block, Table } from '#schemas/structure.ts';
import { ingestCorpus } from '../helpers/ingest-corpus.ts';

const COUNT = 24;
let seeds: CorpusSeed[];
let corpus: GeneratedSource[];
let ingested: Map<string, Ingested>;

function ingestGenerated(sources: readonly GeneratedSource[]): Map<string, Ingested> {
  const overrides = loadOverrides(JSON.parse(fs.readFileSync('content/normalise/t2s-overrides.json', 'utf8')));
  const registry = loadRegistry(JSON.parse(fs.readFileSync('content/departments.json', 'utf8')));
  return new Map(
    sources.map((s) => [s.id, ingestSource({ file: `bench/${s.id}.txt`, bytes: Buffer.from(s.text, 'utf8'), sidecar: SourceMeta.parse(s.sidecar), overrides, registry })]),
  );
}

function documentOf(id: string): Document {
  const d = ingested.get(id)?.document;
  if (!d) throw new Error(`${id} did not ingest`);
  return d;
}

function tables(blocks: readonly Block[]): Table[] {
  return blocks.flatMap((b) => (b.type === 'table' ? [b] : b.type === 'provision' ? tables(b.children) : []));
}

/** The ids of the top-level numbered sections (一、…) of a document, in order. */
function sectionIds(d: Document): string[] {
  return d.parts.flatMap((p) => p.children.filter((b) => b.type === 'provision' && b.kind === 'numbered' && b.level === 1).map((b) => b.id));
}

beforeAll(() => {
  const { results, documents } = ingestCorpus();
  seeds = documents.map((document) => {
    const file = results.get(document.id)?.document?.sourceFile ?? '';
    return { document, sidecar: SourceMeta.parse(JSON.parse(fs.readFileSync(file.replace(/\.txt$/, '.meta.json'), 'utf8'))) };
  });
  corpus = generateCorpus(seeds, COUNT);
  ingested = ingestGenerated(corpus);
  // Ingests the seeds and 24 generated documents: seconds on an idle machine, more on a busy one.
}, 120_000);

describe('prng', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = prng(7);
    const b = prng(7);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(prng(8)()).not.toBe(first[0]);
  });
});

describe('relabel and renumberDocNumber', () => {
  it('replaces the printed number of a heading, keeping its indentation', () => {
    expect(relabel('三、加强组织领导', '三、', '一、')).toBe('一、加强组织领导');
    expect(relabel('  八、強化督查', '八、', '二、')).toBe('  二、強化督查');
    expect(relabel('（一）加强组织领导', '三、', '一、')).toBe('（一）加强组织领导');
  });
  it('gives a 文号 the serial number of the synthetic document', () => {
    expect(renumberDocNumber('宜府办函〔2014〕282号', 42)).toBe('宜府办函〔2014〕42号');
    expect(renumberDocNumber('苏政办发〔2012〕91号', 7)).toBe('苏政办发〔2012〕7号');
    expect(renumberDocNumber('湘政电', 3)).toBe('湘政电-3');
  });
  it('numbers ids with five digits', () => {
    expect(benchId(42)).toBe('bench-00042');
    expect(benchId(1000)).toBe('bench-01000');
  });
});

describe('generateCorpus', () => {
  it('is deterministic, and a smaller corpus is a prefix of a larger one', () => {
    expect(generateCorpus(seeds, COUNT)).toEqual(corpus);
    expect(generateCorpus(seeds, 10)).toEqual(corpus.slice(0, 10));
    expect(generateCorpus(seeds, COUNT, 2).map((s) => s.text)).not.toEqual(corpus.map((s) => s.text));
  });

  it('names the documents bench-00001 … with schema-valid sidecars, own titles and 文号', () => {
    expect(corpus.map((s) => s.id)).toEqual(Array.from({ length: COUNT }, (_, i) => benchId(i + 1)));
    for (const s of corpus) {
      expect(SourceMeta.parse(s.sidecar).id).toBe(s.id);
      expect(s.sidecar.shortTitle.endsWith(`（基准样本${s.id.slice(6)}）`)).toBe(true);
    }
    const numbers = corpus.map((s) => documentOf(s.id).meta.docNumber).filter((n) => n !== null);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(corpus.map((s) => documentOf(s.id).meta.title)).size).toBe(COUNT);
  });

  it('uses every canonical seed as a layout and keeps each layout’s sections, renumbered in place', () => {
    for (const s of corpus) {
      const base = seeds.find((x) => x.document.id === s.layout);
      if (!base) throw new Error(`${s.id}: no seed ${s.layout}`);
      expect(s.sections.length).toBe(sectionIds(base.document).length);
      expect(sectionIds(documentOf(s.id))).toEqual(sectionIds(base.document));
      expect(s.sidecar.region).toEqual(base.sidecar.region);
    }
    expect([...new Set(corpus.map((s) => s.layout))].sort()).toEqual(['jiangsu-szbf-2012-91', 'xiangtan-2019-stabilise-employment', 'xuhui-2016-employment-plan', 'yibin-yfbh-2014-282']);
  });

  it('writes only real published lines (a moved section differs only in its heading number)', () => {
    // The one change beside heading numbers: an issued document's title carries the document's tag.
    const stripLabel = (l: string) => l.replace(/^\s*[一二三四五六七八九十]+、/, '').replace(/（基准样本\d+）/g, '');
    const real = new Set(seeds.flatMap((s) => s.document.originalLines.map(stripLabel)));
    const foreign = corpus.flatMap((s) => s.text.split('\n').filter((l) => !real.has(stripLabel(l))));
    expect(foreign).toEqual([]);
  });

  it('gives the documents a layout issues titles of their own, still read as issued documents', () => {
    const issued = (d: Document) => d.parts.flatMap((p) => (p.kind === 'document' && p.title !== null ? [p.title] : []));
    const titles = corpus.flatMap((s) => {
      const base = seeds.find((x) => x.document.id === s.layout);
      if (!base) throw new Error(`${s.id}: no seed ${s.layout}`);
      expect(issued(documentOf(s.id))).toEqual(issued(base.document).map((t) => `${t}（基准样本${s.id.slice(6)}）`));
      return issued(documentOf(s.id));
    });
    expect(titles.length).toBeGreaterThan(COUNT / 3);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('mixes sections of different sources without mixing scripts in one document', () => {
    const sourcesOf = (s: GeneratedSource) => new Set(s.sections.map((x) => x.slice(0, x.indexOf('#'))));
    expect(corpus.filter((s) => sourcesOf(s).size > 1).length).toBeGreaterThan(COUNT / 2);
    const scriptOf = new Map(seeds.map((s) => [s.document.id, s.document.script]));
    for (const s of corpus) {
      expect(new Set([...sourcesOf(s), s.layout].map((id) => scriptOf.get(id))).size).toBe(1);
      expect(ingested.get(s.id)?.diagnostics.map((d) => d.code)).not.toContain('normalise-mixed-script');
    }
  });

  it('ingests every document without errors; beside the real ones, none is taken for a duplicate', () => {
    for (const [id, r] of ingested) expect({ id, errors: r.diagnostics.filter((d) => d.level === 'error') }).toEqual({ id, errors: [] });
    const synthetic = [...ingested.values()].flatMap((r) => (r.document ? [r.document] : []));
    const linked = linkDuplicates([...synthetic, ...seeds.map((s) => ({ ...s.document, duplicateOf: null }))]);
    expect(linked.documents.filter((d) => d.duplicateOf !== null).map((d) => [d.id, d.duplicateOf?.documentId])).toEqual([['jiangsu-szbf-2012-91-excerpt', 'jiangsu-szbf-2012-91']]);
  });

  it('never gives a synthetic document the 文号 of a real one', () => {
    const real = new Set(seeds.flatMap((s) => (s.document.meta.docNumber === null ? [] : [s.document.meta.docNumber])));
    const numbered = corpus.flatMap((s, i) => {
      const n = documentOf(s.id).meta.docNumber;
      return n === null ? [] : [{ k: i + 1, n }];
    });
    expect(numbered.length).toBeGreaterThan(COUNT / 3);
    expect(numbered.filter(({ n }) => real.has(n))).toEqual([]);
    for (const { k, n } of numbered) expect(n).toMatch(new RegExp(`〔\\d{4}〕${10000 + k}号$`));
  });

  it('carries table column corrections to the id the table has in its new place', () => {
    let carried = 0;
    for (const s of corpus) {
      const byId = new Map(documentOf(s.id).parts.flatMap((p) => tables(p.children)).map((t) => [t.id, t]));
      for (const [id, correction] of Object.entries(s.sidecar.tableColumns)) {
        expect(byId.get(id)?.columns).toEqual(correction.columns);
        carried++;
      }
    }
    expect(carried).toBeGreaterThan(0);
  });
});
