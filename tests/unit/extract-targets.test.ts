import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBenefits } from '../../scripts/lib/ingest/extract/benefits.ts';
import { extractTargets } from '../../scripts/lib/ingest/extract/targets.ts';
import { BenefitTerms } from '#schemas/benefit-terms.ts';
import { Document, type DocumentMeta } from '#schemas/document.ts';
import { SourceRef, Target } from '#schemas/entities.ts';
import { documentOfParagraphs, documentOfTable } from '../helpers/document-builder.ts';

const NOTHING_EXTRACTED = { targets: [], departments: [], projects: [], citations: [], dates: [], groups: [], benefits: [] };
// The generated JSON may predate the `extracted` field; the extractor does not read it.
const doc = (id: string) =>
  Document.parse({ extracted: NOTHING_EXTRACTED, ...JSON.parse(fs.readFileSync(`content/generated/documents/${id}.json`, 'utf8')) });
const TERMS = BenefitTerms.parse(JSON.parse(fs.readFileSync('content/benefit-terms.json', 'utf8')));
const IDS = ['jiangsu-szbf-2012-91', 'jiangsu-szbf-2012-91-excerpt', 'xiangtan-2019-stabilise-employment', 'xuhui-2016-employment-plan', 'yibin-yfbh-2014-282'];
const results = new Map(IDS.map((id) => [id, extractTargets(doc(id))]));
const of = (id: string) => results.get(id) ?? extractTargets(doc(id));
const inClause = (id: string, clauseId: string) => of(id).targets.filter((t) => t.clauseId === clauseId);
/** indicator, value, max, unit, comparator. */
const brief = (t: Target) => [t.indicator, t.value, t.max, t.unit, t.comparator];

/** The date and region of the Jiangsu 2012 plan: a goal without a year takes 2012. */
const JIANGSU_2012: Partial<DocumentMeta> = { date: '2012-05-14', region: { name: '江苏省', level: 'province', within: [] } };

/** A document of paragraphs from line 2, optionally under a heading 一、, dated like the Jiangsu 2012 plan. */
function crafted(texts: string[], options: { heading?: string; title?: string } = {}): Document {
  return documentOfParagraphs(texts, { firstLine: 2, heading: options.heading, meta: { ...JIANGSU_2012, title: options.title ?? '关于测试的意见' } });
}

/** A document holding one table, rows given as cell values under `columns`. */
const craftedTable = (columns: string[], rows: string[][]) => documentOfTable(columns, rows, JIANGSU_2012);

