import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { hanCounts, homophoneReader, homophoneTable } from '#core/search/homophones.ts';

const readings = (char: string) => pinyin(char, { toneType: 'num', type: 'array', multiple: true, v: true });

describe('homophoneTable', () => {
  it('lists the characters of the texts under each of their readings, commonest first', () => {
    const table = homophoneTable(hanCounts(['失业保险金，资金，基金，今后', '效率，比率，法律，绿色']), readings);
    expect(table['jin1']).toBe('金今');
    expect(table['lv4']).toBe('率律绿');
    expect(table['shuai4']).toBe('率');
    expect(Object.values(table).join('')).not.toMatch(/[，a-z]/);
  });
});

describe('homophoneReader', () => {
  const read = homophoneReader(homophoneTable(hanCounts(['金金金今近进进仅率律法']), readings));

  it('offers the same toned syllable first, then its other tones, never the character itself', () => {
    expect(read('今')).toEqual(['金', '仅', '进', '近']);
    expect(read('律')).toEqual(['率']);
  });

  it('offers nothing for a character the corpus does not use, or one without a homophone', () => {
    expect(read('猫')).toEqual([]);
    expect(read('法')).toEqual([]);
  });
});
