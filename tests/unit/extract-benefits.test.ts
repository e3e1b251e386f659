import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBenefits } from '../../scripts/lib/ingest/extract/benefits.ts';
import { BenefitTerms } from '#schemas/benefit-terms.ts';
import { Document } from '#schemas/document.ts';
import type { Benefit, BenefitFigure, DepartmentMention, Extracted } from '#schemas/entities.ts';
import { BenefitRecord } from '#schemas/open-data.ts';
import { article, clause, craftedDocument, paragraph, TERMS } from '../helpers/crafted-document.ts';
import { testMention } from '../helpers/document-builder.ts';

const read = (children: unknown[], extracted: Partial<Extracted> = {}) => extractBenefits(craftedDocument(children, extracted), TERMS);
/** The benefits of crafted 公文 clauses, one clause per text. */
const of = (...texts: string[]) => read(texts.map((t, i) => clause(i + 1, t)));
const figure = (f: BenefitFigure | null) => (f === null ? null : [f.value, f.max, f.unit, f.per, f.comparator]);
/** kind, name, amount as [value, max, unit, per, comparator]. */
const brief = (b: Benefit) => [b.kind, b.name, figure(b.amount)];

describe('extractBenefits: kinds', () => {
  it('reads each kind from the word that heads what is granted', () => {
    expect(
      of(
        '对符合条件的人员给予一次性创业补贴。',
        '提供创业担保贷款。',
        '按规定给予贷款贴息。',
        '依法享受税收优惠。',
        '返还上年度实际缴纳失业保险费。',
        '给予临时生活补助。',
        '对作出显著成绩的单位和个人给予表彰和奖励。',
        '开展创业培训。',
        '为失业人员提供就业服务。',
        '享受基本医疗保险待遇。',
      ).map((b) => [b.clauseId, b.kind, b.name]),
    ).toEqual([
      ['m-1.1', '补贴', '一次性创业补贴'],
      ['m-1.2', '贷款', '创业担保贷款'],
      ['m-1.3', '贴息', '贷款贴息'],
      ['m-1.4', '减免', '税收优惠'],
      ['m-1.5', '返还', '返还'],
      ['m-1.6', '补助', '临时生活补助'],
      ['m-1.7', '奖励', '表彰'],
      ['m-1.7', '奖励', '奖励'],
      ['m-1.8', '培训', '创业培训'],
      ['m-1.9', '服务', '就业服务'],
      ['m-1.10', '保险待遇', '基本医疗保险待遇'],
    ]);
  });

  it('takes a payment of a social-insurance scheme as its benefit, however it is named', () => {
    expect(of('给予生活补助。', '从失业保险基金中支付丧葬补助金。').map((b) => b.kind)).toEqual(['补助', '保险待遇']);
    const listed = read([article(38, [['因工伤发生的下列费用，从工伤保险基金中支付：', ['住院伙食补助费；', '劳动能力鉴定费。']]])]);
    expect(listed.map((b) => [b.clauseId, b.kind, b.name])).toEqual([['art-38.1.1', '保险待遇', '住院伙食补助费']]);
  });

  it('numbers benefits per clause', () => {
    expect(of('给予岗位补贴和社会保险补贴。').map((b) => b.id)).toEqual(['test/m-1.1/b1', 'test/m-1.1/b2']);
  });
});

describe('extractBenefits: amounts', () => {
  it('reads money per person, per month and as a range, and 万元 as printed', () => {
    expect(of('可给予1000元/人的一次性岗位补贴。', '基础养老金最低标准提高到每人每月70元。', '给予3000元至2万元的一次性开办费补贴。', '最高贷款额度为75万元。').map(brief)).toEqual([
      ['补贴', '一次性岗位补贴', [1000, null, '元', '人', null]],
      ['保险待遇', '基础养老金', [70, null, '元', '人·月', '≥']],
      ['补贴', '一次性开办费补贴', [3000, 20000, '元', null, null]],
      ['贷款', '最高贷款', [75, null, '万元', null, '≤']],
    ]);
  });

  it('reads shares, multiples and, where nothing else is given, months', () => {
    expect(of('补贴标准提高到最低工资标准的120%。', '丧葬补助金按照上年度职工月平均工资的三倍计发，由失业保险基金支付。', '领取失业保险金的期限最长为二十四个月。').map(brief)).toEqual([
      ['补贴', '补贴', [120, null, '%', null, null]],
      ['保险待遇', '丧葬补助金', [3, null, null, null, null]],
      ['保险待遇', '失业保险金', [24, null, '个月', null, '≤']],
    ]);
  });

  it('gives one benefit per listed amount', () => {
    expect(of('可分别领取1000元、1500元和2000元的技能提升补贴。').map((b) => b.amount?.value)).toEqual([1000, 1500, 2000]);
  });

  it('reads the new value of a change, not the old one', () => {
    expect(of('将一次性求职创业补贴由800元/人提高至1500元/人。').map((b) => b.amount?.value)).toEqual([1500]);
  });

  it('reads no amount from a condition, a base, a threshold, a raise by a share or a deadline', () => {
    expect(of('对稳定就业6个月以上的，给予岗位补贴。').map(brief)).toEqual([['补贴', '岗位补贴', null]]);
    expect(of('以缴费基准值60%为基数给予社会保险补贴。').map(brief)).toEqual([['补贴', '社会保险补贴', null]]);
    expect(of('留用率超过50%的，给予见习补贴。').map(brief)).toEqual([['补贴', '见习补贴', null]]);
    expect(of('工伤职工定期待遇平均提高10%。')).toEqual([]);
    expect(read([article(25, ['遗属应当自死亡之日起六个月内，办理领取丧葬补助金的手续，丧葬补助金由失业保险基金支付。'])]).map((b) => figure(b.amount))).toEqual([null]);
  });
});

