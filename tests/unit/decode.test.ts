import { describe, expect, it } from 'vitest';
import { decode } from '../../scripts/lib/ingest/decode.ts';
import type { DecodeResult } from '../../scripts/lib/ingest/decode.ts';

const FILE = 'content/sources/sample.txt';

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le').swap16());
const hex = (digits: string): Uint8Array => new Uint8Array(Buffer.from(digits, 'hex'));
const bytes = (...parts: (Uint8Array | readonly number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((part) => [...part]));

const BOM_UTF8 = [0xef, 0xbb, 0xbf];
const BOM_UTF16LE = [0xff, 0xfe];
const BOM_UTF16BE = [0xfe, 0xff];

// Node has no GB18030 encoder: bytes from python3 `'…'.encode('gb18030').hex()`.
// 江苏省人民政府办公厅关于印发𠀀 — 𠀀 (U+20000) is a four-byte sequence (95 32 82 36) that GBK cannot express.
const GB18030_TITLE = 'bdadcbd5caa1c8cbc3f1d5feb8aeb0ecb9abccfcb9d8d3dad3a1b7a295328236';
// 一、总则\r\n第1条 ２０１２年\r\n
const GB18030_WITH_ASCII_AND_CRLF = 'd2bba1a2d7dcd4f20d0ab5da31ccf520a3b2a3b0a3b1a3b2c4ea0d0a';

function decodedOf(result: DecodeResult): { text: string; encoding: string } {
  if (!result.ok) throw new Error(`expected a decoded text, got ${JSON.stringify(result.diagnostics)}`);
  return result.value;
}

function codesOf(result: DecodeResult): string[] {
  return result.diagnostics.map((d) => `${d.level} ${d.code}`);
}

describe('decode: UTF-8', () => {
  it('decodes UTF-8 without a BOM as utf-8, with no diagnostics', () => {
    const result = decode(utf8('第一条 就业\n第二条 社保\n'), FILE);
    expect(decodedOf(result)).toEqual({ text: '第一条 就业\n第二条 社保\n', encoding: 'utf-8' });
    expect(result.diagnostics).toEqual([]);
  });

  it('drops the UTF-8 BOM and reports utf-8-bom, with no diagnostics', () => {
    const result = decode(bytes(BOM_UTF8, utf8('关于印发')), FILE);
    expect(decodedOf(result)).toEqual({ text: '关于印发', encoding: 'utf-8-bom' });
    expect(result.diagnostics).toEqual([]);
  });

  it('turns CRLF into LF in a file with a BOM', () => {
    const result = decode(bytes(BOM_UTF8, utf8('一、总体要求\r\n（一）目标\r\n')), FILE);
    expect(decodedOf(result)).toEqual({ text: '一、总体要求\n（一）目标\n', encoding: 'utf-8-bom' });
  });

  it('turns a lone CR into LF, alongside CRLF', () => {
    const result = decode(utf8('甲\r乙\r\n丙\r\r丁'), FILE);
    expect(decodedOf(result).text).toBe('甲\n乙\n丙\n\n丁');
  });

  it('drops a repeated BOM left by editors that add one on every save', () => {
    const result = decode(bytes(BOM_UTF8, BOM_UTF8, utf8('正文')), FILE);
    expect(decodedOf(result)).toEqual({ text: '正文', encoding: 'utf-8-bom' });
  });

  it('keeps form feeds and tabs as text', () => {
    expect(decodedOf(decode(utf8('附件1\f\t序号'), FILE)).text).toBe('附件1\f\t序号');
  });
});

describe('decode: GB18030', () => {
  it('falls back to GB18030, four-byte characters included, and warns', () => {
    const result = decode(hex(GB18030_TITLE), FILE);
    expect(decodedOf(result)).toEqual({ text: '江苏省人民政府办公厅关于印发𠀀', encoding: 'gb18030' });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ level: 'warning', code: 'decode-fallback-encoding', file: FILE });
    expect(result.diagnostics[0]?.message).toContain('GB18030');
    expect(result.diagnostics[0]?.line).toBeUndefined();
  });

  it('decodes GB18030 mixed with ASCII and CRLF line breaks', () => {
    const result = decode(hex(GB18030_WITH_ASCII_AND_CRLF), FILE);
    expect(decodedOf(result)).toEqual({ text: '一、总则\n第1条 ２０１２年\n', encoding: 'gb18030' });
    expect(codesOf(result)).toEqual(['warning decode-fallback-encoding']);
  });
});

