import * as OpenCC from 'opencc-js';
import { z } from 'astro/zod';
import type { Diagnostic } from '#schemas/diagnostic.ts';
import type { Drop, Script } from '#schemas/document.ts';
import { removePinyinAnnotations } from '#core/chinese/pinyin.ts';
import { widenAsciiPunctuation } from './ascii-punctuation.ts';

export type OverrideEntry = { traditional: string; simplified: string; reason: string };

export type Normalised = {
  /** Same length as the input lines; a line removed as a whole is ''. */
  lines: string[];
  script: Script;
  /** Per line, as detected before conversion; null = no script-specific characters. */
  lineScripts: (Script | null)[];
  /** Per line, the level of the Markdown heading mark removed from it (1 for `# `), else null. */
  markdownHeadings: (number | null)[];
  /** Rule name → number of changes; only rules that fired, keys sorted. */
  counts: Record<string, number>;
  drops: Drop[];
  diagnostics: Diagnostic[];
};

type Convert = (text: string) => string;

/** Counts per rule and the removed text, collected while the rules run. */
type Tally = { counts: Map<string, number>; drops: Drop[] };

function count(tally: Tally, rule: string, n = 1): void {
  if (n > 0) tally.counts.set(rule, (tally.counts.get(rule) ?? 0) + n);
}

function drop(tally: Tally, rule: string, line: number, text: string): void {
  tally.drops.push({ rule, line, text });
  count(tally, rule);
}

// ---------------------------------------------------------------------------
// Rules 1–3: character clean-up, line by line

// Tag syntax only: a name right after `<` or `</`, then nothing or whitespace-separated attributes.
// Requiring whitespace after the name keeps comparisons in prose (`a<b和c>d`) out of it.
const TAG = /<\/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?\/?>/g;

