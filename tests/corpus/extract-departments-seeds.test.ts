/**
 * Departments read from the committed seeds: they fail when the parser's output on a seed changes.
 * The rules themselves are unit tests on crafted clauses (tests/unit/extract-departments.test.ts).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '#core/department-registry.ts';
import { extractDepartments } from '../../scripts/lib/ingest/extract/departments.ts';
import { Document, type DocumentMeta } from '#schemas/document.ts';
import { documentOfClauses } from '../helpers/document-builder.ts';

const doc = (id: string) => Document.parse(JSON.parse(fs.readFileSync(`content/generated/documents/${id}.json`, 'utf8')));
const registry = loadRegistry(JSON.parse(fs.readFileSync('content/departments.json', 'utf8')));
// Crafted clauses, for the tests of a seed's rule that also check it on made-up wording.
const crafted = (lines: string[], region?: DocumentMeta['region']) => documentOfClauses(lines, region === undefined ? {} : { region });

/** The mentions of one clause as [departmentId, role]. */
function roles(result: ReturnType<typeof extractDepartments>, clauseId: string) {
  return result.mentions.filter((m) => m.clauseId === clauseId).map((m) => [m.departmentId, m.role]);
}

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
      // 每个乡镇（街道） after 各乡镇（街道）: another printed name of the group, kept.
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

describe('extractDepartments: roles read from the wording', () => {
  it('jiangsu d2-3.1: 人力资源社会保障部门 leads, 发展改革 and 财政 (sharing the head 部门) support; 省人力资源社会保障厅要会同 leads under its own name', () => {
    const result = extractDepartments(doc('jiangsu-szbf-2012-91'), registry);
    expect(result.mentions.filter((m) => m.clauseId === 'd2-3.1').map((m) => [m.departmentId ?? m.entityId, m.name, m.role, m.group])).toEqual([
      ['jiangsu-sheng-people-government', '各试点、示范地区人民政府', 'mentioned', true],
      ['jiangsu-hrss', '人力资源社会保障部门', 'lead', false],
      ['jiangsu-drc', '发展改革部门', 'support', false],
      ['jiangsu-finance', '财政部门', 'support', false],
      ['jiangsu-hrss', '省人力资源社会保障厅', 'lead', false],
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
      ['china-hrss', '人社部', 'mentioned'],
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

describe('extractDepartments: the issuer as a department (发文)', () => {
  const issuers = (id: string) => extractDepartments(doc(id), registry).issuers.map((m) => [m.departmentId, m.name, m.role, m.clauseId]);

  it('gives the issuer of each seed the role issuer, linked to its registry entry, at the line it was read from', () => {
    expect(issuers('xuhui-2016-employment-plan')).toEqual([['xuhui-hrss', '徐汇区人力资源和社会保障局', 'issuer', 'm-p3']]);
    // The sidecar supplies this issuer: it stands at the title.
    expect(issuers('jiangsu-szbf-2012-91')).toEqual([['jiangsu-gov-office', '江苏省人民政府办公厅', 'issuer', 'n-p1']]);
    expect(issuers('yibin-yfbh-2014-282')).toEqual([['yibin-gov-office', '宜宾市人民政府办公室', 'issuer', 'm-p1']]);
  });

  it('gives each of joint issuers its own mention; a name of unknown form keeps its printed name, without a warning', () => {
    const national: DocumentMeta['region'] = { name: '全国', level: 'national', within: [] };
    const joint = extractDepartments(documentOfClauses(['做好工作。'], { region: national, issuer: '人力资源社会保障部、财政部、某某协调署' }), registry);
    expect(joint.issuers.map((m) => [m.entityId, m.name, m.resolution, m.role])).toEqual([
      ['china-hrss', '人力资源社会保障部', 'office', 'issuer'],
      ['china-finance', '财政部', 'office', 'issuer'],
      [null, '某某协调署', 'unknown', 'issuer'],
    ]);
    expect(joint.diagnostics).toEqual([]);
  });

  it('gives a document without an issuer none', () => {
    expect(extractDepartments(crafted(['做好工作。']), registry).issuers).toEqual([]);
  });
});
