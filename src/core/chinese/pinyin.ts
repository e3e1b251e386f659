/**
 * The pinyin-annotation rule, on its own so that both the ingest (scripts/lib/ingest/normalise.ts) and the
 * search box in the browser (src/lib/search/query.ts) clean 業(yè) the same way. Kept free of
 * opencc and of any I/O: the browser bundle must not pull the ingest's dictionaries in.
 *
 * An annotation is removed on evidence, never on shape alone:
 * - its content is pinyin: every syllable belongs to the closed set of Mandarin syllables
 *   (pinyin-syllables.ts), in lower case, with at most one tone mark each;
 * - it is glued to what it annotates: a Han character, or an annotation just removed (業(ye)(ye)).
 * With tone marks (業(yè), 就业(jiù yè)) that is proof enough. Without them (業(ye)) the syllables could
 * be a Latin word, so the Han characters right before it must be at least as many as its syllables,
 * and a bare vowel (a) is never read as pinyin: (a) is a list item far more often than 啊.
 */
import { PINYIN_SYLLABLES, SPELLING_VARIANTS } from './pinyin-syllables.ts';

const TONED_VOWELS: Readonly<Record<string, string>> = {
  ā: 'a', á: 'a', ǎ: 'a', à: 'a', ē: 'e', é: 'e', ě: 'e', è: 'e', ī: 'i', í: 'i', ǐ: 'i', ì: 'i',
  ō: 'o', ó: 'o', ǒ: 'o', ò: 'o', ū: 'u', ú: 'u', ǔ: 'u', ù: 'u', ǖ: 'ü', ǘ: 'ü', ǚ: 'ü', ǜ: 'ü',
};
const TONED = Object.keys(TONED_VOWELS).join('');
// Pinyin letters, v as typed for ü, and the combining tone marks of a decomposed capture (NFC folds them).
const LETTER = `a-zü${TONED}\\u0300\\u0301\\u0304\\u030c\\u0308`;
// Spaces inside the brackets are capture noise: (huì ), ( huì ), and they separate syllables: (jiù yè).
const BRACKETED_CANDIDATE = new RegExp(`[(（]([${LETTER}\\s]{1,60})[)）]`, 'gu');
// A capture that lost the character together with the opening bracket leaves `當?shù)`: the `?`
// stays as the mark of the lost character, only the annotation goes.
const ORPHANED_CANDIDATE = new RegExp(`(?<=\\p{Script=Han}[?\\ufffd])([${LETTER}]{1,7})[)）]`, 'gu');
// In broken captures the annotated character can itself be garbled into Latin (`司I(yè)`) or lost (`?`).
const GLUED_TO_LETTER = /[\p{L}?\ufffd]$/u;
// The characters an annotation can follow; `?` and U+FFFD stand for characters lost in capture.
const ANNOTATED_RUN = /[\p{Script=Han}?\ufffd]+$/u;
const HAN = /\p{Script=Han}/u;

/** What an annotation says: how many syllables, and whether any carries a tone mark. */
type Reading = { syllables: number; toned: boolean };

/** A syllable's tone marks and its toneless spelling (ü for v), e.g. lǜ → 1, lü. */
function untone(spelling: string): { marks: number; base: string } {
  let marks = 0;
  let base = '';
  for (const c of spelling) {
    const plain = TONED_VOWELS[c];
    if (plain !== undefined) marks += 1;
    base += plain ?? (c === 'v' ? 'ü' : c);
  }
  return { marks, base };
}

function isSyllable(base: string): boolean {
  return PINYIN_SYLLABLES.has(SPELLING_VARIANTS.get(base) ?? base);
}

/**
 * The number of syllables in a written-together run where every syllable carries its tone mark
 * (jiùyè), or null. Requiring a mark on each keeps untoned words (china, banana) out of it.
 */
function tonedSyllablesIn(word: string): number | null {
  const chars = [...word];
  // reachable[i]: the first i characters split into toned syllables.
  const reachable: boolean[] = [true];
  for (let end = 1; end <= chars.length; end++) {
    reachable[end] = chars.slice(0, end).some((_, start) => {
      if (reachable[start] !== true || end - start > 6) return false;
      const { marks, base } = untone(chars.slice(start, end).join(''));
      return marks === 1 && isSyllable(base);
    });
  }
  return reachable[chars.length] === true ? untone(word).marks : null;
}

/** Reads one space-separated word of an annotation: a syllable (ye, yè) or toned syllables written together. */
function readWord(word: string): Reading | null {
  const { marks, base } = untone(word);
  if (marks <= 1 && isSyllable(base)) {
    if (marks === 0 && base.length === 1) return null;
    return { syllables: 1, toned: marks === 1 };
  }
  const syllables = marks > 1 ? tonedSyllablesIn(word) : null;
  return syllables === null ? null : { syllables, toned: true };
}

/** The reading of a bracket's content, or null if it is not pinyin. */
function readAnnotation(content: string): Reading | null {
  const words = content.normalize('NFC').trim().split(/\s+/u);
  const reading: Reading = { syllables: 0, toned: false };
  for (const word of words) {
    const r = word === '' ? null : readWord(word);
    if (r === null) return null;
    reading.syllables += r.syllables;
    reading.toned ||= r.toned;
  }
  return reading;
}

/** What an annotation at `index` would be glued to: a letter or lost character, and how many Han characters. */
type Anchor = { glued: boolean; hanRun: number };

function anchorBefore(text: string, index: number): Anchor {
  const before = text.slice(Math.max(0, index - 40), index);
  const run = ANNOTATED_RUN.exec(before)?.[0] ?? '';
  return { glued: GLUED_TO_LETTER.test(before), hanRun: HAN.test(run) ? [...run].length : 0 };
}

function isAnnotation(reading: Reading, anchor: Anchor): boolean {
  return reading.toned ? anchor.glued : anchor.hanRun >= reading.syllables;
}

/** Removes the bracketed annotations, a chain of them (業(ye)(ye)) taking the anchor of the first. */
function removeBracketed(text: string, onRemoved: (annotation: string) => void): string {
  let output = '';
  let copied = 0;
  let chain: { end: number; anchor: Anchor } | null = null;
  for (const m of text.matchAll(BRACKETED_CANDIDATE)) {
    const reading = readAnnotation(m[1] ?? '');
    const anchor: Anchor = chain !== null && chain.end === m.index ? chain.anchor : anchorBefore(text, m.index);
    if (reading === null || !isAnnotation(reading, anchor)) continue;
    onRemoved(m[0]);
    output += text.slice(copied, m.index);
    copied = m.index + m[0].length;
    chain = { end: copied, anchor };
  }
  return output + text.slice(copied);
}

/** Removes every pinyin annotation glued to a character (業(yè), 業(ye)(ye), 就业(jiù yè), 當?shù)); `onRemoved` hears each removed annotation in order. */
export function removePinyinAnnotations(text: string, onRemoved: (annotation: string) => void = () => {}): string {
  const bracketed = removeBracketed(text, onRemoved);
  return bracketed.replace(ORPHANED_CANDIDATE, (annotation: string, syllable: string) => {
    const reading = readAnnotation(syllable);
    if (reading === null || !reading.toned || reading.syllables !== 1) return annotation;
    onRemoved(annotation);
    return '';
  });
}