const ENTITY = /&(?:(nbsp|amp|lt|gt|quot)|#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6}));/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"' };

// Characters an entity must not decode to: controls and line separators would break the line structure.
const UNSAFE_CODE_POINT = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/u;

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const FULLWIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;

function removeTags(text: string, line: number, tally: Tally): string {
  return text.replace(TAG, (tag) => {
    drop(tally, 'html-tag', line, tag);
    return '';
  });
}

type EntityMatch = { index: number; raw: string; char: string };

function decodeEntity(name: string | undefined, decimal: string | undefined, hex: string | undefined): string | null {
  if (name !== undefined) return NAMED_ENTITIES[name] ?? null;
  const codePoint = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
  if (!(codePoint > 0 && codePoint <= 0x10ffff) || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return null;
  const char = String.fromCodePoint(codePoint);
  return UNSAFE_CODE_POINT.test(char) ? null : char;
}

function findEntities(text: string): EntityMatch[] {
  const found: EntityMatch[] = [];
  for (const m of text.matchAll(ENTITY)) {
    const char = decodeEntity(m[1], m[2], m[3]);
    if (char !== null) found.push({ index: m.index, raw: m[0], char });
  }
  return found;
}

/** Writes the text with every entity decoded except the kept ones; returns where each entity landed. */
function renderEntities(text: string, entities: readonly EntityMatch[], kept: ReadonlySet<number>) {
  let output = '';
  let from = 0;
  const spans: { start: number; end: number }[] = [];
  entities.forEach((e, i) => {
    output += text.slice(from, e.index);
    const piece = kept.has(i) ? e.raw : e.char;
    spans.push({ start: output.length, end: output.length + piece.length });
    output += piece;
    from = e.index + e.raw.length;
  });
  return { output: output + text.slice(from), spans };
}

/**
 * Decodes entities, but keeps encoded every entity that would become part of tag syntax.
 * Why: `&lt;script&gt;` is escaped text the page showed to readers. Decoded to `<script>`, a second
 * run would take it for a stray tag and remove it, so normalising would not be idempotent. Keeping
 * such entities encoded is the only choice that neither deletes that text nor changes it on a
 * second run. Entities that decode to other entities (`&amp;nbsp;`) are decoded further on the next
 * round of the character rules, so double-escaped text comes out clean.
 */
function decodeEntities(text: string, tally: Tally): string {
  const entities = findEntities(text);
  const kept = new Set<number>();
  for (;;) {
    const { output, spans } = renderEntities(text, entities, kept);
    const inTags = [...output.matchAll(TAG)].flatMap((tag) => {
      const tagEnd = tag.index + tag[0].length;
      return spans.flatMap((s, i) => (!kept.has(i) && s.start < tagEnd && tag.index < s.end ? [i] : []));
    });
    if (inTags.length === 0) {
      count(tally, 'html-entity', entities.length - kept.size);
      return output;
    }
    for (const i of inTags) kept.add(i);
  }
}

function replaceCounted(text: string, pattern: RegExp, rule: string, tally: Tally, by: (c: string) => string): string {
  return text.replace(pattern, (c) => {
    count(tally, rule);
    return by(c);
  });
}

function removePinyin(text: string, line: number, tally: Tally): string {
  return removePinyinAnnotations(text, (annotation) => drop(tally, 'pinyin-annotation', line, annotation));
}

function applyCharacterRules(text: string, line: number, tally: Tally): string {
  let t = removeTags(text, line, tally);
  t = decodeEntities(t, tally);
  t = replaceCounted(t, ZERO_WIDTH, 'zero-width', tally, () => '');
  t = replaceCounted(t, /\u00a0/g, 'nbsp', tally, () => ' ');
  t = replaceCounted(t, FULLWIDTH_ALNUM, 'fullwidth-alnum', tally, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return removePinyin(t, line, tally);
}

/**
 * Runs rules 1–3 until the line no longer changes.
 * Why: one rule can expose work for an earlier one (`<\u200bp>` becomes a tag once the zero-width
 * space is gone, `&amp;lt;` an entity once decoded). Stopping at a fixed point is what makes a
 * second normalisation find nothing. Every change shortens the line or turns a character into
 * ASCII for good, so the loop ends.
 */
function cleanCharacters(text: string, line: number, tally: Tally): string {
  for (;;) {
    const next = applyCharacterRules(text, line, tally);
    if (next === text) return text;
    text = next;
  }
}

// ---------------------------------------------------------------------------
// Rule 4: script detection and traditional → simplified conversion

type OverrideTable = { trie: OpenCC.Trie; fixes: ReadonlyMap<string, string> };

let baseConverters: { toSimplified: Convert; toTraditional: Convert } | undefined;

/** The opencc converters, built once: building them parses the dictionaries. */
function converters(): { toSimplified: Convert; toTraditional: Convert } {
  // `tw` and not `t`: only the Taiwan preset turns 著力/隨著 into 着力/随着 as mainland texts write them.
  baseConverters ??= {
    toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }),
    toTraditional: OpenCC.Converter({ from: 'cn', to: 'tw' }),
  };
  return baseConverters;
}

/**
 * Keys each override by opencc's own (wrong) output for its traditional phrase, so the fix applies
 * after conversion, with opencc's longest-match rule, exactly where opencc went wrong.
 * (A custom dictionary passed to `ConverterFactory(Locale.from.tw, Locale.to.cn, [dict])` would do
 * the same, but that factory skips the tw2s phrase segmentation the `Converter` preset uses.)
 */
function overrideFixes(overrides: readonly OverrideEntry[]): Map<string, string> {
  const { toSimplified } = converters();
  return new Map(overrides.map((o) => [toSimplified(o.traditional), o.simplified]));
}

const overrideTables = new WeakMap<readonly OverrideEntry[], OverrideTable>();

function overrideTable(overrides: readonly OverrideEntry[]): OverrideTable {
  let table = overrideTables.get(overrides);
  if (table === undefined) {
    const fixes = overrideFixes(overrides);
    const trie = new OpenCC.Trie();
    trie.loadDict([...fixes]);
    table = { trie, fixes };
    overrideTables.set(overrides, table);
  }
  return table;
}

type Simplification = { text: string; overridesApplied: number };

function simplify(text: string, table: OverrideTable): Simplification {
  const plain = converters().toSimplified(text);
  if (table.fixes.size === 0) return { text: plain, overridesApplied: 0 };
  const overridesApplied = table.trie.segment(plain).filter((s) => table.fixes.has(s)).length;
  return { text: table.trie.convert(plain), overridesApplied };
}

/** Number of characters that differ between a text and its conversion. */
function changedCharacters(before: string, after: string): number {
  const a = [...before];
  const b = [...after];
  if (a.length === b.length) return a.filter((c, i) => c !== b[i]).length;
  // Conversions that change the length (a multi-character override) are rare: count the changed middle.
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return Math.max(a.length, b.length) - prefix - suffix;
}

type LineEvidence = { script: Script | null; traditional: number; simplified: number; converted: Simplification };

/**
 * Evidence of traditional = characters our conversion would change; of simplified = characters the
 * reverse conversion would change. Why the override-aware conversion: a line an override already
 * fixed (乾安) must not count as traditional when the output is normalised again.
 */
function lineEvidence(text: string, table: OverrideTable): LineEvidence {
  const converted = simplify(text, table);
  const traditional = changedCharacters(text, converted.text);
  const simplified = changedCharacters(text, converters().toTraditional(text));
  const script = traditional > simplified ? 'traditional' : simplified > traditional ? 'simplified' : null;
  return { script, traditional, simplified, converted };
}

function documentScript(evidence: readonly LineEvidence[]): Script {
  const traditional = evidence.reduce((n, e) => n + e.traditional, 0);
  const simplified = evidence.reduce((n, e) => n + e.simplified, 0);
  // A tie, or no evidence at all, means simplified: conversion is only safe on proven traditional text.
  return traditional > simplified ? 'traditional' : 'simplified';
}

function mixedScriptWarning(file: string, line: number, lineScript: Script): Diagnostic {
  const message =
    lineScript === 'traditional'
      ? 'line is in traditional characters inside a simplified document: converted to simplified'
      : 'line is already simplified inside a traditional document: left unconverted';
  return { level: 'warning', code: 'normalise-mixed-script', message, file, line };
}

// ---------------------------------------------------------------------------
// Rules 5–6: whole lines of web-page furniture

const PAGE_FURNITURE: readonly RegExp[] = [
  // The QR-code prompt under an article.
  /^扫一扫在手机(?:上)?打开当前页$/,
  // The share bar; its icons are images, so only the label survives, sometimes with a cell bar.
  /^分享到[:：]?\s*\|?$/,
  // Print / close buttons, alone or side by side, bracketed or not.
  /^(?:[【[]?(?:打印本页|打印|关闭窗口|关闭本页|关闭)[】\]]?[\s|/]*)+$/,
  // Download cells of the metadata table: 文字版: | 下载 | 图片版: | 下载 |
  /^(?:(?:文字版|图片版)[:：]?\s*\|\s*下载\s*\|?\s*)+$/,
  // The font-size switch: 【字体：大 中 小】, [字号：大 中 小] …
  /^[【[]?(?:字体|字号)[:：]\s*[【[]?大[】\]]?\s*[【[]?中[】\]]?\s*[【[]?小[】\]]?\s*[】\]]?$/,
];

function isPageFurniture(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && PAGE_FURNITURE.some((p) => p.test(trimmed));
}

// Field names of the metadata table government sites print above a document.
const METADATA_KEYS: ReadonlySet<string> = new Set([
  '索引号', '成文日期', '发布日期', '生效日期', '废止日期', '文号', '发文字号', '发布机构', '发文机关',
  '文件种类', '公文种类', '主题分类', '体裁分类', '组配分类', '服务对象分类', '主题词', '有效性', '时效性',
  '公开方式', '公开范围', '信息来源', '所属机构',
]);

/** The cells of a metadata row (`索引号: | … | 成文日期: | … |`), or null if the line is not one. */
function metadataRow(line: string): string[] | null {
  if (!line.includes('|')) return null;
  const cells = line.split('|').map((c) => c.trim());
  if (cells.at(-1) === '') cells.pop();
  if (cells.length === 0 || cells.length % 2 !== 0) return null;
  const keysKnown = cells.every((c, i) => i % 2 === 1 || METADATA_KEYS.has(c.replace(/[:：]$/, '')));
  const keysMarked = cells.every((c, i) => i % 2 === 1 || /[:：]$/.test(c));
  return keysKnown && keysMarked ? cells : null;
}

function dropPageFurniture(lines: string[], tally: Tally): void {
  lines.forEach((text, i) => {
    if (!isPageFurniture(text)) return;
    drop(tally, 'page-boilerplate', i + 1, text);
    lines[i] = '';
  });
}

function dropRepeatedMetadataRows(lines: string[], tally: Tally): void {
  const seen = new Set<string>();
  lines.forEach((text, i) => {
    const cells = metadataRow(text);
    if (cells === null) return;
    const key = cells.join('|');
    if (!seen.has(key)) {
      seen.add(key);
      return;
    }
    drop(tally, 'duplicate-metadata-row', i + 1, text);
    lines[i] = '';
  });
}

// ---------------------------------------------------------------------------
// Rule 7: the light Markdown some collections publish texts in

/** `# 标题`, `## 第一章 总则`: the heading mark and the space after it (all of them, so a second run finds none). */
const MARKDOWN_HEADING = /^(#{1,6})[ \t]+(?:#{1,6}[ \t]+)*(?=\S)/;
/** A whole-line HTML comment, such as the `<!-- INFO END -->` that closes a collection's header. */
const MARKDOWN_COMMENT = /^\s*<!--.*-->\s*$/;

/** Removes heading marks and comment lines by named rules; returns each line's heading level. */
function dropMarkdownMarkup(lines: string[], tally: Tally): (number | null)[] {
  return lines.map((text, i) => {
    if (MARKDOWN_COMMENT.test(text)) {
      drop(tally, 'markdown-comment', i + 1, text);
      lines[i] = '';
      return null;
    }
    const heading = MARKDOWN_HEADING.exec(text);
    if (heading === null) return null;
    drop(tally, 'markdown-heading', i + 1, heading[0]);
    lines[i] = text.slice(heading[0].length);
    return heading[1]?.length ?? null;
  });
}

// ---------------------------------------------------------------------------
// Rule 8: ASCII punctuation left in Chinese text by extraction (ascii-punctuation.ts says where)

/** Runs last, on the lines as parsing will see them, so that every rule above matched the text as captured. */
function widenPunctuation(lines: string[], tally: Tally): void {
  lines.forEach((text, i) => {
    const widened = widenAsciiPunctuation(text);
    count(tally, 'ascii-punctuation', widened.changed);
    lines[i] = widened.text;
  });
}

// ---------------------------------------------------------------------------
// Diagnostics on the result

const LOST_CHARACTER = /\ufffd|(?<=\p{Script=Han})\?(?=\p{Script=Han})/gu;

function lostCharacterWarnings(lines: readonly string[], file: string): Diagnostic[] {
  return lines.flatMap((text, i) =>
    [...text.matchAll(LOST_CHARACTER)].map((m): Diagnostic => {
      const context = text.slice(Math.max(0, m.index - 4), m.index + 5);
      return {
        level: 'warning',
        code: 'normalise-replacement-char',
        message: `a character was lost in capture and shows as "${m[0]}": …${context}…`,
        file,
        line: i + 1,
      };
    }),
  );
}

// ---------------------------------------------------------------------------

function sortedCounts(counts: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].filter(([, n]) => n > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Normalises one decoded text: idempotent, line-preserving; never throws. */
export function normalise(text: string, file: string, overrides: readonly OverrideEntry[]): Normalised {
  const tally: Tally = { counts: new Map(), drops: [] };
  const cleaned = text.split('\n').map((line, i) => cleanCharacters(line, i + 1, tally));

  const table = overrideTable(overrides);
  const evidence = cleaned.map((line) => lineEvidence(line, table));
  const script = documentScript(evidence);
  const diagnostics: Diagnostic[] = [];
  const lines = cleaned.map((line, i) => {
    const e = evidence[i];
    if (e === undefined) return line;
    if (e.script !== null && e.script !== script) diagnostics.push(mixedScriptWarning(file, i + 1, e.script));
    const convert = e.script === 'traditional' || (e.script === null && script === 'traditional');
    if (!convert) return line;
    count(tally, 't2s', changedCharacters(line, e.converted.text));
    count(tally, 't2s-override', e.converted.overridesApplied);
    return e.converted.text;
  });

  const markdownHeadings = dropMarkdownMarkup(lines, tally);
  dropPageFurniture(lines, tally);
  dropRepeatedMetadataRows(lines, tally);
  widenPunctuation(lines, tally);
  diagnostics.push(...lostCharacterWarnings(lines, file));
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  return {
    lines,
    script,
    lineScripts: evidence.map((e) => e.script),
    markdownHeadings,
    counts: sortedCounts(tally.counts),
    drops: tally.drops.sort((a, b) => a.line - b.line),
    diagnostics,
  };
}

// ---------------------------------------------------------------------------
// The override table (content/normalise/t2s-overrides.json)

const OverrideFile = z.array(
  z
    .object({
      traditional: z.string().min(1),
      simplified: z.string().min(1),
      /** Why opencc's conversion is wrong here: kept in the data so the table can be reviewed. */
      reason: z.string().min(1),
    })
    .strict(),
);

/** Checks an override table's shape and that every entry corrects something opencc really gets wrong; throws a readable error otherwise. */
export function loadOverrides(json: unknown): OverrideEntry[] {
  const parsed = OverrideFile.safeParse(json);
  if (!parsed.success) throw new Error(`t2s overrides: invalid file\n${z.prettifyError(parsed.error)}`);
  const problems: string[] = [];
  const byOutput = new Map<string, OverrideEntry>();
  parsed.data.forEach((entry, i) => {
    const opencc = converters().toSimplified(entry.traditional);
    const earlier = byOutput.get(opencc);
    if (opencc === entry.simplified) {
      problems.push(`[${i}] ${entry.traditional}: opencc already gives ${opencc}; remove the entry`);
    } else if (earlier !== undefined) {
      problems.push(`[${i}] ${entry.traditional}: opencc output ${opencc} is already corrected by ${earlier.traditional}`);
    }
    byOutput.set(opencc, entry);
  });
  if (problems.length > 0) throw new Error(`t2s overrides:\n${problems.join('\n')}`);
  return parsed.data;
}
