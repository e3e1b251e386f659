import type { UnreadableSpot } from '#schemas/document.ts';

/** A character lost in capture: U+FFFD, or a ? standing between two Chinese characters. */
const LOST_CHARACTER = /\ufffd|(?<=\p{Script=Han})\?(?=\p{Script=Han})/gu;
/** Words masked by the publisher: two or more asterisks (one * is a footnote mark). */
const MASKED = /\*{2,}/g;
/**
 * How far after a lost character the garbled run may reach. A text decoded with the wrong code page
 * loses a character and turns the next few into wrong ones that end in a stray Latin letter or kana
 * (当?卦氯司I for 当地月人均失业); beyond a few characters the text reads again.
 */
const GARBLE_REACH = 6;
/** Characters that cannot stand inside a Chinese word: a Latin letter or kana there marks garbling. */
const STRAY = /[A-Za-z\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Where a garbled run surely ends: punctuation, a digit or a space. */
const STOP = /[\p{P}\p{N}\s]/u;

/** The length of the garbled run that starts with the lost character at `start`. */
function garbledLength(text: string, start: number): number {
  let end = start + 1;
  for (let i = start + 1; i < Math.min(text.length, start + 1 + GARBLE_REACH); i += 1) {
    const c = text[i] ?? '';
    if (STOP.test(c)) break;
    if (STRAY.test(c)) end = i + 1;
  }
  return end - start;
}

/** The spots of the normalised lines that cannot be read as published, in line and offset order. */
export function unreadableSpots(lines: readonly string[]): UnreadableSpot[] {
  return lines.flatMap((text, i) => {
    const lost = [...text.matchAll(LOST_CHARACTER)].map((m): UnreadableSpot => ({ kind: 'lost', line: i + 1, start: m.index, text: text.slice(m.index, m.index + garbledLength(text, m.index)) }));
    const masked = [...text.matchAll(MASKED)].map((m): UnreadableSpot => ({ kind: 'masked', line: i + 1, start: m.index, text: m[0] }));
    return [...lost, ...masked].sort((a, b) => a.start - b.start);
  });
}