describe('decode: UTF-16', () => {
  it('decodes UTF-16LE with a BOM', () => {
    const result = decode(bytes(BOM_UTF16LE, utf16le('宜府办函〔2014〕282号\r\n各县（区）')), FILE);
    expect(decodedOf(result)).toEqual({ text: '宜府办函〔2014〕282号\n各县（区）', encoding: 'utf-16le' });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ level: 'warning', code: 'decode-fallback-encoding', file: FILE });
    expect(result.diagnostics[0]?.message).toContain('UTF-16LE');
  });

  it('decodes UTF-16BE with a BOM', () => {
    const result = decode(bytes(BOM_UTF16BE, utf16be('湘潭市\n稳就业𠀀')), FILE);
    expect(decodedOf(result)).toEqual({ text: '湘潭市\n稳就业𠀀', encoding: 'utf-16be' });
    expect(codesOf(result)).toEqual(['warning decode-fallback-encoding']);
    expect(result.diagnostics[0]?.message).toContain('UTF-16BE');
  });

  it('recognises UTF-16LE without a BOM from the NULs of its ASCII', () => {
    const result = decode(utf16le('第1条 2012年5月14日\n(一)目标\n'), FILE);
    expect(decodedOf(result)).toEqual({ text: '第1条 2012年5月14日\n(一)目标\n', encoding: 'utf-16le' });
    expect(codesOf(result)).toEqual(['warning decode-fallback-encoding']);
    expect(result.diagnostics[0]?.message).toContain('no byte-order mark');
  });

  it('recognises UTF-16LE without a BOM when the text is all Chinese and has no NUL byte', () => {
    const input = utf16le('江苏省人民政府办公厅关于印发');
    expect(input.includes(0)).toBe(false);
    const result = decode(input, FILE);
    expect(decodedOf(result)).toEqual({ text: '江苏省人民政府办公厅关于印发', encoding: 'utf-16le' });
  });

  it('recognises UTF-16BE without a BOM', () => {
    const result = decode(utf16be('Plan 2016\r\n徐汇区'), FILE);
    expect(decodedOf(result)).toEqual({ text: 'Plan 2016\n徐汇区', encoding: 'utf-16be' });
  });

  it('rejects a UTF-16 BOM followed by an odd number of bytes', () => {
    const result = decode(bytes(BOM_UTF16LE, utf16le('正文'), [0x41]), FILE);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ level: 'error', code: 'decode-undecodable', file: FILE }),
    ]);
    expect(result.diagnostics[0]?.message).toContain('UTF-16LE byte-order mark');
  });
});

describe('decode: errors', () => {
  it('rejects an empty file', () => {
    const result = decode(new Uint8Array(0), FILE);
    expect(result).toEqual({
      ok: false,
      diagnostics: [
        {
          level: 'error',
          code: 'decode-empty',
          message: "file is empty: nothing to ingest; add the document's text or remove the file",
          file: FILE,
        },
      ],
    });
  });

  it('rejects a file of whitespace only, ideographic spaces and CRLF included', () => {
    const result = decode(utf8(' \r\n\t\u3000\n'), FILE);
    expect(result.ok).toBe(false);
    expect(codesOf(result)).toEqual(['error decode-empty']);
    expect(result.diagnostics[0]?.file).toBe(FILE);
    expect(result.diagnostics[0]?.message).toContain('only whitespace');
  });

  it('rejects a file that holds only a BOM', () => {
    expect(codesOf(decode(bytes(BOM_UTF8), FILE))).toEqual(['error decode-empty']);
  });

  it('rejects a PNG image and names it', () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], new Uint8Array(24));
    const result = decode(png, FILE);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'decode-binary', file: FILE })]);
    expect(result.diagnostics[0]?.message).toContain('PNG image');
  });

  it('rejects a zip archive and hints at Word and Excel files', () => {
    const result = decode(bytes([0x50, 0x4b, 0x03, 0x04], utf8('word/document.xml')), FILE);
    expect(codesOf(result)).toEqual(['error decode-binary']);
    expect(result.diagnostics[0]?.message).toContain('.docx');
  });

  it('rejects a NUL-filled file as binary', () => {
    const result = decode(new Uint8Array(64), FILE);
    expect(codesOf(result)).toEqual(['error decode-binary']);
    expect(result.diagnostics[0]).toMatchObject({ file: FILE, line: 1 });
    expect(result.diagnostics[0]?.message).toContain('U+0000');
    expect(result.diagnostics[0]?.message).toContain('64 in all');
  });

  it('rejects a text with a control character and gives its line', () => {
    const result = decode(utf8('第一行\n第二\u0007行\n'), FILE);
    expect(codesOf(result)).toEqual(['error decode-binary']);
    expect(result.diagnostics[0]).toMatchObject({ file: FILE, line: 2 });
    expect(result.diagnostics[0]?.message).toContain('U+0007');
  });

  it('rejects bytes that are neither UTF-8 nor GB18030 nor UTF-16, naming the first bad line', () => {
    const latin1 = new Uint8Array(Buffer.from("Rapport sur l'emploi\nLa politique a été définie.\n", 'latin1'));
    const result = decode(latin1, FILE);
    expect(result).toEqual({
      ok: false,
      diagnostics: [
        {
          level: 'error',
          code: 'decode-undecodable',
          message:
            'is not valid UTF-8 (first bad bytes on line 2), GB18030 or UTF-16 text: find out which encoding the file uses and re-save it as UTF-8',
          file: FILE,
          line: 2,
        },
      ],
    });
  });

  it('rejects a UTF-8 BOM followed by bytes that are not UTF-8', () => {
    const result = decode(bytes(BOM_UTF8, utf8('一\r\n'), [0xff, 0x41]), FILE);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ level: 'error', code: 'decode-undecodable', file: FILE, line: 2 }),
    ]);
    expect(result.diagnostics[0]?.message).toContain('UTF-8 byte-order mark');
  });
});

describe('decode: replacement characters', () => {
  it('warns once per line that holds U+FFFD, with the line after CRLF conversion', () => {
    const result = decode(utf8('第一行\r\n缺\uFFFD字\r\n第三行\r\n\uFFFD\uFFFD'), FILE);
    expect(decodedOf(result)).toEqual({ text: '第一行\n缺\uFFFD字\n第三行\n\uFFFD\uFFFD', encoding: 'utf-8' });
    expect(result.diagnostics.map((d) => [d.level, d.code, d.file, d.line])).toEqual([
      ['warning', 'decode-replacement-char', FILE, 2],
      ['warning', 'decode-replacement-char', FILE, 4],
    ]);
  });
});
