import { describe, expect, it } from 'vitest';
import { crossCheckProjects, extractProjects, splitRegions } from '../../scripts/lib/ingest/extract/projects.ts';
import { documentOfParagraphs, documentOfTable } from '../helpers/document-builder.ts';
import { testProject } from '../helpers/records.ts';

const PILOT_COLUMNS = ['序号', '类别', '试点项目', '试点目标', '试点要求', '试点地区', '时间'];
/** A 试点 annex table of the given rows (one per project), as document `annex`. */
const pilots = (rows: string[][]) => ({ ...documentOfTable(PILOT_COLUMNS, rows), id: 'annex' });

describe('extractProjects on crafted annex tables', () => {
  it('reads one project per row, the category spelt out or abbreviated, the places split and the later year of a span', () => {
    const { projects, diagnostics } = extractProjects(pilots([
      ['1', '就', '城乡就业一体化试点', '统筹城乡就业', '建立制度', '南京、无锡2市', '2012年'],
      ['2', '社会保障', '社保一卡通试点', '一卡通用', '发卡', '苏州市区及太仓市', '2012-2015年'],
    ]));
    expect(diagnostics).toEqual([]);
    expect(projects).toEqual([
      { id: 'annex/pilot-1', documentId: 'annex', rowId: 'm-t1.r1', line: 2, kind: '试点', number: 1, category: '就业', name: '城乡就业一体化试点', goal: '统筹城乡就业', requirements: '建立制度', regions: ['南京', '无锡'], regionsText: '南京、无锡2市', deadline: 2012 },
      { id: 'annex/pilot-2', documentId: 'annex', rowId: 'm-t1.r2', line: 3, kind: '试点', number: 2, category: '社会保障', name: '社保一卡通试点', goal: '一卡通用', requirements: '发卡', regions: ['苏州市区', '太仓市'], regionsText: '苏州市区及太仓市', deadline: 2015 },
    ]);
  });

  it('reads a demonstration table by its 示范项目 column and 示范内容 as the requirements', () => {
    const doc = { ...documentOfTable(['序号', '类别', '示范项目', '示范内容', '时间'], [['1', '综', '就业信息系统示范工程', '联网', '2013年']]), id: 'annex' };
    expect(extractProjects(doc).projects.map((p) => [p.id, p.kind, p.category, p.requirements, p.deadline])).toEqual([['annex/demo-1', '示范', '综合', '联网', 2013]]);
  });

  it('finds no projects in a table whose columns name none', () => {
    expect(extractProjects(documentOfTable(['序号', '指标', '目标值'], [['1', '城镇新增就业', '1万人']]))).toEqual({ projects: [], diagnostics: [] });
  });

  it('skips a row with an unknown category and warns about an unreadable 时间', () => {
    const { projects, diagnostics } = extractProjects(pilots([
      ['1', '人才', '人才引进试点', '', '', '', '2012年'],
      ['2', '就', '公共投资促进就业试点', '', '', '', '近期'],
    ]));
    expect(projects.map((p) => [p.name, p.deadline])).toEqual([['公共投资促进就业试点', null]]);
    expect(diagnostics).toEqual([
      { level: 'warning', code: 'project-category-unknown', message: 'project 人才引进试点: category "人才" is not 就业, 社会保障 or 综合', file: 'tests/crafted.txt', line: 2 },
      { level: 'warning', code: 'project-deadline-unclear', message: 'project 公共投资促进就业试点: cannot read a year from 时间 "近期"', file: 'tests/crafted.txt', line: 3 },
    ]);
  });
});

describe('crossCheckProjects on crafted text', () => {
  // The annex tables list two pilots (one due in 2012, one in 2013) and one demonstration (2013).
  const projects = [testProject({ number: 1, name: '城乡就业一体化试点', deadline: 2012 }), testProject({ number: 2, name: '社保一卡通试点' }), testProject({ number: 1, kind: '示范', name: '就业信息系统示范工程' })];
  const check = (text: string, listed = projects) => crossCheckProjects(documentOfParagraphs([text]), listed);

  it('finds a text that states the counts the tables list consistent with them', () => {
    expect(check('全省共安排3个试点、示范项目，其中示范项目一个。')).toEqual([]);
  });

  it('warns when the tables lack a project the text counts, at the line of the sentence', () => {
    expect(check('全省共安排3个试点、示范项目，其中示范项目两个。')).toEqual([
      { level: 'warning', code: 'project-count-mismatch', message: 'the text states 2 示范项目 but the tables list 1', file: 'tests/crafted.txt', line: 1 },
    ]);
  });

  it('warns about a quoted project name that no table lists, and accepts one that a table lists', () => {
    expect(check('重点推进“城乡就业一体化试点”和“社保卡跨省结算试点”。')).toEqual([
      { level: 'warning', code: 'project-unknown', message: 'the text names the project “社保卡跨省结算试点”, which no project table lists', file: 'tests/crafted.txt', line: 1 },
    ]);
  });

  it('checks nothing in a document without project tables', () => {
    expect(check('全省共安排3个试点项目。', [])).toEqual([]);
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
