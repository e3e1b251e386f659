/** Chinese names sort by pinyin, the order readers of a Chinese index expect; the same Node gives the same order every build. */
const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

/** Compares two Chinese strings in pinyin order (numbers by value). */
export function compareZh(a: string, b: string): number {
  return collator.compare(a, b);
}
