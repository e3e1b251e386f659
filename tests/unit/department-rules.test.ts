/**
 * The reviewed department rules (content/department-functions.json, content/jurisdictions.json): they
 * load, the checks that keep every word resolving one way reject the mistakes they exist for, the hand
 * registry maps onto the taxonomy, and entity ids are ASCII and deterministic.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDepartmentRules, loadRegistry, registryFunctions } from '#core/department-registry.ts';
import { DepartmentFunctions } from '#schemas/department-functions.ts';
import { Jurisdictions } from '#schemas/jurisdictions.ts';
import { entityId, jurisdictionSlug } from '../../scripts/lib/ingest/extract/department-ids.ts';

const read = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
const functionsJson = read('content/department-functions.json') as { id: string; aliases: string[]; abbreviations: string[]; formalPatterns: string[] }[];
const jurisdictionsJson = read('content/jurisdictions.json') as { groups: { id: string; variants: string[]; functions?: string[] }[]; levelPhrases: { phrase: string }[] };
const rules = loadDepartmentRules(functionsJson, jurisdictionsJson);
const registry = loadRegistry(read('content/departments.json'));
const issues = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe('the reviewed rules', () => {
  it('load and agree with each other', () => {
    expect(rules.functions.length).toBeGreaterThanOrEqual(60);
    expect(rules.functions.every((f) => f.reason.length > 0)).toBe(true);
    expect(rules.jurisdictions.groups.every((g) => g.reason.length > 0)).toBe(true);
  });

  it('reject a function word listed under two functions', () => {
    const copy = structuredClone(functionsJson);
    copy[1]?.aliases.push('人社');
    expect(issues(DepartmentFunctions.safeParse(copy))).toContain('function word "人社" is listed under both government-office and human-resources-social-security');
  });

  it('reject an office form under two functions, and a pattern with two jurisdiction slots', () => {
    const twoOwners = structuredClone(functionsJson);
    twoOwners[0]?.abbreviations.push('{j}人社局');
    expect(issues(DepartmentFunctions.safeParse(twoOwners))).toContain('office form "人社局" is listed under both people-government and human-resources-social-security');
    const twoSlots = structuredClone(functionsJson);
    twoSlots[0]?.formalPatterns.push('{j}{j}人民政府');
    expect(issues(DepartmentFunctions.safeParse(twoSlots))).toContain('an office pattern has at most one {j}');
  });

  it('reject a group phrase under two groups, and a level phrase that is also a prefix', () => {
    const twoGroups = structuredClone(jurisdictionsJson);
    twoGroups.groups[1]?.variants.push('各县市区人民政府');
    expect(issues(Jurisdictions.safeParse(twoGroups))).toContain('group phrase "各县市区人民政府" is listed under both prefecture-governments and county-governments');
    const clash = structuredClone(jurisdictionsJson);
    clash.levelPhrases.push({ phrase: '省', levels: ['provincial'], reason: 'test' } as never);
    expect(issues(Jurisdictions.safeParse(clash)).some((m) => m.startsWith('qualifier "省" is listed under both'))).toBe(true);
  });

  it('reject a group naming a function that does not exist, and a function word that is also a qualifier', () => {
    const missing = structuredClone(jurisdictionsJson);
    const group = missing.groups.find((g) => g.functions !== undefined);
    group?.functions?.push('no-such-function');
    expect(() => loadDepartmentRules(functionsJson, missing)).toThrow('no function has the id "no-such-function"');
    const qualifier = structuredClone(functionsJson);
    qualifier[20]?.aliases.push('同级');
    expect(() => loadDepartmentRules(qualifier, jurisdictionsJson)).toThrow('is also a jurisdiction qualifier');
  });
});

describe('the hand registry on the taxonomy', () => {
  it('maps every registry department to a function, historical words included', () => {
    const mapped = registryFunctions(registry, rules.functions);
    expect(mapped.size).toBe(registry.filter((d) => d.kind === 'department').length);
    expect(mapped.get('xiangtan-hrss')).toBe('human-resources-social-security');
    expect(mapped.get('xiangtan-poverty')).toBe('rural-revitalisation');
    expect(mapped.get('xiangtan-cbirc')).toBe('financial-regulation');
    expect(mapped.get('xiangtan-alliance-chairs')).toBeUndefined();
  });

  it('rejects a registry department whose function the taxonomy lacks', () => {
    const entry = { ...registry[0], id: 'x-y', function: '外事' } as (typeof registry)[number];
    expect(() => registryFunctions([entry], rules.functions)).toThrow('x-y: the function "外事" is not in the taxonomy');
  });
});

describe('entity ids', () => {
  const suffixes = ['自治区', '街道', '市', '省', '区', '县'];

  it('romanise the place and keep its level word apart', () => {
    expect(jurisdictionSlug('湘潭市', suffixes)).toBe('xiangtan-shi');
    expect(jurisdictionSlug('湘潭县', suffixes)).toBe('xiangtan-xian');
    expect(jurisdictionSlug('徐家汇街道', suffixes)).toBe('xujiahui-jiedao');
    expect(jurisdictionSlug('内蒙古自治区', suffixes)).toBe('neimenggu-zizhiqu');
    expect(jurisdictionSlug('国家', suffixes)).toBe('china');
  });

  it('join jurisdiction, levels, body and function or group', () => {
    expect(entityId({ jurisdiction: '郑州市', levels: null, name: 'finance' }, suffixes)).toBe('zhengzhou-shi-finance');
    expect(entityId({ jurisdiction: '国家', levels: ['provincial', 'prefecture', 'county'], name: 'human-resources-social-security' }, suffixes)).toBe(
      'china-provincial-prefecture-county-human-resources-social-security',
    );
    expect(entityId({ jurisdiction: '湘潭市', levels: null, name: 'coordination-body-members', body: '就业工作' }, suffixes)).toBe(
      'xiangtan-shi-jiuyegongzuo-coordination-body-members',
    );
  });
});
