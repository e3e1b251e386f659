import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clauseTopics, loadTopics, mainTopic, targetDomain, topicPages, topicsIn } from '../../src/lib/topics.ts';
import { loadRegistry } from '#core/department-registry.ts';
import type { Department } from '#schemas/entities.ts';
import type { ClauseRecord } from '#schemas/open-data.ts';

/** The reviewed topic table, checked against the reviewed department registry, as the site loads them. */
const registry = loadRegistry(JSON.parse(fs.readFileSync('content/departments.json', 'utf8')));
const topics = loadTopics(JSON.parse(fs.readFileSync('content/topics.json', 'utf8')), registry);

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

/** A small table: 失业保险 is the longer keyword, so 社会保险 wins over 就业 for it; 创业 also by the 人民银行 function. */
const table = [topic('jobs', '就业', ['就业', '失业']), topic('insurance', '社会保险', ['失业保险', '参保']), topic('start', '创业', ['创业'], ['人民银行'])];
const banks = new Map([[bank.id, bank]]);
const record = (id: string, title: string | null, text: string, departments: ClauseRecord['departments'] = []): ClauseRecord => ({
  id,
  documentId: id.split('/')[0] ?? '',
  kind: 'numbered',
  number: '',
  title,
  text,
  citation: id,
  url: `https://policy-atlas.test/${id}/`,
  departments,
});

describe('targetDomain', () => {
  it('reads the indicator first, and the sentence only when the indicator names no topic', () => {
    expect(targetDomain({ indicator: '失业保险参保人数', sentence: '创业带动就业。' }, table)?.id).toBe('insurance');
    expect(targetDomain({ indicator: '新增市场主体', sentence: '扶持创业，新增市场主体1000户。' }, table)?.id).toBe('start');
    expect(targetDomain({ indicator: '新增市场主体', sentence: '新增市场主体1000户。' }, table)).toBeNull();
  });
});

describe('clauseTopics', () => {
  it('takes every topic its title names, in table order', () => {
    expect(clauseTopics(record('a/m-1', '支持创业带动就业', '做好参保工作。'), table, banks).map((t) => t.id)).toEqual(['jobs', 'start']);
  });

  it('reads the text only when the title names no topic, and then only its main topic', () => {
    expect(clauseTopics(record('a/m-2', '实施护航行动', '落实失业保险稳岗返还，促进就业。'), table, banks).map((t) => t.id)).toEqual(['insurance']);
  });

  it('adds the topics of the functions of departments that lead or support the clause', () => {
    const c = { title: '加强金融服务', text: '', departments: [{ id: 'x-pbc', role: 'support' as const }] };
    expect(clauseTopics(c, table, banks).map((t) => t.id)).toEqual(['start']);
    expect(clauseTopics({ ...c, departments: [{ id: 'x-pbc', role: 'mentioned' as const }] }, table, banks)).toEqual([]);
  });
});

describe('topicPages', () => {
  it('counts clauses and targets per topic and document, documents in the order given', () => {
    const clauses = [record('b/m-1', '促进就业', ''), record('a/m-1', '促进就业', ''), record('a/m-2', '做好参保', '')];
    const targets = [
      { id: 'a/m-2/t1', documentId: 'a', indicator: '参保人数', sentence: '参保人数达到100万人。' },
      { id: 'b/m-1/t1', documentId: 'b', indicator: '城镇新增就业', sentence: '城镇新增就业1万人。' },
    ];
    const pages = topicPages(clauses, targets, table, banks, ['a', 'b', 'c']);
    expect(pages.map((p) => p.topic.id)).toEqual(['jobs', 'insurance', 'start']);
    expect(pages[0]).toMatchObject({ clauseIds: ['b/m-1', 'a/m-1'], targetIds: ['b/m-1/t1'], documents: [{ documentId: 'a', clauses: 1, targets: 0 }, { documentId: 'b', clauses: 1, targets: 1 }] });
    expect(pages[1]).toMatchObject({ clauseIds: ['a/m-2'], targetIds: ['a/m-2/t1'], documents: [{ documentId: 'a', clauses: 1, targets: 1 }] });
    expect(pages[2]?.documents).toEqual([]);
  });
});
