import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '#core/department-registry.ts';
import { extractDepartments } from '../../scripts/lib/ingest/extract/departments.ts';
import { Document } from '#schemas/document.ts';
import type { DocumentMeta } from '#schemas/document.ts';
import type { Department } from '#schemas/entities.ts';
import { documentOfClauses } from '../helpers/document-builder.ts';

const doc = (id: string) => Document.parse(JSON.parse(fs.readFileSync(`content/generated/documents/${id}.json`, 'utf8')));
const registry = loadRegistry(JSON.parse(fs.readFileSync('content/departments.json', 'utf8')));

/** A document whose every line is one numbered clause `m-<n>` at line n, of a 湘潭市 government unless `region` says otherwise. */
const crafted = (lines: string[], region?: DocumentMeta['region']) => documentOfClauses(lines, region === undefined ? {} : { region });

/** The mentions of one clause as [departmentId, role]. */
function roles(result: ReturnType<typeof extractDepartments>, clauseId: string) {
  return result.mentions.filter((m) => m.clauseId === clauseId).map((m) => [m.departmentId, m.role]);
}

const entry = (over: Partial<Department>): Department => ({
  id: 'a',
  name: '湘潭市人力资源和社会保障局',
  aliases: [],
  jurisdiction: '湘潭市',
  function: '人力资源社会保障',
  kind: 'department',
  ...over,
});

describe('loadRegistry', () => {
  it('loads the reviewed registry', () => {
    expect(registry).toHaveLength((JSON.parse(fs.readFileSync('content/departments.json', 'utf8')) as unknown[]).length);
    const hrss = registry.find((d) => d.id === 'xiangtan-hrss');
    expect(hrss?.name).toBe('湘潭市人力资源和社会保障局');
    expect(hrss?.aliases).toContain('市人社局');
    expect(registry.find((d) => d.aliases.includes('市发改委') && d.jurisdiction === '湘潭市')?.name).toBe('湘潭市发展和改革委员会');
  });

  it('classifies the units that are not government departments', () => {
    const others = registry.filter((d) => d.kind === 'non-department').map((d) => d.name);
    expect(others).toEqual([
      '中国邮政储蓄银行湘潭市分行',
      '湘潭市16个产业联盟牵头单位',
      '湘潭市16个产业联盟牵头银行',
      '各盟长单位',
      '各县市区人民政府',
      '湘潭高新区、经开区和昭山示范区管委会',
      '驻潭各高校',
      '湘潭市就业工作领导小组各成员单位',
      '各乡镇人民政府',
      '街道办事处',
    ]);
  });

  it('shares functions across jurisdictions', () => {
    const hrss = registry.filter((d) => d.function === '人力资源社会保障').map((d) => `${d.jurisdiction}:${d.id}`);
    expect(hrss).toEqual([
      '国家:china-hrss',
      '江苏省:jiangsu-hrss',
      '湘潭市:xiangtan-hrss',
      '四川省:sichuan-hrss',
      '宜宾市:yibin-hrss',
      '上海市:shanghai-hrss',
      '徐汇区:xuhui-hrss',
    ]);
  });

  it('rejects an alias that names two entries of one jurisdiction', () => {
    const json = [
      entry({ id: 'xiangtan-hrss', aliases: ['市人社局'] }),
      entry({ id: 'xiangtan-finance', name: '湘潭市财政局', function: '财政', aliases: ['市人社局'] }),
    ];
    expect(() => loadRegistry(json)).toThrow('"市人社局" names both xiangtan-hrss and xiangtan-finance in 湘潭市');
  });

  it('rejects an alias listed twice in one entry', () => {
    expect(() => loadRegistry([entry({ id: 'xiangtan-hrss', aliases: ['市人社局', '市人社局'] })])).toThrow(
      'xiangtan-hrss: "市人社局" is listed twice',
    );
  });

  it('rejects an alias that clashes with the abbreviation of another name (湘潭市财政局 → 市财政局)', () => {
    const json = [
      entry({ id: 'xiangtan-finance', name: '湘潭市财政局', function: '财政' }),
      entry({ id: 'xiangtan-hrss', aliases: ['市财政局'] }),
    ];
    expect(() => loadRegistry(json)).toThrow('"市财政局" names both xiangtan-finance and xiangtan-hrss in 湘潭市');
  });

  it('reports every problem at once: duplicate ids and two departments of one function', () => {
    const json = [entry({ id: 'dup' }), entry({ id: 'dup', name: '湘潭市人社局' })];
    expect(() => loadRegistry(json)).toThrow(
      'invalid department registry:\n- duplicate id dup\n- dup and dup both serve 人力资源社会保障 in 湘潭市',
    );
  });

  it('allows the same abbreviation in different jurisdictions', () => {
    const json = [
      entry({ id: 'xiangtan-hrss', aliases: ['市人社局'] }),
      entry({ id: 'yibin-hrss', name: '宜宾市人力资源和社会保障局', jurisdiction: '宜宾市', aliases: ['市人社局'] }),
    ];
    expect(loadRegistry(json).map((d) => d.id)).toEqual(['xiangtan-hrss', 'yibin-hrss']);
  });

  it('rejects entries that break the schema', () => {
    expect(() => loadRegistry([entry({ id: 'Xiangtan HRSS' })])).toThrow();
    expect(() => loadRegistry([{ ...entry({}), kind: 'bank' }])).toThrow();
  });
});

