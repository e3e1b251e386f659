import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, jsonLdOf, readDist } from '../helpers/dist.ts';
import { generatedDocument } from '../helpers/generated.ts';
import { siteFixture } from '../helpers/site-fixture.ts';
import type { Block } from '#schemas/structure.ts';

const xiangtan = 'xiangtan-2019-stabilise-employment';
const jiangsu = 'jiangsu-szbf-2012-91';

/** The page's text without tags, entities decoded the way the pages use them. */
function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The HTML from an element with this id up to the next heading of the same level. */
function sectionAfter(html: string, headingId: string): string {
  const start = html.indexOf(`id="${headingId}"`);
  if (start === -1) throw new Error(`no element with id ${headingId}`);
  const level = /<h([1-6])[^>]*$/.exec(html.slice(0, start))?.[1] ?? '2';
  const end = html.indexOf(`<h${level}`, start);
  return html.slice(start, end === -1 ? undefined : end);
}

function provisionText(documentId: string, nodeId: string): string {
  const find = (blocks: readonly Block[]): string | null => {
    for (const b of blocks) {
      if (b.type !== 'provision') continue;
      if (b.id === nodeId) return b.text;
      const inner = find(b.children);
      if (inner !== null) return inner;
    }
    return null;
  };
  const text = find(generatedDocument(documentId).parts.flatMap((p) => p.children));
  if (text === null) throw new Error(`${documentId} has no provision ${nodeId}`);
  return text;
}

describe('a department page', () => {
  const html = readDist('departments/xiangtan-hrss/index.html');

  it('names the department with its aliases, jurisdiction and function', () => {
    expect(html).toContain('<h1>湘潭市人力资源和社会保障局</h1>');
    const text = textOf(html);
    expect(text).toContain('所属政府湘潭市');
    expect(text).toContain('职能人力资源社会保障');
    expect(text).toContain('别名、简称市人力资源社会保障局、市人社局');
  });

  it('lists clause d1-2.6 under 牵头, linked to the clause page with its title', () => {
    const lead = sectionAfter(html, 'lead');
    expect(textOf(lead)).toContain('牵头（17 条）');
    expect(lead).toContain(`<a href="/${xiangtan}/d1-2.6/"><cite>二、（六）</cite></a>`);
    expect(textOf(lead)).toContain('加大创业担保贷款工作力度');
    expect(sectionAfter(html, 'support')).not.toContain(`/${xiangtan}/d1-2.6/`);
  });

  it('links the departments of the same function elsewhere', () => {
    const siblings = sectionAfter(html, 'siblings');
    for (const id of ['china-hrss', 'jiangsu-hrss', 'shanghai-hrss', 'xuhui-hrss', 'sichuan-hrss', 'yibin-hrss']) expect(siblings).toContain(`href="/departments/${id}/"`);
  });

  it('lists the documents a department issued (发文), so an issuer is never said to be absent', () => {
    for (const [id, document] of [
      ['xuhui-hrss', 'xuhui-2016-employment-plan'],
      ['jiangsu-gov-office', 'jiangsu-szbf-2012-91'],
      ['yibin-gov-office', 'yibin-yfbh-2014-282'],
    ]) {
      const page = readDist(`departments/${id}/index.html`);
      expect(textOf(page), id).not.toContain('本站收录的文件中未发现该部门');
      expect(sectionAfter(page, 'issued'), id).toContain(`href="/${document}/"`);
    }
  });

  it('lists the benefits, targets and projects of the clauses a department leads or supports', () => {
    const tasks = sectionAfter(readDist('departments/xiangtan-hrss/index.html'), 'tasks');
    expect(tasks).toContain(`href="/${xiangtan}/d1-6.17/#b6"`);
    expect(textOf(tasks)).toContain('3000元至6000元');
    expect(textOf(tasks)).toMatch(/量化目标（\d+ 项）/);
  });

  it('has a page for every registry entry and an index grouped by jurisdiction', () => {
    const registry = JSON.parse(fs.readFileSync('content/departments.json', 'utf8')) as { id: string }[];
    for (const { id } of registry) expect(fs.existsSync(path.join(DIST, 'departments', id, 'index.html'))).toBe(true);
    const index = textOf(readDist('departments/index.html'));
    expect(index).toContain('湘潭市（湖南省）');
    expect(index.indexOf('国家')).toBeLessThan(index.indexOf('湘潭市（湖南省）'));
  });
});

