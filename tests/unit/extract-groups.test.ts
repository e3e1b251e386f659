import { describe, expect, it } from 'vitest';
import { extractGroups, findGroupNames, servedGroups } from '../../scripts/lib/ingest/extract/groups.ts';
import type { BeneficiaryGroup } from '#schemas/beneficiary-groups.ts';
import type { SourceRef } from '#schemas/entities.ts';
import { article, clause, craftedDocument, GROUPS, paragraph, TERMS } from '../helpers/crafted-document.ts';

const SANCTIONS = TERMS.sanctions.map((c) => c.word);
const nameOf = new Map(GROUPS.map((g) => [g.id, g.name]));
const names = (text: string, taxonomy: readonly BeneficiaryGroup[] = GROUPS) => findGroupNames(text, taxonomy).map((g) => [nameOf.get(g.groupId), g.name]);
/** The groups each sentence of crafted clauses serves, as [clause, group name]. */
const served = (...texts: string[]) =>
  extractGroups(craftedDocument(texts.map((t, i) => clause(i + 1, t))), GROUPS, SANCTIONS).map((m) => [m.clauseId, nameOf.get(m.groupId)]);

describe('findGroupNames', () => {
  it('finds a group by its name or an alias, the longest form where one holds another', () => {
    expect(names('对离校未就业高校毕业生和进城务工人员给予补贴')).toEqual([
      ['高校毕业生', '离校未就业高校毕业生'],
      ['农民工', '进城务工人员'],
    ]);
  });

  it('keeps a name of another group inside a longer name: 长期失业青年 is also 青年', () => {
    expect(names('聚焦长期失业青年')).toEqual([
      ['长期失业人员', '长期失业青年'],
      ['青年', '青年'],
    ]);
  });

  it('leaves out a broader group whose name a narrower one holds: 工伤职工 is not also 职工', () => {
    expect(names('工伤职工到统筹地区以外就医')).toEqual([['工伤职工', '工伤职工']]);
  });

  it('leaves out the phrases a group excludes: bodies, levies and yardsticks', () => {
    expect(names('残疾人联合会协助做好残疾人就业工作')).toEqual([['残疾人', '残疾人']]);
    expect(names('工会、共产主义青年团、妇女联合会协助人民政府')).toEqual([]);
    expect(names('按照在岗职工月平均工资的三倍计发')).toEqual([]);
  });

  it('leaves out names in a cited title and in a rule the text borrows', () => {
    expect(names('依照《残疾人保障法》执行')).toEqual([]);
    expect(names('参照当地对在职职工死亡的规定发给丧葬补助金')).toEqual([]);
  });

  it('applies an exclude only to its own group', () => {
    const taxonomy: BeneficiaryGroup[] = [
      { id: 'a', name: '老人', aliases: [], excludes: ['养老人员'], citizenQuestion: '我是老人', reason: '测试' },
      { id: 'b', name: '养老人员', aliases: [], excludes: [], citizenQuestion: '我是养老人员', reason: '测试' },
    ];
    expect(findGroupNames('征地养老人员', taxonomy).map((g) => g.groupId)).toEqual(['b']);
  });
});

describe('extractGroups', () => {
  it('gives one mention per group and sentence, with the sentence and line it stands in', () => {
    const doc = craftedDocument([clause(1, '对高校毕业生给予补贴。高校毕业生和失业人员可免费参加培训。')]);
    const mentions = extractGroups(doc, GROUPS, SANCTIONS);
    expect(mentions.map((m) => [m.clauseId, m.groupId, m.name, m.sentence])).toEqual([
      ['m-1.1', 'college-graduates', '高校毕业生', '对高校毕业生给予补贴。'],
      ['m-1.1', 'college-graduates', '高校毕业生', '高校毕业生和失业人员可免费参加培训。'],
      ['m-1.1', 'unemployed', '失业人员', '高校毕业生和失业人员可免费参加培训。'],
    ]);
    expect(mentions[0]?.line).toBeGreaterThan(0);
  });

  it('does not serve a group that pays: 由用人单位支付, 职工按照本人工资的1%缴纳', () => {
    expect(served('由用人单位按月支付伤残津贴。', '职工按照本人工资的1%缴纳失业保险费。', '农民合同制工人本人不缴纳失业保险费。')).toEqual([['m-1.3', '农民工']]);
  });

  it('serves no group in a sentence that punishes, nor in the items of a liability article', () => {
    const doc = craftedDocument([
      clause(1, '用人单位骗取补贴的，处骗取金额二倍罚款。'),
      article(5, [['有下列行为之一的，对直接负责的主管人员依法给予处分：', ['未按规定为失业人员办理手续的；']]]),
    ]);
    expect(extractGroups(doc, GROUPS, SANCTIONS)).toEqual([]);
  });

  it('serves the group an order protects: 责令…向劳动者支付 is oversight, not a sanction', () => {
    expect(served('拖欠农民工工资的，由人力资源社会保障行政部门责令限期支付。')).toEqual([['m-1.1', '农民工']]);
  });

  it('reads nothing from a title or signature, nor from a section that reviews a finished period', () => {
    const doc = craftedDocument([
      paragraph('m-p1', '关于做好高校毕业生就业工作的通知', 'title'),
      clause(1, '2008-2010年，帮助失业人员再就业30万人。'),
    ]);
    expect(extractGroups(doc, GROUPS, SANCTIONS)).toEqual([]);
  });
});

describe('servedGroups', () => {
  const ref = (sentence: string): SourceRef => ({ documentId: 'test', clauseId: 'm-1.1', line: 2, sentence });
  const keep = (sentence: string, granting: boolean) => {
    const mentions = extractGroups(craftedDocument([clause(1, sentence)]), GROUPS, SANCTIONS);
    return servedGroups(mentions, GROUPS, granting ? [ref(sentence)] : []).map((m) => nameOf.get(m.groupId));
  };

  it('serves a group that is mostly a party with duties only where it is given to or protected', () => {
    expect(keep('用人单位应当自成立之日起三十日内办理社会保险登记。', false)).toEqual([]);
    expect(keep('用人单位招用就业困难人员的，享受社会保险补贴。', true)).toEqual(['用人单位', '就业困难人员']);
    expect(keep('用人单位应当向劳动者支付经济补偿。', false)).toEqual(['职工']);
    expect(keep('工会依法维护职工的合法权益。', false)).toEqual(['职工']);
    expect(keep('确保用人单位及其从业人员参加社会保险。', false)).toEqual(['用人单位', '职工']);
  });

  it('does not serve the other party of what a sentence grants', () => {
    expect(keep('工会应当帮助、指导劳动者与用人单位依法订立劳动合同。', true)).toEqual(['职工']);
  });

  it('serves every other group wherever it is named', () => {
    expect(keep('加强对农民工工资支付情况的统计。', false)).toEqual(['农民工']);
  });
});
