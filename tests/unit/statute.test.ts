import { describe, expect, it } from 'vitest';
import { checkConservation } from '../../scripts/lib/ingest/conserve.ts';
import { parseStructure } from '../../scripts/lib/ingest/parse.ts';
import { articleNumber, chineseOrdinal, looksLikeStatute, withoutStateName } from '../../scripts/lib/ingest/statute.ts';
import type { Block, ParagraphRole, Part, Provision } from '#schemas/structure.ts';
import { NodeId, Provision as ProvisionSchema } from '#schemas/structure.ts';

function parse(text: string, shortTitle = '示例条例', roles: ReadonlyMap<number, ParagraphRole> = new Map()) {
  const lines = text.split('\n');
  const result = parseStructure({ lines, file: 'statute.txt', shortTitle, roles, skip: new Map(), partShortTitles: {}, tableColumns: {} });
  return { ...result, conservation: checkConservation(lines, result.parts, result.drops, 'statute.txt') };
}

function provisions(parts: readonly Part[]): Provision[] {
  const out: Provision[] = [];
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type !== 'provision') continue;
      out.push(b);
      walk(b.children);
    }
  };
  for (const p of parts) walk(p.children);
  return out;
}

const byId = (parts: readonly Part[]) => new Map(provisions(parts).map((p) => [p.id, p]));

// A statute written for this test, in the layout of published laws: chapters, a section, 款, 项 and 目.
const STATUTE = [
  '第一章 总则',
  '第一条 为了保障示例权益，制定本条例。',
  '第二条 县级以上人民政府负责本行政区域的示例工作。',
  '',
  '有关部门在各自职责范围内做好相关工作。',
  '第二章 待遇',
  '第一节 一般规定',
  '第三条 符合下列条件的人员，可以领取示例金：',
  '（一）已经登记的；',
  '(二)非因本人意愿中断的；',
  '（三）有下列情形之一的：',
  '1.年满十六周岁；',
  '2.具有劳动能力。',
  '前款规定的人员，由经办机构审核。',
  '第三条之一 示例金按月发放。',
  '第二节 其他规定',
  '第四条【标准】 示例金标准不低于当地最低工资标准的百分之八十。',
  '第三章 附则',
  '第五条 本条例自2020年1月1日起施行。',
].join('\n');

