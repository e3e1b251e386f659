/**
 * Metadata read from the committed seed sources and their sidecars. The rules themselves are unit
 * tests on crafted text (tests/unit/metadata.test.ts).
 */
import { readFileSync } from 'node:fs';
import OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { extractTextMetadata, resolveMetadata } from '../../scripts/lib/ingest/metadata.ts';
import { DocumentMeta } from '#schemas/document.ts';
import { SourceMeta } from '#schemas/sidecar.ts';
import { NOTHING } from '../helpers/text-metadata.ts';

const SOURCES = new URL('../../content/sources/', import.meta.url);
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const PINYIN_ANNOTATION = /\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)/g;

/** A stand-in for the normalise stage: simplified text, one string per source line. */
function normalisedLines(name: string, script: 'traditional' | 'simplified'): string[] {
  const text = readFileSync(new URL(`${name}.txt`, SOURCES), 'utf8');
  const simplified = script === 'traditional' ? toSimplified(text.replace(PINYIN_ANNOTATION, '')) : text;
  return simplified.split(/\r?\n/);
}

function sidecar(name: string): SourceMeta {
  return SourceMeta.parse(JSON.parse(readFileSync(new URL(`${name}.meta.json`, SOURCES), 'utf8')));
}

const JIANGSU_TITLE = '省政府办公厅关于印发2012年完善就业服务体系和社会保障体系工作计划及试点示范项目建设意见的通知';

describe('extractTextMetadata on the seeds', () => {
  it('jiangsu: a three-line title, the 文号 line with the date, the issuer from the title', () => {
    expect(extractTextMetadata(normalisedLines('jiangsu-szbf-2012-91', 'traditional'))).toEqual({
      ...NOTHING,
      title: { value: JIANGSU_TITLE, line: 1 },
      titleLines: [1, 2, 3],
      docNumber: { value: '苏政办发〔2012〕91号', line: 4 },
      issuer: { value: '省政府办公厅', line: 1 },
      date: { value: '2012-05-14', line: 4 },
    });
  });

  it('jiangsu excerpt: no heading, no signature, nothing found', () => {
    expect(extractTextMetadata(normalisedLines('jiangsu-szbf-2012-91-excerpt', 'simplified'))).toEqual(NOTHING);
  });

  it('yibin: the first of two repeated header blocks, all eight lines as block lines, no title', () => {
    expect(extractTextMetadata(normalisedLines('yibin-yfbh-2014-282', 'simplified'))).toEqual({
      ...NOTHING,
      indexNumber: { value: '008702672/2018-12851', line: 1 },
      date: { value: '2014-10-26', line: 1 },
      docNumber: { value: '宜府办函〔2014〕282号', line: 2 },
      issuer: { value: '宜宾市人民政府办公室', line: 2 },
      docType: { value: '意见', line: 3 },
      validity: { value: '继续有效', line: 3 },
      blockLines: [1, 2, 3, 4, 5, 6, 7, 8],
    });
  });

  it('xiangtan: the cover signature near the top; the 文号 cited in the body is not taken', () => {
    const lines = normalisedLines('xiangtan-2019-stabilise-employment', 'traditional');
    expect(lines[6]).toContain('国发〔2018〕39号');
    expect(extractTextMetadata(lines)).toEqual({
      ...NOTHING,
      issuer: { value: '湘潭市人民政府', line: 3 },
      date: { value: '2019-02-01', line: 4 },
    });
  });

  it('xuhui: the signature at the end', () => {
    expect(extractTextMetadata(normalisedLines('xuhui-2016-employment-plan', 'simplified'))).toEqual({
      ...NOTHING,
      issuer: { value: '徐汇区人力资源和社会保障局', line: 99 },
      date: { value: '2016-11-28', line: 100 },
    });
  });
});

