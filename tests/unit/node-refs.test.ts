import { describe, expect, it } from 'vitest';
import { splitSiteId } from '#core/site-id.ts';
import { indexDocument } from '#core/document-index.ts';
import { citationWithin, quoteNode, resolveNode } from '../../src/lib/node-refs.ts';
import { documentOfTable, measuresDocument } from '../helpers/document-builder.ts';

/** The crafted measures (a paragraph, and （六） under 二、) and a plan holding one table. */
const measures = measuresDocument();
const plan = { ...documentOfTable(['项目', '地区'], [['试点一', '甲市'], ['试点二', '乙市']]), id: 'plan' };
const indexes = new Map([measures, plan].map((d) => [d.id, indexDocument(d)]));

describe('quoteNode (what <ClauseQuote id=…> renders)', () => {
  it('quotes a clause with its title, own text, citation and link', () => {
    const quote = quoteNode(indexes, 'measures/m-2.6');
    expect(quote.title).toBe('加大创业担保贷款力度');
    expect(quote.text).toBe('将返乡农民纳入支持范围。（责任单位：市人社局）');
    expect(quote.citation).toBe('某市稳就业措施 二、（六）');
    expect(quote.path).toBe('/measures/m-2.6/');
    expect(quote.documentTitle).toBe('某市人民政府关于印发《某市稳就业措施》的通知');
  });

  it('quotes a paragraph by its text', () => {
    const quote = quoteNode(indexes, 'measures/m-p1');
    expect(quote.title).toBeNull();
    expect(quote.text).toBe('为稳定就业，制定本措施。');
  });

  it('throws, failing the build, for a node the document does not have', () => {
    expect(() => quoteNode(indexes, 'measures/m-2.99')).toThrow('measures/m-2.99: document measures has no node m-2.99');
  });

  it('throws for a document that is not in the corpus', () => {
    expect(() => quoteNode(indexes, 'nowhere-2020/d1-1')).toThrow('nowhere-2020/d1-1: no document with id nowhere-2020');
  });

  it('throws for an id without a document part', () => {
    expect(() => quoteNode(indexes, 'm-2.6')).toThrow('"m-2.6" is not a site-wide node id ({documentId}/{nodeId})');
  });
});

describe('resolveNode', () => {
  it('gives a table row no title and keeps its place in the document', () => {
    const row = resolveNode(indexes, 'plan/m-t1.r1');
    expect(row.title).toBeNull();
    // A row is an anchor on its table's page.
    expect(row.path).toBe('/plan/m-t1/#m-t1.r1');
    expect(resolveNode(indexes, 'plan/m-t1.r2').position).toBe(row.position + 1);
  });
});

describe('small helpers', () => {
  it('splits a site-wide id at the first slash', () => {
    expect(splitSiteId('xuhui-2016-employment-plan/m-t1.r1')).toEqual({ documentId: 'xuhui-2016-employment-plan', nodeId: 'm-t1.r1' });
  });

  it('drops the document short title from a citation under that document', () => {
    expect(citationWithin('湘潭稳就业二十四条 二、（六）', '湘潭稳就业二十四条')).toBe('二、（六）');
    expect(citationWithin('苏政办发〔2012〕91号 附件1 表1 序号3', '湘潭稳就业二十四条')).toBe('苏政办发〔2012〕91号 附件1 表1 序号3');
  });
});