describe('parseStructure: statutes', () => {
  const r = parse(STATUTE);
  const nodes = byId(r.parts);

  it('gives chapters, sections, articles, 款, 项 and 目 ids that mirror the printed numbering', () => {
    expect([...nodes.keys()]).toEqual([
      'ch-1', 'art-1', 'art-1.1', 'art-2', 'art-2.1', 'art-2.2',
      'ch-2', 'ch-2.s1', 'art-3', 'art-3.1', 'art-3.1.1', 'art-3.1.2', 'art-3.1.3', 'art-3.1.3.1', 'art-3.1.3.2', 'art-3.2', 'art-3-1', 'art-3-1.1',
      'ch-2.s2', 'art-4', 'art-4.1',
      'ch-3', 'art-5', 'art-5.1',
    ]);
    for (const id of nodes.keys()) expect(NodeId.safeParse(id).success, id).toBe(true);
  });

  it('keeps every character: conservation holds and nothing is reported', () => {
    expect(r.conservation).toEqual([]);
    expect(r.diagnostics).toEqual([]);
    for (const p of provisions(r.parts)) expect(ProvisionSchema.safeParse(p).success, p.id).toBe(true);
  });

  it('reads kinds, labels, numbers and titles', () => {
    expect(nodes.get('ch-2')).toMatchObject({ kind: 'chapter', label: '第二章', num: 2, title: '待遇', level: 2 });
    expect(nodes.get('ch-2.s1')).toMatchObject({ kind: 'section', label: '第一节', title: '一般规定' });
    expect(nodes.get('art-3')).toMatchObject({ kind: 'article', label: '第三条', num: 3, text: '' });
    expect(nodes.get('art-3.1')).toMatchObject({ kind: 'paragraph', num: 1, text: '符合下列条件的人员，可以领取示例金：' });
    expect(nodes.get('art-3.1.2')).toMatchObject({ kind: 'item', label: '(二)', num: 2, text: '非因本人意愿中断的；' });
    expect(nodes.get('art-3.1.3.1')).toMatchObject({ kind: 'subitem', num: 1, text: '年满十六周岁；' });
    expect(nodes.get('art-3-1')).toMatchObject({ kind: 'article', label: '第三条之一', num: 3 });
    expect(nodes.get('art-4')).toMatchObject({ title: '标准' });
    expect(r.drops).toContainEqual({ rule: 'article-title-brackets', line: 17, text: '【】' });
  });

  it('nests articles in their chapter or section and spans them to their last line', () => {
    expect(nodes.get('ch-2.s1')?.children.map((c) => c.id)).toEqual(['art-3', 'art-3-1']);
    expect(nodes.get('art-3')?.lines).toEqual({ start: 8, end: 14 });
    expect(nodes.get('ch-2')?.lines).toEqual({ start: 6, end: 17 });
  });

  it('cites as lawyers do, leaving out 第一款 where an article has one 款', () => {
    expect(nodes.get('art-2')?.citation).toBe('《示例条例》第二条');
    expect(nodes.get('art-2.2')?.citation).toBe('《示例条例》第二条第二款');
    expect(nodes.get('art-3.1.2')?.citation).toBe('《示例条例》第三条第一款第（二）项');
    expect(nodes.get('art-3.1.3.2')?.citation).toBe('《示例条例》第三条第一款第（三）项第2目');
    expect(nodes.get('ch-2.s2')?.citation).toBe('《示例条例》第二章第二节');
    const single = byId(parse('第一条 本条例适用于下列人员：\n（一）职工；\n（二）退休人员。\n第二条 另一条。').parts);
    expect(single.get('art-1.1.2')?.citation).toBe('《示例条例》第一条第（二）项');
  });

  it('reads items in the older styles: 甲、 items with 一、 目, and 1. items', () => {
    const old = byId(parse(['第一条 办法如下：', '甲、第一种；', '一、其一；', '二、其二；', '乙、第二种。', '第二条 条件如下：', '1.甲项；', '2.乙项。'].join('\n')).parts);
    expect([...old.keys()]).toEqual(['art-1', 'art-1.1', 'art-1.1.1', 'art-1.1.1.1', 'art-1.1.1.2', 'art-1.1.2', 'art-2', 'art-2.1', 'art-2.1.1', 'art-2.1.2']);
    expect(old.get('art-1.1.1')).toMatchObject({ kind: 'item', label: '甲、', num: 1, citation: '《示例条例》第一条第甲项' });
    expect(old.get('art-1.1.1.2')).toMatchObject({ kind: 'subitem', label: '二、', num: 2 });
    expect(old.get('art-2.1.2')).toMatchObject({ kind: 'item', label: '2.', citation: '《示例条例》第二条第2项' });
  });

  it('ends the statute at a 附录, which becomes an annex part in the 公文 scheme', () => {
    const withAppendix = parse(['第一条 甲。', '第二条 本规定自公布之日起施行。', '附录：', '', '禁忌从事的劳动范围', '一、经期禁忌：', '（一）冷水作业；'].join('\n'));
    expect(withAppendix.parts.map((p) => [p.id, p.kind, p.label])).toEqual([['m', 'main', null], ['a1', 'annex', '附录：']]);
    expect(provisions(withAppendix.parts).map((p) => p.id)).toEqual(['art-1', 'art-1.1', 'art-2', 'art-2.1', 'a1-1', 'a1-1.1']);
    expect(withAppendix.conservation).toEqual([]);
  });

  it('flags the commencement article', () => {
    expect(nodes.get('art-5')?.role).toBe('commencement');
    expect(nodes.get('art-1')?.role).toBeUndefined();
  });

  it('keeps the 目录 apart from the real headings', () => {
    const toc = parse(['目录', '第一章 总则', '第二章 附则', '第一章 总则', '第一条 甲。', '第二章 附则', '第二条 乙。'].join('\n'));
    const ids = [...byId(toc.parts).keys()];
    expect(ids).toEqual(['toc', 'ch-1', 'art-1', 'art-1.1', 'ch-2', 'art-2', 'art-2.1']);
    expect(byId(toc.parts).get('toc')?.children.map((c) => c.id)).toEqual(['toc.p1', 'toc.p2']);
    expect(toc.conservation).toEqual([]);
  });

  it('never repeats an id: a repeated article or heading stays text, with a warning', () => {
    const dup = parse(['第一条 甲。', '第二条 乙。', '第二条 乙。', '第三条 丙。', '（一）一；', '（一）一；'].join('\n'));
    const ids = provisions(dup.parts).map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(dup.diagnostics.map((d) => d.code)).toEqual(['parse-article-repeated', 'parse-numbering-restart']);
    expect(dup.conservation).toEqual([]);
  });

  it('parses a 办法 issued by a notice as a statute part with prefixed ids', () => {
    const compound = parse(
      ['示例市人民政府关于印发《示例市就业补助资金管理办法》的通知', '各区人民政府：', '现将《示例市就业补助资金管理办法》印发给你们，请认真贯彻执行。', '示例市就业补助资金管理办法', '第一条 为了规范资金管理，制定本办法。', '第二条 本办法自印发之日起施行。'].join('\n'),
      '示例办法',
      new Map([[1, 'title']]),
    );
    expect(compound.parts.map((p) => p.id)).toEqual(['n', 'd1']);
    expect(provisions(compound.parts).map((p) => p.id)).toEqual(['d1-art-1', 'd1-art-1.1', 'd1-art-2', 'd1-art-2.1']);
    expect(byId(compound.parts).get('d1-art-2')?.role).toBe('commencement');
  });
});

describe('statute helpers', () => {
  it('reads article numbers, 之一 included, and nothing else', () => {
    expect(articleNumber('第一百零五条 内容')).toEqual({ num: 105, sub: null, label: '第一百零五条' });
    expect(articleNumber('第十条之一　内容')).toEqual({ num: 10, sub: 1, label: '第十条之一' });
    expect(articleNumber('第一条规定的人员')).toEqual({ num: 1, sub: null, label: '第一条' });
    expect(articleNumber('依照第十条的规定')).toBeNull();
    expect(articleNumber('第十一五条')).toBeNull();
  });

  it('takes a text for a statute only when its articles start at 第一条', () => {
    expect(looksLikeStatute(['第一条 甲。', '第二条 乙。'])).toBe(true);
    expect(looksLikeStatute(['第五条 甲。', '第六条 乙。'])).toBe(false);
    expect(looksLikeStatute(['一、总体要求', '第一条 甲。'])).toBe(false);
  });

  it('writes 款 positions as Chinese numerals and short titles without the state name', () => {
    expect([1, 10, 12, 20, 25].map(chineseOrdinal)).toEqual(['一', '十', '十二', '二十', '二十五']);
    expect(withoutStateName('中华人民共和国社会保险法')).toBe('社会保险法');
    expect(withoutStateName('失业保险条例')).toBe('失业保险条例');
  });
});
