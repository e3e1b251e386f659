import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCorpus, formatCorpusCheck } from '../../scripts/lib/checks/check-corpus.ts';
import { corpusMeasures, measureFile, totalFigures, type FileFigures } from '../../scripts/lib/checks/corpus-figures.ts';
import { compareToFloors, Floors, formatFloorRows } from '../../scripts/lib/checks/floors.ts';
import { articleLines, numberedLines, printsDate } from '../../scripts/lib/checks/numbered-lines.ts';
import type { Ingested } from '../../scripts/lib/ingest/pipeline.ts';
import { projectIngest, sourceTextsUnder } from '../../scripts/lib/ingest/source-files.ts';
import type { DepartmentMention } from '#schemas/entities.ts';
import type { Provision } from '#schemas/structure.ts';
import { CRAFTED_STATUTE } from '../helpers/crafted-texts.ts';
import { testMention } from '../helpers/document-builder.ts';


const ingest = projectIngest();
const ingestText = (text: string, file = 'crafted/statute.md'): Ingested => ingest(file, new TextEncoder().encode(text), null);

describe('the numbered lines of a text, by rules independent of the parser', () => {
  it('reads 第X条 lines, with 之一 and the traditional 條, but not a cross-reference opening a paragraph', () => {
    const lines = ['第一条 为了', '  第十条之一　插入的条文', '第五十條 繁体', '第二条规定的人员', '## 第三条', '第四条'];
    expect(articleLines(lines)).toEqual([
      { line: 1, num: 1, sub: null },
      { line: 2, num: 10, sub: 1 },
      { line: 3, num: 50, sub: null },
      { line: 5, num: 3, sub: null },
      { line: 6, num: 4, sub: null },
    ]);
  });

  it('reads 一、 and （一）/(一) lines, not 1. or a numeral inside a sentence', () => {
    expect(numberedLines(['一、总体要求', '（二）基本原则', '(十一)半角', '1. 目', '对（一）项', '第一条 不是'])).toEqual([
      { line: 1, level: 1, num: 1 },
      { line: 2, level: 2, num: 2 },
      { line: 3, level: 2, num: 11 },
    ]);
  });

  it('finds a printed date in the heading block, the first ten lines, or a date line of its own', () => {
    expect(printsDate(['# 标题', '二〇一九年二月一日 通过', '<!-- INFO END -->'])).toBe(true);
    expect(printsDate(['标题', '苏政办发〔2012〕91号 2012年5月14日'])).toBe(true);
    expect(printsDate([...Array<string>(20).fill('正文'), '宜宾市人民政府办公室', '2014年 10月26日'])).toBe(true);
    // A date inside the body after the heading is not the text's own date.
    expect(printsDate(['# 标题', '<!-- INFO END -->', '第一条 自2020年3月1日起施行。'])).toBe(false);
  });
});

describe('measureFile', () => {
  const lines = CRAFTED_STATUTE.split('\n');
  const result = ingestText(CRAFTED_STATUTE);

  it('counts article lines read as article nodes with the printed number, and numbered lines as provisions', () => {
    const f = measureFile('crafted/statute.md', lines, result);
    expect(f).toMatchObject({ file: 'crafted/statute.md', errors: 0, articles: { found: 3, of: 3 }, provisions: { found: 2, of: 2 } });
    expect(f.warnings['no-sidecar']).toBe(1);
  });

  it('does not count an article node whose number differs from the printed one', () => {
    const doc = result.document!;
    const renumber = (p: Provision): Provision => (p.id === 'art-2' ? { ...p, num: 20 } : { ...p, children: p.children.map((c) => (c.type === 'provision' ? renumber(c) : c)) });
    const parts = doc.parts.map((part) => ({ ...part, children: part.children.map((b) => (b.type === 'provision' ? renumber(b) : b)) }));
    expect(measureFile('x', lines, { ...result, document: { ...doc, parts } }).articles).toEqual({ found: 2, of: 3 });
  });

  it('accounts for every character of the text by the nodes and the named drops', () => {
    const { characters } = measureFile('x', lines, result);
    expect(characters.text).toBe(CRAFTED_STATUTE.replace(/\s/g, '').length);
    expect(characters.nodes + characters.dropped).toBe(characters.text);
    expect(characters.dropped).toBeGreaterThan(0); // the Markdown marks
  });

  it('reads metadata coverage and the text’s own date', () => {
    expect(measureFile('x', lines, result).metadata).toMatchObject({ title: true, docNumber: false, validity: true, printsDate: true });
  });

  it('counts department mentions of a form it cannot read, and the warnings about them', () => {
    const mention = (resolution: DepartmentMention['resolution']) => testMention({ clauseId: 'art-2.1', name: '市人民政府', role: 'mentioned', resolution });
    const doc = { ...result.document!, extracted: { ...result.document!.extracted, departments: [mention('office'), mention('unknown')] } };
    const warning = { level: 'warning' as const, code: 'department-unknown', message: 'm', file: 'x' };
    const f = measureFile('x', lines, { ...result, document: doc, diagnostics: [warning] });
    expect(f.departments).toEqual({ mentions: 2, unknown: 1, unknownWarnings: 1 });
  });

  it('measures a text the pipeline could not read: its errors, and nothing found', () => {
    const f = measureFile('x', lines, { document: null, diagnostics: [{ level: 'error', code: 'decode-binary', message: 'm', file: 'x' }], unmatched: [] });
    expect(f).toMatchObject({ errors: 1, articles: { found: 0, of: 3 }, metadata: { title: false, printsDate: true }, characters: { nodes: 0, dropped: 0 } });
  });
});

