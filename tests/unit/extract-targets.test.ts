import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBenefits } from '../../scripts/lib/ingest/extract/benefits.ts';
import { extractTargets } from '../../scripts/lib/ingest/extract/targets.ts';
import { BenefitTerms } from '#schemas/benefit-terms.ts';
import { Document, type DocumentMeta } from '#schemas/document.ts';
import { Target } from '#schemas/entities.ts';
import { documentOfParagraphs, documentOfTable, testDocument } from '../helpers/document-builder.ts';

const TERMS = BenefitTerms.parse(JSON.parse(fs.readFileSync('content/benefit-terms.json', 'utf8')));
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

  it('reads a staffing standard written with 按, per unit, or as a bound in brackets', () => {
    const text = '每个街道的工作人员按不少于2至3人配备，每个社区不少于1人。';
    expect(extractTargets(crafted([text])).targets.map(brief)).toEqual([
      ['配备每个街道的工作人员', 2, 3, '人', '≥'],
      ['每个社区', 1, null, '人', '≥'],
    ]);
    expect(extractTargets(crafted(['服务站配备2名工作人员（至少1名专职人员）。'])).targets.map(brief)).toEqual([
      ['服务站配备工作人员', 2, null, '名', null],
      ['专职人员', 1, null, '名', '≥'],
    ]);
    // 按 before any other value is the basis of a computation, and a bracketed count without a bound an aside.
    expect(extractTargets(crafted(['按300元/人的标准给予补贴。', '服务站配备工作人员（含2名专职人员）。'])).targets).toEqual([]);
  });

  it('reads what 确保 ensures for a share or a count of people, and a share of units by a date', () => {
    const texts = ['确保城市有就业需求的家庭至少有一人实现就业。', '确保100%落实保障。', '在确保用人单位及其从业人员100%参保的基础上，引导居民参保。'];
    expect(extractTargets(crafted(texts)).targets.map(brief)).toEqual([
      ['城市有就业需求的家庭实现就业', 1, null, '人', '≥'],
      ['落实保障', 100, null, '%', null],
      ['用人单位及其从业人员参保', 100, null, '%', null],
    ]);
    // Without 确保 a count before a verb is what a service does for someone, not a goal.
    expect(extractTargets(crafted(['应当为该家庭中至少一人提供适当的就业岗位。'])).targets).toEqual([]);
    const share = '力争到2016年，全市90%的县（区）都争取到试点项目。';
    expect(extractTargets(crafted([share])).targets.map((t) => [...brief(t), t.deadline])).toEqual([['县（区）争取到试点项目', 90, null, '%', null, '到2016年']]);
    expect(extractTargets(crafted(['全市90%的县（区）争取到试点项目。'])).targets).toEqual([]);
    expect(extractTargets(crafted(['约60%的企业反映用工紧张。'])).targets).toEqual([]);
    expect(extractTargets(crafted(['确保90%的县（区）争取到试点项目。'])).targets.map((t) => t.value)).toEqual([90]);
  });

  it('shares a value given with 均 out over the subjects of the 分别 list before it', () => {
    const text = '甲保险和乙保险发放率分别稳定在98%以上和95%以上，参保率均不低于95%。';
    expect(extractTargets(crafted([text], { heading: '主要目标' })).targets.map((t) => t.indicator)).toEqual([
      '甲保险发放率',
      '乙保险发放率',
      '甲保险参保率',
      '乙保险参保率',
    ]);
  });

  it('reads no goal from a statute’s durations, limits on what recurs, or a condition', () => {
    const texts = [
      '领取失业保险金的期限合并计算，最长不超过二十四个月。',
      '失业人员缴费时间一至四年的，每满一年，失业保险金领取期限为一个月。',
      '但延长不得超过12个月。',
      '每月延长工作时间不得超过三十六小时。',
      '全部生产线停工12个月以上，且无其他经营性收入的；',
    ];
    expect(extractTargets(crafted(texts)).targets).toEqual([]);
    // A duration is a goal where the text sets it for a date.
    expect(extractTargets(crafted(['到2015年，平均办理时限缩短到10个工作日以内。'])).targets.map(brief)).toEqual([['平均办理时限缩短到', 10, null, '个工作日', '≤']]);
    // 不得超过 bounds from above, 不得少于 from below.
    expect(extractTargets(crafted(['监督检查人员不得少于2人。', '缴费比例不得超过20%。'])).targets.map(brief)).toEqual([
      ['监督检查人员', 2, null, '人', '≥'],
      ['缴费比例', 20, null, '%', '≤'],
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

  it('names the region a scope covers from the document’s region (issue 14 §2)', () => {
    const district: Partial<DocumentMeta> = { date: '2016-11-28', region: { name: '徐汇区', level: 'district', within: ['上海市'] } };
    const texts = ['2015年—2017年，全市帮扶引领创业1800人。', '到2020年，全区完成职业培训25万人以上。', '到2020年，全省城镇新增就业100万人以上。', '到2020年，城镇新增就业5万人以上。'];
    const targets = extractTargets(documentOfParagraphs(texts, { meta: district })).targets;
    expect(targets.map((t) => [t.value, t.scope, t.scopeRegion])).toEqual([
      [1800, '全市', '上海市'],
      [25, '全区', '徐汇区'],
      [100, '全省', null],
      [5, null, null],
    ]);
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

  it('keeps a yearly target in the header’s plan period, reviewed once that period has ended (issue 14 §2)', () => {
    const rows = [['城镇新增就业岗位', '个', '每年新增就业岗位不低于31500个', '年均完成30000个']];
    const read = (date: string) => extractTargets(documentOfTable(columns, rows, { ...JIANGSU_2012, date })).targets;
    expect(read('2016-11-28').map((t) => [t.deadline, t.recurrence, t.stage])).toEqual([['“十二五”', '每年', 'review']]);
    expect(read('2012-05-14').map((t) => [t.deadline, t.recurrence, t.stage])).toEqual([['“十二五”', '每年', 'goal']]);
  });

  it('links a table row restating a goal of the text to it instead of counting it again (issue 14 §2)', () => {
    const meta: Partial<DocumentMeta> = { ...JIANGSU_2012, date: '2016-11-28' };
    const table = documentOfTable(['指标名称', '“十三五”目标', '属性'], [
      ['城镇新增就业岗位', '23万个', '约束性'],
      ['帮助引领成功创业', '600人', '约束性'],
      ['其他新增岗位', '23万个', '预期性'],
    ], meta);
    const text = '“十三五”期间，城镇新增就业岗位不低于230000个，每年帮助引领成功创业600人。';
    const paragraph = { type: 'paragraph', id: 'm-p1', line: table.lines.length + 1, text };
    const document = testDocument({ meta, blocks: [...(table.parts[0]?.children ?? []), paragraph], lines: [...table.lines, text] });
    expect(extractTargets(document).targets.map((t) => [t.clauseId, t.indicator, t.value, t.unit, t.comparator, t.attribute, t.alsoAt.map((a) => a.clauseId)])).toEqual([
      // A total for the period is not the yearly 600 of the text; another indicator is another fact.
      ['m-t1.r2', '帮助引领成功创业', 600, '人', null, '约束性', []],
      ['m-t1.r3', '其他新增岗位', 23, '万个', null, '预期性', []],
      ['m-p1', '城镇新增就业岗位', 230000, '个', '≥', '约束性', ['m-t1.r1']],
      ['m-p1', '帮助引领成功创业', 600, '人', null, null, []],
    ]);
  });

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
