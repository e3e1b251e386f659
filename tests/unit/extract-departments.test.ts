import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '#core/department-registry.ts';
import { extractDepartments } from '../../scripts/lib/ingest/extract/departments.ts';
import type { DocumentMeta } from '#schemas/document.ts';
import type { Department } from '#schemas/entities.ts';
import { documentOfClauses } from '../helpers/document-builder.ts';

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

/** The mentions of one clause as [departmentId or entityId, role]. */
function ids(result: ReturnType<typeof extractDepartments>, clauseId: string) {
  return result.mentions.filter((m) => m.clauseId === clauseId).map((m) => [m.departmentId ?? m.entityId, m.role]);
}

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

  it('subjects listed with other words between them share the predicate after the last (…等部门或者机构，A、B等团体…予以配合)', () => {
    const result = xiangtan(['市民政局、市公安局等部门或者机构，市总工会、市妇联等团体应当予以配合。', '用人单位、职工、市总工会、医疗机构以及有关部门应当予以协助。']);
    expect(ids(result, 'm-1')).toEqual([
      ['xiangtan-civil-affairs', 'support'],
      ['xiangtan-police', 'support'],
      ['xiangtan-shi-trade-union', 'support'],
      ['xiangtan-shi-womens-federation', 'support'],
    ]);
    // Conjuncts of no known function before the subject (用人单位、职工、) leave it the subject; the group phrase stays a mention.
    expect(ids(result, 'm-2')).toEqual([
      ['xiangtan-shi-trade-union', 'support'],
      ['xiangtan-shi-relevant-departments', 'mentioned'],
    ]);
  });

  it('every member of a list after 会同 or before 配合 supports, not only the first', () => {
    const result = xiangtan(['人力资源社会保障部门会同财政、教育、民政等部门制定办法。', '人力资源社会保障部门负责，财政、教育、民政等部门配合。']);
    for (const clause of ['m-1', 'm-2'])
      expect(ids(result, clause)).toEqual([
        ['xiangtan-hrss', 'lead'],
        ['xiangtan-finance', 'support'],
        ['xiangtan-education', 'support'],
        ['xiangtan-civil-affairs', 'support'],
      ]);
  });

  it('a subject listed after conjuncts of no known function leads by its own predicate (政府领导、民政部门牵头)', () => {
    expect(ids(xiangtan(['健全政府领导、市民政局牵头、有关部门各负其责的工作机制。']), 'm-1')).toEqual([
      ['xiangtan-civil-affairs', 'lead'],
      ['xiangtan-shi-relevant-departments', 'mentioned'],
    ]);
  });

  it('the object of 请求 that 协助 supports; in X协同Y做好, X assists Y', () => {
    expect(ids(xiangtan(['市人社局可以请求市公安局协助处理。']), 'm-1')).toEqual([
      ['xiangtan-hrss', 'mentioned'],
      ['xiangtan-police', 'support'],
    ]);
    expect(ids(xiangtan(['市公安局、市财政局应当协同市人社局做好监察工作。']), 'm-1')).toEqual([
      ['xiangtan-police', 'support'],
      ['xiangtan-finance', 'support'],
      ['xiangtan-hrss', 'mentioned'],
    ]);
  });

  it('a name followed at once by its predicate is its subject, whatever stands before; not after 对 or 向', () => {
    expect(ids(xiangtan(['实行市人社局、街道和社区共同参与的考核办法。']), 'm-1')).toEqual([['xiangtan-hrss', 'support']]);
    expect(ids(xiangtan(['指导市民政局协助做好信息排摸。']), 'm-1')).toEqual([['xiangtan-civil-affairs', 'support']]);
    // The one answered to does not lead (and the window of 市财政局 ends at the next name).
    expect(ids(xiangtan(['市财政局对市人民政府负责。']), 'm-1')).toEqual([
      ['xiangtan-finance', 'mentioned'],
      ['xiangtan-shi-people-government', 'mentioned'],
    ]);
  });

  it('a negated predicate, 负责人, 直接负责的主管人员 and 民主管理 give no part', () => {
    const result = xiangtan(['市人社局在查处案件时，发现用人单位拒不配合调查的，依法处理。', '市人社局违反规定的，对直接负责的主管人员依法给予处分。', '市总工会指导企业建立职工民主管理制度。']);
    expect(ids(result, 'm-1')).toEqual([['xiangtan-hrss', 'mentioned']]);
    expect(ids(result, 'm-2')).toEqual([['xiangtan-hrss', 'mentioned']]);
    expect(ids(result, 'm-3')).toEqual([['xiangtan-shi-trade-union', 'mentioned']]);
  });

  it('负责 whose object is to support supports; 履行下列职责 leads', () => {
    expect(ids(xiangtan(['市总工会应当负责安排相关人员配合工作。']), 'm-1')).toEqual([['xiangtan-shi-trade-union', 'support']]);
    expect(ids(xiangtan(['市社保中心具体承办社会保险事务，履行下列职责：']), 'm-1')).toEqual([['xiangtan-shi-social-insurance-agency', 'lead']]);
  });

  it('two printed names of one office in a clause are both kept, each with its own part', () => {
    const result = xiangtan(['人力资源社会保障部门要发挥牵头作用。市人力资源和社会保障局要会同市财政局制定办法。']);
    expect(result.mentions.map((m) => [m.departmentId, m.name, m.role])).toEqual([
      ['xiangtan-hrss', '人力资源社会保障部门', 'lead'],
      ['xiangtan-hrss', '市人力资源和社会保障局', 'lead'],
      ['xiangtan-finance', '市财政局', 'support'],
    ]);
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
    ['a list before a statute phrase whose word ends in 管理', '教育、房屋管理部门应当作出决定。', [['教育部门', 'xiangtan-education', null], ['房屋管理部门', 'xiangtan-shi-housing-administration', null]]],
    ['a level list after 住所地', '到住所地街道、乡镇公共就业服务机构登记。', [['街道、乡镇公共就业服务机构', 'xiangtan-shi-township-public-employment-service', null]]],
    ['a level phrase after 全市', '全市各级公共就业服务机构每年组织招聘会。', [['各级公共就业服务机构', 'xiangtan-shi-prefecture-county-township-public-employment-service', null]]],
    ['a level list after 根据', '根据省、自治区、直辖市人民政府规定执行。', [['省、自治区、直辖市人民政府', 'xiangtan-shi-provincial-people-government', null]]],
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

describe('extractDepartments: statute wording of the shared corpus', () => {
  const NATIONAL: DocumentMeta['region'] = { name: '全国', level: 'national', within: [] };
  const read = (line: string) => extractDepartments(documentOfClauses([line], { region: NATIONAL }), registry).mentions.map((m) => [m.name, m.role, m.resolution, m.levels]);

  it('地方 before a government is every local level', () => {
    expect(read('对地方人民政府及其有关部门负责人依法给予处分。')[0]).toEqual(['地方人民政府', 'mentioned', 'level', ['provincial', 'prefecture', 'county', 'township']]);
  });

  it('a group phrase that names a set of functions (金融管理部门) takes the role of its list; other group phrases stay mentions', () => {
    expect(read('教育、金融管理等部门和有关部门应当予以配合。').map((m) => m.slice(0, 3))).toEqual([
      ['教育部门', 'support', 'level'],
      ['金融管理部门', 'support', 'group'],
      ['有关部门', 'mentioned', 'group'],
    ]);
  });
});

describe('extractDepartments: a document whose government is unknown', () => {
  const UNKNOWN: DocumentMeta['region'] = { name: '未知', level: 'city', within: [] };
  const read = (lines: string[], meta: Partial<DocumentMeta>) =>
    extractDepartments(documentOfClauses(lines, { region: UNKNOWN, title: '关于做好就业工作的通知', ...meta }), registry).mentions.map((m) => [m.name, m.resolution, m.entityId, m.jurisdiction, m.levels, m.role]);

  it('a bare 市人社局 or 财政部门 comes out unresolved, with its function, level and role, not as a national office', () => {
    expect(read(['由市人社局牵头，财政部门配合。'], {})).toEqual([
      // 市 may be a municipality, a prefecture city or a county-level city (content/jurisdictions.json).
      ['市人社局', 'unresolved', null, null, ['provincial', 'prefecture', 'county'], 'lead'],
      ['财政部门', 'unresolved', null, null, ['national', 'provincial', 'prefecture', 'county', 'township'], 'support'],
    ]);
    // An issuer without a place (a signature 市人力资源和社会保障局) tells no government either.
    expect(read(['由市人社局负责。'], { issuer: '市人力资源和社会保障局' })[0]?.[1]).toBe('unresolved');
  });

  it('a level phrase and a group of the unknown government get no entity either', () => {
    expect(read(['县级以上人民政府和各县市区人民政府要加强领导。'], {})).toEqual([
      ['县级以上人民政府', 'unresolved', null, null, ['national', 'provincial', 'prefecture', 'county'], 'mentioned'],
      ['各县市区人民政府', 'group', null, null, ['county'], 'mentioned'],
    ]);
  });

  it('a named place, a national office or a registry name still resolves', () => {
    expect(read(['由湘潭市人社局会同人社部负责。'], {})).toEqual([
      ['湘潭市人社局', 'office', 'xiangtan-hrss', '湘潭市', null, 'lead'],
      ['人社部', 'office', 'china-hrss', '国家', null, 'support'],
    ]);
  });

  it('the issuer’s place stands in for the title’s; a national issuer makes the text national', () => {
    expect(read(['由市人社局负责。'], { issuer: '湘潭市人民政府' })).toEqual([['市人社局', 'office', 'xiangtan-hrss', '湘潭市', null, 'lead']]);
    expect(read(['由财政部门负责。'], { issuer: '国务院' })[0]?.slice(1, 3)).toEqual(['level', 'china-national-provincial-prefecture-county-township-finance']);
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
