import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '#core/department-registry.ts';
import { extractDepartments } from '../../scripts/lib/ingest/extract/departments.ts';
import { Document } from '#schemas/document.ts';
import type { DocumentMeta } from '#schemas/document.ts';
import type { Department } from '#schemas/entities.ts';

const doc = (id: string) => Document.parse(JSON.parse(fs.readFileSync(`content/generated/documents/${id}.json`, 'utf8')));
const registry = loadRegistry(JSON.parse(fs.readFileSync('content/departments.json', 'utf8')));

/** A document whose every line is one numbered clause `m-<n>` at line n. */
function crafted(lines: string[], region: DocumentMeta['region'] = { name: '湘潭市', level: 'city', within: ['湖南省'] }): Document {
  return Document.parse({
    id: 'crafted',
    sourceFile: 'tests/crafted.txt',
    sha256: '0'.repeat(64),
    encoding: 'utf-8',
    script: 'simplified',
    meta: {
      title: '测试',
      shortTitle: '测试',
      docNumber: null,
      issuer: null,
      date: null,
      indexNumber: null,
      validity: null,
      region,
      type: '措施',
      sourceUrl: null,
      provenance: {},
    },
    duplicateOf: null,
    parts: [
      {
        id: 'm',
        kind: 'main',
        label: null,
        title: null,
        lines: { start: 1, end: lines.length },
        children: lines.map((text, i) => ({
          type: 'provision',
          id: `m-${i + 1}`,
          kind: 'numbered',
          level: 2,
          label: `（${i + 1}）`,
          num: i + 1,
          title: null,
          text,
          lines: { start: i + 1, end: i + 1 },
          citation: `测试（${i + 1}）`,
          children: [],
        })),
      },
    ],
    originalLines: lines,
    lines,
    normalisation: {},
    drops: [],
    diagnostics: [],
    extracted: { targets: [], departments: [], projects: [], citations: [], dates: [], groups: [], benefits: [] },
  });
}

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
    expect(registry).toHaveLength(44);
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