describe('resolveMetadata with the seed sidecars', () => {
  it('jiangsu: text provenance with lines, and a logged override of the issuer', () => {
    const found = extractTextMetadata(normalisedLines('jiangsu-szbf-2012-91', 'traditional'));
    const { meta, diagnostics } = resolveMetadata(found, sidecar('jiangsu-szbf-2012-91'), 'content/sources/jiangsu-szbf-2012-91.txt');
    expect(DocumentMeta.parse(meta)).toEqual(meta);
    expect(meta).toEqual({
      title: JIANGSU_TITLE,
      shortTitle: '苏政办发〔2012〕91号',
      docNumber: '苏政办发〔2012〕91号',
      issuer: '江苏省人民政府办公厅',
      date: '2012-05-14',
      indexNumber: null,
      validity: null,
      effective: null,
      expires: null,
      validityStatements: [],
      history: [],
      region: { name: '江苏省', level: 'province', within: [] },
      type: '通知',
      sourceUrl: null,
      provenance: {
        title: { from: 'text', line: 1 },
        docNumber: { from: 'text', line: 4 },
        issuer: {
          from: 'sidecar',
          reason: 'the text names the issuer only as 省政府办公厅 (in the title); the full name is the province\'s general office',
        },
        date: { from: 'text', line: 4 },
      },
    });
    expect(diagnostics).toEqual([
      {
        level: 'warning',
        code: 'meta-override',
        message:
          'issuer: the text says 省政府办公厅, the sidecar overrides it with 江苏省人民政府办公厅 (reason: the text names the issuer only as 省政府办公厅 (in the title); the full name is the province\'s general office)',
        file: 'content/sources/jiangsu-szbf-2012-91.txt',
        line: 1,
      },
    ]);
  });

  it('jiangsu excerpt: every field filled by the sidecar, without warnings', () => {
    const found = extractTextMetadata(normalisedLines('jiangsu-szbf-2012-91-excerpt', 'simplified'));
    const { meta, diagnostics } = resolveMetadata(found, sidecar('jiangsu-szbf-2012-91-excerpt'), 'excerpt.txt');
    expect(diagnostics).toEqual([]);
    expect(meta.title).toBe(`${JIANGSU_TITLE}（节选）`);
    expect([meta.docNumber, meta.issuer, meta.date]).toEqual(['苏政办发〔2012〕91号', '江苏省人民政府办公厅', '2012-05-14']);
    expect(Object.keys(meta.provenance)).toEqual(['title', 'docNumber', 'issuer', 'date']);
    expect(Object.values(meta.provenance).every((p) => p.from === 'sidecar')).toBe(true);
  });

  it('yibin: block values from the text, the title from the sidecar, the stated type agrees', () => {
    const found = extractTextMetadata(normalisedLines('yibin-yfbh-2014-282', 'simplified'));
    const { meta, diagnostics } = resolveMetadata(found, sidecar('yibin-yfbh-2014-282'), 'yibin.txt');
    expect(diagnostics).toEqual([]);
    expect(meta.title).toBe('宜宾市人民政府办公室关于规范基层就业和社会保障公共服务平台建设的意见');
    expect(meta.indexNumber).toBe('008702672/2018-12851');
    expect(meta.validity).toBe('继续有效');
    expect(meta.provenance).toEqual({
      title: { from: 'sidecar', reason: 'the captured page lost the heading; title as listed by the publishing site for 宜府办函〔2014〕282号' },
      docNumber: { from: 'text', line: 2 },
      issuer: { from: 'text', line: 2 },
      date: { from: 'text', line: 1 },
      indexNumber: { from: 'text', line: 1 },
      validity: { from: 'text', line: 3 },
    });
    expect(meta.region).toEqual({ name: '宜宾市', level: 'city', within: ['四川省'] });
  });

  it('yibin with a sidecar of another type: warns that the stated 文件种类 disagrees', () => {
    const found = extractTextMetadata(normalisedLines('yibin-yfbh-2014-282', 'simplified'));
    const { diagnostics } = resolveMetadata(found, { ...sidecar('yibin-yfbh-2014-282'), type: '通知' }, 'yibin.txt');
    expect(diagnostics).toEqual([
      { level: 'warning', code: 'meta-type-mismatch', message: 'the text states the document type 意见, the sidecar 通知', file: 'yibin.txt', line: 3 },
    ]);
  });

  it('xiangtan and xuhui: signature values from the text, titles from the sidecar', () => {
    const xiangtan = resolveMetadata(
      extractTextMetadata(normalisedLines('xiangtan-2019-stabilise-employment', 'traditional')),
      sidecar('xiangtan-2019-stabilise-employment'),
      'xiangtan.txt',
    );
    expect(xiangtan.diagnostics).toEqual([]);
    expect([xiangtan.meta.issuer, xiangtan.meta.date, xiangtan.meta.docNumber]).toEqual(['湘潭市人民政府', '2019-02-01', null]);
    expect(xiangtan.meta.provenance.issuer).toEqual({ from: 'text', line: 3 });
    expect(xiangtan.meta.title).toBe('湘潭市人民政府关于印发《湘潭市进一步做好稳就业工作二十四条措施》的通知');

    const xuhui = resolveMetadata(
      extractTextMetadata(normalisedLines('xuhui-2016-employment-plan', 'simplified')),
      sidecar('xuhui-2016-employment-plan'),
      'xuhui.txt',
    );
    expect(xuhui.diagnostics).toEqual([]);
    expect(xuhui.meta.provenance).toEqual({
      title: { from: 'sidecar', reason: 'the captured page lost the heading and the first section headings; title as the plan names its subject' },
      issuer: { from: 'text', line: 99 },
      date: { from: 'text', line: 100 },
    });
  });
});