describe('extractTargets on the Jiangsu 2012 work plan', () => {
  it('reads every goal of 主要目标 (一), with the plan year as deadline', () => {
    const targets = inClause('jiangsu-szbf-2012-91', 'd1-2.1');
    expect(targets.map(brief)).toEqual([
      ['城镇新增就业', 100, null, '万人', '≥'],
      ['城镇登记失业率', 4, null, '%', '≤'],
      ['城镇失业人员再就业', 36, null, '万人', null],
      ['就业困难人员再就业', 5, null, '万人', null],
      ['高校毕业生年末总体就业率', 90, null, '%', '≥'],
      ['新增转移农村劳动力', 25, null, '万人', '≥'],
      ['城市规划区内被征地农民就业率', 75, null, '%', '≥'],
      ['创建充分就业示范社区', 100, null, '个', '≥'],
      ['省级充分转移就业乡镇创建率', 65, null, '%', '='],
    ]);
    expect(targets.map((t) => t.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `jiangsu-szbf-2012-91/d1-2.1/t${n}`));
    expect(new Set(targets.map((t) => t.deadline))).toEqual(new Set(['2012年']));
    expect(targets[0]).toMatchObject({
      documentId: 'jiangsu-szbf-2012-91',
      line: 12,
      sentence: '实现城镇新增就业100万人以上，城镇登记失业率控制在4%以内；',
      scope: null,
      from: null,
      achieved: null,
      status: null,
      attribute: null,
    });
    expect(targets[3]?.sentence).toBe('城镇失业人员再就业36万人，其中就业困难人员再就业5万人；');
  });

  it('gives each subject of a 分别 list its value, sharing the words the last subject adds', () => {
    const targets = inClause('jiangsu-szbf-2012-91', 'd1-2.3');
    expect(targets.slice(0, 5).map((t) => [t.indicator, t.value, t.unit, t.comparator, t.scope])).toEqual([
      ['企业职工基本养老保险参保人数', 1718, '万人', '=', '全省'],
      ['城镇职工基本医疗保险参保人数', 2055, '万人', '=', '全省'],
      ['失业保险参保人数', 1250, '万人', '=', '全省'],
      ['工伤保险参保人数', 1355, '万人', '=', '全省'],
      ['生育保险参保人数', 1215, '万人', '=', '全省'],
    ]);
    expect(targets.slice(5).map(brief)).toEqual([
      ['城镇居民医保参保人数', 1530, null, '万人', '='],
      ['新型农村社会养老保险基础养老金发放率', 98, null, '%', '≥'],
      ['城镇居民社会养老保险基础养老金发放率', 95, null, '%', '≥'],
      ['参保率', 95, null, '%', '≥'],
      ['被征地农民社会保障覆盖面', 95, null, '%', '≥'],
    ]);
  });

  it('reads a qualifier shared by a list, 左右, and raises by a percentage, but not the levels of benefits', () => {
    // 基础养老金最低标准提高到每人每月70元 and 政府补助标准不低于每人每年240元 are what a person receives: benefits.
    expect(inClause('jiangsu-szbf-2012-91', 'd1-2.4').map(brief)).toEqual([
      ['企业退休人员基本养老金水平提高', 10, null, '%', '≥'],
      ['城镇职工医保政策范围内住院费用报销比例', 80, null, '%', '≥'],
      ['城镇居民医保政策范围内住院费用报销比例', 70, null, '%', '≥'],
      ['新型农村合作医疗政策范围内住院费用报销比例', 75, null, '%', '≈'],
      ['工伤职工定期待遇平均提高', 10, null, '%', null],
      ['工伤康复', 1500, null, '人', '='],
      ['城镇居民参保人员符合规定的生育医疗费用报销比例', 70, null, '%', '='],
    ]);
  });

  it('reads counted objects of a task, changes and a frequency', () => {
    expect(inClause('jiangsu-szbf-2012-91', 'd1-3.2').map(brief)).toEqual([
      ['开发基层公益性岗位', 5000, null, '个', null],
      ['开发见习岗位', 1.6, null, '万个', null],
      ['城镇零就业家庭', 0, null, null, '='],
      ['农村零转移家庭', 0, null, null, '='],
    ]);
    expect(inClause('jiangsu-szbf-2012-91', 'd1-3.5').map((t) => [t.indicator, t.from, t.value, t.unit, t.comparator])).toEqual([
      ['监测企业', 389, 920, '家', '='],
    ]);
    // 每半年组织1次专项检查 is a countable commitment with its period, the same form as 每年组织招聘会100场以上.
    expect(inClause('jiangsu-szbf-2012-91', 'd1-4.4').map((t) => [t.indicator, t.value, t.unit, t.deadline])).toEqual([
      ['组织专项检查', 1, '次', '每半年'],
    ]);
  });

  it('reads goals in annex tables, due in the row’s year', () => {
    expect(inClause('jiangsu-szbf-2012-91', 'a1-t1.r8').map((t) => [...brief(t), t.deadline, t.line])).toEqual([
      ['个人自付费用比例', 30, null, '%', '≤', '“十二五”期间', 120],
    ]);
    expect(inClause('jiangsu-szbf-2012-91', 'a2-t1.r9').map((t) => [...brief(t), t.deadline])).toEqual([
      ['在市一级培育省级经办服务示范窗口', 4, null, '个', null, '2015年'],
      ['在县一级培育省级经办服务示范窗口', 20, null, '个', '≈', '2015年'],
    ]);
  });

  it('lists sentences with numbers but no target, and not those with only dates or document numbers', () => {
    const { unmatched } = of('jiangsu-szbf-2012-91');
    const sentences = unmatched.map((u) => u.sentence);
    expect(sentences).toContain('加强公共人力资源市场功能建设，确保全省50%以上的公共人力资源市场达到三星级以上标准。');
    expect(sentences).toContain('各市选择2-3家县级以上医院开展按病种付费试点');
    expect(unmatched.find((u) => u.clauseId === 'd2-2')?.line).toBe(39);
    expect(unmatched.some((u) => u.clauseId.startsWith('n-'))).toBe(false);
    expect(sentences.some((s) => s.includes('每年6月30日'))).toBe(false);
  });
});

