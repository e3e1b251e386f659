import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTopics, mainTopic, topicsIn } from '../../src/lib/topics.ts';
import { loadRegistry } from '#core/department-registry.ts';
import type { Department } from '#schemas/entities.ts';

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