/** The mentions of one clause as [departmentId or entityId, role]. */
function ids(result: ReturnType<typeof extractDepartments>, clauseId: string) {
  return result.mentions.filter((m) => m.clauseId === clauseId).map((m) => [m.departmentId ?? m.entityId, m.role]);
}

describe('extractDepartments: xiangtan 责任单位 lists', () => {
  const result = extractDepartments(doc('xiangtan-2019-stabilise-employment'), registry);
  const listed = result.mentions.filter((m) => !m.inferred);

  it('reads every list without a warning, and resolves every listed unit to its registry entry', () => {
    expect(result.diagnostics).toEqual([]);
    expect(listed).toHaveLength(85);
    expect(listed.every((m) => m.departmentId !== null && m.resolution !== 'unknown')).toBe(true);
  });

  it('d1-1.1: the list that states the rule, 等 stripped; the role word 牵头部门 in the text is a group', () => {
    const list = '（责任单位：市发改委、市16个产业联盟牵头单位等。列第一位者为牵头单位，下同）';
    expect(result.mentions.filter((m) => m.clauseId === 'd1-1.1' && !m.inferred)).toEqual([
      {
        documentId: 'xiangtan-2019-stabilise-employment',
        clauseId: 'd1-1.1',
        line: 10,
        sentence: list,
        departmentId: 'xiangtan-drc',
        entityId: 'xiangtan-drc',
        name: '市发改委',
        resolution: 'office',
        function: 'development-reform',
        jurisdiction: '湘潭市',
        levels: null,
        group: false,
        historical: null,
        role: 'lead',
        inferred: false,
      },
      {
        documentId: 'xiangtan-2019-stabilise-employment',
        clauseId: 'd1-1.1',
        line: 10,
        sentence: list,
        departmentId: 'xiangtan-alliance-lead-units',
        entityId: 'xiangtan-alliance-lead-units',
        name: '市16个产业联盟牵头单位',
        resolution: 'office',
        function: null,
        jurisdiction: '湘潭市',
        levels: null,
        group: false,
        historical: null,
        role: 'support',
        inferred: false,
      },
    ]);
    expect(result.mentions.find((m) => m.clauseId === 'd1-1.1' && m.inferred)).toMatchObject({ name: '牵头部门', group: true, role: 'mentioned' });
  });

  it('d1-1.2: 下同 makes the first unit of a later list lead, even a non-department', () => {
    expect(roles(result, 'd1-1.2')).toEqual([
      ['xiangtan-alliance-chairs', 'lead'],
      ['xiangtan-alliance-lead-units', 'support'],
    ]);
  });

  it('d1-2.4: government office, 国资委 and a bank branch', () => {
    const list = listed.filter((m) => m.clauseId === 'd1-2.4');
    expect(list.map((m) => [m.departmentId, m.name, m.role])).toEqual([
      ['xiangtan-finance-office', '市政府经济研究和金融工作办公室', 'lead'],
      ['xiangtan-sasac', '市国资委', 'support'],
      ['xiangtan-psbc', '邮储银行湘潭市分行', 'support'],
    ]);
  });

  it('d1-2.6: 人民银行市中心支行 and 湘潭银保监分局', () => {
    expect(listed.filter((m) => m.clauseId === 'd1-2.6').map((m) => [m.departmentId, m.role])).toEqual([
      ['xiangtan-hrss', 'lead'],
      ['xiangtan-finance', 'support'],
      ['xiangtan-pbc', 'support'],
      ['xiangtan-cbirc', 'support'],
    ]);
  });

  it('d1-4.10: six units, 市编办 and 市市场监督管理局 resolved', () => {
    expect(roles(result, 'd1-4.10')).toEqual([
      ['xiangtan-approval', 'lead'],
      ['xiangtan-drc', 'support'],
      ['xiangtan-bianban', 'support'],
      ['xiangtan-samr', 'support'],
      ['xiangtan-hrss', 'support'],
      ['xiangtan-education', 'support'],
    ]);
  });

  it('d1-6.17: lists separated by commas; group phrases in a list are mentions with group true', () => {
    expect(result.mentions.filter((m) => m.clauseId === 'd1-6.17').map((m) => [m.departmentId, m.role, m.group])).toEqual([
      ['xiangtan-hrss', 'lead', false],
      ['xiangtan-finance', 'support', false],
      ['xiangtan-universities', 'mentioned', true],
      ['xiangtan-county-governments', 'mentioned', true],
      ['xiangtan-park-committees', 'mentioned', true],
    ]);
  });

  it('d1-8.22: two （…牵头负责） lists lead; a list opened by a group has no lead', () => {
    const mentions = listed.filter((m) => m.clauseId === 'd1-8.22');
    expect(mentions.map((m) => [m.departmentId, m.role])).toEqual([
      ['xiangtan-stats', 'lead'],
      ['xiangtan-hrss', 'lead'],
      ['xiangtan-county-governments', 'mentioned'],
      ['xiangtan-park-committees', 'mentioned'],
      ['xiangtan-employment-group-members', 'mentioned'],
    ]);
    expect(mentions[0]?.sentence).toBe(
      '要加强对全市宏观经济运行情况的监测，尤其是对规模以上工业企业基本情况和运行状况的监测，要按月统计分析形成报告（市统计局牵头负责）。',
    );
    // In the running text: the members of the leading group as a group named by its body, and the city government.
    expect(result.mentions.filter((m) => m.clauseId === 'd1-8.22' && m.inferred).map((m) => [m.entityId, m.name, m.group])).toEqual([
      ['xiangtan-shi-development-zone-committee', '管委会', false],
      ['xiangtan-shi-jiuyegongzuo-coordination-body-members', '市就业工作领导小组成员单位', true],
      ['xiangtan-shi-people-government', '市人民政府', false],
    ]);
  });

  it('d1-8.23: 各级财政部门 is the finance function at every level of the city, apart from 市财政局 in the list; 各乡镇（街道） a group', () => {
    expect(ids(result, 'd1-8.23')).toEqual([
      ['xiangtan-shi-prefecture-county-township-finance', 'mentioned'],
      ['xiangtan-shi-township-level-units', 'mentioned'],
      ['xiangtan-finance', 'lead'],
      ['xiangtan-hrss', 'support'],
      ['xiangtan-county-governments', 'mentioned'],
      ['xiangtan-park-committees', 'mentioned'],
      ['xiangtan-township-governments', 'mentioned'],
      ['xiangtan-subdistrict-offices', 'mentioned'],
    ]);
  });

  const leads: [string, string[]][] = [
    ['d1-1.1', ['xiangtan-drc']],
    ['d1-1.2', ['xiangtan-alliance-chairs']],
    ['d1-1.3', ['xiangtan-alliance-lead-banks']],
    ['d1-2.4', ['xiangtan-finance-office']],
    ['d1-2.5', ['xiangtan-tax']],
    ['d1-2.6', ['xiangtan-hrss']],
    ['d1-3.7', ['xiangtan-hrss']],
    ['d1-3.8', ['xiangtan-hrss']],
    ['d1-3.9', ['xiangtan-hrss']],
    ['d1-4.10', ['xiangtan-approval']],
    ['d1-4.11', ['xiangtan-hrss']],
    ['d1-4.12', ['xiangtan-hrss']],
    ['d1-5.13', ['xiangtan-hrss']],
    ['d1-5.14', ['xiangtan-hrss']],
    ['d1-5.15', ['xiangtan-hrss']],
    ['d1-6.16', ['xiangtan-hrss']],
    ['d1-6.17', ['xiangtan-hrss']],
    ['d1-6.18', ['xiangtan-hrss']],
    ['d1-7.19', ['xiangtan-hrss']],
    ['d1-7.20', ['xiangtan-hrss']],
    ['d1-7.21', ['xiangtan-hrss']],
    ['d1-8.22', ['xiangtan-stats', 'xiangtan-hrss']],
    ['d1-8.23', ['xiangtan-finance']],
    ['d1-8.24', ['xiangtan-hrss']],
  ];

  it('has a list in each of the 24 measures', () => {
    expect([...new Set(listed.map((m) => m.clauseId))]).toEqual(leads.map(([id]) => id));
  });

  it.each(leads)('%s is led by %j', (clauseId, expected) => {
    const mentions = result.mentions.filter((m) => m.clauseId === clauseId);
    expect(mentions.filter((m) => m.role === 'lead').map((m) => m.departmentId)).toEqual(expected);
  });

  it('counts the listed units of each measure', () => {
    const counts = leads.map(([id]) => listed.filter((m) => m.clauseId === id).length);
    expect(counts).toEqual([2, 2, 2, 3, 3, 4, 2, 2, 3, 6, 3, 2, 5, 3, 4, 6, 5, 5, 4, 3, 3, 5, 6, 2]);
  });
});

