import { describe, expect, it } from 'vitest';
import { parseChineseNumeral } from '#core/chinese/numerals.ts';

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1], ['十', 10], ['十一', 11], ['二十', 20], ['二十四', 24], ['一百零五', 105],
    ['两千', 2000], ['三千五百', 3500], ['一万二千', 12000], ['十二万', 120000], ['二〇一九', 2019], ['二○一一', 2011],
  ])('%s → %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(['', '二三', 'abc', '十a'])('rejects %j', (text) => {
    expect(parseChineseNumeral(text)).toBeNull();
  });
});