describe('totalFigures and corpusMeasures', () => {
  const figures = (over: Partial<FileFigures>): FileFigures => ({
    file: 'f',
    errors: 0,
    warnings: {},
    articles: { found: 0, of: 0 },
    provisions: { found: 0, of: 0 },
    metadata: { title: true, issuer: false, date: false, docNumber: false, validity: false, printsDate: false },
    departments: { mentions: 0, unknown: 0, unknownWarnings: 0 },
    characters: { text: 10, nodes: 8, dropped: 2 },
    ...over,
  });

  it('adds the files up and derives the shares the issue sets thresholds for', () => {
    const totals = totalFigures([
      figures({ errors: 2, warnings: { b: 1, a: 2 }, articles: { found: 9, of: 10 }, metadata: { title: false, issuer: true, date: true, docNumber: false, validity: false, printsDate: true }, departments: { mentions: 4, unknown: 1, unknownWarnings: 2 } }),
      figures({ warnings: { b: 3 }, articles: { found: 10, of: 10 }, metadata: { title: true, issuer: false, date: false, docNumber: false, validity: false, printsDate: true }, departments: { mentions: 6, unknown: 0, unknownWarnings: 0 } }),
    ]);
    expect(totals).toMatchObject({ files: 2, errors: 2, filesWithErrors: 1, warnings: { a: 2, b: 4 }, articles: { found: 19, of: 20 } });
    expect(Object.keys(totals.warnings)).toEqual(['a', 'b']);
    expect(totals.metadata).toMatchObject({ title: 1, printsDate: 2, dateWherePrinted: 1 });
    expect(corpusMeasures(totals)).toEqual({
      'files-without-errors': 0.5,
      'articles-right': 0.95,
      'titles-found': 0.5,
      'dates-found-where-printed': 0.5,
      'departments-known': 0.9,
    });
  });

  it('counts a share with nothing to measure as met', () => {
    expect(corpusMeasures(totalFigures([]))).toEqual({
      'files-without-errors': 1, 'articles-right': 1, 'titles-found': 1, 'dates-found-where-printed': 1, 'departments-known': 1,
    });
  });
});

describe('checkCorpus on a folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-corpus-'));
    fs.mkdirSync(path.join(dir, 'laws'));
    fs.writeFileSync(path.join(dir, 'laws', 'statute.md'), CRAFTED_STATUTE);
    fs.writeFileSync(path.join(dir, 'notice.txt'), '某市人民政府关于做好就业工作的通知\n一、总体要求\n（一）稳定就业。做好工作。\n某市人民政府\n2019年2月1日\n');
    fs.writeFileSync(
      path.join(dir, 'notice.meta.json'),
      JSON.stringify({ id: 'crafted-notice', region: { name: '某市', level: 'city', within: [] }, type: '通知', shortTitle: '某市就业通知' }),
    );
    fs.writeFileSync(path.join(dir, 'README.md'), '# 说明\n');
    fs.writeFileSync(path.join(dir, 'manifest.json'), '[]');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the .txt and .md texts recursively, leaving out the folder README and data files', () => {
    expect(sourceTextsUnder(dir).map((f) => path.relative(dir, f))).toEqual(['laws/statute.md', 'notice.txt']);
  });

  it('ingests each text with its sidecar where it has one, and prints a row per file and the totals', () => {
    const check = checkCorpus([dir], ingest);
    const [statute, notice] = check.files;
    expect(statute?.warnings['no-sidecar']).toBe(1);
    expect(notice?.warnings['no-sidecar']).toBeUndefined();
    expect(notice).toMatchObject({ provisions: { found: 2, of: 2 }, metadata: { issuer: true, date: true, printsDate: true } });
    expect(check.totals.files).toBe(2);
    const printed = formatCorpusCheck(check);
    expect(printed).toMatch(/ 3\/3 .* laws\/statute\.md {2}\[.*no-sidecar 1\]/);
    expect(printed).toContain('totals over 2 files');
    expect(printed).toContain('articles     3/3 第X条 lines are article nodes with that number (100.0%)');
  });
});

describe('floors', () => {
  const floors = Floors.parse({
    note: 'test',
    measures: {
      a: { floor: 0.5, target: 0.95, reason: 'r' },
      b: { floor: 0, target: 0.95, reason: 'r' },
      c: { floor: 0.2, target: 0.95, reason: 'r' },
    },
  });

  it('passes a measure at or above its floor', () => {
    expect(compareToFloors({ a: 0.49, b: 0, c: 1 }, floors).map((r) => r.ok)).toEqual([false, true, true]);
  });

  it('fails a measure without a floor and a floor without a measure', () => {
    expect(compareToFloors({ a: 1, b: 1, d: 1 }, floors).filter((r) => !r.ok).map((r) => r.measure)).toEqual(['c', 'd']);
  });

  it('prints floor, target and actual, marks a fall below the floor and says how far a floor may rise', () => {
    const printed = formatFloorRows(compareToFloors({ a: 0.4, b: 0.871 }, floors));
    expect(printed.split('\n')).toEqual([
      'measure  floor  target  actual',
      'a        0.50   0.95   0.400  BELOW FLOOR',
      'b        0.00   0.95   0.871  (floor may rise to 0.87)',
      'c        0.20   0.95   missing  FAIL',
    ]);
  });
});
