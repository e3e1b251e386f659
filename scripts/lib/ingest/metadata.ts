import { diagnostic, type Diagnostic } from '#schemas/diagnostic.ts';
import type { DocumentMeta, Provenance } from '#schemas/document.ts';
import { TextMetaField, type SourceMeta } from '#schemas/sidecar.ts';

export type Found = { value: string; line: number };

export type TextMetadata = {
  /** May span several lines: the value is joined, `line` is the first line. */
  title: Found | null;
  /** The lines that form the title block. */
  titleLines: number[];
  /** 文号, e.g. 苏政办发〔2012〕91号. */
  docNumber: Found | null;
  /** 发文机关 / 发布机构. */
  issuer: Found | null;
  /** 成文日期 as ISO yyyy-mm-dd. */
  date: Found | null;
  /** 索引号. */
  indexNumber: Found | null;
  /** 有效性 / 时效性. */
  validity: Found | null;
  /** 文件种类, when the page states it. */
  docType: Found | null;
  /** Lines of the metadata header block, which the parser drops under the rule 'metadata-block'. */
  blockLines: number[];
  /** Dates stated where a date belongs but not valid (e.g. 2月30日), as printed: they are not taken. */
  rejectedDates: Found[];
};

type BlockField = 'docNumber' | 'issuer' | 'date' | 'indexNumber' | 'validity' | 'docType';

const BLOCK_KEYS: Readonly<Record<string, BlockField>> = {
  索引号: 'indexNumber',
  成文日期: 'date',
  文号: 'docNumber',
  发文字号: 'docNumber',
  发文机关: 'issuer',
  发布机构: 'issuer',
  文件种类: 'docType',
  公文种类: 'docType',
  有效性: 'validity',
  时效性: 'validity',
};

/** Cells such pages fill in when a field has no value. */
const PLACEHOLDER_VALUE = /^[-—/无]*$/;

/** Titles are phrases; body text has sentence (or clause) punctuation. */
const SENTENCE_PUNCTUATION = /[。；;，,！!？?]/;
const MAX_TITLE_LINE_LENGTH = 60;
const MAX_TITLE_LINES = 4;
/** A 公文 title names its kind last, possibly followed by a qualifier such as （试行）. */
const TITLE_ENDING =
  /(?:通知|意见|办法|方案|规划|措施|决定|计划|通报|报告|批复|函|公告|通告|规定|细则|条例|纲要|决议|命令|要点|规则|指南|标准)(?:[（(][\p{Script=Han}]{1,6}[）)])?$/u;

/** Organ names are Han words (several organs of a joint issue separated by 、 or spaces) ending in an organ kind. */
const ORGAN_NAME = /^[\p{Script=Han}、 ]{2,60}$/u;
const ORGAN_ENDING = /(?:政府|厅|室|会|局|委|部|署|院|办|中心)$/u;

const DOC_NUMBER =
  /([\p{Script=Han}]{1,12})\s*[〔\[【(（]\s*(\d{4})\s*[〕\]】)）]\s*(\d{1,5})\s*号/u;

