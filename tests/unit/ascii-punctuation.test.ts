import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { widenAsciiPunctuation } from '../../scripts/lib/ingest/ascii-punctuation.ts';
import { loadOverrides, normalise } from '../../scripts/lib/ingest/normalise.ts';
import { foldPunctuationWidth } from '#core/chinese/punctuation-width.ts';

const overrides = loadOverrides(JSON.parse(readFileSync('content/normalise/t2s-overrides.json', 'utf8')));

// [as extracted, as normalised]: marks that sit in Chinese text.
const WIDENED: readonly (readonly [string, string])[] = [
  ['各县市区人民政府,湘潭高新区', '各县市区人民政府，湘潭高新区'],
  ['各人民团体:', '各人民团体：'],
  ['以满足工作需要;', '以满足工作需要；'],
  ['怎么办?', '怎么办？'],
  ['是否合格?”', '是否合格？”'],
  ['全力以赴!', '全力以赴！'],
  ['(一)加强组织领导', '（一）加强组织领导'],
  ['各县(市、区)人民政府', '各县（市、区）人民政府'],
  ['(责任单位:市人社局、市财政局)', '（责任单位：市人社局、市财政局）'],
  ['GDP(国内生产总值)', 'GDP（国内生产总值）'],
  ['国内生产总值(GDP)', '国内生产总值（GDP）'],
  ['采用(PPP)模式', '采用（PPP）模式'],
  ['(1)加强培训', '（1）加强培训'],
  ['附件(1)', '附件（1）'],
  ['人社发(2010)44号', '人社发（2010）44号'],
  ['《规划(2011-2015年)》', '《规划（2011-2015年）》'],
  ['(以下简称(规划))', '（以下简称（规划））'],
  ['县(市、区）', '县（市、区）'],
  ['附件1:', '附件1：'],
  ['增幅达35%;2014年', '增幅达35%；2014年'],
  ['达到100,其中', '达到100，其中'],
  ['共1,000元,其中', '共1,000元，其中'],
  ['办公时间:8:30', '办公时间：8:30'],
  ['“十二五”期间,在区委', '“十二五”期间，在区委'],
  ['计划”,创业', '计划”，创业'],
  ['网址:http://www.gov.cn', '网址：http://www.gov.cn'],
  ['邮箱:hrss@xiangtan.gov.cn', '邮箱：hrss@xiangtan.gov.cn'],
  ['(见http://a.cn/x),其', '（见http://a.cn/x），其'],
  ['中, (x)', '中， （x）'],
];

// Marks of numbers and Latin text, and marks that are not punctuation at all.
const KEPT: readonly string[] = [
  '1,000元',
  '共计1,000,000元',
  '3.5万',
  '8:30前报到',
  '比例为1:2',
  'http://www.gov.cn/a?id=1,2;b=(3)',
  'www.xiangtan.gov.cn/zwgk?x=1',
  'hrss@xiangtan.gov.cn',
  'Hello, world! (draft)',
  'alert(1)',
  'see Table 1: data',
  'f(x)=1',
  '[链接](http://x.cn/a)',
  '&lt;p&gt; 示例',
  // The ? of a character lost in capture, alone or in a run.
  '按当?地标准',
  '按当??地标准',
  '?地',
  // Brackets change as a pair or not at all.
  '第(一项',
  '一)加强',
  '(ā)',
];

describe('widenAsciiPunctuation', () => {
  for (const [extracted, normalised] of WIDENED) {
    it(`widens ${extracted}`, () => {
      const once = widenAsciiPunctuation(extracted);
      expect(once.text).toBe(normalised);
      expect(once.changed).toBe([...extracted].filter((c, i) => c !== [...normalised][i]).length);
      expect(widenAsciiPunctuation(once.text)).toEqual({ text: normalised, changed: 0 });
    });
  }

  for (const text of KEPT) {
    it(`keeps ${text}`, () => {
      expect(widenAsciiPunctuation(text)).toEqual({ text, changed: 0 });
    });
  }

  it('changes one character for one and only the width of the marks', () => {
    for (const [extracted] of WIDENED) {
      const { text } = widenAsciiPunctuation(extracted);
      expect([...text]).toHaveLength([...extracted].length);
      expect(foldPunctuationWidth(text)).toBe(foldPunctuationWidth(extracted));
    }
  });

  it('never widens one bracket of a pair without the other', () => {
    // Lines whose pairs are all ASCII: as many opening brackets as closing ones change.
    const asciiPairs = [...WIDENED.map(([e]) => e), ...KEPT].filter((t) => !/[（）]/.test(t));
    for (const extracted of asciiPairs) {
      const text = [...widenAsciiPunctuation(extracted).text];
      const widened = (ascii: string) => [...extracted].filter((c, i) => c === ascii && text[i] !== c).length;
      expect(widened('('), extracted).toBe(widened(')'));
    }
  });
});

describe('ascii-punctuation in normalise', () => {
  it('is a named, counted rule that keeps lines and runs after the rules that match the text as captured', () => {
    const text = '索引号: | 1/2019-1 |\n分享到: |\n各县(区)人民政府,市直机关:\n就業(ye),1,000元';
    const n = normalise(text, 'test.txt', overrides);
    expect(n.lines).toEqual(['索引号： | 1/2019-1 |', '', '各县（区）人民政府，市直机关：', '就业，1,000元']);
    expect(n.counts).toEqual({ 'ascii-punctuation': 6, 'page-boilerplate': 1, 'pinyin-annotation': 1, t2s: 1 });
    expect(n.drops).toEqual([
      { rule: 'page-boilerplate', line: 2, text: '分享到: |' },
      { rule: 'pinyin-annotation', line: 4, text: '(ye)' },
    ]);
    const again = normalise(n.lines.join('\n'), 'test.txt', overrides);
    expect(again.lines).toEqual(n.lines);
    expect(again.counts).toEqual({});
  });

  it('leaves the ? of a lost character to its warning', () => {
    const n = normalise('按当?地标准?', 'test.txt', overrides);
    expect(n.lines).toEqual(['按当?地标准？']);
    expect(n.diagnostics.map((d) => d.code)).toEqual(['normalise-replacement-char']);
  });
});
