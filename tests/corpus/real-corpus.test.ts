import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { goldenViolations, GOLDEN_FILE } from '../../scripts/lib/ingest/golden.ts';
import { idFingerprints } from '../../scripts/lib/ingest/id-fingerprints.ts';
import type { Document } from '#schemas/document.ts';
import { blocksOf } from '#core/document-tree.ts';
import type { Block, Provision, Table } from '#schemas/structure.ts';
import { ingestCorpus } from '../helpers/ingest-corpus.ts';

let corpus: ReturnType<typeof ingestCorpus>;
beforeAll(() => {
  corpus = ingestCorpus();
});
const doc = (id: string): Document => {
  const d = corpus.documents.find((x) => x.id === id);
  if (!d) throw new Error(`no document ${id}`);
  return d;
};
function node(d: Document, id: string): Block {
  const found = [...blocksOf(d)].find(({ block }) => block.id === id)?.block;
  if (!found) throw new Error(`no node ${id} in ${d.id}`);
  return found;
}

describe('the seed corpus', () => {
  it('ingests every source with zero errors (the structure each gets is counted in corpus-counts.json)', () => {
    expect(corpus.results.size).toBe(fs.readdirSync('content/sources').filter((f) => f.endsWith('.txt')).length);
    for (const r of corpus.results.values()) expect(r.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  });

  it('numbers Xiangtan’s 24 measures continuously across its eight sections', () => {
    const d = doc('xiangtan-2019-stabilise-employment');
    const measures = d.parts[1]?.children.flatMap((s) => (s.type === 'provision' ? s.children.filter((c): c is Provision => c.type === 'provision') : [])) ?? [];
    expect(measures.map((m) => m.id)).toEqual([
      'd1-1.1', 'd1-1.2', 'd1-1.3', 'd1-2.4', 'd1-2.5', 'd1-2.6', 'd1-3.7', 'd1-3.8', 'd1-3.9', 'd1-4.10', 'd1-4.11', 'd1-4.12',
      'd1-5.13', 'd1-5.14', 'd1-5.15', 'd1-6.16', 'd1-6.17', 'd1-6.18', 'd1-7.19', 'd1-7.20', 'd1-7.21', 'd1-8.22', 'd1-8.23', 'd1-8.24',
    ]);
    const sixth = node(d, 'd1-2.6') as Provision;
    expect(sixth.title).toBe('加大创业担保贷款工作力度');
    expect(sixth.citation).toBe('湘潭稳就业二十四条 二、（六）');
    expect(sixth.text.startsWith('将农村自主创业的农民纳入支持范围，对符合条件的人员自主创业，创业担保贷款最高申请额度由10万元提高到15万元')).toBe(true);
    expect(d.meta).toMatchObject({ issuer: '湘潭市人民政府', date: '2019-02-01', docNumber: null });
  });

  it('splits the Jiangsu notice into its cover, two issued documents and two annex tables', () => {
    const d = doc('jiangsu-szbf-2012-91');
    expect(d.parts.map((p) => [p.id, p.kind, p.title])).toEqual([
      ['n', 'cover', null],
      ['d1', 'document', '2012年完善就业服务体系和社会保障体系工作计划'],
      ['d2', 'document', '完善就业服务体系和社会保障体系试点示范项目建设意见'],
      ['a1', 'annex', '完善就业服务体系和社会保障体系试点项目'],
      ['a2', 'annex', '完善就业服务体系和社会保障体系示范项目'],
    ]);
    const pilots = d.parts[3]?.children[0] as Table;
    expect(pilots.columns).toEqual(['序号', '类别', '试点项目', '试点目标', '试点要求', '试点地区', '时间']);
    expect(pilots.rows).toHaveLength(13);
    expect(pilots.rows[9]?.cells.map((c) => c.value)).toEqual([
      '10', '社', '农村社会养老保险经办管理服务“四个不出村”试点',
      '制定农村社会养老保险经办管理服务“四不出村”的服务标准，科学确定服务范围、服务内容和服务流程，达到服务过程靠前到人，做到参保登记不出村、个人缴费不出村、领取待遇不出村、权益查询不出村。',
      '1.服务网络标准化。建立县、镇、村三级农村社会养老保险服务网络，实现信息共享，提供全方位服务。',
      '每个省辖市确定1个县（市、区）', '2012年',
    ]);
    const demos = d.parts[4]?.children[0] as Table;
    expect(demos.rows.map((r) => r.id)).toEqual(Array.from({ length: 11 }, (_, i) => `a2-t1.r${i + 1}`));
    expect(demos.rows[0]?.cells[1]?.value).toBe('就业');
    expect((node(d, 'd1-2.3') as Provision).citation).toBe('苏政办发〔2012〕91号 2012年两大体系工作计划 二、（三）');
    expect(d.meta).toMatchObject({ docNumber: '苏政办发〔2012〕91号', date: '2012-05-14', issuer: '江苏省人民政府办公厅' });
  });

  it('keeps Xuhui’s merged category cells and its lost headings as implicit groups', () => {
    const d = doc('xuhui-2016-employment-plan');
    const t2 = node(d, 'm-2.u2.3').type === 'provision' ? ((node(d, 'm-2.u2.3') as Provision).children.find((c) => c.type === 'table') as Table) : undefined;
    expect(t2?.id).toBe('m-t2');
    expect(t2?.rows.map((r) => r.cells.map((c) => (c.inherited ? `^${c.value}` : c.value)))).toContainEqual(['^劳动关系', '街镇劳动争议调解组织覆盖率', '基本全覆盖', '约束性']);
    expect((node(d, 'm-2.u4.3') as Provision).title).toBe('加强劳动保障监察执法');
  });

  it('records the simplified excerpt as a duplicate of the lines of the Jiangsu notice it repeats', () => {
    expect(doc('jiangsu-szbf-2012-91-excerpt').duplicateOf).toEqual({ documentId: 'jiangsu-szbf-2012-91', firstLine: 29, lastLine: 44 });
    expect(doc('jiangsu-szbf-2012-91').duplicateOf).toBeNull();
  });

  it('keeps every pinned id naming what it named (ids may be added, never moved)', () => {
    const golden = JSON.parse(fs.readFileSync(GOLDEN_FILE, 'utf8'));
    expect(Object.keys(golden).sort()).toEqual(corpus.documents.map((d) => d.id).sort());
    expect(goldenViolations(golden, corpus.documents)).toEqual([]);
  });

  it('makes every id ASCII and unique within its document', () => {
    for (const d of corpus.documents) {
      const ids = [...blocksOf(d)].flatMap(({ block }) => [block.id, ...(block.type === 'table' ? block.rows.map((r) => r.id) : [])]);
      expect(ids.every((id) => /^[a-z0-9.-]+$/.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('goldenViolations', () => {
  it('reports an id that disappeared or now names something else', () => {
    const d = doc('yibin-yfbh-2014-282');
    expect(goldenViolations({ [d.id]: { 'm-1': '一、别的标题', 'm-9': '九、' } }, [d])).toEqual([
      'yibin-yfbh-2014-282/m-1 moved: it named 一、别的标题, now 一、指导思想和总体目标',
      'yibin-yfbh-2014-282/m-9 is gone (it named 九、)',
    ]);
  });

  it('does not take a change of punctuation width for a move', () => {
    const d = doc('yibin-yfbh-2014-282');
    expect(idFingerprints(d)['m-1.1']).toBe('（一）指导思想');
    expect(goldenViolations({ [d.id]: { 'm-1.1': '(一)指导思想' } }, [d])).toEqual([]);
    expect(goldenViolations({ [d.id]: { 'm-1.1': '(二)指导思想' } }, [d])).toEqual([
      'yibin-yfbh-2014-282/m-1.1 moved: it named (二)指导思想, now （一）指导思想',
    ]);
  });
});