describe('extractDepartments: xiangtan 责任单位 lists', () => {
  const result = extractDepartments(doc('xiangtan-2019-stabilise-employment'), registry);

  it('reads every list without a warning, and only lists', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.mentions).toHaveLength(85);
    expect(result.mentions.every((m) => !m.inferred && m.departmentId !== null)).toBe(true);
  });

  it('d1-1.1: the list that states the rule, 等 stripped', () => {
    expect(result.mentions.filter((m) => m.clauseId === 'd1-1.1')).toEqual([
      {
        documentId: 'xiangtan-2019-stabilise-employment',
        clauseId: 'd1-1.1',
        line: 10,
        sentence: '(责任单位:市发改委、市16个产业联盟牵头单位等。列第一位者为牵头单位,下同)',
        departmentId: 'xiangtan-drc',
        name: '市发改委',
        role: 'lead',
        inferred: false,
      },
      {
        documentId: 'xiangtan-2019-stabilise-employment',
        clauseId: 'd1-1.1',
        line: 10,
        sentence: '(责任单位:市发改委、市16个产业联盟牵头单位等。列第一位者为牵头单位,下同)',
        departmentId: 'xiangtan-alliance-lead-units',
        name: '市16个产业联盟牵头单位',
        role: 'support',
        inferred: false,
      },
    ]);
  });

  it('d1-1.2: 下同 makes the first unit of a later list lead, even a non-department', () => {
    expect(roles(result, 'd1-1.2')).toEqual([
      ['xiangtan-alliance-chairs', 'lead'],
      ['xiangtan-alliance-lead-units', 'support'],
    ]);
  });

  it('d1-2.4: government office, 国资委 and a bank branch', () => {
    expect(roles(result, 'd1-2.4')).toEqual([
      ['xiangtan-finance-office', 'lead'],
      ['xiangtan-sasac', 'support'],
      ['xiangtan-psbc', 'support'],
    ]);
    expect(result.mentions.filter((m) => m.clauseId === 'd1-2.4').map((m) => m.name)).toEqual([
      '市政府经济研究和金融工作办公室',
      '市国资委',
      '邮储银行湘潭市分行',
    ]);
  });

  it('d1-2.6: 人民银行市中心支行 and 湘潭银保监分局', () => {
    expect(roles(result, 'd1-2.6')).toEqual([
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

  it('d1-6.17: groups separated by commas', () => {
    expect(roles(result, 'd1-6.17')).toEqual([
      ['xiangtan-hrss', 'lead'],
      ['xiangtan-finance', 'support'],
      ['xiangtan-universities', 'support'],
      ['xiangtan-county-governments', 'support'],
      ['xiangtan-park-committees', 'support'],
    ]);
  });

  it('d1-8.22: two （…牵头负责） lists in the text, then the 责任单位 list', () => {
    const mentions = result.mentions.filter((m) => m.clauseId === 'd1-8.22');
    expect(mentions.map((m) => [m.departmentId, m.role])).toEqual([
      ['xiangtan-stats', 'lead'],
      ['xiangtan-hrss', 'lead'],
      ['xiangtan-county-governments', 'lead'],
      ['xiangtan-park-committees', 'support'],
      ['xiangtan-employment-group-members', 'support'],
    ]);
    expect(mentions[0]?.sentence).toBe(
      '要加强对全市宏观经济运行情况的监测,尤其是对规模以上工业企业基本情况和运行状况的监测,要按月统计分析形成报告(市统计局牵头负责)。',
    );
  });

  it('d1-8.23: 各级财政部门 in the text is not counted again beside 市财政局 in the list', () => {
    expect(roles(result, 'd1-8.23')).toEqual([
      ['xiangtan-finance', 'lead'],
      ['xiangtan-hrss', 'support'],
      ['xiangtan-county-governments', 'support'],
      ['xiangtan-park-committees', 'support'],
      ['xiangtan-township-governments', 'support'],
      ['xiangtan-subdistrict-offices', 'support'],
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
    ['d1-8.22', ['xiangtan-stats', 'xiangtan-hrss', 'xiangtan-county-governments']],
    ['d1-8.23', ['xiangtan-finance']],
    ['d1-8.24', ['xiangtan-hrss']],
  ];

  it('covers all 24 measures', () => {
    const clauses = [...new Set(result.mentions.map((m) => m.clauseId))];
    expect(clauses).toEqual(leads.map(([id]) => id));
  });

  it.each(leads)('%s is led by %j', (clauseId, expected) => {
    const mentions = result.mentions.filter((m) => m.clauseId === clauseId);
    expect(mentions.filter((m) => m.role === 'lead').map((m) => m.departmentId)).toEqual(expected);
    expect(mentions[0]?.role).toBe('lead');
  });

  it('counts the units of each measure', () => {
    const counts = leads.map(([id]) => result.mentions.filter((m) => m.clauseId === id).length);
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
    expect(result.mentions).toEqual([
      {
        documentId: 'crafted',
        clauseId: 'm-1',
        line: 1,
        sentence: '按季度通报进展（市人社局、市财政局负责）。',
        departmentId: 'xiangtan-hrss',
        name: '市人社局',
        role: 'support',
        inferred: false,
      },
      {
        documentId: 'crafted',
        clauseId: 'm-1',
        line: 1,
        sentence: '按季度通报进展（市人社局、市财政局负责）。',
        departmentId: 'xiangtan-finance',
        name: '市财政局',
        role: 'support',
        inferred: false,
      },
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
  it('jiangsu d2-3.1: 人力资源社会保障部门 leads, 发展改革 and 财政 support', () => {
    const result = extractDepartments(doc('jiangsu-szbf-2012-91'), registry);
    const sentence =
      '各试点、示范地区人民政府要高度重视试点、示范项目建设,人力资源社会保障部门要发挥牵头协调作用,发展改革、财政等相关部门要密切配合,形成领导有力、责任明确、共同参与、齐抓共管的良好工作局面。';
    const base = { documentId: 'jiangsu-szbf-2012-91', clauseId: 'd2-3.1', line: 41, sentence, inferred: true };
    expect(result.mentions.filter((m) => m.clauseId === 'd2-3.1')).toEqual([
      { ...base, departmentId: 'jiangsu-hrss', name: '人力资源社会保障部门', role: 'lead' },
      { ...base, departmentId: 'jiangsu-drc', name: '发展改革', role: 'support' },
      { ...base, departmentId: 'jiangsu-finance', name: '财政', role: 'support' },
    ]);
    expect(roles(result, 'd2-3.3')).toEqual([['jiangsu-hrss', 'mentioned']]);
    expect(result.mentions).toHaveLength(4);
    expect(result.diagnostics).toEqual([]);
  });

  it('省人力资源社会保障厅要会同 …: lead; the department after 会同 supports', () => {
    const jiangsu: DocumentMeta['region'] = { name: '江苏省', level: 'province', within: [] };
    const result = extractDepartments(
      crafted(['省人力资源社会保障厅要会同试点、示范地区于5月底前研究制定具体实施方案。', '省人力资源社会保障厅要会同省财政厅制定办法。'], jiangsu),
      registry,
    );
    expect(roles(result, 'm-1')).toEqual([['jiangsu-hrss', 'lead']]);
    expect(roles(result, 'm-2')).toEqual([
      ['jiangsu-hrss', 'lead'],
      ['jiangsu-finance', 'support'],
    ]);
  });

  it('各级财政部门应当… is a mention of the jurisdiction’s finance department', () => {
    const result = extractDepartments(crafted(['强化投入保障机制。各级财政部门应当根据就业状况安排就业补助资金。']), registry);
    expect(result.mentions).toEqual([
      {
        documentId: 'crafted',
        clauseId: 'm-1',
        line: 1,
        sentence: '各级财政部门应当根据就业状况安排就业补助资金。',
        departmentId: 'xiangtan-finance',
        name: '各级财政部门',
        role: 'mentioned',
        inferred: true,
      },
    ]);
  });

  it('xuhui: 市 in a district document is 上海市; signatures are not mentions', () => {
    const result = extractDepartments(doc('xuhui-2016-employment-plan'), registry);
    expect(result.mentions.map((m) => [m.clauseId, m.line, m.departmentId, m.name, m.role, m.sentence])).toEqual([
      ['m-2.u3.2.b1', 65, 'shanghai-hrss', '市人力资源社会保障局', 'mentioned', '按照市人力资源社会保障局统一部署,建立全面、完整、准确的社会保险业务基础数据库,为开展扩覆工作提供数据支撑。'],
      ['m-2.4', 97, 'shanghai-hrss', '市人社局', 'mentioned', '加强市区之间的政策协调,在市人社局的指导下,开展改革先行先试,确保区域就业和社会保障各项工作既符合全市发展的总体要求,又能够与本区改革发展的实际紧密结合起来。'],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it('yibin: national, provincial and city departments, generic enumerations, a level-qualified generic name', () => {
    const result = extractDepartments(doc('yibin-yfbh-2014-282'), registry);
    expect(result.mentions.map((m) => [m.clauseId, m.departmentId, m.name, m.role])).toEqual([
      ['m-p2', 'china-hrss', '人力资源社会保障部', 'mentioned'],
      ['m-p2', 'sichuan-bianwei', '省编委', 'mentioned'],
      ['m-p2', 'sichuan-hrss', '人力资源社会保障厅', 'mentioned'],
      ['m-2.2', 'china-ndrc', '国家发改委', 'mentioned'],
      ['m-3.1', 'yibin-hrss', '人力资源社会保障部门', 'lead'],
      ['m-3.1', 'yibin-drc', '发展改革', 'mentioned'],
      ['m-3.1', 'yibin-finance', '财政', 'mentioned'],
      ['m-3.1', 'yibin-bianban', '编制', 'mentioned'],
      ['m-3.3', 'yibin-hrss', '县(区)人力资源社会保障部门', 'mentioned'],
      ['m-3.6', 'yibin-gov-supervision', '市政府督查室', 'mentioned'],
      ['m-3.6', 'yibin-hrss', '市人力资源社会保障局', 'mentioned'],
      ['m-3.6', 'yibin-finance', '财政', 'mentioned'],
      ['m-3.6', 'yibin-audit', '审计', 'mentioned'],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it('names inside 《》 are part of a title, not mentions', () => {
    const result = extractDepartments(crafted(['根据《湖南省人民政府办公厅关于做好稳就业有关工作的通知》精神，制定本措施。']), registry);
    expect(result.mentions).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });

  it('does not take words like 本市就业局势 or 社区服务大厅 for organs', () => {
    const result = extractDepartments(crafted(['确保本市就业局势稳定。', '城镇社区服务大厅面积达到40平方米以上。']), registry);
    expect(result.mentions).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('extractDepartments: unknown names', () => {
  it('a list item the registry does not know: null id and a warning with its line', () => {
    const result = extractDepartments(
      crafted(['甲。', '乙。（责任单位：市人社局、市大数据局等。列第一位者为牵头单位，下同）']),
      registry,
    );
    expect(roles(result, 'm-2')).toEqual([
      ['xiangtan-hrss', 'lead'],
      [null, 'support'],
    ]);
    expect(result.mentions[1]?.name).toBe('市大数据局');
    expect(result.diagnostics).toEqual([
      {
        level: 'warning',
        code: 'department-unknown',
        message: '"市大数据局" in m-2 is not in the department registry',
        file: 'tests/crafted.txt',
        line: 2,
      },
    ]);
  });

  it('an organ-like name in the text: null id, role from the wording, and a warning', () => {
    const result = extractDepartments(crafted(['甲。', '乙。', '由市大数据局牵头建立共享平台。']), registry);
    expect(result.mentions).toEqual([
      {
        documentId: 'crafted',
        clauseId: 'm-3',
        line: 3,
        sentence: '由市大数据局牵头建立共享平台。',
        departmentId: null,
        name: '市大数据局',
        role: 'lead',
        inferred: true,
      },
    ]);
    expect(result.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([['department-unknown', 'tests/crafted.txt', 3]]);
  });

  it('a function the jurisdiction has no department for in a generic enumeration', () => {
    const result = extractDepartments(crafted(['财政、外事等部门要密切配合。']), registry);
    expect(result.mentions.map((m) => [m.departmentId, m.name, m.role])).toEqual([
      ['xiangtan-finance', '财政', 'support'],
      [null, '外事', 'support'],
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual(['"外事" in m-1 is not in the department registry']);
  });
});
