import { diagnostic, type Diagnostic } from '#schemas/diagnostic.ts';
import { lineAt } from '../text-lines.ts';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';
export type Decoded = { text: string; encoding: Encoding };
export type DecodeResult =
  | { ok: true; value: Decoded; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

type Reading = { text: string; encoding: Encoding; withoutBom?: true };

const BYTE_ORDER_MARKS: readonly { bytes: readonly number[]; encoding: Encoding }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8-bom' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

// Staff drop whatever the publishing site offered into the sources folder; naming the format tells them what to convert.
const BINARY_SIGNATURES: readonly { bytes: readonly number[]; kind: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'zip archive, e.g. a .docx or .xlsx file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'old .doc or .xls file' },
  { bytes: [0x1f, 0x8b], kind: 'gzip archive' },
];

const DECODER_LABEL: Record<Encoding, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  gb18030: 'gb18030',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

const ENCODING_NAME: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8',
  gb18030: 'GB18030',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

// Code points a Chinese policy text is made of. Hangul, Yi and private-use are left out on purpose:
// GB18030 bytes read as UTF-16 land there, which is what tells the two apart.
const TEXT_RANGES: readonly (readonly [number, number])[] = [
  [0x09, 0x0a],
  [0x0c, 0x0d],
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x2000, 0x206f], // general punctuation: —— … “ ”
  [0x2100, 0x21ff], // letterlike symbols, number forms (Ⅰ Ⅱ), arrows
  [0x2460, 0x25ff], // enclosed numbers (①), box drawing, geometric shapes (■ ○)
  [0x2e80, 0x2fdf], // CJK and Kangxi radicals
  [0x3000, 0x303f], // CJK punctuation: 、。〔〕《》
  [0x3200, 0x33ff], // enclosed CJK (㈠), CJK compatibility units
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef], // full-width forms: ，（）％
  [0x20000, 0x323af],
];

// A UTF-16 reading must be this textual before it can win over GB18030 or UTF-8 readings of the same bytes.
const MIN_UTF16_TEXT_SHARE = 0.95;

const CONTROL_CHARACTER = /(?![\t\n\r\f])\p{Cc}/gu;

/** Decodes one source file's bytes; never throws. */
export function decode(bytes: Uint8Array, file: string): DecodeResult {
  const fail = (code: string, message: string, line?: number): DecodeResult => ({
    ok: false,
    diagnostics: [diagnostic('error', code, message, file, line)],
  });
  if (bytes.length === 0) {
    return fail('decode-empty', "file is empty: nothing to ingest; add the document's text or remove the file");
  }
  const signature = BINARY_SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature !== undefined) {
    return fail('decode-binary', `looks binary (${signature.kind}?): only plain text can be ingested; save the document as a UTF-8 .txt file`);
  }
  const bom = BYTE_ORDER_MARKS.find((b) => startsWith(bytes, b.bytes));
  // TextDecoder removes the byte-order mark of the encoding it decodes.
  const reading = bom === undefined ? readWithoutBom(bytes) : readAs(bytes, bom.encoding);
  if (reading === null) {
    return bom === undefined ? failUnreadable(bytes, file) : failBadBom(bytes, bom.encoding, file);
  }
  // Editors that add a BOM on every save can leave several, and GB18030's own mark (84 31 95 33) decodes to U+FEFF.
  const text = toLf(reading.text.replace(/^\uFEFF+/, ''));
  const controls = [...text.matchAll(CONTROL_CHARACTER)];
  const firstControl = controls[0];
  if (firstControl !== undefined) {
    const line = lineAt(text, firstControl.index);
    return fail(
      'decode-binary',
      `looks binary (control character ${codePointName(firstControl[0])} on line ${line}, ${controls.length} in all): ` +
        'only plain text can be ingested; save the document as a UTF-8 .txt file',
      line,
    );
  }
  if (text.trim() === '') {
    return fail('decode-empty', "file has no text, only whitespace: nothing to ingest; add the document's text or remove the file");
  }
  return {
    ok: true,
    value: { text, encoding: reading.encoding },
    diagnostics: [...fallbackWarnings(reading, file), ...replacementCharWarnings(text, file)],
  };
}

function readWithoutBom(bytes: Uint8Array): Reading | null {
  const utf8 = readAs(bytes, 'utf-8');
  // Valid UTF-8 never holds NUL in a text, while UTF-16 of ASCII is valid UTF-8 full of NULs.
  if (utf8 !== null && !bytes.includes(0)) return utf8;
  const fallback = utf8 ?? readAs(bytes, 'gb18030');
  const utf16 = likelyUtf16(bytes);
  if (utf16 !== null && utf16.share > (fallback === null ? 0 : textShare(fallback.text))) return utf16.reading;
  return fallback;
}

