import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBenefits } from '../../scripts/lib/ingest/extract/benefits.ts';
import { extractTargets } from '../../scripts/lib/ingest/extract/targets.ts';
import { BenefitTerms } from '#schemas/benefit-terms.ts';
import { Document, type DocumentMeta } from '#schemas/document.ts';
import { Target } from '#schemas/entities.ts';
import { documentOfParagraphs, documentOfTable } from '../helpers/document-builder.ts';

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
