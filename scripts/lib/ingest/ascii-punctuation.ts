/**
 * The `ascii-punctuation` rule: text extraction leaves ASCII , : ; ? ! ( ) in Chinese sentences
 * (各县市区人民政府,湘潭高新区). Chinese text sets them full width (GB/T 15834), and so do the rest of
 * our texts; one width lets every later stage read one form.
 *
 * A mark is Chinese by evidence: the nearest character on either side, past spaces, quotes, numbers
 * and the marks themselves, is Han or Chinese punctuation (、。《》 …). Numbers and Latin text stay as they are:
 * 1,000 (a thousands separator), 8:30 and 1:2 (a time, a ratio), URLs, entities kept encoded, a ? that
 * marks a character lost in capture (当?地). Brackets change as a pair, never one half: a pair is
 * Chinese when it holds a Han character or stands in Chinese text (GDP(国内生产总值), 采用(PPP)模式),
 * and an unmatched bracket stays as it is.
 *
 * Every decision reads only what the rule never changes, or reads both widths alike, so a second
 * run finds nothing to do; each change is one character for one, so lines keep their length.
 */
import { FULL_WIDTH_PUNCTUATION } from '#core/chinese/punctuation-width.ts';

const OPENING = new Set(['(', '（']);
const CLOSING = new Set([')', '）']);
/**
 * Looked past when searching for evidence: spaces, quotes, the marks themselves in either width, and
 * numbers, which Chinese and Latin text share (附件1: is Chinese, Table 1: is not).
 */
const TRANSPARENT = /[\s"'“”‘’,:;?!()，：；？！（）0-9.%‰]/u;
/** Han characters, CJK symbols and punctuation (、。《》「」〔〕), full-width forms. */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const DIGIT = /[0-9]/;
/** A ? next to one of these is the mark of a character lost in capture, or part of a run of them. */
const LOST = /[\p{Script=Han}\p{L}\p{N}?？\ufffd]/u;

// Spans whose marks are not prose: URLs (less trailing punctuation, as linkifiers do) and entities.
const URL = /(?:(?:https?|ftp):\/\/|www\.)[!-~]+/giu;
const ENTITY = /&(?:[A-Za-z]+|#\d+|#[xX][0-9A-Fa-f]+);/g;

type Span = { start: number; end: number };

/** Drops trailing punctuation from a URL, and a closing bracket it does not open. */
function urlEnd(url: string): number {
  let end = url.length;
  for (;;) {
    const last = url[end - 1] ?? '';
    const body = url.slice(0, end);
    const unbalanced = last === ')' && body.split('(').length < body.split(')').length;
    if (!(/[.,:;!?'"]/.test(last) || unbalanced)) return end;
    end -= 1;
  }
}

function protectedSpans(chars: readonly string[]): Span[] {
  const spans: Span[] = [];
  const text = chars.join('');
  // Positions are in code points: the line is handled as an array of them.
  const toIndex = (utf16: number) => [...text.slice(0, utf16)].length;
  for (const m of text.matchAll(URL)) {
    const start = toIndex(m.index);
    spans.push({ start, end: start + [...m[0].slice(0, urlEnd(m[0]))].length });
  }
  for (const m of text.matchAll(ENTITY)) {
    const start = toIndex(m.index);
    spans.push({ start, end: start + m[0].length });
  }
  return spans;
}

/** True when the nearest telling character from `from` in direction `step` is Chinese. */
function chineseAt(chars: readonly string[], from: number, step: 1 | -1): boolean {
  for (let i = from; i >= 0 && i < chars.length; i += step) {
    const c = chars[i] ?? '';
    if (!TRANSPARENT.test(c)) return CHINESE.test(c);
  }
  return false;
}

function inChineseText(chars: readonly string[], before: number, after: number): boolean {
  return chineseAt(chars, before, -1) || chineseAt(chars, after, 1);
}

/** The matched bracket pairs of a line, either width, nested; unmatched brackets are left out. */
function bracketPairs(chars: readonly string[], isProtected: (i: number) => boolean): [number, number][] {
  const open: number[] = [];
  const pairs: [number, number][] = [];
  chars.forEach((c, i) => {
    if (isProtected(i)) return;
    if (OPENING.has(c)) open.push(i);
    else if (CLOSING.has(c)) {
      const start = open.pop();
      if (start !== undefined) pairs.push([start, i]);
    }
  });
  return pairs;
}

function isChinesePair(chars: readonly string[], start: number, end: number, spans: readonly Span[]): boolean {
  // A bracketed URL is left as written: it may be a Markdown link target.
  if (spans.some((s) => s.start === start + 1 && s.end === end)) return false;
  const inside = chars.slice(start + 1, end);
  return inside.some((c) => /\p{Script=Han}/u.test(c)) || inChineseText(chars, start - 1, end + 1);
}

/** Whether a single mark (, : ; ? !) at `i` is Chinese punctuation. */
function isChineseMark(chars: readonly string[], i: number): boolean {
  const c = chars[i];
  const before = chars[i - 1] ?? '';
  const after = chars.slice(i + 1, i + 5).join('');
  if (c === ',' && DIGIT.test(before) && /^\d{3}(?!\d)/.test(after)) return false;
  if (c === ':' && DIGIT.test(before) && DIGIT.test(after[0] ?? '')) return false;
  if (c === '?' && (LOST.test(after[0] ?? '') || /[?？\ufffd]/.test(before))) return false;
  return inChineseText(chars, i - 1, i + 1);
}

/** The line with its ASCII punctuation made full width where it sits in Chinese text, and how many characters changed. */
export function widenAsciiPunctuation(line: string): { text: string; changed: number } {
  if (!/[,:;?!()]/.test(line)) return { text: line, changed: 0 };
  const chars = [...line];
  const spans = protectedSpans(chars);
  const isProtected = (i: number) => spans.some((s) => i >= s.start && i < s.end);
  const widen = new Set<number>();
  for (const [start, end] of bracketPairs(chars, isProtected)) {
    if (isChinesePair(chars, start, end, spans)) for (const i of [start, end]) widen.add(i);
  }
  chars.forEach((c, i) => {
    if (',:;?!'.includes(c) && !isProtected(i) && isChineseMark(chars, i)) widen.add(i);
  });
  let changed = 0;
  const text = chars
    .map((c, i) => {
      const wide = widen.has(i) ? FULL_WIDTH_PUNCTUATION[c] : undefined;
      if (wide === undefined) return c;
      changed += 1;
      return wide;
    })
    .join('');
  return { text, changed };
}