const ZERO_LIKE = '〇○零Oo0';
const CHINESE_DIGITS = '〇一二三四五六七八九';
const ARABIC_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const SEPARATED_DATE = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/;
const CHINESE_DATE = /^([〇○零Oo0一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;

/** Finds the metadata a text states about itself. */
export function extractTextMetadata(lines: readonly string[], markdownHeadings: readonly (number | null)[] = []): TextMetadata {
  const block = readMetadataBlock(lines);
  const marked = markedTitle(markdownHeadings);
  const heading = marked.length > 0 ? { ...readHeading(lines, block.lines.at(-1) ?? 0), titleLines: marked } : readHeading(lines, block.lines.at(-1) ?? 0);
  const signature = findSignature(lines);
  const title = joinTitle(lines, heading.titleLines);

  const dateCandidates = [block.values.date, heading.date, signature?.date].filter(isFound);
  const { date, rejected } = firstValidDate(dateCandidates);

  return {
    title,
    titleLines: heading.titleLines,
    docNumber: block.values.docNumber ?? heading.docNumber,
    issuer: block.values.issuer ?? signature?.issuer ?? (title === null ? null : issuerOfTitle(title)),
    date,
    indexNumber: block.values.indexNumber ?? null,
    validity: block.values.validity ?? null,
    docType: block.values.docType ?? null,
    blockLines: block.lines,
    rejectedDates: rejected,
  };
}

/** Merges what the text says with the sidecar: the text wins unless the sidecar corrects a field (with its reason); gaps the sidecar does not fill stay null. */
export function resolveMetadata(
  found: TextMetadata,
  sidecar: SourceMeta,
  file: string,
): { meta: DocumentMeta; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const provenance: DocumentMeta['provenance'] = {};
  const values: Partial<Record<TextMetaField, string>> = {};

  for (const field of TextMetaField.options) {
    const resolved = resolveField(field, found[field], sidecar.corrections[field], file);
    diagnostics.push(...resolved.diagnostics);
    if (resolved.value !== null) {
      values[field] = resolved.value;
      provenance[field] = resolved.provenance;
    }
  }

  let title = values.title;
  if (title === undefined) {
    title = sidecar.shortTitle;
    provenance.title = { from: 'sidecar', reason: 'neither the text nor the sidecar corrections give a title: the short title stands in' };
    diagnostics.push(diagnostic('warning', 'meta-missing-title', `no title in the text or the sidecar; using the short title ${sidecar.shortTitle}`, file));
  }

  if (values.date === undefined && sidecar.versionDate !== undefined) {
    values.date = sidecar.versionDate;
    provenance.date = { from: 'sidecar', reason: `the version date ${sidecar.origin?.repository ?? 'the source manifest'} gives the file` };
  }

  for (const rejected of found.rejectedDates) {
    diagnostics.push(diagnostic('warning', 'meta-bad-date', `${rejected.value} is not a valid date: not taken as the document's date`, file, rejected.line));
  }
  if (found.docType !== null && found.docType.value !== sidecar.type) {
    diagnostics.push(
      diagnostic('warning', 'meta-type-mismatch', `the text states the document type ${found.docType.value}, the sidecar ${sidecar.type}`, file, found.docType.line),
    );
  }

  const meta: DocumentMeta = {
    title,
    shortTitle: sidecar.shortTitle,
    docNumber: values.docNumber ?? null,
    issuer: values.issuer ?? null,
    date: values.date ?? null,
    indexNumber: values.indexNumber ?? null,
    validity: values.validity ?? null,
    region: { ...sidecar.region, within: [...sidecar.region.within] },
    type: sidecar.type,
    sourceUrl: sidecar.sourceUrl ?? null,
    ...(sidecar.origin === undefined ? {} : { origin: { ...sidecar.origin } }),
    provenance,
  };
  return { meta, diagnostics };
}

type ResolvedField =
  | { value: string; provenance: Provenance; diagnostics: Diagnostic[] }
  | { value: null; diagnostics: Diagnostic[] };

function resolveField(
  field: TextMetaField,
  text: Found | null,
  correction: { value: string; reason: string } | undefined,
  file: string,
): ResolvedField {
  const fromText: ResolvedField =
    text === null ? { value: null, diagnostics: [] } : { value: text.value, provenance: { from: 'text', line: text.line }, diagnostics: [] };
  if (correction === undefined) return fromText;

  const corrected = field === 'date' ? parseDate(correction.value)?.iso : correction.value;
  if (corrected === null || corrected === undefined) {
    const bad = diagnostic('error', 'meta-bad-correction', `the sidecar corrects ${field} to ${correction.value}, which is not a valid date`, file);
    return { ...fromText, diagnostics: [bad] };
  }
  if (text !== null && text.value === corrected) {
    const needless = diagnostic('warning', 'meta-needless-correction', `the sidecar corrects ${field} to ${corrected}, which the text already says`, file, text.line);
    return { ...fromText, diagnostics: [needless] };
  }
  const diagnostics =
    text === null
      ? []
      : [
          diagnostic(
            'warning',
            'meta-override',
            `${field}: the text says ${text.value}, the sidecar overrides it with ${corrected} (reason: ${correction.reason})`,
            file,
            text.line,
          ),
        ];
  return { value: corrected, provenance: { from: 'sidecar', reason: correction.reason }, diagnostics };
}

function isFound(value: Found | null | undefined): value is Found {
  return value !== null && value !== undefined;
}

// --- metadata header block -------------------------------------------------------------------

type Block = { lines: number[]; values: Partial<Record<BlockField, Found>> };

/** Reads the `key: | value |` block at the top; a repeated block adds lines but never replaces a value. */
function readMetadataBlock(lines: readonly string[]): Block {
  const block: Block = { lines: [], values: {} };
  for (const [index, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    const cells = blockCells(raw);
    if (cells === null) break;
    block.lines.push(index + 1);
    for (const { key, value } of cells) {
      const field = BLOCK_KEYS[key];
      if (field === undefined || PLACEHOLDER_VALUE.test(value) || block.values[field] !== undefined) continue;
      const stated = field === 'docNumber' ? canonicalDocNumber(value) : value;
      block.values[field] = { value: stated, line: index + 1 };
    }
  }
  return block;
}

/** Splits a block row into key/value pairs, or null when the line is not one. */
function blockCells(line: string): { key: string; value: string }[] | null {
  if (!line.includes('|')) return null;
  const cells = line.split('|').map((cell) => cell.trim());
  if (cells.at(-1) === '') cells.pop();
  if (cells.length === 0 || cells.length % 2 !== 0) return null;
  const pairs: { key: string; value: string }[] = [];
  for (let i = 0; i < cells.length; i += 2) {
    const key = cells[i] ?? '';
    if (!/^[^:：]+[:：]$/.test(key)) return null;
    pairs.push({ key: key.slice(0, -1).replace(/\s+/g, ''), value: cells[i + 1] ?? '' });
  }
  return pairs;
}

/** A Markdown source marks its title as the first level-1 heading (`# 标题`); a second `#` line right after it continues it. */
function markedTitle(markdownHeadings: readonly (number | null)[]): number[] {
  const first = markdownHeadings.indexOf(1);
  if (first < 0) return [];
  const lines = [first + 1];
  for (let i = first + 1; i < markdownHeadings.length && markdownHeadings[i] === 1; i++) lines.push(i + 1);
  return lines;
}

// --- heading: title, 文号 line, addressee ------------------------------------------------------

type Heading = { titleLines: number[]; docNumber: Found | null; date: Found | null };

/**
 * Reads the heading from `start` (0-based): title-like lines are a title only when a 文号 line or
 * the addressee line closes them, since short unpunctuated lines alone may be page chrome or a section heading.
 */
function readHeading(lines: readonly string[], start: number): Heading {
  const candidates: number[] = [];
  for (let index = start; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim();
    if (line === '') continue;
    const numbered = readDocNumberLine(line);
    if (numbered !== null) {
      const lineNo = index + 1;
      return {
        titleLines: asTitleBlock(lines, candidates),
        docNumber: { value: numbered.docNumber, line: lineNo },
        date: numbered.dateText === null ? null : { value: numbered.dateText, line: lineNo },
      };
    }
    if (isAddresseeLine(line)) return { titleLines: asTitleBlock(lines, candidates), docNumber: null, date: null };
    if (!isTitleLike(line) || candidates.length === MAX_TITLE_LINES) break;
    candidates.push(index + 1);
  }
  return { titleLines: [], docNumber: null, date: null };
}

function asTitleBlock(lines: readonly string[], candidates: number[]): number[] {
  const lastLine = candidates.at(-1);
  if (lastLine === undefined) return [];
  return TITLE_ENDING.test(lineText(lines, lastLine)) ? candidates : [];
}

function joinTitle(lines: readonly string[], titleLines: readonly number[]): Found | null {
  const first = titleLines[0];
  if (first === undefined) return null;
  return { value: titleLines.map((line) => lineText(lines, line)).join(''), line: first };
}

function lineText(lines: readonly string[], lineNo: number): string {
  return (lines[lineNo - 1] ?? '').trim();
}

function isTitleLike(line: string): boolean {
  return line.length <= MAX_TITLE_LINE_LENGTH && !SENTENCE_PUNCTUATION.test(line);
}

function isAddresseeLine(line: string): boolean {
  return /[:：]$/.test(line) && !/[。；;]/.test(line);
}

/** A line that is a 文号, alone or with a date; a 文号 cited inside a sentence does not qualify. */
function readDocNumberLine(line: string): { docNumber: string; dateText: string | null } | null {
  const match = DOC_NUMBER.exec(line);
  if (match === null) return null;
  const rest = (line.slice(0, match.index) + line.slice(match.index + match[0].length)).trim();
  if (rest !== '' && parseDate(rest) === null) return null;
  return { docNumber: canonicalDocNumber(match[0]), dateText: rest === '' ? null : rest };
}

/** Writes a 文号 with the standard 〔〕 around the year, however the page bracketed it. */
function canonicalDocNumber(text: string): string {
  const match = DOC_NUMBER.exec(text);
  if (match === null || match[0] !== text) return text;
  const [, issuer, year, number] = match;
  return `${issuer}〔${year}〕${number}号`;
}

/** The organ before 关于 in a title such as 省政府办公厅关于印发…的通知. */
function issuerOfTitle(title: Found): Found | null {
  const prefix = title.value.split('关于')[0];
  if (prefix === undefined || prefix === title.value) return null;
  const organ = prefix.trim();
  return isOrganName(organ) ? { value: organ, line: title.line } : null;
}

// --- signature ---------------------------------------------------------------------------------

type Signature = { issuer: Found; date: Found };

/**
 * The first organ name directly followed by a date line. The first, because a compound document's cover
 * notice is signed by the issuer of the whole, while documents it carries may be signed again further down.
 */
function findSignature(lines: readonly string[]): Signature | null {
  for (let index = 1; index < lines.length; index++) {
    const dateText = (lines[index] ?? '').trim();
    if (parseDate(dateText) === null || !isOrganName(lineText(lines, index))) continue;
    let firstOrgan = index;
    while (firstOrgan > 1 && isOrganName(lineText(lines, firstOrgan - 1))) firstOrgan--;
    const organs: string[] = [];
    for (let lineNo = firstOrgan; lineNo <= index; lineNo++) organs.push(lineText(lines, lineNo));
    return { issuer: { value: organs.join('、'), line: firstOrgan }, date: { value: dateText, line: index + 1 } };
  }
  return null;
}

function isOrganName(text: string): boolean {
  return ORGAN_NAME.test(text) && ORGAN_ENDING.test(text);
}

// --- dates -------------------------------------------------------------------------------------

function firstValidDate(candidates: readonly Found[]): { date: Found | null; rejected: Found[] } {
  let date: Found | null = null;
  const rejected: Found[] = [];
  for (const candidate of candidates) {
    const iso = parseDate(candidate.value)?.iso ?? null;
    if (iso === null) rejected.push(candidate);
    else date ??= { value: iso, line: candidate.line };
  }
  return { date, rejected };
}

/**
 * Reads a whole text as a date: null when it is not shaped like one, `iso: null` when it is but the
 * day does not exist. Strict on purpose: a date missing its day or year is not a 成文日期.
 */
function parseDate(text: string): { iso: string | null } | null {
  const compact = text.replace(/\s+/g, '');
  const arabic = ARABIC_DATE.exec(compact) ?? SEPARATED_DATE.exec(compact);
  if (arabic !== null) return { iso: isoDate(Number(arabic[1]), Number(arabic[2]), Number(arabic[3])) };
  const chinese = CHINESE_DATE.exec(compact);
  if (chinese === null) return null;
  const [, year = '', month = '', day = ''] = chinese;
  return { iso: isoDate(chineseYear(year), chineseSmallNumber(month), chineseSmallNumber(day)) };
}

function isoDate(year: number, month: number | null, day: number | null): string | null {
  if (month === null || day === null || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 二〇一九 → 2019: a year is written digit by digit. */
function chineseYear(text: string): number {
  return Number([...text].map((char) => (ZERO_LIKE.includes(char) ? 0 : CHINESE_DIGITS.indexOf(char))).join(''));
}

/** 一 … 三十一 → 1 … 31; null for anything else (十十, 三三). */
function chineseSmallNumber(text: string): number | null {
  const match = /^(?:([二三]?)十)?([一二三四五六七八九]?)$/.exec(text);
  if (match === null) return null;
  const tens = text.includes('十') ? (match[1] ? CHINESE_DIGITS.indexOf(match[1]) : 1) : 0;
  const units = match[2] ? CHINESE_DIGITS.indexOf(match[2]) : 0;
  return tens * 10 + units;
}
