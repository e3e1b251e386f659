import fs from 'node:fs';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import {
  cleanQuery,
  mayBeTraditional,
  parseQuery,
  parseTerms,
  phraseQuery,
  planTerm,
  splitTerm,
  toSimplified,
  withoutTerm,
} from '../../src/lib/search/query.ts';
import { loadSynonyms, synonymTable } from '#core/search/synonym-table.ts';
import { linkToken } from '#core/search/synonyms.ts';
import { corpusCharacters, createScriptConverter, type Override } from '../../src/lib/search/script.ts';
import { hanCounts } from '#core/search/homophones.ts';
import { indexContent, phraseTokens, termTokens, wordRuns } from '#core/search/tokens.ts';

const overrides = JSON.parse(fs.readFileSync('content/normalise/t2s-overrides.json', 'utf8')) as Override[];
/** A simplified corpus in which 著 occurs (显著), as it does in ours. */
const corpus = new Set(corpusCharacters(hanCounts(['就业创业担保贷款零家庭显著困难人员', '专著土著乾安县'])));
const converter = createScriptConverter(OpenCC, overrides, corpus);
const synonyms = synonymTable(loadSynonyms(JSON.parse(fs.readFileSync('content/synonyms.json', 'utf8'))));
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const segment = (text: string) => [...segmenter.segment(text)].filter((s) => s.isWordLike === true).map((s) => s.segment);

/** Token spelling, for readable expectations: a + base-36 code points. */
const t = (chars: string) => `a${[...chars].map((c) => (c.codePointAt(0) ?? 0).toString(36).padStart(4, '0')).join('')}`;

describe('cleanQuery', () => {
  it('folds full-width letters, digits and spaces and collapses whitespace', () => {
    expect(cleanQuery('  １．６万个\u3000ＧＤＰ  ')).toBe('1.6万个 GDP');
  });

  it('removes pinyin annotations with the rule of the ingest', () => {
    expect(cleanQuery('就業(yè)困難人員')).toBe('就業困難人員');
    expect(cleanQuery('區（qū）域')).toBe('區域');
  });

  it('removes them in every form the ingest knows: untoned, doubled, spaced, after several characters', () => {
    expect(cleanQuery('就業(ye)(ye)困難人員')).toBe('就業困難人員');
    expect(cleanQuery('就(jiu)(jiu)業')).toBe('就業');
    expect(cleanQuery('機會( huì )')).toBe('機會');
    expect(cleanQuery('就业（jiù yè）服务')).toBe('就业服务');
  });

  it('keeps brackets that are not pinyin', () => {
    expect(cleanQuery('县(区)')).toBe('县(区)');
    expect(cleanQuery('采用(PPP)模式 (a)')).toBe('采用(PPP)模式 (a)');
  });

  it('cuts a pasted text to 200 characters', () => {
    expect([...cleanQuery('就'.repeat(300))]).toHaveLength(200);
  });
});

describe('toSimplified', () => {
  it('converts a traditional query, phrase by phrase as opencc does', () => {
    expect(toSimplified('創業擔保貸款', converter)).toEqual({ text: '创业担保贷款', converted: true });
    expect(toSimplified('顯著', converter)).toEqual({ text: '显著', converted: true });
  });

  it('leaves a simplified query alone, even where tw→cn would change a character the corpus uses', () => {
    expect(toSimplified('显著', converter)).toEqual({ text: '显著', converted: false });
    expect(toSimplified('创业担保贷款', converter)).toEqual({ text: '创业担保贷款', converted: false });
  });

  it('converts a query mixing the scripts', () => {
    expect(toSimplified('創业', converter)).toEqual({ text: '创业', converted: true });
  });

  it('applies the override table like the ingest does', () => {
    expect(toSimplified('專著', converter).text).toBe('专著');
    expect(toSimplified('前郭、乾安、長嶺', converter).text).toBe('前郭、乾安、长岭');
  });
});

describe('mayBeTraditional', () => {
  it('is true only for a Chinese character the corpus never uses', () => {
    expect(mayBeTraditional('创业担保贷款', corpus)).toBe(false);
    expect(mayBeTraditional('創業', corpus)).toBe(true);
    expect(mayBeTraditional('GDP 2019', corpus)).toBe(false);
  });
});

describe('parseTerms', () => {
  it('splits words at spaces', () => {
    expect(parseTerms('创业 贷款')).toEqual([
      { text: '创业', quoted: false },
      { text: '贷款', quoted: false },
    ]);
  });

  it('reads phrases in ASCII, curly and corner quotes and in 书名号', () => {
    expect(parseTerms('"创业担保贷款" “零就业家庭” 「四个不出村」 《就业促进法》 援助')).toEqual([
      { text: '创业担保贷款', quoted: true },
      { text: '零就业家庭', quoted: true },
      { text: '四个不出村', quoted: true },
      { text: '就业促进法', quoted: true },
      { text: '援助', quoted: false },
    ]);
  });

  it('runs a quote still being typed to the end', () => {
    expect(parseTerms('援助 "零就业家')).toEqual([
      { text: '援助', quoted: false },
      { text: '零就业家', quoted: true },
    ]);
  });

  it('drops pieces with nothing to search for', () => {
    expect(parseTerms('，。 "" 、')).toEqual([]);
  });
});