describe('extractTargets on the Xiangtan measures', () => {
  it('leaves loan ceilings, their limits and the amounts of grants to the benefits', () => {
    // 创业担保贷款最高申请额度由10万元提高到15万元, 累计次数不超过3次: what a borrower gets, not a goal.
    expect(inClause('xiangtan-2019-stabilise-employment', 'd1-2.6')).toEqual([]);
    expect(inClause('xiangtan-2019-stabilise-employment', 'd1-4.11').map((t) => [...brief(t), t.deadline])).toEqual([
      ['新增市场主体', 1, null, '万个', '≥', '每年'],
      ['带动就业', 2, null, '万人', '≥', '每年'],
    ]);
  });

  it('drops the doer before 组织 and keeps the scope', () => {
    expect(inClause('xiangtan-2019-stabilise-employment', 'd1-6.16').map((t) => [...brief(t), t.deadline, t.scope])).toEqual([
      ['各类招聘会', 100, null, '场', '≥', '每年', '全市'],
      ['零就业家庭就业', 0, null, null, '=', null, null],
    ]);
  });

  it('reads no target from conditions, shares of something, bases and subsidies per level', () => {
    const { targets, unmatched } = of('xiangtan-2019-stabilise-employment');
    expect(targets).toHaveLength(15);
    expect(targets.filter((t) => ['d1-3.7', 'd1-3.9'].includes(t.clauseId))).toEqual([]);
    // 电价减负10%的目标 is a goal by its own words, though the benefits read 减负10% too.
    expect(targets.filter((t) => t.clauseId === 'd1-2.5').map((t) => [t.indicator, t.value, t.unit])).toEqual([['落实一般工商业电价减负', 10, '%']]);
    // The 四个100% spelled out in brackets before 的工作目标.
    expect(targets.filter((t) => t.clauseId === 'd1-6.17').map((t) => t.indicator)).toContain('年终就业及就业准备率');
    const sentences = unmatched.map((u) => u.sentence);
    expect(sentences).toContain('强化重点群体创业就业税收优惠政策落实，对经认定的服务贸易类技术先进型企业，按15%的税率征收企业所得税。');
    expect(sentences).toContain('对取得三、四、五级职业资格证书的企业在职职工，可在失业保险基金中分别领取1000元、1500元和2000元的技能提升补贴。');
    expect(sentences.some((s) => s.includes('国发〔2018〕39号'))).toBe(false);
  });
});

