/**
 * The pinyin-annotation rule, on its own so that both the ingest (scripts/lib/ingest/normalise.ts) and the
 * search box in the browser (src/lib/search/query.ts) clean 業(yè) the same way. Kept free of
 * opencc and of any I/O: the browser bundle must not pull the ingest's dictionaries in.
 */

const TONED_VOWELS: Readonly<Record<string, string>> = {
  ā: 'a', á: 'a', ǎ: 'a', à: 'a', ē: 'e', é: 'e', ě: 'e', è: 'e', ī: 'i', í: 'i', ǐ: 'i', ì: 'i',
  ō: 'o', ó: 'o', ǒ: 'o', ò: 'o', ū: 'u', ú: 'u', ǔ: 'u', ù: 'u', ǖ: 'ü', ǘ: 'ü', ǚ: 'ü', ǜ: 'ü',
};
const TONED = Object.keys(TONED_VOWELS).join('');
const SYLLABLE_CANDIDATE = `[a-zü${TONED}]{1,7}`;
// Any letter may carry the annotation, not only Han: in broken captures the annotated character
// can itself be garbled into Latin (`司I(yè)`), and a bracketed toned syllable glued to a word
// is an annotation whatever precedes it. `?` and U+FFFD stand for characters lost in capture.
const BRACKETED_PINYIN = new RegExp(`(?<=[\\p{L}?\\ufffd])[(（](${SYLLABLE_CANDIDATE})[)）]`, 'gu');
// A capture that lost the character together with the opening bracket leaves `當?shù)`: the `?`
// stays as the mark of the lost character, only the annotation goes.
const ORPHANED_PINYIN = new RegExp(`(?<=\\p{Script=Han}[?\\ufffd])(${SYLLABLE_CANDIDATE})[)）]`, 'gu');
const PINYIN_SYLLABLE =
  /^(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|iao|ian|ing|uai|uan|üan|ang|eng|ong|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|üe|ün|a|o|e|i|u|ü)$/;

/** True for one pinyin syllable written with exactly one tone mark, e.g. qū, zhuàng, lǜ. */
function isTonedSyllable(candidate: string): boolean {
  const chars = [...candidate];
  if (chars.filter((c) => c in TONED_VOWELS).length !== 1) return false;
  return PINYIN_SYLLABLE.test(chars.map((c) => TONED_VOWELS[c] ?? c).join(''));
}

/** Removes every pinyin annotation glued to a character (業(yè), 當?shù)); `onRemoved` hears each removed annotation in order. */
export function removePinyinAnnotations(text: string, onRemoved: (annotation: string) => void = () => {}): string {
  const remove = (annotation: string, syllable: string): string => {
    if (!isTonedSyllable(syllable)) return annotation;
    onRemoved(annotation);
    return '';
  };
  return text.replace(BRACKETED_PINYIN, remove).replace(ORPHANED_PINYIN, remove);
}