describe('extractBenefits: limits, duration and conditions', () => {
  it('reads 最高 and 不超过 as a cap, 不低于 as a floor, and months beside an amount as its duration', () => {
    const [rent] = of('给予不超过800元/月(最多24个月)的创业经营场所租金补贴。');
    expect(figure(rent?.amount ?? null)).toEqual([800, null, '元', '月', '≤']);
    expect(figure(rent?.duration ?? null)).toEqual([24, null, '个月', null, '≤']);
    expect(of('政府补助标准不低于每人每年240元。').map((b) => figure(b.amount))).toEqual([[240, null, '元', '人·年', '≥']]);
  });

  it('reads 累计N次 and 最多不超过N个 as limits, and years as the duration', () => {
    const [loan] = of('可继续提供创业担保贷款贴息，累计次数不超过3次。');
    expect(loan?.limits.map((l) => [l.value, l.unit, l.comparator])).toEqual([[3, '次', '≤']]);
    const [mark] = of('给予500元/个(最多不超过3个)的商标注册补贴。');
    expect([mark?.amount?.value, mark?.limits.map((l) => [l.value, l.unit])]).toEqual([500, [[3, '个']]]);
    expect(of('按规定全额贴息2年。').map((b) => [b.kind, b.amount, b.duration?.text])).toEqual([['贴息', null, '2年']]);
  });

  it('keeps the conditions as the sentence says them', () => {
    const [grant] = of('对符合条件的，连续工作满1年，劳动合同期满未续订的，由经办机构支付一次性生活补助。');
    expect(grant?.conditions).toEqual(['对符合条件的', '连续工作满1年', '劳动合同期满未续订的']);
    expect(grant?.amount).toBeNull();
  });

  it('lets an accrual give way to the cap beside it', () => {
    const texts = ['累计缴费满一年不足五年的，每满一年领取三个月的失业保险金，领取期限最长为十二个月。'];
    expect(read([article(24, texts)]).map((b) => figure(b.amount))).toEqual([[12, null, '个月', null, '≤']]);
  });

  it('gives a sentence that opens with 标准为 to the benefit named before it', () => {
    const texts = ['职工因工死亡，其近亲属从工伤保险基金领取供养亲属抚恤金。标准为：配偶每月40%，其他亲属每人每月30%。'];
    expect(read([article(39, texts)]).map((b) => [b.name, b.amount?.value, b.sentence.slice(0, 3)])).toEqual([
      ['供养亲属抚恤金', 40, '标准为'],
      ['供养亲属抚恤金', 30, '标准为'],
    ]);
  });

  it('reads a benefit named again in its article without a figure as the one already read', () => {
    const texts = ['失业保险金按照最低工资标准的百分之九十按月计发。', '失业保险金标准不得低于城市居民最低生活保障标准。'];
    expect(read([article(19, texts)]).map((b) => [b.clauseId, b.amount?.value])).toEqual([['art-19.1', 90]]);
  });
});