describe('extractTargets on the Xuhui plan', () => {
  it('reads the 十二五 indicator table with what was achieved', () => {
    const rows = of('xuhui-2016-employment-plan').targets.filter((t) => t.clauseId.startsWith('m-t1.'));
    expect(rows.map((t) => [t.indicator, t.value, t.unit, t.comparator, t.deadline, t.achieved?.value, t.status])).toEqual([
      ['城镇新增就业岗位', 31500, '个', '≥', '每年', 48037, 'met'],
      ['每年城镇登记失业人数', 21000, '人', '≤', '每年', 20400, 'met'],
      ['每年扶持成功创业', 600, '人', '≥', '每年', 3147, 'met'],
      ['高级及以上职业技能培训', 12000, '人次', '≥', '每年', 87159, 'met'],
      ['征地养老人员落实保障', 100, '%', null, '“十二五”', 100, 'met'],
      ['劳动人事争议综合调解率', 60, '%', '≥', '“十二五”', 60, 'met'],
    ]);
    expect(rows[0]).toMatchObject({
      id: 'xuhui-2016-employment-plan/m-t1.r1/t1',
      line: 4,
      sentence: '促进就业 | 城镇新增就业岗位 | 个 | 每年新增就业岗位不低于31500个 | 年均完成48037个 （合计240184个）',
      achieved: { value: 48037, unit: '个', text: '年均完成48037个 （合计240184个）' },
      attribute: null,
    });
  });

  it('reads the 十三五 indicator table, keeping targets written as text with value null', () => {
    const rows = of('xuhui-2016-employment-plan').targets.filter((t) => t.clauseId.startsWith('m-t2.'));
    expect(rows.map((t) => [t.clauseId, t.indicator, t.value, t.unit, t.comparator, t.deadline, t.attribute])).toEqual([
      ['m-t2.r1', '城镇新增就业岗位', 23, '万个', null, '“十三五”', '约束性'],
      ['m-t2.r2', '城镇登记失业人数', null, null, '≤', '每年', '约束性'],
      ['m-t2.r3', '帮助引领成功创业', 600, '人', null, '每年', '约束性'],
      ['m-t2.r4', '完成高级及以上职业技能培训', 12000, '人次', null, '每年', '约束性'],
      ['m-t2.r5', '征地养老人员落实保障率', 100, '%', null, '“十三五”', '约束性'],
      ['m-t2.r6', '长期护理保险制度街镇覆盖率', 100, '%', null, '“十三五”', '约束性'],
      ['m-t2.r7', '城乡居民保险扩覆', null, null, null, '“十三五”', '约束性'],
      ['m-t2.r8', '征地养老保障水平提升', null, null, null, '“十三五”', '预期性'],
      ['m-t2.r9', '劳动人事争议综合调解率', null, null, '≥', '“十三五”', '约束性'],
      ['m-t2.r10', '街镇劳动争议调解组织覆盖率', null, null, null, '“十三五”', '约束性'],
    ]);
    expect(rows.every((t) => t.achieved === null && t.status === null)).toBe(true);
  });

  it('reads the main goals of the text with the period stated at the head of the sentence', () => {
    expect(inClause('xuhui-2016-employment-plan', 'm-2.u2.1').map((t) => [...brief(t), t.deadline, t.line])).toEqual([
      ['城镇新增就业岗位', 23, null, '万个', '≥', '“十三五”期间', 31],
      ['帮助引领成功创业', 600, null, '人', null, '每年', 31],
      ['高级及以上职业技能培训', 12000, null, '人次', '=', '每年', 31],
    ]);
    expect(inClause('xuhui-2016-employment-plan', 'm-2.u2.2')).toEqual([]);
    expect(inClause('xuhui-2016-employment-plan', 'm-2.u2.3')).toEqual([]);
    expect(inClause('xuhui-2016-employment-plan', 'm-2.1.3.b2').map((t) => [...brief(t), t.scope])).toEqual([
      ['职业培训', 25, null, '万人', '≈', '全区'],
      ['农民工培训', 7, null, '万人', null, '全区'],
    ]);
  });

  it('reads the review of the 十二五 results as results, not targets', () => {
    const { targets, unmatched } = of('xuhui-2016-employment-plan');
    expect(targets.filter((t) => t.clauseId.startsWith('m-u1'))).toEqual([]);
    expect(unmatched.filter((u) => u.clauseId.startsWith('m-u1')).map((u) => u.line)).toEqual([11, 11, 11, 11, 13, 13, 13, 13, 15, 15]);
    expect(unmatched.map((u) => u.sentence)).toContain('五年来共组织技能培训308855人次，其中高级及以上培训87159人次。');
  });
});

describe('extractTargets on the Yibin opinion', () => {
  it('reads the overall goal and the floor-space standards', () => {
    expect(of('yibin-yfbh-2014-282').targets.map((t) => [t.clauseId, t.indicator, t.value, t.unit, t.comparator])).toEqual([
      ['m-1.2', '县（区）、街道、乡（镇）、社区和符合条件的行政村三级基层平台建设实现全面达标', 576, '个', null],
      ['m-1.2', '街道、乡（镇）、社区标准化规范化示范平台', 180, '个', '='],
      ['m-1.2', '乡镇、街道', 120, '个', null],
      ['m-1.2', '社区', 60, '个', null],
      ['m-1.2', '符合条件的中心村、农村社区平台综合达标', 50, '个', null],
      ['m-2.1.2', '街道、乡（镇）便民服务中心大厅就业和社会保障服务专有场所面积', 50, '平方米', '≥'],
      ['m-2.1.2', '社区服务站专有场所面积', 20, '平方米', '≥'],
      ['m-2.1.2', '村服务站专有场所面积', 20, '平方米', '≥'],
      ['m-2.1.2', '街道、乡（镇）服务大厅面积', 70, '平方米', '≥'],
      ['m-2.1.2', '城镇社区服务大厅面积', 40, '平方米', '≥'],
      ['m-2.1.3', '配备专兼职工作人员', 2, '名', null],
      ['m-2.1.3', '应增加工作人员', 1, '名', null],
      ['m-2.1.3', '社区服务站根据工作量配备专兼职工作人员', 1, '名', null],
    ]);
  });
});

