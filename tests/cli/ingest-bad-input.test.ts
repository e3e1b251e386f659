import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Document } from '#schemas/document.ts';
import { runIngest, type IngestOptions } from '../../scripts/lib/ingest/ingest-command.ts';
import { runParse } from '../../scripts/lib/ingest/parse-command.ts';
import { callCommand, spawnScript, type CommandResult } from '../helpers/commands.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

const FIXTURES = 'tests/fixtures/bad-input';
// Each run keeps its cache to itself: the project's own holds the real corpus.
const tempCache = () => tempDir('atlas-cache-');

/** Runs the ingest in this process, as `npm run ingest` would with these options. */
const ingest = (options: Partial<IngestOptions>) => callCommand((output) => runIngest(options, output));
/** Parses one file in this process, as `npm run parse -- FILE` would. */
const parse = (file: string) => callCommand((output) => runParse({ file, cwd: process.cwd() }, output));

describe('npm run ingest on a folder of bad and odd inputs', () => {
  let result: CommandResult;
  let sources: string;
  let out: string;
  beforeAll(() => {
    sources = tempDir('atlas-sources-');
    out = tempDir('atlas-out-');
    for (const f of fs.readdirSync(FIXTURES)) fs.copyFileSync(path.join(FIXTURES, f), path.join(sources, f));
    // The same document twice, under another file name and id.
    fs.copyFileSync(path.join(FIXTURES, 'bom-crlf-notice.txt'), path.join(sources, 'copy-of-notice.txt'));
    fs.writeFileSync(path.join(sources, 'copy-of-notice.meta.json'), fs.readFileSync(path.join(FIXTURES, 'bom-crlf-notice.meta.json'), 'utf8').replace('"bom-crlf-notice"', '"copy-of-notice"'));
    // A source without a sidecar, one whose sidecar is not JSON, and a folder named like a source.
    fs.writeFileSync(path.join(sources, 'orphan.txt'), '一、总体要求\n');
    fs.writeFileSync(path.join(sources, 'broken-sidecar.txt'), '一、总体要求\n');
    fs.writeFileSync(path.join(sources, 'broken-sidecar.meta.json'), '{"id": "broken-sidecar",');
    fs.mkdirSync(path.join(sources, 'folder.txt'));
    fs.writeFileSync(path.join(sources, 'folder.meta.json'), fs.readFileSync(path.join(FIXTURES, 'empty.meta.json'), 'utf8').replace('"empty"', '"folder"'));
    result = ingest({ sources, out, cache: tempCache() });
  });
  const written = (id: string) => Document.parse(JSON.parse(fs.readFileSync(path.join(out, `${id}.json`), 'utf8')));
  const errorLines = () => result.stderr.split('\n').filter((l) => l.includes(': error ['));

  it('prints and exits the same when run as a command (scripts/ingest.ts)', () => {
    const options = ['--sources', sources, '--out', tempDir('atlas-out-'), '--cache', tempCache()];
    expect(spawnScript('scripts/ingest.ts', options)).toEqual(result);
  });

  it('fails, listing every error at once with its file', () => {
    expect(result.status).toBe(1);
    expect(errorLines().map((l) => l.replace(/^.*\/(\S+?): error \[([a-z-]+)\].*$/, '$1 $2'))).toEqual([
      'binary.txt decode-binary',
      'broken-sidecar.meta.json sidecar-json',
      'empty.txt decode-empty',
      'folder.txt source-unreadable',
      'orphan.meta.json sidecar-missing',
    ]);
    expect(result.stdout).toMatch(/11 sources, 6 documents ingested, 5 errors/);
  });

  it('still ingests every other document, whatever its encoding', () => {
    expect(fs.readdirSync(out).sort()).toEqual(['bom-crlf-notice.json', 'copy-of-notice.json', 'gb18030-notice.json', 'html-notice.json', 'no-structure.json', 'utf16-notice.json']);
    for (const [id, encoding] of [['gb18030-notice', 'gb18030'], ['utf16-notice', 'utf-16le'], ['bom-crlf-notice', 'utf-8-bom']] as const) {
      const d = written(id);
      expect(d.encoding).toBe(encoding);
      expect(d.lines[3]).toBe('（一）稳定就业。实现城镇新增就业5000人以上。');
      expect(d.parts[0]?.children.map((b) => b.id)).toEqual(['m-p1', 'm-p2', 'm-1', 'm-2', 'm-p3', 'm-p4']);
      expect(d.meta).toMatchObject({ title: '关于做好就业工作的通知', issuer: '某市人民政府', date: '2020-03-01' });
    }
  });

  it('reports the same document twice as a duplicate', () => {
    // Of two identical texts, the id that sorts first is the canonical one.
    expect(written('bom-crlf-notice').duplicateOf).toBeNull();
    expect(written('copy-of-notice').duplicateOf).toEqual({ documentId: 'bom-crlf-notice', firstLine: 1, lastLine: 8 });
    expect(result.stdout).toContain('warning [duplicate-document] the same text as bom-crlf-notice');
  });

  it('strips HTML tags and keeps a script’s text as plain characters', () => {
    const d = written('html-notice');
    expect(d.lines).toEqual(['一、总体要求', "alert('x')", '（一）稳定就业。实现新增就业 100人。', '', '']);
    expect(d.drops.filter((x) => x.rule === 'html-tag').map((x) => x.text)).toEqual(['<div class="content">', '<p>', '</p>', '<script>', '</script>', '<br/>', '</div>']);
  });

  it('turns a text without structure into paragraphs, with a warning', () => {
    const d = written('no-structure');
    expect(d.parts.map((p) => p.children.map((b) => [b.type, b.id]))).toEqual([[['paragraph', 'm-p1'], ['paragraph', 'm-p2']]]);
    expect(d.diagnostics.map((x) => x.code)).toContain('parse-no-structure');
  });
});