/** The more textual of the UTF-16LE and UTF-16BE readings of BOM-less bytes, if it is textual enough to be one. */
function likelyUtf16(bytes: Uint8Array): { reading: Reading; share: number } | null {
  if (bytes.length % 2 !== 0) return null;
  // ASCII in UTF-16 puts its NUL byte high: at odd offsets in little-endian, even in big-endian; that order breaks ties.
  const order: Encoding[] =
    countNuls(bytes, 1) >= countNuls(bytes, 0) ? ['utf-16le', 'utf-16be'] : ['utf-16be', 'utf-16le'];
  let best: { reading: Reading; share: number } | null = null;
  for (const encoding of order) {
    const reading = readAs(bytes, encoding);
    const share = reading === null ? 0 : textShare(reading.text);
    if (reading !== null && (best === null || share > best.share)) best = { reading: { ...reading, withoutBom: true }, share };
  }
  return best !== null && best.share >= MIN_UTF16_TEXT_SHARE ? best : null;
}

function readAs(bytes: Uint8Array, encoding: Encoding): Reading | null {
  const text = strictDecode(bytes, encoding);
  return text === null ? null : { text, encoding };
}

function strictDecode(bytes: Uint8Array, encoding: Encoding): string | null {
  try {
    return new TextDecoder(DECODER_LABEL[encoding], { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function textShare(text: string): number {
  let total = 0;
  let textual = 0;
  for (const char of text) {
    total += 1;
    const code = char.codePointAt(0) ?? 0;
    if (TEXT_RANGES.some(([from, to]) => code >= from && code <= to)) textual += 1;
  }
  return total === 0 ? 0 : textual / total;
}

function failBadBom(bytes: Uint8Array, encoding: Encoding, file: string): DecodeResult {
  const name = ENCODING_NAME[encoding];
  const line = encoding === 'utf-8-bom' ? firstInvalidUtf8Line(bytes) : undefined;
  return failed('decode-undecodable', `starts with a ${name} byte-order mark but is not valid ${name}${badBytesAt(line)}: re-save the file as UTF-8`, file, line);
}

function failUnreadable(bytes: Uint8Array, file: string): DecodeResult {
  if (bytes.some(isControlByte)) {
    return failed('decode-binary', 'looks binary (control bytes, and not valid text in any supported encoding): only plain text can be ingested; save the document as a UTF-8 .txt file', file);
  }
  const line = firstInvalidUtf8Line(bytes);
  return failed('decode-undecodable', `is not valid UTF-8${badBytesAt(line)}, GB18030 or UTF-16 text: find out which encoding the file uses and re-save it as UTF-8`, file, line);
}

/** A file that cannot be decoded: one error, and no text. */
function failed(code: string, message: string, file: string, line?: number): DecodeResult {
  return { ok: false, diagnostics: [diagnostic('error', code, message, file, line)] };
}

/** Where the first undecodable bytes are, for a message; empty when no line can be named. */
function badBytesAt(line: number | undefined): string {
  return line === undefined ? '' : ` (first bad bytes on line ${line})`;
}

/** The 1-based line holding the first byte sequence that is not UTF-8, counting CRLF, CR and LF as line breaks. */
function firstInvalidUtf8Line(bytes: Uint8Array): number | undefined {
  // CR and LF never occur inside a UTF-8 sequence, so each line can be checked on its own.
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i += 1) {
    const byte = bytes[i];
    if (byte !== undefined && byte !== 0x0a && byte !== 0x0d) continue;
    if (strictDecode(bytes.subarray(start, i), 'utf-8') === null) return line;
    if (byte === 0x0d && bytes[i + 1] === 0x0a) i += 1;
    line += 1;
    start = i + 1;
  }
  return undefined;
}

function fallbackWarnings(reading: Reading, file: string): Diagnostic[] {
  if (reading.encoding === 'utf-8' || reading.encoding === 'utf-8-bom') return [];
  const name = ENCODING_NAME[reading.encoding];
  const how = reading.withoutBom === true ? `guessed as ${name} (it has no byte-order mark)` : `decoded as ${name}`;
  return [
    diagnostic(
      'warning',
      'decode-fallback-encoding',
      `not UTF-8: ${how}; check that the text reads correctly, then re-save the file as UTF-8`,
      file,
    ),
  ];
}

function replacementCharWarnings(text: string, file: string): Diagnostic[] {
  return text.split('\n').flatMap((content, index) =>
    content.includes('\uFFFD')
      ? [
          diagnostic(
            'warning',
            'decode-replacement-char',
            'contains U+FFFD (�), the mark of characters lost before the file was saved: restore them from the published document',
            file,
            index + 1,
          ),
        ]
      : [],
  );
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, i) => bytes[i] === byte);
}

function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function isControlByte(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d;
}

function countNuls(bytes: Uint8Array, parity: 0 | 1): number {
  return bytes.filter((byte, i) => byte === 0 && i % 2 === parity).length;
}
