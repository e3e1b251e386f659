import { describe, expect, it } from 'vitest';
import { removePinyinAnnotations } from '#core/chinese/pinyin.ts';
import { PINYIN_SYLLABLES } from '#core/chinese/pinyin-syllables.ts';

/** Runs the rule and lists what it removed. */
function clean(text: string): { text: string; removed: string[] } {
  const removed: string[] = [];
  return { text: removePinyinAnnotations(text, (a) => removed.push(a)), removed };
}

// [captured text, text after the rule, what the rule removed]: every form annotations take in captures.
const REMOVED: readonly (readonly [string, string, readonly string[]])[] = [
  ['就業(yè)困難人員', '就業困難人員', ['(yè)']],
  ['就業(ye)困難人員', '就業困難人員', ['(ye)']],
  ['業(ye)(ye)務', '業務', ['(ye)', '(ye)']],
  ['就(jiu)(jiu)業', '就業', ['(jiu)', '(jiu)']],
  ['區(qū)(qū)(qū)域', '區域', ['(qū)', '(qū)', '(qū)']],
  ['會(huì)(hui)議', '會議', ['(huì)', '(hui)']],
  ['機會(huì )', '機會', ['(huì )']],
  ['機會( huì )', '機會', ['( huì )']],
  ['機會(  huì  )', '機會', ['(  huì  )']],
  ['機會（huì）', '機會', ['（huì）']],
  ['機會（huì)', '機會', ['（huì)']],
  ['機會(huì）', '機會', ['(huì）']],
  ['就业(jiù yè)服务', '就业服务', ['(jiù yè)']],
  ['就业（jiù yè）服务', '就业服务', ['（jiù yè）']],
  ['就业(jiùyè)服务', '就业服务', ['(jiùyè)']],
  ['就业(jiu ye)服务', '就业服务', ['(jiu ye)']],
  ['就业(jiù)(yè)服务', '就业服务', ['(jiù)', '(yè)']],
  ['困難人員（kùn nán rén yuán）', '困難人員', ['（kùn nán rén yuán）']],
  ['辖区(qū)内', '辖区内', ['(qū)']],
  ['發(fā)展(zhǎn)', '發展', ['(fā)', '(zhǎn)']],
  ['壯(zhuàng)大', '壯大', ['(zhuàng)']],
  ['綠(lǜ)色', '綠色', ['(lǜ)']],
  ['綠(lv)色', '綠色', ['(lv)']],
  ['綠(lü)色', '綠色', ['(lü)']],
  ['策略(lüè)', '策略', ['(lüè)']],
  ['策略(lue)', '策略', ['(lue)']],
  ['啊(ā)', '啊', ['(ā)']],
  ['目的(de)', '目的', ['(de)']],
  ['穩(wěn)就(jiù)業(yè)', '穩就業', ['(wěn)', '(jiù)', '(yè)']],
  // A tone mark as a combining character (e + U+0300), as some captures decompose it.
  ['就業(ye\u0300)', '就業', ['(ye\u0300)']],
  // The annotated character garbled into Latin, or lost as ?, still carries a toned annotation.
  ['公司I(yè)務', '公司I務', ['(yè)']],
  ['當?(dì)時', '當?時', ['(dì)']],
  // The opening bracket lost with the character: the ? stays as the mark of the loss.
  ['參加當?shù)地培訓', '參加當?地培訓', ['shù)']],
];

// Brackets of real text, which the rule must leave as they are.
const KEPT: readonly string[] = [
  '(一)千方百计稳定和扩大就业',
  '（一）加强组织领导',
  '各县(市、区)人民政府',
  '暂行办法(试行)',
  '《促进就业规划(2011-2015年)》',
  '(以下简称《规划》)',
  '工资(含奖金)',
  '包括以下内容(a)',
  '包括以下内容(a)(b)',
  '项目(e)',
  '类型(o)',
  '国内生产总值(GDP)',
  '采用(PPP)模式',
  '平台(APP)',
  '登记(ID)',
  '(1)加强培训',
  '附件(1)',
  '附件(a1)',
  '第(三)项',
  '人社发(2010)44号',
  '(市统计局牵头负责)',
  '网站(www.gov.cn)',
  '公式(x+y)',
  '单位(m)',
  '单位(n)',
  '面积(km)',
  '中国(china)',
  '计划(plan)',
  '试点(pilot)',
  '税(vat)',
  '咖啡(café)',
  // Two untoned syllables cannot annotate one character: a Latin word is as likely.
  '业(jiu ye)',
  // Untoned syllables after Latin text or punctuation annotate nothing.
  'GDP(ye)',
  'x(ye)',
  '，(ā)',
  '(ā)',
  '(GDP)',
  '(a)',
  '条例(草案)',
  '(此件主动公开)',
  '比例(%)',
  '()',
  '( )',
];

describe('removePinyinAnnotations', () => {
  for (const [captured, expected, removed] of REMOVED) {
    it(`removes the annotation in ${captured}`, () => {
      expect(clean(captured)).toEqual({ text: expected, removed });
      expect(clean(expected).removed).toEqual([]);
    });
  }

  for (const text of KEPT) {
    it(`keeps ${text}`, () => {
      expect(clean(text)).toEqual({ text, removed: [] });
    });
  }

  it('keeps the text around an annotation exactly', () => {
    expect(clean('（一）就業(yè)(ye)困難（kùn nán）人員，(GDP)').text).toBe('（一）就業困難人員，(GDP)');
  });
});

describe('PINYIN_SYLLABLES', () => {
  it('is the closed set of toneless Mandarin syllables, without the interjections', () => {
    expect(PINYIN_SYLLABLES.size).toBe(411);
    for (const s of ['a', 'zhuang', 'lüe', 'nü', 'er', 'yo', 'chuai', 'shei']) expect(PINYIN_SYLLABLES.has(s), s).toBe(true);
    for (const s of ['m', 'n', 'ng', 'hng', 'ê', 'lue', 'bong', 'fia', 'china', 'ca fe']) expect(PINYIN_SYLLABLES.has(s), s).toBe(false);
  });
});