describe('npm run parse', () => {
  it('prints one file’s structure as JSON without a sidecar, diagnostics on stderr', () => {
    const dir = tempDir('atlas-parse-');
    const file = path.join(dir, 'new-notice.txt');
    fs.copyFileSync(path.join(FIXTURES, 'gb18030-notice.txt'), file);
    const r = parse(file);
    expect(r.status).toBe(0);
    const d = Document.parse(JSON.parse(r.stdout));
    expect(d.id).toBe('new-notice');
    expect(d.meta.shortTitle).toBe('关于做好就业工作的通知');
    expect(r.stderr).toContain('warning [no-sidecar]');
    expect(r.stderr).toContain('warning [decode-fallback-encoding]');
  });

  it('parses a 10 MB text (the corpus repeated) into the same structure, many times over', () => {
    const dir = tempDir('atlas-big-');
    const file = path.join(dir, 'big.txt');
    const unit = fs.readFileSync('content/sources/yibin-yfbh-2014-282.txt', 'utf8').split('\n').slice(10, 38).join('\n');
    const copies = Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(unit));
    fs.writeFileSync(file, Array.from({ length: copies }, () => unit).join('\n'));
    expect(fs.statSync(file).size).toBeGreaterThan(10 * 1024 * 1024);
    // Run as a command: the smoke test of scripts/parse.ts.
    const r = spawnScript('scripts/parse.ts', [file]);
    expect(r.status).toBe(0);
    const d = Document.parse(JSON.parse(r.stdout));
    // Each copy restarts at 一、, which opens a new implicit group at the top level.
    expect(d.parts[0]?.children.filter((b) => b.type === 'provision' && b.kind === 'implicit')).toHaveLength(copies - 1);
  }, 120_000);
});

describe('npm run ingest -- --check', () => {
  it('passes on fresh output and fails, naming the file, when the committed data is stale', () => {
    const out = tempDir('atlas-check-');
    const args = { sources: FIXTURES, out, quiet: true, cache: tempCache() };
    ingest(args);
    expect(ingest({ ...args, check: true }).stderr).not.toContain('differs from what the sources produce');
    const stale = path.join(out, 'no-structure.json');
    fs.writeFileSync(stale, fs.readFileSync(stale, 'utf8').replace('这是一段', '那是一段'));
    fs.writeFileSync(path.join(out, 'removed-source.json'), '{}\n');
    const check = ingest({ ...args, check: true });
    expect(check.status).toBe(1);
    expect(check.stderr.split('\n').filter((l) => l.includes('differs'))).toEqual([
      `${path.join(out, 'no-structure.json')}: differs from what the sources produce: run \`npm run ingest\` and commit the result`,
      `${path.join(out, 'removed-source.json')}: differs from what the sources produce: run \`npm run ingest\` and commit the result`,
    ]);
  });
});