describe('extractDepartments: 下同 and lists without a rule', () => {
  it('a list before any rule is all support, with a warning; 下同 then carries to later lists', () => {
    const result = extractDepartments(
      crafted([
        '落实补贴。（责任单位：市人社局、市财政局）',
        '降低费率。（责任单位：市税务局、市财政局等。列第一位者为牵头单位，下同）',
        '优化服务。（责任单位：市教育局、市人社局等）',
      ]),
      registry,
    );
    expect(roles(result, 'm-1')).toEqual([
      ['xiangtan-hrss', 'support'],
      ['xiangtan-finance', 'support'],
    ]);
    expect(roles(result, 'm-2')).toEqual([
      ['xiangtan-tax', 'lead'],
      ['xiangtan-finance', 'support'],
    ]);
    expect(roles(result, 'm-3')).toEqual([
      ['xiangtan-education', 'lead'],
      ['xiangtan-hrss', 'support'],
    ]);
    expect(result.diagnostics).toEqual([
      {
        level: 'warning',
        code: 'department-lead-unstated',
        message: 'the list in m-1 does not say which unit leads; all are recorded as support',
        file: 'tests/crafted.txt',
        line: 1,
      },
    ]);
  });

  it('a rule without 下同 holds for its own list only', () => {
    const result = extractDepartments(
      crafted(['甲。（责任单位：市人社局、市财政局。列第一位者为牵头单位）', '乙。（责任单位：市教育局、市人社局）']),
      registry,
    );
    expect(roles(result, 'm-1')).toEqual([
      ['xiangtan-hrss', 'lead'],
      ['xiangtan-finance', 'support'],
    ]);
    expect(roles(result, 'm-2')).toEqual([
      ['xiangtan-education', 'support'],
      ['xiangtan-hrss', 'support'],
    ]);
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([['department-lead-unstated', 2]]);
  });

  it('a list of one unit: that unit leads', () => {
    const result = extractDepartments(crafted(['甲。（责任单位：市统计局）']), registry);
    expect(roles(result, 'm-1')).toEqual([['xiangtan-stats', 'lead']]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('extractDepartments: （…负责）', () => {
  it('without a rule: all support, with a warning', () => {
    const result = extractDepartments(crafted(['按季度通报进展（市人社局、市财政局负责）。']), registry);
    expect(result.mentions.map((m) => [m.departmentId, m.name, m.role, m.inferred, m.sentence])).toEqual([
      ['xiangtan-hrss', '市人社局', 'support', false, '按季度通报进展（市人社局、市财政局负责）。'],
      ['xiangtan-finance', '市财政局', 'support', false, '按季度通报进展（市人社局、市财政局负责）。'],
    ]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['department-lead-unstated']);
  });

  it('after a 下同 rule: the first unit leads', () => {
    const result = extractDepartments(
      crafted(['甲。（责任单位：市发改委、市财政局。列第一位者为牵头单位，下同）', '按季度通报进展（市人社局、市财政局负责）。']),
      registry,
    );
    expect(roles(result, 'm-2')).toEqual([
      ['xiangtan-hrss', 'lead'],
      ['xiangtan-finance', 'support'],
    ]);
  });

  it('with its own rule, 列第一位者为牵头单位，下同: the first unit leads, here and in the 负责 lists after it', () => {
    const result = extractDepartments(
      crafted(['建立评价机制。（市发展改革委、市财政局、市人社局等负责，列第一位者为牵头单位，下同）', '发展吸纳就业能力强的产业。（市商务局、市人社局等负责）']),
      registry,
    );
    expect(roles(result, 'm-1')).toEqual([
      ['xiangtan-drc', 'lead'],
      ['xiangtan-finance', 'support'],
      ['xiangtan-hrss', 'support'],
    ]);
    expect(roles(result, 'm-2').map(([, role]) => role)).toEqual(['lead', 'support']);
    expect(result.diagnostics.map((d) => d.code)).not.toContain('department-lead-unstated');
  });

  it('牵头负责 names the lead itself', () => {
    const result = extractDepartments(crafted(['按月统计(市统计局、市人社局牵头负责)。']), registry);
    expect(roles(result, 'm-1')).toEqual([
      ['xiangtan-stats', 'lead'],
      ['xiangtan-hrss', 'support'],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it('a parenthetical that is not a list of organs is left alone', () => {
    const result = extractDepartments(crafted(['按规定执行（由用人单位负责）。']), registry);
    expect(result.mentions).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('extractDepartments: roles read from the wording', () => {
  it('jiangsu d2-3.1: 人力资源社会保障部门 leads, 发展改革 and 财政 (sharing the head 部门) support', () => {
    const result = extractDepartments(doc('jiangsu-szbf-2012-91'), registry);
    expect(result.mentions.filter((m) => m.clauseId === 'd2-3.1').map((m) => [m.departmentId ?? m.entityId, m.name, m.role, m.group])).toEqual([
      ['jiangsu-sheng-people-government', '各试点、示范地区人民政府', 'mentioned', true],
      ['jiangsu-hrss', '人力资源社会保障部门', 'lead', false],
      ['jiangsu-drc', '发展改革部门', 'support', false],
      ['jiangsu-finance', '财政部门', 'support', false],
    ]);
    expect(roles(result, 'd2-3.3')).toEqual([['jiangsu-hrss', 'mentioned']]);
    expect(result.diagnostics).toEqual([]);
  });

  it('xuhui: 市 in a district document is 上海市, 区 is 徐汇区; a leading group is a group named by its body', () => {
    const result = extractDepartments(doc('xuhui-2016-employment-plan'), registry);
    const byName = (name: string) => result.mentions.find((m) => m.name === name);
    expect(byName('市人力资源社会保障局')).toMatchObject({ departmentId: 'shanghai-hrss', jurisdiction: '上海市', role: 'mentioned' });
    expect(byName('市人社局')).toMatchObject({ departmentId: 'shanghai-hrss', clauseId: 'm-2.4' });
    expect(byName('市政府')).toMatchObject({ entityId: 'shanghai-shi-people-government', jurisdiction: '上海市' });
    expect(byName('区社会保障服务中心')).toMatchObject({ entityId: 'xuhui-qu-social-insurance-agency', jurisdiction: '徐汇区' });
    expect(byName('徐汇区促进就业工作领导小组')).toMatchObject({ entityId: 'xuhui-qu-cujinjiuyegongzuo-coordination-bodies', group: true });
    // The same body named without its district is the same entity.
    expect(byName('促进就业工作领导小组')?.entityId).toBe('xuhui-qu-cujinjiuyegongzuo-coordination-bodies');
    expect(result.diagnostics).toEqual([]);
  });

  it('yibin: registry entries keep their ids; levels and groups get their own', () => {
    const result = extractDepartments(doc('yibin-yfbh-2014-282'), registry);
    const of = (clauseId: string) => result.mentions.filter((m) => m.clauseId === clauseId).map((m) => [m.departmentId ?? m.entityId, m.name, m.role]);
    expect(of('m-p2')).toEqual([
      ['china-hrss', '人力资源社会保障部', 'mentioned'],
      ['sichuan-bianwei', '省编委', 'mentioned'],
      ['sichuan-hrss', '人力资源社会保障厅', 'mentioned'],
    ]);
    expect(of('m-3.1').slice(0, 4)).toEqual([
      ['yibin-hrss', '人力资源社会保障部门', 'lead'],
      ['yibin-drc', '发展改革部门', 'mentioned'],
      ['yibin-finance', '财政部门', 'mentioned'],
      ['yibin-bianban', '编制部门', 'mentioned'],
    ]);
    // 县(区) in a city's text: the county level within the city, not the city's own department.
    expect(result.mentions.find((m) => m.name === '县（区）人力资源社会保障部门')).toMatchObject({
      departmentId: null,
      entityId: 'yibin-shi-county-human-resources-social-security',
      resolution: 'level',
      levels: ['county'],
    });
    expect(result.mentions.find((m) => m.name === '各县（区）政府')).toMatchObject({ resolution: 'group', group: true, function: 'people-government' });
    expect(of('m-3.6').slice(2)).toEqual([
      ['yibin-gov-supervision', '市政府督查室', 'mentioned'],
      ['yibin-hrss', '市人力资源社会保障局', 'mentioned'],
      ['yibin-finance', '财政部门', 'mentioned'],
      ['yibin-audit', '审计部门', 'mentioned'],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it('names inside 《》 are part of a title, not mentions', () => {
    const result = extractDepartments(crafted(['根据《湖南省人民政府办公厅关于做好稳就业有关工作的通知》精神，制定本措施。']), registry);
    expect(result.mentions).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });

  it('does not take words like 本市就业局势, 社区服务大厅 or 规划部署 for organs', () => {
    const result = extractDepartments(crafted(['确保本市就业局势稳定。', '城镇社区服务大厅面积达到40平方米以上。', '按照规划部署推进。']), registry);
    expect(result.mentions).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('extractDepartments: every responsibility convention', () => {
  const xiangtan = (lines: string[]) => extractDepartments(crafted(lines), registry);

  it('（牵头单位：A；责任单位：B、C）: A leads, B and C support, without a warning', () => {
    const result = xiangtan(['落实补贴。（牵头单位：市人社局；责任单位：市财政局、市教育局）']);
    expect(roles(result, 'm-1')).toEqual([
      ['xiangtan-hrss', 'lead'],
      ['xiangtan-finance', 'support'],
      ['xiangtan-education', 'support'],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it('（责任单位：A、B，列第一位者为牵头单位）: the rule after a comma', () => {
    const result = xiangtan(['落实补贴。（责任单位：市发改委、市人社局，列第一位者为牵头单位）']);
    expect(roles(result, 'm-1')).toEqual([
      ['xiangtan-drc', 'lead'],
      ['xiangtan-hrss', 'support'],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it('由X牵头，Y配合: X leads, Y supports', () => {
    expect(roles(xiangtan(['由市统计局牵头，市人社局、市财政局配合。']), 'm-1')).toEqual([
      ['xiangtan-stats', 'lead'],
      ['xiangtan-hrss', 'support'],
      ['xiangtan-finance', 'support'],
    ]);
  });

  it('X负责, 由X主管: X leads; X会同Y: X leads, Y supports; 参与 and 协助 support', () => {
    const result = xiangtan(['市人社局负责组织实施。', '具体工作由市民政局主管。', '市人社局会同市财政局制定办法。', '市财政局参与评估，市教育局协助。']);
    expect(roles(result, 'm-1')).toEqual([['xiangtan-hrss', 'lead']]);
    expect(roles(result, 'm-2')).toEqual([['xiangtan-civil-affairs', 'lead']]);
    expect(roles(result, 'm-3')).toEqual([
      ['xiangtan-hrss', 'lead'],
      ['xiangtan-finance', 'support'],
    ]);
    expect(roles(result, 'm-4')).toEqual([
      ['xiangtan-finance', 'support'],
      ['xiangtan-education', 'support'],
    ]);
    expect(result.mentions.every((m) => m.inferred)).toBe(true);
  });

  it('a name given no part is mentioned; a subject keeps its part over a comma', () => {
    const result = xiangtan(['方案报市人社局备案。', '市社保中心受理申请，负责审核。']);
    expect(ids(result, 'm-1')).toEqual([['xiangtan-hrss', 'mentioned']]);
    expect(ids(result, 'm-2')).toEqual([['xiangtan-shi-social-insurance-agency', 'lead']]);
  });

  it('group phrases are mentions with group true, whatever their verb', () => {
    const result = xiangtan(['各县市区人民政府、市直有关部门要负责落实。', '市就业工作联席会议成员单位要加强协调。']);
    expect(result.mentions.map((m) => [m.entityId, m.name, m.role, m.group, m.resolution])).toEqual([
      ['xiangtan-county-governments', '各县市区人民政府', 'mentioned', true, 'group'],
      ['xiangtan-shi-relevant-departments', '市直有关部门', 'mentioned', true, 'group'],
      ['xiangtan-shi-jiuyegongzuo-coordination-body-members', '市就业工作联席会议成员单位', 'mentioned', true, 'group'],
    ]);
  });
});

describe('extractDepartments: statute phrasing', () => {
  const national: DocumentMeta['region'] = { name: '全国', level: 'national', within: [] };
  const result = extractDepartments(
    crafted(
      [
        '国务院社会保险行政部门负责全国的社会保险管理工作，国务院其他有关部门在各自的职责范围内负责有关的社会保险工作。',
        '县级以上地方人民政府社会保险行政部门负责本行政区域的社会保险管理工作。',
        '社会保险经办机构提供社会保险服务，负责社会保险登记、个人权益记录。',
        '县级以上地方人民政府人力资源社会保障、发展改革、财政、公安等部门按照职责做好相关工作。',
        '工会、共产主义青年团、妇女联合会、残疾人联合会以及其他社会组织，协助人民政府开展促进就业工作。',
      ],
      national,
    ),
    registry,
  );
  const of = (clauseId: string) => result.mentions.filter((m) => m.clauseId === clauseId);

  it('国务院X行政部门 is the national office; its other departments are a national group', () => {
    expect(of('m-1').map((m) => [m.departmentId ?? m.entityId, m.resolution, m.role, m.group])).toEqual([
      ['china-hrss', 'office', 'lead', false],
      ['china-relevant-departments', 'group', 'mentioned', true],
    ]);
  });

  it('县级以上地方人民政府X行政部门 is the function at the levels from county up, not one office', () => {
    expect(of('m-2')).toMatchObject([
      {
        departmentId: null,
        entityId: 'china-provincial-prefecture-county-human-resources-social-security',
        resolution: 'level',
        function: 'human-resources-social-security',
        jurisdiction: '国家',
        levels: ['provincial', 'prefecture', 'county'],
        role: 'lead',
      },
    ]);
  });

  it('a bare function in a national text is that function at every level', () => {
    expect(of('m-3')).toMatchObject([{ entityId: 'china-national-provincial-prefecture-county-social-insurance-agency', resolution: 'level', role: 'lead' }]);
  });

  it('a level phrase before a list sharing a head applies to every member', () => {
    expect(of('m-4').map((m) => [m.name, m.function, m.levels?.join(',')])).toEqual([
      ['县级以上地方人民政府人力资源社会保障部门', 'human-resources-social-security', 'provincial,prefecture,county'],
      ['发展改革部门', 'development-reform', 'provincial,prefecture,county'],
      ['财政部门', 'finance', 'provincial,prefecture,county'],
      ['公安部门', 'public-security', 'provincial,prefecture,county'],
    ]);
  });

  it('the organisations before 协助 support over a comma; the government they help is mentioned', () => {
    expect(of('m-5').map((m) => [m.name, m.role])).toEqual([
      ['工会', 'support'],
      ['共产主义青年团', 'support'],
      ['妇女联合会', 'support'],
      ['残疾人联合会', 'support'],
      ['人民政府', 'mentioned'],
    ]);
  });
});

describe('extractDepartments: names by their form', () => {
  const xiangtan = (line: string) => extractDepartments(crafted([line]), registry).mentions.map((m) => [m.name, m.departmentId ?? m.entityId, m.historical?.name ?? null]);

  it.each<[string, string, [string, string | null, string | null][]]>([
    ['a full name', '由湘潭市人力资源和社会保障局负责。', [['湘潭市人力资源和社会保障局', 'xiangtan-hrss', null]]],
    ['abbreviations with 市', '由市人社局、市发改委和市残联负责。', [['市人社局', 'xiangtan-hrss', null], ['市发改委', 'xiangtan-drc', null], ['市残联', 'xiangtan-shi-disabled-persons-federation', null]]],
    ['a jurisdiction inside the form', '由国家税务总局湘潭市税务局和团市委负责。', [['国家税务总局湘潭市税务局', 'xiangtan-tax', null], ['团市委', 'xiangtan-shi-youth-league', null]]],
    ['the province of the document', '由省人社厅负责。', [['省人社厅', 'hunan-sheng-human-resources-social-security', null]]],
    ['a level the document has no government of', '由县人社局负责。', [['县人社局', 'xiangtan-shi-county-human-resources-social-security', null]]],
    ['a place from the gazetteer', '由郑州市人社局负责。', [['郑州市人社局', 'zhengzhou-shi-human-resources-social-security', null]]],
    ['a name before the 2008 reorganisation', '由市劳动和社会保障局负责。', [['市劳动和社会保障局', 'xiangtan-hrss', '劳动和社会保障']]],
    ['a name before the 2018 tax merger', '由市地税局负责。', [['市地税局', 'xiangtan-tax', '地方税务']]],
    ['a name before 2021, listed in the registry', '由市扶贫办负责。', [['市扶贫办', 'xiangtan-poverty', '扶贫开发']]],
    ['a list sharing one head', '财政、人力资源社会保障部门要加强监管。', [['财政部门', 'xiangtan-finance', null], ['人力资源社会保障部门', 'xiangtan-hrss', null]]],
    ['a list closed by 等', '发展改革、财政等相关部门要密切配合。', [['发展改革部门', 'xiangtan-drc', null], ['财政部门', 'xiangtan-finance', null]]],
  ])('%s: %s', (_what, line, expected) => {
    expect(xiangtan(line)).toEqual(expected);
  });

  it('a registry name keeps its registry id and gets its function from the taxonomy (扶贫办 → rural-revitalisation)', () => {
    const [m] = extractDepartments(crafted(['由市扶贫办负责。']), registry).mentions;
    expect(m).toMatchObject({ departmentId: 'xiangtan-poverty', function: 'rural-revitalisation' });
  });

  it('the same office in two documents has one entity id', () => {
    const zhengzhou: DocumentMeta['region'] = { name: '郑州市', level: 'city', within: ['河南省'] };
    const inZhengzhou = extractDepartments(crafted(['由市人社局负责。'], zhengzhou), registry).mentions[0];
    const inXiangtan = extractDepartments(crafted(['由郑州市人力资源和社会保障局负责。']), registry).mentions[0];
    expect(inZhengzhou?.entityId).toBe('zhengzhou-shi-human-resources-social-security');
    expect(inXiangtan?.entityId).toBe(inZhengzhou?.entityId);
  });
});

describe('extractDepartments: names of unknown form are kept', () => {
  it('a list item of unknown form: a mention under its printed name, and a warning with its line', () => {
    const result = extractDepartments(crafted(['甲。', '乙。（责任单位：市人社局、市外事侨务办等。列第一位者为牵头单位，下同）']), registry);
    expect(result.mentions.map((m) => [m.departmentId, m.entityId, m.name, m.resolution, m.role])).toEqual([
      ['xiangtan-hrss', 'xiangtan-hrss', '市人社局', 'office', 'lead'],
      [null, null, '市外事侨务办', 'unknown', 'support'],
    ]);
    expect(result.diagnostics).toEqual([
      {
        level: 'warning',
        code: 'department-unknown',
        message: '"市外事侨务办" in m-2 is a department of no known function: kept under its printed name',
        file: 'tests/crafted.txt',
        line: 2,
      },
    ]);
  });

  it('an organ-like name in the text: a mention with its role from the wording, and a warning', () => {
    const result = extractDepartments(crafted(['甲。', '乙。', '由市侨务办牵头建立共享平台。']), registry);
    expect(result.mentions).toMatchObject([{ clauseId: 'm-3', name: '市侨务办', entityId: null, resolution: 'unknown', role: 'lead', inferred: true }]);
    expect(result.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([['department-unknown', 'tests/crafted.txt', 3]]);
  });

  it('a member of a 等 list of no known function', () => {
    const result = extractDepartments(crafted(['财政、外事、审计等部门要密切配合。']), registry);
    expect(result.mentions.map((m) => [m.departmentId, m.name, m.resolution, m.role])).toEqual([
      ['xiangtan-finance', '财政部门', 'office', 'support'],
      [null, '外事部门', 'unknown', 'support'],
      [null, '审计部门', 'office', 'support'],
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual(['"外事部门" in m-1 is a department of no known function: kept under its printed name']);
  });
});
