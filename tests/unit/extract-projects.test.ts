import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossCheckProjects, extractProjects, splitRegions } from '../../scripts/lib/ingest/extract/projects.ts';
import { Document } from '#schemas/document.ts';
import { Project } from '#schemas/entities.ts';
import { blocksOf } from '#core/document-tree.ts';
import type { Table } from '#schemas/structure.ts';

const doc = (id: string) => Document.parse(JSON.parse(fs.readFileSync(`content/generated/documents/${id}.json`, 'utf8')));
const jiangsu = doc('jiangsu-szbf-2012-91');
const { projects, diagnostics } = extractProjects(jiangsu);
const byId = (id: string) => projects.find((p) => p.id === `jiangsu-szbf-2012-91/${id}`);

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function tables(d: Document): Table[] {
  return [...blocksOf(d)].flatMap(({ block }) => (block.type === 'table' ? [block] : []));
}

/** The Jiangsu document with one paragraph of text added to the opinion (part d2). */
function withParagraph(text: string): Document {
  const copy = structuredClone(jiangsu);
  const d2 = copy.parts.find((p) => p.id === 'd2');
  d2?.children.push({ type: 'paragraph', id: 'd2-p99', line: 44, text });
  return Document.parse(copy);
}

describe('extractProjects on the Jiangsu annex tables', () => {
  it('reads all 24 projects, 13 pilots and 11 demonstrations, without diagnostics', () => {
    expect(projects).toHaveLength(24);
    expect(diagnostics).toEqual([]);
    expect(countBy(projects, (p) => p.kind)).toEqual({ 试点: 13, 示范: 11 });
    expect(projects.filter((p) => p.kind === '试点').map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(projects.filter((p) => p.kind === '示范').map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const p of projects) expect(Project.parse(p)).toEqual(p);
  });

  it('maps abbreviated and full categories (就 / 就业, 社, 综)', () => {
    expect(countBy(projects, (p) => `${p.kind}/${p.category}`)).toEqual({
      '试点/就业': 6,
      '试点/社会保障': 4,
      '试点/综合': 3,
      '示范/就业': 4,
      '示范/社会保障': 6,
      '示范/综合': 1,
    });
  });

  it('reads the deadline year from 时间, matching the opinion (10 in 2012, 8 in 2013, 1 in 2014, 5 in 2015)', () => {
    expect(countBy(projects, (p) => String(p.deadline))).toEqual({ 2012: 10, 2013: 8, 2014: 1, 2015: 5 });
  });

  it('builds the full record of a pilot whose regions cell is descriptive', () => {
    expect(byId('pilot-2')).toEqual({
      id: 'jiangsu-szbf-2012-91/pilot-2',
      documentId: 'jiangsu-szbf-2012-91',
      rowId: 'a1-t1.r2',
      line: 61,
      kind: '试点',
      number: 2,
      category: '就业',
      name: '建立健全公共投资促进就业机制试点',
      goal: '建立健全相关工作机制，强化公共投资对就业的拉动作用，努力创造更多的就业岗位，形成投资项目与扩大就业良性互动的长效机制。',
      requirements:
        '1.政府确定重大建设项目和制定产业规划时，充分考虑就业变化因素，坚持项目可行性分析与就业预测、项目实施与人力资源配置、项目运行与就业服务、项目验收与促进就业效果评估同步进行。',
      regions: ['南京市', '无锡', '徐州', '苏州'],
      regionsText: '在南京市先行开展试点，并逐步扩大到无锡、徐州、苏州等市',
      deadline: 2015,
    });
  });

  it('builds the record of a demonstration, reading requirements from 示范内容', () => {
    expect(byId('demo-3')).toEqual({
      id: 'jiangsu-szbf-2012-91/demo-3',
      documentId: 'jiangsu-szbf-2012-91',
      rowId: 'a2-t1.r3',
      line: 203,
      kind: '示范',
      number: 3,
      category: '就业',
      name: '高校毕业生就业见习示范市和示范基地建设',
      goal: '通过优化政策制度、强化管理服务，进一步规范高校毕业生就业见习工作，制定科学的就业见习培养计划，完善就业见习管理制度，高质量、超额完成年度就业见习计划目标任务，见习人员留用率超过60%。通过示范引领推动全省高校毕业生就业见习工作，进一步扩大见习范围、规范见习管理、提升见习质量，帮助更多未就业高校毕业生提高就业竞争力、实现就业。',
      requirements: '1.组织机构健全。设立专门机构，明确领导责任，安排专人负责。',
      regions: ['苏州', '镇江', '泰州', '连云港'],
      regionsText: '苏州、镇江、泰州、连云港4市和36家高校毕业生就业见习单位',
      deadline: 2012,
    });
  });

  it('keeps the regions cell as printed when it names no place', () => {
    const demo5 = byId('demo-5');
    expect(demo5?.name).toBe('被征地农民社会保障示范点建设');
    expect(demo5?.category).toBe('社会保障');
    expect(demo5?.regions).toEqual([]);
    expect(demo5?.regionsText).toBe('每个省辖市确定1个县（市、区）');
    expect(byId('pilot-12')?.regions).toEqual(['苏州市区', '太仓市', '镇江市区', '扬中市', '南通市区', '海安县', '盐城市亭湖区', '宿迁市宿城区']);
    expect(byId('pilot-13')).toMatchObject({ name: '社保“一卡通”建设试点', category: '综合', deadline: 2012, regions: ['苏州市区', '如东县'], line: 166, rowId: 'a1-t1.r13' });
  });

  it('finds no projects in documents without project tables', () => {
    for (const id of ['xiangtan-2019-stabilise-employment', 'xuhui-2016-employment-plan', 'yibin-yfbh-2014-282', 'jiangsu-szbf-2012-91-excerpt']) {
      expect(extractProjects(doc(id))).toEqual({ projects: [], diagnostics: [] });
    }
  });

  it('skips a row with an unknown category and warns about an unreadable 时间', () => {
    const copy = structuredClone(jiangsu);
    const [pilots] = tables(copy);
    const cells = pilots?.rows[0]?.cells ?? [];
    const category = cells.find((c) => c.column === '类别');
    const time = pilots?.rows[1]?.cells.find((c) => c.column === '时间');
    if (category) category.value = '人才';
    if (time) time.value = '近期';
    const result = extractProjects(Document.parse(copy));
    expect(result.projects).toHaveLength(23);
    expect(result.projects.find((p) => p.id.endsWith('/pilot-2'))?.deadline).toBeNull();
    expect(result.diagnostics).toEqual([
      { level: 'warning', code: 'project-category-unknown', message: 'project 城乡就业一体化试点: category "人才" is not 就业, 社会保障 or 综合', file: jiangsu.sourceFile, line: 54 },
      { level: 'warning', code: 'project-deadline-unclear', message: 'project 建立健全公共投资促进就业机制试点: cannot read a year from 时间 "近期"', file: jiangsu.sourceFile, line: 61 },
    ]);
  });
});

describe('splitRegions', () => {
  it('splits lists closed by a count of cities, dropping the count', () => {
    expect(splitRegions('南京、无锡、徐州、常州、苏州、扬州6市')).toEqual(['南京', '无锡', '徐州', '常州', '苏州', '扬州']);
    expect(splitRegions('苏州、泰州、徐州3市')).toEqual(['苏州', '泰州', '徐州']);
  });

  it('splits plain lists of named places and institutions', () => {
    expect(splitRegions('南京市、南通市')).toEqual(['南京市', '南通市']);
    expect(splitRegions('苏州市区及太仓市')).toEqual(['苏州市区', '太仓市']);
    expect(splitRegions('苏州')).toEqual(['苏州']);
    expect(splitRegions('江苏常州技师学院、江苏盐城技师学院、苏州技师学院')).toEqual(['江苏常州技师学院', '江苏盐城技师学院', '苏州技师学院']);
  });

  it('takes the places named in descriptive cells', () => {
    expect(splitRegions('在南京市先行开展试点,并逐步扩大到无锡、徐州、苏州等市')).toEqual(['南京市', '无锡', '徐州', '苏州']);
    expect(splitRegions('先在南京、扬州、淮安和泰州4市开展试点,力争年内推广到全省各市')).toEqual(['南京', '扬州', '淮安', '泰州']);
    expect(splitRegions('苏州、镇江、泰州、连云港4市和36家高校毕业生就业见习单位')).toEqual(['苏州', '镇江', '泰州', '连云港']);
  });

  it('gives no places for quantified or counted descriptions', () => {
    expect(splitRegions('每个省辖市确定1个县(市、区)')).toEqual([]);
    expect(splitRegions('各市选择2-3家县级以上医院开展按病种付费试点')).toEqual([]);
    expect(splitRegions('各市、县(市、区)至少确定1个企业退休人员社会化管理服务省级示范点')).toEqual([]);
    expect(splitRegions('用3年时间,在市一级培育4个省级经办服务示范窗口,在县一级培育20个左右省级经办服务示范窗口。')).toEqual([]);
    expect(splitRegions('全省培育30个示范县、142个示范乡镇、146个示范村、258个示范岗')).toEqual([]);
    expect(splitRegions('')).toEqual([]);
  });
});

describe('crossCheckProjects', () => {
  it('finds the Jiangsu text consistent with its tables (13 pilots, 11 demonstrations, counts per year)', () => {
    expect(crossCheckProjects(jiangsu, projects)).toEqual([]);
  });

  it('warns when the tables lack a project the text counts', () => {
    const withoutLastPilot = projects.filter((p) => p.id !== 'jiangsu-szbf-2012-91/pilot-13');
    expect(crossCheckProjects(jiangsu, withoutLastPilot)).toEqual([
      { level: 'warning', code: 'project-count-mismatch', message: 'the text states 13 试点项目 but the tables list 12', file: jiangsu.sourceFile, line: 39 },
      { level: 'warning', code: 'project-count-mismatch', message: 'the text states 10 projects due in 2012 but the tables list 9', file: jiangsu.sourceFile, line: 39 },
    ]);
  });

  it('compares counts written either way round and counts of both kinds together', () => {
    const crafted = withParagraph('全省共安排24个试点、示范项目,其中示范项目十个。');
    expect(crossCheckProjects(crafted, projects)).toEqual([
      { level: 'warning', code: 'project-count-mismatch', message: 'the text states 10 示范项目 but the tables list 11', file: jiangsu.sourceFile, line: 44 },
    ]);
  });

  it('warns about a quoted project name that no table lists, and accepts one that a table lists', () => {
    const crafted = withParagraph('重点推进“城乡就业一体化试点”和“社保卡跨省结算试点”。');
    expect(crossCheckProjects(crafted, projects)).toEqual([
      { level: 'warning', code: 'project-unknown', message: 'the text names the project “社保卡跨省结算试点”, which no project table lists', file: jiangsu.sourceFile, line: 44 },
    ]);
  });

  it('checks nothing in a document without project tables', () => {
    expect(crossCheckProjects(doc('xiangtan-2019-stabilise-employment'), [])).toEqual([]);
  });
});
