import { diagnostic, type Diagnostic } from '#schemas/diagnostic.ts';
import type { DocumentMeta, HistoryEvent, Provenance, ValidityStatement } from '#schemas/document.ts';
import { TextMetaField, type SourceMeta } from '#schemas/sidecar.ts';
import { parseDate } from './chinese-dates.ts';
import { readMetadataBlock, STRUCTURE_START, type Block, type Found } from './metadata-block.ts';
import { isOrganName } from './organ-names.ts';
import { isHistoryLine, readHistory, statuteFacts } from './statute-history.ts';
import { effectiveDate, expiryDate, readValidityStatements } from './validity-statements.ts';

export type { Found };

export type TextMetadata = {
  /** May span several lines: the value is joined, `line` is the first line. */
  title: Found | null;
  /** The lines that print the title: its block, and any copy of it printed again. */
  titleLines: number[];
  /** 文号, e.g. 苏政办发〔2012〕91号; for a statute, the order it was promulgated under (国务院令第586号). */
  docNumber: Found | null;
  /** 发文机关 / 发布机构; for a statute, the adopting body. */
  issuer: Found | null;
  /** 成文日期 as ISO yyyy-mm-dd; for a statute, the date of its latest event but 施行. */
  date: Found | null;
  /** 索引号. */
  indexNumber: Found | null;
  /** 有效性 / 时效性. */
  validity: Found | null;
  /** 文件种类, when the page states it. */
  docType: Found | null;
  /** The day the text takes effect, ISO. */
  effective: Found | null;
  /** The last day the text is valid, ISO. */
  expires: Found | null;
  /** A statute's dated history, in text order. */
  history: HistoryEvent[];
  /** The lines of the history. */
  historyLines: number[];
  /** What the text says about its validity, in text order. */
  validityStatements: ValidityStatement[];
  /** Lines of the metadata block, which the parser drops under the rule 'metadata-block'. */
  blockLines: number[];
  /** Dates stated where a date belongs but not valid (e.g. 2月30日), as printed: they are not taken. */
  rejectedDates: Found[];
};

/** Titles are phrases; body text has sentence (or clause) punctuation; page furniture has > and cell bars. */
const SENTENCE_PUNCTUATION = /[。；;，,！!？?]/;
const NOT_IN_TITLE = /[。；;，,！!？?>＞»|\t]/;
const MAX_TITLE_LINE_LENGTH = 60;
/** A title split over lines, possibly printed twice. */
const MAX_TITLE_LINES = 6;
/** Page furniture above a title is short (首页, 政策文件); a title's first line rarely is. */
const MAX_FURNITURE_LENGTH = 6;
/** A 公文 title names its kind last, possibly followed by a qualifier such as （试行）; a statute's ends in 法, 条例 … */
const TITLE_ENDING =
  /(?:通知|意见|办法|方案|规划|措施|决定|计划|通报|报告|批复|函|答复|公告|通告|规定|细则|条例|纲要|决议|命令|要点|规则|指南|标准|章程|准则|规范|解释|纪要|法)(?:[（(][\p{Script=Han}]{1,6}[）)])?$/u;
/** The issuer of a title such as 国务院办公厅关于…, 省政府办公厅印发…, 国务院办公厅转发…. */
const TITLE_ISSUER = /^(.+?)(?:关于|印发|转发|批转)/;
/** A title line that opens with what the issuer does, its organ printed on the line above. */
const TITLE_VERB = /^(?:关于|印发|转发|批转)/;

/** A promulgation order's name and number: 中华人民共和国主席令 第三十五号, 国务院令第586号. */
const ORDER_NAME = /^[\p{Script=Han}]{1,20}令$/u;
const ORDER_NUMBER = /^第[\d一二三四五六七八九十百零〇]+号$/;
const ORDER_LINE = /^([\p{Script=Han}]{1,20}令)[\s\u3000]*(第[\d一二三四五六七八九十百零〇]+号)$/u;

const DOC_NUMBER =
  /([\p{Script=Han}]{1,12})\s*[〔\[【(（]\s*(\d{4})\s*[〕\]】)）]\s*(\d{1,5})\s*号/u;

