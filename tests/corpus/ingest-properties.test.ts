/**
 * Property tests of the whole ingest (issue 11 §6): the five seeds and the shared corpus, transformed
 * the ways captured texts differ (cut anywhere, lines lost, doubled or swapped, other encodings,
 * traditional or mixed scripts, pinyin annotations, page boilerplate), must each give a valid
 * document or one clear error, and never throw.
 *
 * Reproducible: the seed and the number of runs are fixed here (PROPERTY_SEED and PROPERTY_RUNS
 * override them, e.g. for a longer search); a failure prints the seed and the shrunk case.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '#core/department-registry.ts';
import type { Diagnostic } from '#schemas/diagnostic.ts';
import { Document } from '#schemas/document.ts';
import type { Block } from '#schemas/structure.ts';
import { decode } from '../../scripts/lib/ingest/decode.ts';
import { loadOverrides, normalise } from '../../scripts/lib/ingest/normalise.ts';
import { ingestSource, type Ingested } from '../../scripts/lib/ingest/pipeline.ts';
import { SHARED_CORPUS, sharedCorpusLaws } from '../helpers/shared-corpus.ts';
import {
  annotatePinyin,
  annotationsArb,
  boilerplateArb,
  cut,
  cutArb,
  editLines,
  encode,
  encodingArb,
  ENCODINGS,
  inScript,
  insertBoilerplate,
  lineEditsArb,
  scriptArb,
  traditional,
  mixScripts,
} from '../helpers/text-transforms.ts';

const SEED = Number(process.env['PROPERTY_SEED'] ?? 20_251_106);
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 40);
const params = (runs: number = RUNS): fc.Parameters<unknown> => ({ seed: SEED, numRuns: runs });
/** Each property runs many whole ingests: the time it may take on a busy machine, not a performance claim. */
const TIMEOUT = 120_000;

const overrides = loadOverrides(JSON.parse(fs.readFileSync('content/normalise/t2s-overrides.json', 'utf8')));
const registry = loadRegistry(JSON.parse(fs.readFileSync('content/departments.json', 'utf8')));

type Source = { name: string; text: string };
const seeds: Source[] = fs
  .readdirSync('content/sources')
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: `content/sources/${f}`, text: fs.readFileSync(path.join('content/sources', f), 'utf8') }));
const laws: Source[] = sharedCorpusLaws().map((f) => ({ name: `corpus:${f}`, text: fs.readFileSync(path.join(SHARED_CORPUS, f), 'utf8') }));
// Half the draws from the seeds: few, but the only 公文 with tables, metadata blocks and annexes.
const sourceArb = laws.length === 0 ? fc.constantFrom(...seeds) : fc.oneof(fc.constantFrom(...seeds), fc.constantFrom(...laws));

function ingest(bytes: Uint8Array): Ingested {
  return ingestSource({ file: 'transformed.txt', bytes, sidecar: null, overrides, registry });
}

/** Every node of a document in order as `id kind`: what two texts of the same structure share. */
function structure(document: Document): string[] {
  const out: string[] = [];
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      out.push(`${b.id} ${b.type === 'provision' ? b.kind : b.type}`);
      if (b.type === 'provision') walk(b.children);
      if (b.type === 'table') out.push(...b.rows.map((r) => `${r.id} row`));
    }
  };
  for (const p of document.parts) {
    out.push(`${p.id} ${p.kind}`);
    walk(p.children);
  }
  return out;
}

const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.level === 'error').map((d) => `${d.code}${d.line ? `:${d.line}` : ''} ${d.message}`);

/**
 * The invariants every transformed text keeps. Two inputs may fail, each with exactly one error and no
 * document: nothing but white space (a cut that kept none of the text: decode-empty), and nothing but
 * lines that named rules remove, such as page boilerplate or a Markdown comment (parse-empty).
 */
function checkIngest(text: string, bytes: Uint8Array): Document | null {
  const result = ingest(bytes);
  const errors = errorsOf(result.diagnostics);
  if (text.trim() === '') expect(errors.map((e) => e.split(' ')[0])).toEqual(['decode-empty']);
  if (result.document === null) {
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^(decode-empty|parse-empty) /);
    return null;
  }
  expect(errors).toEqual([]);
  expect(result.document).not.toBeNull();
  const document = result.document as Document;
  expect(Document.safeParse(document).success).toBe(true);
  const ids = structure(document).map((s) => s.split(' ')[0]);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  return document;
}

/** The structure of a text ingested from UTF-8, its invariants checked; null for an input that may fail. */
function structureOf(text: string): string[] | null {
  const document = checkIngest(text, encode(text, 'utf-8'));
  return document && structure(document);
}