describe('extractBenefits: what is not granted', () => {
  it('reads a compound by its last benefit word, and a list of purposes before a subsidy as one subsidy', () => {
    expect(of('享受职业培训补贴。').map((b) => b.kind)).toEqual(['补贴']);
    expect(of('享受接受职业介绍、职业培训的补贴。').map((b) => b.kind)).toEqual(['补贴']);
    expect(of('提供政策咨询、就业培训和开业指导等服务。').map((b) => b.kind)).toEqual(['服务', '培训', '服务', '服务']);
  });

  it('reads no benefit from a noun that names something else, a quoted programme or a cited title', () => {
    expect(of('支持职业培训机构承担培训任务。', '实施“双百资助工程”。', '依照《失业保险条例》执行。', '完善补贴资金分配办法。')).toEqual([]);
    expect(of('通过“以奖代投”鼓励企业。').map((b) => b.kind)).toEqual(['奖励']);
  });

  it('reads a service or training only where the clause offers it', () => {
    expect(of('优化服务流程，提升服务质量。', '完成创业培训6万人。')).toEqual([]);
    expect(of('为就业困难人员免费提供职业指导。').map((b) => b.kind)).toEqual(['服务']);
  });

  it('reads no benefit from a condition, a withheld benefit, a basis or a sanction', () => {
    expect(of('参加职业技能培训的，给予职业培训补贴。').map((b) => b.kind)).toEqual(['补贴']);
    expect(of('失业人员超过法定退休年龄的，不享受求职补贴。')).toEqual([]);
    expect(of('返还标准可按6个月的当地月人均失业保险金确定。').map((b) => [b.kind, figure(b.amount)])).toEqual([['返还', [6, null, '个月', null, null]]]);
    expect(of('以欺诈手段骗取补贴的，责令退回，并处罚款。')).toEqual([]);
  });

  it('reads nothing from a title, nor from a section that reviews a finished period', () => {
    expect(read([paragraph('m-p1', '关于落实一次性创业补贴的通知', 'title'), clause(1, '2008-2010年，全省发放创业补贴3亿元。')])).toEqual([]);
  });
});

describe('extractBenefits: whom and who', () => {
  const mention = (sentence: string, name: string, role: DepartmentMention['role']) => testMention({ documentId: 'test', clauseId: 'm-1.1', sentence, name, role });

  it('takes the department of the same sentence, the lead first, else of the same clause', () => {
    const grant = '给予一次性创业补贴。';
    const list = '（责任单位：市人社局、市财政局）';
    const departments = [mention(list, '市财政局', 'support'), mention(list, '市人社局', 'lead')];
    const [benefit] = read([clause(1, `${grant}${list}`)], { departments });
    expect(benefit?.department).toEqual({ departmentId: null, name: '市人社局', role: 'lead' });
    const [inSentence] = read([clause(1, grant)], { departments: [mention(grant, '市财政局', 'mentioned'), ...departments] });
    expect(inSentence?.department?.name).toBe('市财政局');
  });

  it('takes the groups the sentence names, else those of its clause', () => {
    const first = '对高校毕业生给予求职补贴。';
    const second = '给予一次性创业补贴。';
    const groups = [{ documentId: 'test', clauseId: 'm-1.1', line: 1, sentence: first, groupId: 'college-graduates', name: '高校毕业生' }];
    expect(read([clause(1, `${first}${second}`)], { groups }).map((b) => b.groups)).toEqual([['college-graduates'], ['college-graduates']]);
  });
});

describe('the benefit vocabulary (content/benefit-terms.json)', () => {
  it('rejects a term listed twice, whatever its kind', () => {
    const twice = { ...TERMS, terms: [...TERMS.terms, { term: '补贴', kind: '补助', reason: '测试' }] };
    expect(BenefitTerms.safeParse(twice).error?.issues.map((i) => i.message)).toEqual(['"补贴" is listed twice']);
  });
});

describe('extractBenefits on the Xiangtan measures', () => {
  const doc = Document.parse(JSON.parse(fs.readFileSync('content/generated/documents/xiangtan-2019-stabilise-employment.json', 'utf8')));
  const benefits = extractBenefits(doc, TERMS);

  it('reads the start-up subsidies of 四、（十一） with their caps, limits, groups and lead department', () => {
    const rows = benefits.filter((b) => b.clauseId === 'd1-4.11' && b.amount !== null);
    expect(rows.map((b) => [b.name, figure(b.amount), b.duration?.text ?? null, b.limits.map((l) => l.text)])).toEqual([
      ['创业经营场所租金补贴', [800, null, '元', '月', '≤'], '24个月', []],
      ['一次性开办费补贴', [3000, 20000, '元', null, null], null, []],
      ['商标注册补贴', [500, null, '元', '个', null], null, ['3个']],
    ]);
    expect(rows[0]?.groups).toEqual(['small-micro-enterprises', 'individual-businesses']);
    expect(rows[0]?.department).toEqual({ departmentId: 'xiangtan-hrss', name: '市人力资源和社会保障局', role: 'lead' });
  });

  it('gives records that the open-data schema accepts once they have their page', () => {
    for (const b of benefits) BenefitRecord.parse({ ...b, url: `https://example.org/${b.documentId}/${b.clauseId}/` });
    expect(benefits.length).toBeGreaterThan(0);
  });
});