describe('the targets page', () => {
  const html = readDist('targets/index.html');
  const row = (id: string) => {
    const match = new RegExp(`<tr id="${id}"[^>]*>([\\s\\S]*?)</tr>`).exec(html);
    if (!match) throw new Error(`no row ${id}`);
    return { html: match[0], text: textOf(match[1] ?? '') };
  };

  it('contains the five Jiangsu social-insurance enrolment targets in 万人, each linked to its clause', () => {
    const expected = [
      ['t1', '企业职工基本养老保险参保人数', '1718'],
      ['t2', '城镇职工基本医疗保险参保人数', '2055'],
      ['t3', '失业保险参保人数', '1250'],
      ['t4', '工伤保险参保人数', '1355'],
      ['t5', '生育保险参保人数', '1215'],
    ] as const;
    for (const [t, indicator, value] of expected) {
      const r = row(`${jiangsu}/d1-2.3/${t}`);
      expect(r.html).toContain(`<a href="/${jiangsu}/d1-2.3/">${indicator}</a>`);
      expect(r.text).toContain(`${value}万人`);
      expect(r.html).toContain(`data-filter-document="${jiangsu}"`);
      expect(r.html).toContain('data-filter-region="江苏省"');
    }
  });

  it('shows what a plan reports as achieved, with the status', () => {
    const r = row('xuhui-2016-employment-plan/m-t1.r1/t1');
    expect(r.text).toContain('年均完成48037个 （合计240184个）');
    expect(r.text).toContain('已完成');
  });

  it('lists every target and a summary per document', () => {
    const { targets } = siteFixture().corpus;
    expect(html.match(/<tr id="[^"]+\/t\d+"/g)).toHaveLength(targets.length);
    // The totals row counts the documents' own goals: how many met, not met, unclear, and without a reported result.
    const goals = targets.filter((t) => t.stage === 'goal');
    const count = (status: string | null) => goals.filter((t) => t.status === status).length;
    expect(textOf(html)).toContain(`合计${goals.length}${count('met')}${count('not-met')}${count('unknown')}${count(null)}`);
    expect(textOf(html)).toContain(`另有 ${targets.length - goals.length} 项是文件回顾的以往时期指标`);
  });

  it('ships the filter form hidden, for the script to show', () => {
    expect(html).toMatch(/<table-filter data-table="targets-table"[^>]*><form class="filters" id="filter-targets-table" aria-label="筛选" hidden>/);
  });

  it('puts the enrolment chart on the page with its table', () => {
    expect(html).toContain('<canvas role="img" aria-label="江苏省2012年社会保险参保人数目标。条形图：企业职工基本养老保险参保人数1718万人');
    expect(textOf(html)).toContain('江苏省2012年社会保险参保人数目标（数据表）');
  });
});

describe('the projects page', () => {
  const html = readDist('projects/index.html');

  it('lists the 24 pilot and demonstration projects, each linked to its table row', () => {
    expect(html.match(/<tr id="[^"]+" data-project/g)).toHaveLength(24);
    expect(html).toContain(`<a href="/${jiangsu}/a1-t1/#a1-t1.r1">城乡就业一体化试点</a>`);
    expect(html).toContain(`<a href="/${jiangsu}/a2-t1/#a2-t1.r11">“五实现”就业信息管理系统示范工程建设</a>`);
  });

  it('filters by kind, category, region and deadline year', () => {
    for (const name of ['kind', 'category', 'region', 'year']) expect(html).toContain(`<select name="${name}">`);
    expect(html).toContain('<option value="南京">南京（8）</option>');
  });
});

describe('the cited documents page', () => {
  const html = readDist('citations/index.html');

  it('marks 国发〔2018〕39号 as not in the corpus and links the clause that cites it', () => {
    const item = /<li id="doc-2018-39-[^"]*"[\s\S]*?<\/li>\s*<\/ul>\s*<\/li>/.exec(html)?.[0] ?? '';
    expect(textOf(item)).toContain('国发〔2018〕39号');
    expect(textOf(item)).toContain('国务院');
    expect(textOf(item)).toContain('本站未收录原文');
    expect(item).toContain(`href="/${xiangtan}/d1/#d1-p1"`);
  });
});

describe('the data page', () => {
  const html = readDist('data/index.html');

  it('links every download built under /data/', () => {
    const files = fs.readdirSync(path.join(DIST, 'data')).filter((f) => f !== 'index.html');
    expect(files.length).toBe(20);
    for (const file of files) expect(html).toContain(`href="/data/${file}"`);
  });

  it('explains each field from the schemas and describes each download as a Dataset', () => {
    expect(textOf(html)).toContain('documentId字符串可为 null本站收录了原文时为该文件的 id；null 表示本站未收录原文');
    const graph = (jsonLdOf(html)[0] as { '@graph': { '@type': string; name: string }[] })['@graph'];
    expect(graph.filter((g) => g['@type'] === 'Dataset').map((g) => g.name)).toEqual([
      '政策图谱：文件（documents）',
      '政策图谱：条款（clauses）',
      '政策图谱：量化目标（targets）',
      '政策图谱：待遇（benefits）',
      '政策图谱：部门（departments）',
      '政策图谱：试点和示范项目（projects）',
      '政策图谱：被引用的文件（citations）',
    ]);
    expect(html).not.toContain('（模式中未说明）');
  });
});

describe('the editorial pages', () => {
  it('quote the clause on the method page, with its citation and link', () => {
    const html = readDist('method/index.html');
    expect(textOf(html)).toContain(provisionText(xiangtan, 'd1-2.6'));
    expect(html).toContain(`<a href="/${xiangtan}/d1-2.6/"><cite>湘潭稳就业二十四条 二、（六）</cite></a>`);
    expect(textOf(html)).toContain(provisionText(jiangsu, 'd1-2.3'));
  });

  it('print live counts', () => {
    expect(textOf(readDist('method/index.html'))).toContain(`共读出 ${siteFixture().corpus.targets.length} 项`);
    expect(textOf(readDist('about/index.html'))).toContain('24 个试点、示范项目');
  });
});

describe('regions and topics', () => {
  it('list documents by region with level and the regions they lie within', () => {
    const text = textOf(readDist('regions/index.html'));
    expect(text).toContain('徐汇区市辖区上海市');
    expect(text).toContain('湘潭市地级市湖南省');
  });

  it('explain the topic rule and list each topic', () => {
    const html = readDist('topics/index.html');
    expect(textOf(html)).toContain('归类规则');
    for (const id of ['employment', 'social-insurance', 'training', 'entrepreneurship', 'labour-relations']) expect(html).toContain(`href="/topics/${id}/"`);
    expect(readDist('topics/social-insurance/index.html')).toContain(`href="/${jiangsu}/d1-2.3/"`);
  });
});

describe('every entity page', () => {
  const pages = [
    'departments/index.html',
    'departments/xiangtan-hrss/index.html',
    'targets/index.html',
    'projects/index.html',
    'citations/index.html',
    'regions/index.html',
    'topics/index.html',
    'topics/employment/index.html',
    'charts/index.html',
    'data/index.html',
    'about/index.html',
    'method/index.html',
  ];

  it.each(pages)('%s is Chinese, has its headings in order, and no style attribute the CSP would block', (page) => {
    const html = readDist(page);
    expect(html).toContain('<html lang="zh-CN">');
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
    expect(html).not.toMatch(/\sstyle="/);
  });

  it('wraps every table in a horizontally scrolling region', () => {
    for (const page of pages) {
      const html = readDist(page);
      expect(html.match(/<table[\s>]/g)?.length ?? 0).toBe(html.match(/<div class="table-wrap[^"]*" role="region"/g)?.length ?? 0);
    }
  });
});