/** Normalising the normalised text changes nothing and fires no rule. */
function checkIdempotent(bytes: Uint8Array): void {
  const decoded = decode(bytes, 'transformed.txt');
  if (!decoded.ok) return;
  const once = normalise(decoded.value.text, 'transformed.txt', overrides);
  const twice = normalise(once.lines.join('\n'), 'transformed.txt', overrides);
  expect(twice.lines).toEqual(once.lines);
  expect(twice.counts).toEqual({});
}

/** A text made of a source by the cut and line edits a capture may have done to it. */
const excerptArb = fc
  .record({ source: sourceArb, cut: fc.option(cutArb, { freq: 3 }), edits: lineEditsArb })
  .map(({ source, cut: c, edits }) => ({ name: source.name, text: editLines(c ? cut(source.text, c.from, c.to) : source.text, edits) }));

const scope = laws.length === 0 ? 'the seeds only (SKIP_SHARED_CORPUS=1)' : 'the seeds and the shared corpus';
describe(`the ingest on transformed texts of ${scope} (seed ${SEED}, ${RUNS} runs per property)`, () => {
  it.skipIf(laws.length === 0)(`draws from the ${seeds.length} seeds and the ${laws.length} laws of the shared corpus`, () => {
    expect(seeds.length).toBe(5);
    expect(laws.length).toBeGreaterThan(100);
  });

  it('gives a valid document or one clear error, conserved, with unique ids and idempotent normalisation, whatever was done to the text', () => {
    const arb = fc.record({ excerpt: excerptArb, annotations: annotationsArb, boilerplate: boilerplateArb, script: scriptArb, encoding: encodingArb, crlf: fc.boolean() });
    fc.assert(
      fc.property(arb, ({ excerpt, annotations, boilerplate, script, encoding, crlf }) => {
        const text = inScript(insertBoilerplate(annotatePinyin(excerpt.text, annotations), boilerplate), script);
        const bytes = encode(crlf ? text.replaceAll('\n', '\r\n') : text, encoding);
        checkIngest(text, bytes);
        checkIdempotent(bytes);
      }),
      params(),
    );
  }, TIMEOUT);

  it('reads the same lines from every encoding of a text', () => {
    fc.assert(
      fc.property(excerptArb, fc.constantFrom(...ENCODINGS.filter((e) => e !== 'utf-8')), ({ text }, encoding) => {
        fc.pre(text.trim() !== '');
        const plain = checkIngest(text, encode(text, 'utf-8'));
        const other = checkIngest(text, encode(text, encoding));
        expect(other === null).toBe(plain === null);
        if (plain === null || other === null) return;
        // GB18030 writes ASCII as UTF-8 does: a text of ASCII alone is the same bytes, read as UTF-8.
        expect(other.encoding).toBe(encoding === 'gb18030' && /^[\x00-\x7f]*$/.test(text) ? 'utf-8' : encoding);
        expect(other.lines).toEqual(plain.lines);
        expect(structure(other)).toEqual(structure(plain));
      }),
      params(RUNS / 2),
    );
  }, TIMEOUT);

  it('gives the same structure and ids in traditional characters, whole or mixed line by line', () => {
    fc.assert(
      fc.property(excerptArb, fc.array(fc.boolean(), { minLength: 2, maxLength: 7 }), ({ text }, mask) => {
        fc.pre(text.trim() !== '');
        const simplified = structureOf(text);
        for (const variant of [traditional(text), mixScripts(text, mask)]) expect(structureOf(variant)).toEqual(simplified);
      }),
      params(RUNS / 2),
    );
  }, TIMEOUT);

  it('gives the same structure and ids when pinyin annotations and page boilerplate are added', () => {
    fc.assert(
      fc.property(excerptArb, annotationsArb, boilerplateArb, ({ text }, annotations, boilerplate) => {
        fc.pre(text.trim() !== '');
        expect(structureOf(insertBoilerplate(annotatePinyin(text, annotations), boilerplate))).toEqual(structureOf(text));
      }),
      params(RUNS / 2),
    );
  }, TIMEOUT);

  it('gives a document or one decode error when the bytes themselves are cut, mid-character included', () => {
    fc.assert(
      fc.property(excerptArb, encodingArb, cutArb, ({ text }, encoding, c) => {
        const bytes = encode(text, encoding);
        const [a, b] = [Math.floor(c.from * bytes.length), Math.floor(c.to * bytes.length)].sort((x, y) => x - y);
        const result = ingest(bytes.subarray(a, b));
        const errors = result.diagnostics.filter((d) => d.level === 'error');
        if (result.document === null) {
          expect(errors).toHaveLength(1);
          expect(errors[0]?.code).toMatch(/^(decode-.*|parse-empty)$/);
        } else {
          expect(errorsOf(result.diagnostics)).toEqual([]);
        }
      }),
      params(),
    );
  }, TIMEOUT);
});