describe('extractTargets on crafted text', () => {
  it('needs a goal heading or a stated period for a value with no bounding word', () => {
    const text = '城镇失业人员再就业36万人。';
    expect(extractTargets(crafted([text])).targets).toEqual([]);
    expect(extractTargets(crafted([text])).unmatched.map((u) => u.sentence)).toEqual([text]);
    expect(extractTargets(crafted([text], { heading: '主要目标' })).targets.map(brief)).toEqual([['城镇失业人员再就业', 36, null, '万人', null]]);
    expect(extractTargets(crafted(['到2015年,城镇失业人员再就业36万人。'])).targets.map((t) => [t.indicator, t.deadline])).toEqual([
      ['城镇失业人员再就业', '到2015年'],
    ]);
  });

  it('reads a value the text calls a goal, and the items of a bracketed breakdown', () => {
    expect(extractTargets(crafted(['落实企业用水成本降低5%的目标。'])).targets.map(brief)).toEqual([['落实企业用水成本降低', 5, null, '%', null]]);
    expect(extractTargets(crafted(['给予300元的交通补贴。'])).targets).toEqual([]);
    const work = '按照“三个100%”（建档率100%、回访率100%、帮扶率100%）的工作目标开展援助。';
    expect(extractTargets(crafted([work])).targets.map(brief)).toEqual([
      ['建档率', 100, null, '%', null],
      ['回访率', 100, null, '%', null],
      ['帮扶率', 100, null, '%', null],
    ]);
    const goal = '建成服务站30个（城区、园区20个、乡村10个）。';
    expect(extractTargets(crafted([goal], { heading: '主要目标' })).targets.map(brief)).toEqual([
      ['建成服务站', 30, null, '个', null],
      ['城区、园区', 20, null, '个', null],
      ['乡村', 10, null, '个', null],
    ]);
    // Without a goal heading, a period or the word 目标, a bracketed list is an aside.
    expect(extractTargets(crafted(['本市设立服务站（城区20个、乡村10个）。'])).targets).toEqual([]);
  });

  it('reads the staff a standard says to provide or add (配备, 增加)', () => {
    const text = '每个服务站配备3名专职工作人员，服务人口超过5万人的，应增加1名协理员。';
    expect(extractTargets(crafted([text])).targets.map(brief)).toEqual([
      ['配备专职工作人员', 3, null, '名', null],
      ['应增加协理员', 1, null, '名', null],
    ]);
  });

  it('reads a count brought to zero, per listed subject, after a verb of effort', () => {
    const text = '保持城镇零收入家庭和农村零转移家庭动态为零。';
    expect(extractTargets(crafted([text])).targets.map(brief)).toEqual([
      ['城镇零收入家庭', 0, null, null, '='],
      ['农村零转移家庭', 0, null, null, '='],
    ]);
    expect(extractTargets(crafted(['实现困难家庭就业动态清零。'])).targets.map(brief)).toEqual([['困难家庭就业', 0, null, null, '=']]);
    // A balance that happens to be zero is no goal.
    expect(extractTargets(crafted(['账户余额为零。'])).targets).toEqual([]);
  });

  it('gives a change between magnitudes in the base unit', () => {
    expect(extractTargets(crafted(['将担保基金规模由8000万元扩大到1亿元。'])).targets.map((t) => [t.indicator, t.from, t.value, t.unit])).toEqual([
      ['担保基金规模', 80000000, 100000000, '元'],
    ]);
  });

  it('reads no target from what a benefit gives: the amount of a grant, a loan ceiling, a level per person', () => {
    const texts = ['对首次创业的给予不超过800元/月的创业经营场所租金补贴。', '创业担保贷款最高贷款额度为75万元。', '基础养老金最低标准提高到每人每月70元。'];
    const document = crafted(texts, { heading: '主要目标' });
    // Without the benefits read, the grant's amount is still never a target; the other two are.
    expect(extractTargets(document).targets.map((t) => t.indicator)).toEqual(['创业担保贷款最高贷款额度', '基础养老金最低标准']);
    const benefits = extractBenefits(document, TERMS);
    expect(benefits.map((b) => [b.kind, b.amount?.value])).toEqual([['补贴', 800], ['贷款', 75], ['保险待遇', 70]]);
    expect(extractTargets({ ...document, extracted: { ...document.extracted, benefits } }).targets).toEqual([]);
  });

  it('takes the period of the title when the sentence names none', () => {
    const document = crafted(['城镇登记失业率控制在4%以内。'], { title: '2013年就业工作计划' });
    expect(extractTargets(document).targets.map((t) => [t.id, t.deadline, t.clauseId, t.line])).toEqual([
      ['crafted/m-p1/t1', '2013年', 'm-p1', 2],
    ]);
  });

  it('warns when a 分别 list has more subjects than values', () => {
    const result = extractTargets(crafted(['失业、工伤和生育保险参保人数分别达到1250万人和1215万人。']));
    expect(result.targets).toEqual([]);
    expect(result.diagnostics.map((d) => [d.level, d.code, d.line])).toEqual([['warning', 'target-distributive-mismatch', 2]]);
    expect(result.unmatched).toHaveLength(1);
  });

  it('skips conditions, bases and shares', () => {
    const texts = ['对稳定就业6个月以上的,按300元/人的标准给予补贴。', '补贴标准提高到最低工资标准的120%。', '以缴费基准值60%为基数。'];
    const result = extractTargets(crafted(texts, { heading: '主要目标' }));
    expect(result.targets).toEqual([]);
    expect(result.unmatched.map((u) => u.line)).toEqual([2, 3, 4]);
  });

  it('opens a review section at a period that ended before the document date', () => {
    const texts = ['2008-2010年,全省城镇新增就业300万人。', '城镇新增就业100万人以上。'];
    const result = extractTargets(crafted(texts, { heading: '主要目标' }));
    expect(result.targets.map((t) => [t.line, t.value])).toEqual([]);
    const after = extractTargets(crafted(['城镇新增就业100万人以上。'], { heading: '主要目标' }));
    expect(after.targets.map((t) => [t.line, t.value])).toEqual([[2, 100]]);
  });
});

