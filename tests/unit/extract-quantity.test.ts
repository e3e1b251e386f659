import { describe, expect, it } from 'vitest';
import { findQuantities, inBaseUnit, isCountUnit, parseNumber } from '../../scripts/lib/ingest/extract/quantity.ts';

/** [value, max, unit, text] of every quantity found. */
const found = (text: string) => findQuantities(text).map(({ quantity: q }) => [q.value, q.max, q.unit, q.text]);

describe('parseNumber', () => {
  it.each([
    ['100', 100], ['4', 4], ['0.7', 0.7], ['1.6万', 16000], ['2.4万', 24000], ['2万', 20000], ['3亿', 300000000],
    ['二十四', 24], ['两千', 2000], ['一万二千', 12000],
  ])('%s → %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(['', '1.6万个', '4%', 'abc', '十三五', '1.2.3'])('rejects %j', (text) => {
    expect(parseNumber(text)).toBeNull();
  });
});

describe('findQuantities: numbers with their unit as printed', () => {
  it('keeps 万 in the unit and the value in the printed magnitude', () => {
    expect(found('实现城镇新增就业100万人以上,城镇登记失业率控制在4%以内')).toEqual([
      [100, null, '万人', '100万人'],
      [4, null, '%', '4%'],
    ]);
    expect(found('开发5000个基层公益性岗位和1.6万个见习岗位')).toEqual([
      [5000, null, '个', '5000个'],
      [1.6, null, '万个', '1.6万个'],
    ]);
    expect(found('最高申请额度由10万元提高到15万元')).toEqual([
      [10, null, '万元', '10万元'],
      [15, null, '万元', '15万元'],
    ]);
  });

  it('reports where each quantity stands', () => {
    const text = '城镇失业人员再就业36万人,其中就业困难人员再就业5万人';
    const matches = findQuantities(text);
    expect(matches.map((m) => [m.index, m.length])).toEqual([[9, 4], [25, 3]]);
    expect(matches.map((m) => text.slice(m.index, m.index + m.length))).toEqual(['36万人', '5万人']);
  });

  it('takes the longest unit and rates written with a slash', () => {
    expect(found('见习期6个月,培训12000人次,不超过800元/月,500元/个,1000元/人')).toEqual([
      [6, null, '个月', '6个月'],
      [12000, null, '人次', '12000人次'],
      [800, null, '元/月', '800元/月'],
      [500, null, '元/个', '500元/个'],
      [1000, null, '元/人', '1000元/人'],
    ]);
  });

  it('folds a 每 prefix that names what the amount is per into the unit, but not a period alone', () => {
    expect(found('最低标准提高到每人每月70元')).toEqual([[70, null, '元/人·月', '每人每月70元']]);
    expect(found('不低于每人每年240元')).toEqual([[240, null, '元/人·年', '每人每年240元']]);
    const yearly = findQuantities('每年600人以上');
    expect(yearly.map((m) => [m.quantity.value, m.quantity.unit, m.index])).toEqual([[600, '人', 2]]);
  });

  it('reads percentages, 百分之 and approximate counts', () => {
    expect(found('失业保险0.7%,百分之五十,100多个')).toEqual([
      [0.7, null, '%', '0.7%'],
      [50, null, '%', '百分之五十'],
      [100, null, '个', '100多个'],
    ]);
  });

  it('reads Chinese numerals with a place character and a unit only', () => {
    expect(found('二十四条措施,两千人,一万个')).toEqual([
      [24, null, '条', '二十四条'],
      [2000, null, '人', '两千人'],
      [1, null, '万个', '一万个'],
    ]);
    // Single characters are parts of words; a numeral with no unit is not a count.
    expect(found('一批特色金融产品,两大体系,三项行动,一次性补贴,千方百计,十分重要')).toEqual([]);
  });

  it('reads a lone numeral before 个月 or 倍, and 半个月', () => {
    expect(found('领取期限为一个月,十级伤残为两个月,月平均工资的三倍,支付半个月工资')).toEqual([
      [1, null, '个月', '一个月'],
      [2, null, '个月', '两个月'],
      [3, null, '倍', '三倍'],
      [0.5, null, '个月', '半个月'],
    ]);
  });

  it('returns numbers without a unit with unit null', () => {
    expect(found('南京、无锡、徐州3市')).toEqual([[3, null, null, '3']]);
  });
});

describe('findQuantities: ranges', () => {
  it.each([
    ['3000元至2万元的一次性开办费补贴', [3000, 20000, '元', '3000元至2万元']],
    ['见习期为3~12个月', [3, 12, '个月', '3~12个月']],
    ['扩展至16~24岁失业青年', [16, 24, '岁', '16~24岁']],
    ['各市选择2-3家县级以上医院', [2, 3, '家', '2-3家']],
    ['配备1—2名专兼职工作人员', [1, 2, '名', '1—2名']],
    ['按不少于2至3人配备', [2, 3, '人', '2至3人']],
    ['分别给予3000元至6000元的就业补贴', [3000, 6000, '元', '3000元至6000元']],
    ['1万元至2万元', [1, 2, '万元', '1万元至2万元']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it('does not join values that are not a range', () => {
    // 由…至 is a change; an upper end below the lower end, or ends in different units, are two values.
    expect(found('由10至15万元')).toEqual([[10, null, null, '10'], [15, null, '万元', '15万元']]);
    expect(found('5000至1万元')).toEqual([[5000, null, null, '5000'], [1, null, '万元', '1万元']]);
    expect(found('3个月至2年')).toEqual([[3, null, '个月', '3个月'], [2, null, '年', '2年']]);
  });
});

describe('findQuantities: numbers that are not quantities', () => {
  it.each([
    ['dates and years', '2019年1月1日至12月31日,5月底前,每年6月30日、12月31日前,2012年'],
    ['year ranges', '2016—2017年,2015年—2017年'],
    ['document numbers', '国发〔2018〕39号、川人社发(2010)44号'],
    ['cited titles', '《促进就业规划(2011-2015年)》'],
    ['quoted names', '“985”高校村官工程、“15分钟就业社保服务圈”、“3+1”平台建设模式、“十三五”期间'],
    ['ordinals', '第二轮周期,第3条'],
    ['item numbers', '1.有牌子。(2)有场地'],
    ['ISO dates', '2014-10-26'],
  ])('%s', (_, text) => {
    expect(findQuantities(text)).toEqual([]);
  });

  it('still reads the quantities beside them', () => {
    expect(found('1.有发展规划以及面积在1万平方米以上的园区')).toEqual([[1, null, '万平方米', '1万平方米']]);
    expect(found('2014年5月1日起,2015年城乡居保基础养老金达到660元')).toEqual([[660, null, '元', '660元']]);
  });
});

describe('unit helpers', () => {
  it('brings a value to its base unit', () => {
    expect(inBaseUnit(23, '万个')).toEqual({ value: 230000, unit: '个' });
    expect(inBaseUnit(1.6, '万个')).toEqual({ value: 16000, unit: '个' });
    expect(inBaseUnit(48037, '个')).toEqual({ value: 48037, unit: '个' });
    expect(inBaseUnit(1.6, '万')).toEqual({ value: 16000, unit: null });
  });

  it('tells counting units from others', () => {
    expect(['个', '万个', '名', '人次', '场'].map(isCountUnit)).toEqual([true, true, true, true, true]);
    expect(['%', '元', '万元', '个月', '平方米'].map(isCountUnit)).toEqual([false, false, false, false, false]);
  });
});
