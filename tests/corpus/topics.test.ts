import { describe, expect, it } from 'vitest';
import { clauseTopics, targetDomain, topicPages } from '../../src/lib/topics.ts';
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
});

describe('topicPages', () => {
  it('counts clauses and targets per topic and document', () => {
    const pages = topicPages(corpus.clauses, corpus.targets, topics, registryById, canonical.map((d) => d.id));
    const insurance = pages.find((p) => p.topic.id === 'social-insurance');
    expect(insurance?.targetIds).toContain('jiangsu-szbf-2012-91/d1-2.3/t5');
    expect(insurance?.documents.find((d) => d.documentId === 'jiangsu-szbf-2012-91')?.targets).toBe(21);
    const relations = pages.find((p) => p.topic.id === 'labour-relations');
    expect(relations?.documents).toEqual([
      { documentId: 'xuhui-2016-employment-plan', clauses: 14, targets: 3 },
      { documentId: 'yibin-yfbh-2014-282', clauses: 3, targets: 0 },
    ]);
  });
});
