import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Synonyms } from '#schemas/synonyms.ts';
import { linkToken, linkTokens, listedIn } from '#core/search/synonyms.ts';
import { loadSynonyms, synonymTable } from '#core/search/synonym-table.ts';

const json: unknown = JSON.parse(fs.readFileSync('content/synonyms.json', 'utf8'));
const entries = loadSynonyms(json);
const table = synonymTable(entries);
const clone = (): { terms: string[]; kind: string; direction: string }[] => structuredClone(json) as { terms: string[]; kind: string; direction: string }[];

describe('content/synonyms.json', () => {
  it('holds the pairs the issue names, each with a reason', () => {
    for (const [a, b] of [
      ['社保', '社会保险'],
      ['医保', '医疗保险'],
      ['医保', '医疗保障'],
      ['人社', '人力资源社会保障'],
      ['低保', '最低生活保障'],
      ['稳岗', '稳定就业岗位'],
      ['双创', '大众创业万众创新'],
      ['农民工', '进城务工人员'],
      ['大学生', '高校毕业生'],
      ['灵活就业', '非全日制就业'],
    ] as const) {
      expect(table.added[a]?.some((t) => t.words.includes(b)), `${a} → ${b}`).toBe(true);
    }
    for (const listed of ['五险一金', '退役军人', '就业困难人员', '零就业家庭']) expect(table.added[listed]).toBeDefined();
    expect(entries.every((e) => e.reason.length > 20)).toBe(true);
  });

  it('rejects an expansion applied both ways, and a link two entries make', () => {
    const both = clone();
    const expansion = both.find((e) => e.kind === 'expansion');
    if (expansion) expansion.direction = 'both';
    expect(Synonyms.safeParse(both).success).toBe(false);
    const twice = [...clone(), { terms: ['社保', '社会保险'], kind: 'abbreviation', direction: 'both', reason: 'again' }];
    expect(() => loadSynonyms(twice)).toThrow(/社保 → 社会保险" is listed under both/);
  });
});

describe('synonymTable', () => {
  it('never chains: 医疗保险 reaches 医保 but not 医疗保障', () => {
    expect(table.added['医疗保险']?.flatMap((t) => t.words)).toEqual(['医保']);
    expect(table.added['医保']?.flatMap((t) => t.words)).toEqual(['医疗保险', '医疗保障']);
  });

  it('keeps the parts of an all-parts expansion together, and one-way entries one way', () => {
    expect(table.added['五险一金']).toEqual([{ words: ['养老保险', '医疗保险', '失业保险', '工伤保险', '生育保险', '住房公积金'], kind: 'expansion' }]);
    expect(table.added['高校毕业生']?.flatMap((t) => t.words)).toEqual(['大学毕业生']);
  });
});

describe('listedIn: the longest listed term wins where terms overlap', () => {
  it('reads 社保补贴 whole, and two listed terms side by side', () => {
    expect(listedIn('社保补贴', table).map((m) => m.term)).toEqual(['社保补贴']);
    expect(listedIn('灵活就业社保补贴', table).map((m) => m.term)).toEqual(['灵活就业', '社保补贴']);
  });

  it('leaves a listed term that adds nothing in its place: 拖欠农民工工资 is not widened through 农民工', () => {
    expect(listedIn('拖欠农民工工资', table)).toEqual([]);
    expect(listedIn('湘潭农民工', table).map((m) => m.term)).toEqual(['农民工']);
  });
});

describe('linkTokens: an added term counts where it stands free', () => {
  const forSocialInsurance = linkToken('社会保险', '社保');
  it('finds 社保 for a 社会保险 query, but not inside 人力社保 or 社保卡', () => {
    expect(linkTokens('参加社保满一年', table)).toContain(forSocialInsurance);
    expect(linkTokens('区人力社保局负责', table)).not.toContain(forSocialInsurance);
    expect(linkTokens('申领社保卡', table)).not.toContain(forSocialInsurance);
  });

  it('counts a longer term of the same meaning: 社保费 is 社会保险费', () => {
    expect(linkTokens('缓缴社保费', table)).toContain(forSocialInsurance);
  });

  it('finds the parts of an expansion inside longer names', () => {
    expect(linkTokens('参加城乡居民基本养老保险', table)).toContain(linkToken('五险一金', '养老保险'));
  });

  it('gives a token per link, so the same word serves each query term on its own terms', () => {
    expect(linkToken('社会保险', '社保')).not.toBe(linkToken('社保补贴', '社会保险补贴'));
    expect(linkToken('社会保险', '社保')).toMatch(/^s[0-9a-z]{11}$/);
  });
});