describe('parseQuery', () => {
  it('cleans, converts and parses in one go', () => {
    expect(parseQuery('“零就業家庭” 援助', converter)).toEqual({
      text: '“零就业家庭” 援助',
      terms: [
        { text: '零就业家庭', quoted: true },
        { text: '援助', quoted: false },
      ],
      converted: true,
    });
  });

  it('converts a pinyin-annotated traditional query to the simplified phrase', () => {
    expect(parseQuery('就業(yè)困難人員', converter).terms).toEqual([{ text: '就业困难人员', quoted: false }]);
  });

  it('searches as typed without a converter', () => {
    expect(parseQuery('創業', null)).toEqual({ text: '創業', terms: [{ text: '創業', quoted: false }], converted: false });
  });
});

describe('tokens', () => {
  it('indexes each run as its character pairs closed by its last character', () => {
    expect(indexContent('创业担保。GDP')).toBe([t('创业'), t('业担'), t('担保'), t('保'), t('gd'), t('dp'), t('p')].join(' '));
  });

  it('keeps a decimal point inside a number', () => {
    expect(wordRuns('1.6万个，2。')).toEqual([['1', '.', '6', '万', '个'], ['2']]);
  });

  it('requires the pairs of a term, or the character itself for a single one', () => {
    expect(termTokens('创业担保')).toBe([t('创业'), t('业担'), t('担保')].join(' '));
    expect(termTokens('业')).toBe(t('业'));
    expect(termTokens('二、（六）')).toBe([t('二'), t('六')].join(' '));
  });

  it('chains a phrase so that it sits at consecutive positions of the indexed text', () => {
    const content = indexContent('加大创业担保贷款工作力度').split(' ');
    const phrase = (phraseTokens('创业担保贷款') ?? '').split(' ');
    const at = content.indexOf(phrase[0] ?? '');
    expect(content.slice(at, at + phrase.length)).toEqual(phrase);
  });

  it('chains a phrase across punctuation through the closing single of the inner run', () => {
    expect(phraseTokens('六、十六')).toBe([t('六'), t('十六')].join(' '));
    expect(indexContent('六、十六')).toBe([t('六'), t('十六'), t('六')].join(' '));
  });

  it('has no positional chain for a single character', () => {
    expect(phraseTokens('业')).toBeNull();
  });
});

describe('Pagefind queries', () => {
  const terms = parseTerms('创业担保 "零就业" 业');

  it('quotes the chain of a phrase for the positional search, and searches a single character by its token', () => {
    expect(terms.map((term) => phraseQuery(term.text))).toEqual([`"${[t('创业'), t('业担'), t('担保')].join(' ')}"`, `"${[t('零就'), t('就业')].join(' ')}"`, t('业')]);
  });

  it('suggests the query without one term, keeping quotes', () => {
    expect(withoutTerm(terms, 2)).toBe('创业担保 "零就业"');
  });
});

describe('planTerm', () => {
  const typed = (text: string) => ({ kind: 'atom', query: phraseQuery(text), role: 'typed' });
  const added = (source: string, word: string) => ({ kind: 'atom', query: `"${linkToken(source, word)}"`, role: 'added' });

  it('searches a quoted phrase as written, without synonyms', () => {
    expect(planTerm({ text: '社保', quoted: true }, synonyms)).toEqual({ term: { text: '社保', quoted: true }, match: typed('社保'), also: [] });
  });

  it('searches a listed term or any term it is linked to, through their link tokens', () => {
    const plan = planTerm({ text: '医保', quoted: false }, synonyms);
    expect(plan.match).toEqual({ kind: 'any', of: [typed('医保'), added('医保', '医疗保险'), added('医保', '医疗保障')] });
    expect(plan.also).toEqual(['医疗保险', '医疗保障']);
  });

  it('requires the parts of an all-parts expansion together', () => {
    const plan = planTerm({ text: '三项社会保险', quoted: false }, synonyms);
    expect(plan.match).toEqual({ kind: 'any', of: [typed('三项社会保险'), { kind: 'all', of: ['养老保险', '失业保险', '工伤保险'].map((w) => added('三项社会保险', w)) }] });
  });

  it('searches a term holding a listed term with it replaced, as a phrase', () => {
    const plan = planTerm({ text: '湘潭低保', quoted: false }, synonyms);
    expect(plan.also).toEqual(['湘潭最低生活保障']);
    expect(plan.match).toEqual({ kind: 'any', of: [typed('湘潭低保'), { kind: 'atom', query: phraseQuery('湘潭最低生活保障'), role: 'added' }] });
  });

  it('searches an unlisted term as typed', () => {
    expect(planTerm({ text: '四个不出村', quoted: false }, synonyms).match).toEqual(typed('四个不出村'));
  });
});

describe('splitTerm', () => {
  it('cuts an unspaced query at the listed terms it holds and the words between them', () => {
    expect(splitTerm({ text: '灵活就业社保补贴', quoted: false }, synonyms, segment)?.map((t) => t.text)).toEqual(['灵活就业', '社保补贴']);
    expect(splitTerm({ text: '湘潭创业补贴', quoted: false }, synonyms, segment)?.map((t) => t.text)).toEqual(['湘潭', '创业', '补贴']);
  });

  it('leaves short and quoted terms, and terms that do not cut into two words, alone', () => {
    expect(splitTerm({ text: '社保补贴', quoted: false }, synonyms, segment)).toBeNull();
    expect(splitTerm({ text: '灵活就业社保补贴', quoted: true }, synonyms, segment)).toBeNull();
  });
});
