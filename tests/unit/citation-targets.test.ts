import { describe, expect, it } from 'vitest';
import { citationResolver, citedProvision, officialSearch, resolveCitations, titleKey } from '#core/citation-targets.ts';
import type { Document } from '#schemas/document.ts';
import type { CitationMention } from '#schemas/entities.ts';
import { testDocument } from '../helpers/document-builder.ts';

/** A provision block of a made-up statute. */
function provision(id: string, kind: string, level: number, label: string, text: string, children: unknown[] = []) {
  return { type: 'provision', id, kind, level, label, num: 1, title: null, text, lines: { start: 1, end: 1 }, citation: `《示例法》${label || id}`, children };
}

/** A law with 第五十条 (two 款, the second with items （一）（二）) and 第五十一条 (one 款). */
function law(id: string, title: string, date: string | null): Document {
  return testDocument({
    id,
    meta: { title, shortTitle: title.replace(/^中华人民共和国/, ''), date, type: '法律' },
    lines: ['x'],
    blocks: [
      provision('art-50', 'article', 4, '第五十条', '', [
        provision('art-50.1', 'paragraph', 5, '', '第一款。'),
        provision('art-50.2', 'paragraph', 5, '', '第二款：', [provision('art-50.2.1', 'item', 6, '（一）', '甲；'), provision('art-50.2.2', 'item', 6, '（二）', '乙。')]),
      ]),
      provision('art-51', 'article', 4, '第五十一条', '', [provision('art-51.1', 'paragraph', 5, '', '唯一一款。')]),
    ],
  });
}

const mention = (title: string | null, sentence: string, over: Partial<CitationMention> = {}): CitationMention => ({
  documentId: 'measure',
  clauseId: 'm-1',
  line: 1,
  sentence,
  title,
  docNumber: null,
  kind: 'law',
  ...over,
});

describe('titleKey', () => {
  it('drops 中华人民共和国 and folds bracket styles, nothing else', () => {
    expect(titleKey('中华人民共和国社会保险法')).toBe(titleKey('社会保险法'));
    expect(titleKey('江苏省实施〈就业促进法〉办法')).toBe(titleKey('江苏省实施《就业促进法》办法'));
    expect(titleKey('江苏省实施〈就业促进法〉办法')).not.toBe(titleKey('就业促进法'));
  });
});

describe('citedProvision', () => {
  it('reads the article, 款 and 项 after the title, as lawyers write them', () => {
    expect(citedProvision('依照《社会保险法》第五十条规定', '社会保险法')).toBe('art-50');
    expect(citedProvision('《社会保险法》第五十条第二款第（三）项', '社会保险法')).toBe('art-50.2.3');
    expect(citedProvision('《社会保险法》第五十条第(三)项', '社会保险法')).toBe('art-50.1.3');
    expect(citedProvision('按照劳动合同法第十四条第二款的规定', '劳动合同法')).toBe('art-14.2');
    expect(citedProvision('《示例法》第十条之一', '示例法')).toBe('art-10-1');
    expect(citedProvision('根据《社会保险法》，制定本办法', '社会保险法')).toBeNull();
  });
});

describe('citationResolver', () => {
  const corpus = [law('law-2010', '中华人民共和国示例法', '2010-10-28'), law('law-2018', '中华人民共和国示例法', '2018-12-29'), law('other', '江苏省实施〈示例法〉办法', '2012-01-01')];
  const resolve = citationResolver(corpus);

  it('links a short title to the full one, down to the 款 or 项 the citation names', () => {
    expect(resolve(mention('示例法', '《示例法》第五十条第二款'), null)).toEqual({ documentId: 'law-2018', nodeId: 'art-50.2' });
    expect(resolve(mention('中华人民共和国示例法', '《中华人民共和国示例法》第五十条第二款第（二）项'), null)).toEqual({ documentId: 'law-2018', nodeId: 'art-50.2.2' });
  });

  it('keeps a different work apart and lands on the closest node the text has', () => {
    expect(resolve(mention('江苏省实施〈示例法〉办法', '《江苏省实施〈示例法〉办法》第五十条'), null)).toEqual({ documentId: 'other', nodeId: 'art-50' });
    expect(resolve(mention('示例法', '《示例法》第五十一条第三款'), null)).toEqual({ documentId: 'law-2018', nodeId: 'art-51' });
    expect(resolve(mention('示例法', '《示例法》第九十九条'), null)).toEqual({ documentId: 'law-2018', nodeId: null });
    expect(resolve(mention('另一法', '《另一法》第一条'), null)).toBeNull();
  });

  it('chooses the version in force when the citing text was dated', () => {
    expect(resolve(mention('示例法', '《示例法》'), '2015-06-01')?.documentId).toBe('law-2010');
    expect(resolve(mention('示例法', '《示例法》'), '2020-01-01')?.documentId).toBe('law-2018');
    expect(resolve(mention('示例法', '《示例法》'), '2001-01-01')?.documentId).toBe('law-2010');
  });

  it('matches a 文号 in any bracket style', () => {
    const notice = testDocument({ id: 'notice', meta: { title: '关于示例的通知', docNumber: '国发〔2018〕39号' }, lines: ['x'], blocks: [] });
    expect(citationResolver([notice])(mention(null, '（国发(2018)39号）', { docNumber: '国发(2018)39号', kind: 'document' }), null)).toEqual({ documentId: 'notice', nodeId: null });
  });

  it('resolves every citation of the corpus with the citing clause', () => {
    const measure = testDocument({ id: 'measure', meta: { date: '2019-01-01' }, lines: ['x'], blocks: [] });
    const citing = { ...measure, extracted: { ...measure.extracted, citations: [mention('示例法', '落实《示例法》第五十条')] } };
    expect(resolveCitations([...corpus, citing])).toEqual([{ citedBy: 'measure/m-1', mention: citing.extracted.citations[0], target: { documentId: 'law-2018', nodeId: 'art-50' } }]);
  });
});

describe('officialSearch', () => {
  it('sends laws to the NPC database and State Council documents to the State Council library', () => {
    expect(officialSearch({ kind: 'law', title: '中华人民共和国劳动法', docNumber: null })).toEqual({ name: '国家法律法规数据库', url: `https://flk.npc.gov.cn/search?keyword=${encodeURIComponent('劳动法')}` });
    expect(officialSearch({ kind: 'document', title: null, docNumber: '国发〔2018〕39号' })?.name).toBe('国务院政策文件库');
    expect(officialSearch({ kind: 'document', title: '湖南省人民政府关于…的通知', docNumber: '湘政发〔2018〕30号' })).toBeNull();
  });
});
