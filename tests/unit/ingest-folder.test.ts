import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS_PATHS, ingestFolder } from '../../scripts/lib/ingest/ingest-folder.ts';

const sidecar = (id: string) => JSON.stringify({ id, region: { name: '某市', level: 'city', within: [] }, type: '通知', shortTitle: id });

describe('ingestFolder: one bad source among good ones', () => {
  it('gives each bad source its own errors and no document, and ingests the others', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-folder-'));
    const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
    write('a-good.txt', '一、总体要求\n（一）稳定就业。\n');
    write('a-good.meta.json', sidecar('a-good'));
    write('b-broken-sidecar.txt', '一、总体要求\n');
    write('b-broken-sidecar.meta.json', '{"id": ');
    write('c-no-sidecar.txt', '一、总体要求\n');
    fs.mkdirSync(path.join(dir, 'd-folder.txt'));
    write('d-folder.meta.json', sidecar('d-folder'));
    write('e-empty.txt', '\n \n');
    write('e-empty.meta.json', sidecar('e-empty'));
    write('f-good.txt', '项目 | 金额 |\n补贴 | 1000元 |\n| |\n');
    write('f-good.meta.json', sidecar('f-good'));

    const { sources, documents } = ingestFolder({ ...DEFAULT_CORPUS_PATHS, sources: dir });

    expect(sources.map((s) => [path.basename(s.file), s.sidecar?.id ?? null, s.result.diagnostics.filter((d) => d.level === 'error').map((d) => d.code)])).toEqual([
      ['a-good.txt', 'a-good', []],
      ['b-broken-sidecar.txt', null, ['sidecar-json']],
      ['c-no-sidecar.txt', null, ['sidecar-missing']],
      ['d-folder.txt', 'd-folder', ['source-unreadable']],
      ['e-empty.txt', 'e-empty', ['decode-empty']],
      ['f-good.txt', 'f-good', []],
    ]);
    expect(documents.map((d) => d.id)).toEqual(['a-good', 'f-good']);
  });
});
