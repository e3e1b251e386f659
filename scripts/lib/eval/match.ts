import { normaliseDocNumber } from '#core/citation-key.ts';

/**
 * The matching rules of `eval`, in one place. Every fact is turned into a key; a found fact matches an
 * expected one when their keys are equal (see score.ts).
 */

/**
 * Text as compared: compatibility forms folded by NFKC (full-width ，（）： and half-width ,(): become
 * one form, so punctuation width never decides a match) and white space removed (a label writes 总则
 * where the text prints 总 则).
 */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * A department name as compared: as text, without a relative qualifier before it (当地, 同级, 本级:
 * the labels leave them out) and without a generic head after it (部门, 行政部门, 主管部门, 机关). The
 * labels write each member of a list that shares one head as printed (发展改革、财政部门 → 发展改革,
 * 财政) while the extractor names each member with the head (发展改革部门, 财政部门); both are the same
 * office.
 */
export function comparableDepartment(name: string): string {
  return comparable(name).replace(/^(?:当地|同级|本级)/u, '').replace(/(?:行政部门|主管部门|部门|行政机关|机关)$/u, '');
}

/** A 文号 as compared: as text, and 〔2008〕, [2008], (2008) as one bracket style. */
export function comparableDocNumber(docNumber: string): string {
  return normaliseDocNumber(comparable(docNumber));
}

/**
 * A found text cut to the expected prefix where it starts with it: labels give how a provision's text
 * begins (8–15 characters) and may cut a long heading title to a short quote, so a found text that
 * begins with the expected one matches it.
 */
export function startingWith(found: string, expected: string): string {
  const f = comparable(found);
  const e = comparable(expected);
  return e !== '' && f.startsWith(e) ? e : f;
}

/**
 * The scope node a node lies in: itself, or the nearest scope node above it (a mention in art-7.2
 * counts for art-7, one in d1-2.6.1 for d1-2.6). Null outside the scope. Ids nest by `.`, so art-1
 * does not contain art-10 and art-10 does not contain art-10-1.
 */
export function scopeNodeOf(nodeId: string, scope: readonly string[]): string | null {
  let best: string | null = null;
  for (const s of scope) {
    if ((nodeId === s || nodeId.startsWith(`${s}.`)) && (best === null || s.length > best.length)) best = s;
  }
  return best;
}

/** A number as compared: 3.5 and 3.50 alike, float noise (0.1 + 0.2) ignored. */
export function comparableNumber(n: number | null): string {
  return n === null ? 'null' : String(Number(n.toPrecision(12)));
}