describe('extractTargets on crafted indicator tables', () => {
  const columns = ['指标名称', '单位', '“十二五”目标', '完成情况'];

  it('compares what was achieved with the bound, in the base unit', () => {
    const result = extractTargets(
      craftedTable(columns, [
        ['城镇新增就业岗位', '个', '每年新增就业岗位不低于31500个', '年均完成30000个'],
        ['城镇登记失业率', '%', '控制在4%以内', '4.5%'],
        ['城镇新增就业岗位', '个', '23万个', '完成240000个'],
        ['报销比例', '%', '75%左右', '76%'],
        ['街镇覆盖率', '%', '100%', '基本覆盖'],
      ]),
    );
    expect(result.targets.map((t) => [t.indicator, t.value, t.unit, t.comparator, t.achieved?.value, t.status])).toEqual([
      ['城镇新增就业岗位', 31500, '个', '≥', 30000, 'not-met'],
      ['城镇登记失业率', 4, '%', '≤', 4.5, 'not-met'],
      ['城镇新增就业岗位', 23, '万个', null, 240000, 'met'],
      ['报销比例', 75, '%', '≈', 76, 'unknown'],
      ['街镇覆盖率', 100, '%', null, null, 'unknown'],
    ]);
  });

  it('compares a yearly target with a total for the plan’s five years', () => {
    const rows = [
      ['扶持成功创业', '人', '每年600人以上', '完成2900人'],
      ['扶持成功创业', '人', '每年600人以上', '完成3100人'],
      ['城镇登记失业人数', '人', '每年控制在21000人以内', '期末为19142人'],
    ];
    expect(extractTargets(craftedTable(columns, rows)).targets.map((t) => t.status)).toEqual(['not-met', 'met', 'unknown']);
  });

  it('reports a row without an indicator', () => {
    const result = extractTargets(craftedTable(columns, [['', '个', '每年新增就业岗位不低于31500个', '年均完成48037个']]));
    expect(result.targets).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([['target-row-without-indicator', 2]]);
    expect(result.unmatched.map((u) => u.clauseId)).toEqual(['m-t1.r1']);
  });
});

describe('extractTargets output', () => {
  it('is valid, with ids unique across the corpus', () => {
    const all = IDS.flatMap((id) => of(id).targets);
    for (const t of all) Target.parse(t);
    for (const id of IDS) for (const u of of(id).unmatched) SourceRef.parse(u);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    expect(IDS.map((id) => of(id).targets.length)).toEqual([49, 1, 15, 24, 13]);
  });
});
