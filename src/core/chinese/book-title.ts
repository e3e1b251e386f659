/**
 * Book-title marks as Chinese typesetting nests them: a title inside 《》 takes 〈〉, a title inside
 * that takes 《》 again (《关于印发〈…〉的通知》). Titles reach the pages as printed on their own
 * (关于印发《…》的通知), so the marks inside are re-levelled for where the title is shown.
 */

const OPENING = new Set(['《', '〈']);
const CLOSING = new Set(['》', '〉']);

/** `text` with its book-title marks re-levelled for a place already `depth` titles deep (0: running text). */
export function nestBookTitles(text: string, depth = 0): string {
  let level = depth;
  let out = '';
  for (const c of text) {
    if (OPENING.has(c)) {
      out += level % 2 === 0 ? '《' : '〈';
      level += 1;
    } else if (CLOSING.has(c) && level > depth) {
      level -= 1;
      out += level % 2 === 0 ? '》' : '〉';
    } else {
      out += c;
    }
  }
  return out;
}

/** The words of a title to be shown between 《 and 》: the titles it names take 〈〉. */
export function titleWithinMarks(title: string): string {
  return nestBookTitles(title, 1);
}

/** A title in 《》, with the titles it names in 〈〉. */
export function bookTitle(title: string): string {
  return `《${titleWithinMarks(title)}》`;
}
