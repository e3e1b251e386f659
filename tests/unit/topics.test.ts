import { describe, expect, it } from 'vitest';
import { clauseTopics, loadTopics, mainTopic, targetDomain, topicPages, topicsIn } from '../../src/lib/topics.ts';
import type { Department } from '#schemas/entities.ts';
import { siteFixture } from '../helpers/site-fixture.ts';

const { topics, registry, corpus, canonical } = siteFixture();
const registryById = new Map(registry.map((d) => [d.id, d]));
const clause = (id: string) => {
  const found = corpus.clauses.find((c) => c.id === id);
  if (!found) throw new Error(`no clause ${id}`);
  return found;
};
const target = (id: string) => {
  const found = corpus.targets.find((t) => t.id === id);
  if (!found) throw new Error(`no target ${id}`);
  return found;
};

const bank: Department = { id: 'x-pbc', name: '人民银行某支行', aliases: [], jurisdiction: '某市', function: '人民银行', kind: 'department' };
const topic = (id: string, name: string, keywords: string[], functions: string[] = []) => ({ id, name, description: `${name}。`, keywords, functions });

describe('loadTopics', () => {
  it('loads the reviewed table in its order', () => {
    expect(topics.map((t) => t.name)).toEqual(['创业', '职业培训', '社会保险', '劳动关系', '就业援助', '公共服务', '就业']);
  });

  it('rejects a keyword in two topics, a repeated id and a function the registry lacks, all at once', () => {
    const bad = [topic('a', '甲', ['失业']), topic('a', '乙', ['失业'], ['天文'])];
    expect(() => loadTopics(bad, [bank])).toThrow(
      'invalid topic table (content/topics.json):\n- "a" is used by two topics\n- keyword "失业" is in both a and a\n- a: no department in the registry has the function "天文"',
    );
  });

  it('rejects an id that is not an ASCII slug', () => {
    expect(() => loadTopics([topic('就业', '就业', ['就业'])], [bank])).toThrow();
  });
});

describe('mainTopic: the longest keyword wins, ties go to the topic listed first', () => {
  it('reads 失业保险 before 失业', () => {
    expect(mainTopic('失业保险参保人数', topics)?.name).toBe('社会保险');
    expect(mainTopic('城镇登记失业率', topics)?.name).toBe('就业');
  });

  it('reads 创业培训 as training and 就业创业 as employment', () => {
    expect(mainTopic('创业培训', topics)?.name).toBe('职业培训');
    expect(mainTopic('新增高校毕业生在潭就业创业', topics)?.name).toBe('就业');
  });

  it('breaks a tie by table order', () => {
    const table = [topic('a', '甲', ['岗位']), topic('b', '乙', ['技能'])];
    expect(mainTopic('岗位技能', table)?.id).toBe('a');
  });

  it('finds nothing in a text without keywords', () => {
    expect(mainTopic('组织专项检查', topics)).toBeNull();
    expect(topicsIn('坚持以人为本', topics)).toEqual([]);
  });
});

describe('targetDomain', () => {
  it('classifies the Jiangsu enrolment targets as social insurance', () => {
    expect(targetDomain(target('jiangsu-szbf-2012-91/d1-2.3/t1'), topics)?.name).toBe('社会保险');
  });

  it('falls back to the sentence when the indicator names no topic', () => {
    const t = target('xuhui-2016-employment-plan/m-2.u4.3/t2');
    expect(t.indicator).toBe('青年大学生');
    expect(targetDomain(t, topics)?.name).toBe('创业');
  });
});

describe('clauseTopics', () => {
  it('takes every topic its title names', () => {
    expect(clauseTopics(clause('jiangsu-szbf-2012-91/d1-3.4'), topics, registryById).map((t) => t.name)).toEqual(['创业', '职业培训', '就业']);
  });

  it('reads the text only when the title names no topic, and then only its main topic', () => {
    const c = clause('xiangtan-2019-stabilise-employment/d1-3.7');
    expect(c.title).toBe('实施“护航行动”');
    expect(clauseTopics(c, topics, registryById).map((t) => t.name)).toEqual(['社会保险']);
  });

  it('adds the topics of the functions of departments that lead or support the clause', () => {
    const c = { title: '加强金融服务', text: '', departments: [{ id: 'x-pbc', role: 'support' as const }] };
    const table = [topic('start', '创业', ['创业'], ['人民银行'])];
    expect(clauseTopics(c, table, new Map([[bank.id, bank]])).map((t) => t.id)).toEqual(['start']);
    expect(clauseTopics({ ...c, departments: [{ id: 'x-pbc', role: 'mentioned' as const }] }, table, new Map([[bank.id, bank]]))).toEqual([]);
  });
});

describe('topicPages', () => {
  it('counts clauses and targets per topic and document', () => {
    const pages = topicPages(corpus.clauses, corpus.targets, topics, registryById, canonical.map((d) => d.id));
    const insurance = pages.find((p) => p.topic.id === 'social-insurance');
    expect(insurance?.targetIds).toContain('jiangsu-szbf-2012-91/d1-2.3/t5');
    expect(insurance?.documents.find((d) => d.documentId === 'jiangsu-szbf-2012-91')?.targets).toBe(20);
    const relations = pages.find((p) => p.topic.id === 'labour-relations');
    expect(relations?.documents).toEqual([
      { documentId: 'xuhui-2016-employment-plan', clauses: 14, targets: 3 },
      { documentId: 'yibin-yfbh-2014-282', clauses: 3, targets: 0 },
    ]);
  });
});