/** Fields whose values are dates, read and corrected as ISO dates. */
const DATE_FIELDS: ReadonlySet<TextMetaField> = new Set(['date', 'effective', 'expires']);

/** Finds the metadata a text states about itself. */
export function extractTextMetadata(lines: readonly string[], markdownHeadings: readonly (number | null)[] = []): TextMetadata {
  const block = readMetadataBlock(lines);
  const blockLines = new Set(block.lines);
  const heading = readHeading(lines, blockLines);
  const events = readHistory(lines, blockLines);
  const historyLines = [...new Set(events.map((e) => e.line))];
  const { title, titleLines } = readTitle(lines, markdownHeadings, heading, block, historyLines[0]);
  const signature = findSignature(lines, new Set([...blockLines, ...historyLines]));
  const titleIssuer = title === null ? null : issuerOfTitle(title);
  const statute = statuteFacts(events, title?.value ?? null, titleIssuer?.value ?? null);

  const dateCandidates = [block.values.date, statute.date, heading.date, signature?.date, block.values.published].filter(isFound);
  const { date, rejected } = firstValidDate(dateCandidates);
  const statements = readValidityStatements(lines, new Set([...blockLines, ...titleLines]));
  const effective = effectiveDate(statements, {
    printedEffective: isoFound(block.values.effective),
    inForce: statute.inForce,
    issued: date?.value ?? null,
    promulgated: statute.promulgated ?? isoFound(block.values.published)?.value ?? null,
  });

  return {
    title,
    titleLines,
    docNumber: canonicalFound(block.values.docNumber) ?? heading.docNumber ?? orderNumber(lines) ?? statute.docNumber,
    issuer: block.values.issuer ?? statute.issuer ?? signature?.issuer ?? titleIssuer,
    date,
    indexNumber: block.values.indexNumber ?? null,
    validity: block.values.validity ?? null,
    docType: block.values.docType ?? null,
    effective,
    expires: expiryDate(statements, isoFound(block.values.expires), (effective ?? date)?.value ?? null),
    history: events.map(({ order: _order, ...event }) => event),
    historyLines,
    validityStatements: statements.map(({ kind, text, line }) => ({ kind, text, line })),
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
    effective: values.effective ?? null,
    expires: values.expires ?? null,
    validityStatements: found.validityStatements,
    history: found.history,
    region: { ...sidecar.region, within: [...sidecar.region.within] },
    type: sidecar.type,
    sourceUrl: sidecar.sourceUrl ?? null,
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

  const corrected = DATE_FIELDS.has(field) ? parseDate(correction.value)?.iso : correction.value;
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

/**
 * The title, as the text prints it: the `# ` line of a Markdown source, else the heading, else the
 * lines right above a statute's history (a law printed under its promulgation order), else the
 * metadata block's 标题.
 */
function readTitle(
  lines: readonly string[],
  markdownHeadings: readonly (number | null)[],
  heading: Heading,
  block: Block,
  firstHistoryLine: number | undefined,
): { title: Found | null; titleLines: number[] } {
  const marked = markedTitle(lines, markdownHeadings);
  if (marked.length > 0) return { title: titleOf(lines, marked), titleLines: marked };
  if (heading.title !== null) return { title: heading.title, titleLines: heading.titleLines };
  const above = firstHistoryLine === undefined ? null : titleAbove(lines, firstHistoryLine, new Set(block.lines));
  if (above?.title) return above;
  return { title: block.values.title ?? null, titleLines: [] };
}

/**
 * A Markdown source marks its title as the first level-1 heading (`# 标题`); a second `#` line after it,
 * blank lines between allowed (a removed line of page chrome is blank too), continues it.
 */
function markedTitle(text: readonly string[], markdownHeadings: readonly (number | null)[]): number[] {
  const first = markdownHeadings.indexOf(1);
  if (first < 0) return [];
  const lines = [first + 1];
  for (let i = first + 1; i < markdownHeadings.length; i++) {
    if (markdownHeadings[i] === 1) lines.push(i + 1);
    else if ((text[i] ?? '').trim() !== '') break;
  }
  return lines;
}

// --- heading: title, 文号 line, addressee ------------------------------------------------------

type Heading = { title: Found | null; titleLines: number[]; docNumber: Found | null; date: Found | null };

const NO_HEADING: Heading = { title: null, titleLines: [], docNumber: null, date: null };

/**
 * Reads the heading at the top, past the metadata block: title-like lines are a title only when a
 * line that follows titles closes them (a 文号 line, the addressee, a date or history line, the first
 * article or heading), since short unpunctuated lines alone may be page chrome or a section heading.
 * Title-like lines the block interrupts are kept aside: a title printed again above the block.
 */
function readHeading(lines: readonly string[], blockLines: ReadonlySet<number>): Heading {
  let run: number[] = [];
  const earlier: number[][] = [];
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    const lineNo = index + 1;
    if (line === '') continue;
    if (blockLines.has(lineNo)) {
      if (run.length > 0) earlier.push(run);
      run = [];
      continue;
    }
    const numbered = readDocNumberLine(line);
    if (numbered !== null) {
      const date = numbered.dateText === null ? null : { value: numbered.dateText, line: lineNo };
      return { ...titleBlock(lines, run, earlier), docNumber: { value: numbered.docNumber, line: lineNo }, date };
    }
    const dated = datedLine(line);
    if (dated || isAddresseeLine(line) || isHistoryLine(line) || STRUCTURE_START.test(line)) {
      return { ...titleBlock(lines, run, earlier), docNumber: null, date: dated ? { value: dated, line: lineNo } : null };
    }
    if (!isTitleLike(line)) {
      // Prose ends the heading; anything else (a breadcrumb, a cell bar) is page furniture above it.
      if (SENTENCE_PUNCTUATION.test(line)) break;
      if (run.length > 0) earlier.push(run);
      run = [];
      continue;
    }
    run.push(lineNo);
    if (run.length > MAX_TITLE_LINES) run.shift();
  }
  return NO_HEADING;
}

/** A line that is only a date, bare or in brackets, as printed under a title: （2019年5月9日）. */
function datedLine(line: string): string | null {
  const inner = line.replace(/^[（(]/, '').replace(/[）)]$/, '');
  return parseDate(inner) === null ? null : inner;
}

/** The title among the lines a closer ended: from the line that opens it to the last, which names a document kind. */
function titleBlock(lines: readonly string[], run: readonly number[], earlier: readonly (readonly number[])[]): Pick<Heading, 'title' | 'titleLines'> {
  const last = run.at(-1);
  if (last === undefined || !TITLE_ENDING.test(lineText(lines, last))) return { title: null, titleLines: [] };
  const own = run.slice(titleStart(lines, run));
  const title = titleOf(lines, own);
  if (title === null) return { title: null, titleLines: [] };
  const copies = earlier.flatMap((copy) => (titleOf(lines, copy)?.value === title.value ? copy : []));
  return { title, titleLines: [...copies, ...own] };
}

/**
 * Where the title starts in a run of title-like lines: at the organ that issues it or at its 关于
 * (国务院办公厅 / 关于印发…), else after any short lines of page furniture above it.
 */
function titleStart(lines: readonly string[], run: readonly number[]): number {
  const about = run.findIndex((n) => TITLE_ISSUER.test(lineText(lines, n)) || TITLE_VERB.test(lineText(lines, n)));
  if (about > 0) return isOrganName(lineText(lines, run[about - 1] ?? 0)) ? about - 1 : about;
  if (about === 0) return 0;
  let start = 0;
  const isFurniture = (text: string) => text.length <= MAX_FURNITURE_LENGTH && !isOrganName(text);
  while (start < run.length - 1 && isFurniture(lineText(lines, run[start] ?? 0))) start++;
  return start;
}

/** The title the lines print, once: a title printed twice in a row (a page's title, then the document's) is one title. */
function titleOf(lines: readonly string[], titleLines: readonly number[]): Found | null {
  const first = titleLines[0];
  if (first === undefined) return null;
  const joined = titleLines.map((line) => lineText(lines, line)).join('');
  const half = joined.length / 2;
  const value = Number.isInteger(half) && half > 0 && joined.slice(0, half) === joined.slice(half) ? joined.slice(0, half) : joined;
  return { value, line: first };
}

/** The title-like lines right above a line (the first history line), when they end in a document kind. */
function titleAbove(lines: readonly string[], lineNo: number, blockLines: ReadonlySet<number>): Pick<Heading, 'title' | 'titleLines'> {
  const run: number[] = [];
  for (let n = lineNo - 1; n >= 1 && run.length < MAX_TITLE_LINES; n--) {
    const text = lineText(lines, n);
    if (text === '') continue;
    if (blockLines.has(n) || !isTitleLike(text) || datedLine(text) !== null) break;
    run.unshift(n);
  }
  return titleBlock(lines, run, []);
}

/** A promulgation order printed as the heading: 中华人民共和国主席令 / 第三十五号, or 国务院令第586号 on one line. */
function orderNumber(lines: readonly string[]): Found | null {
  const filled = [...lines.entries()].flatMap(([index, text]) => (text.trim() === '' ? [] : [{ line: index + 1, text: text.trim() }]));
  for (const [i, { line, text }] of filled.entries()) {
    if (STRUCTURE_START.test(text)) return null;
    const whole = ORDER_LINE.exec(text);
    if (whole !== null) return { value: `${whole[1]}${whole[2]}`, line };
    const next = filled[i + 1]?.text ?? '';
    if (ORDER_NAME.test(text) && ORDER_NUMBER.test(next)) return { value: text + next, line };
  }
  return null;
}

function lineText(lines: readonly string[], lineNo: number): string {
  return (lines[lineNo - 1] ?? '').trim();
}

function isTitleLike(line: string): boolean {
  return line.length <= MAX_TITLE_LINE_LENGTH && !NOT_IN_TITLE.test(line);
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

function canonicalFound(found: Found | undefined): Found | null {
  return found === undefined ? null : { ...found, value: canonicalDocNumber(found.value) };
}

/** Writes a 文号 with the standard 〔〕 around the year, however the page bracketed it. */
function canonicalDocNumber(text: string): string {
  const match = DOC_NUMBER.exec(text);
  if (match === null || match[0] !== text) return text;
  const [, issuer, year, number] = match;
  return `${issuer}〔${year}〕${number}号`;
}

/** The organ(s) before 关于, 印发, 转发 or 批转 in a title such as 省政府办公厅关于印发…的通知; joint issuers joined with 、. */
function issuerOfTitle(title: Found): Found | null {
  const organ = TITLE_ISSUER.exec(title.value)?.[1]?.trim();
  return organ !== undefined && isOrganName(organ) ? { value: organ.split(/[\s\u3000]+/).join('、'), line: title.line } : null;
}

/** A date the metadata block prints, as an ISO date; null when it is not one. */
function isoFound(found: Found | undefined): Found | null {
  const iso = found === undefined ? null : (parseDate(found.value)?.iso ?? null);
  return found === undefined || iso === null ? null : { value: iso, line: found.line };
}

// --- signature ---------------------------------------------------------------------------------

type Signature = { issuer: Found; date: Found };

/**
 * The first organ name followed by a date, on the next non-blank line or after it on the same line.
 * The first, because a compound document's cover notice is signed by the issuer of the whole, while
 * documents it carries may be signed again further down. Block and history lines are not signatures.
 */
function findSignature(lines: readonly string[], skip: ReadonlySet<number>): Signature | null {
  const filled = [...lines.entries()].flatMap(([index, text]) => (text.trim() === '' || skip.has(index + 1) ? [] : [index + 1]));
  for (const [i, lineNo] of filled.entries()) {
    const text = lineText(lines, lineNo);
    const sameLine = /^(.+?)[\s\u3000]+(\S.*)$/.exec(text);
    if (sameLine !== null && isOrganName(sameLine[1] ?? '') && parseDate(sameLine[2] ?? '') !== null) {
      return { issuer: { value: sameLine[1] ?? '', line: lineNo }, date: { value: sameLine[2] ?? '', line: lineNo } };
    }
    if (i === 0 || parseDate(text) === null || !isOrganName(lineText(lines, filled[i - 1] ?? 0))) continue;
    let first = i - 1;
    while (first > 0 && isOrganName(lineText(lines, filled[first - 1] ?? 0))) first--;
    const organs = filled.slice(first, i);
    return { issuer: { value: organs.map((n) => lineText(lines, n)).join('、'), line: organs[0] ?? lineNo }, date: { value: text, line: lineNo } };
  }
  return null;
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
