import { describe, expect, it } from 'vitest';
import { splitSiteId } from '#core/site-id.ts';
import { bookTitle, citationWithin, quoteNode, resolveNode } from '../../src/lib/node-refs.ts';
import { siteFixture } from '../helpers/site-fixture.ts';

const { indexes } = siteFixture();

describe('quoteNode (what <ClauseQuote id=…> renders)', () => {
  it('quotes a clause with its title, own text, citation and link', () => {
    const quote = quoteNode(indexes, 'xiangtan-2019-stabilise-employment/d1-2.6');
    expect(quote.title).toBe('加大创业担保贷款工作力度');
    expect(quote.text.startsWith('将农村自主创业的农民纳入支持范围')).toBe(true);
    expect(quote.text.endsWith('（责任单位：市人力资源和社会保障局、市财政局、人民银行市中心支行、湘潭银保监分局等）')).toBe(true);
    expect(quote.citation).toBe('湘潭稳就业二十四条 二、（六）');
    expect(quote.path).toBe('/xiangtan-2019-stabilise-employment/d1-2.6/');
    expect(quote.documentTitle).toBe('湘潭市人民政府关于印发《湘潭市进一步做好稳就业工作二十四条措施》的通知');
  });

  it('quotes a paragraph by its text', () => {
    const quote = quoteNode(indexes, 'xiangtan-2019-stabilise-employment/d1-p1');
    expect(quote.title).toBeNull();
    expect(quote.text.startsWith('为全面落实党中央、国务院关于稳就业工作的决策部署')).toBe(true);
  });

  it('throws, failing the build, for a node the document does not have', () => {
    expect(() => quoteNode(indexes, 'xiangtan-2019-stabilise-employment/d1-2.99')).toThrow(
      'xiangtan-2019-stabilise-employment/d1-2.99: document xiangtan-2019-stabilise-employment has no node d1-2.99',
    );
  });

  it('throws for a document that is not in the corpus', () => {
    expect(() => quoteNode(indexes, 'nowhere-2020/d1-1')).toThrow('nowhere-2020/d1-1: no document with id nowhere-2020');
  });

  it('throws for an id without a document part', () => {
    expect(() => quoteNode(indexes, 'd1-2.6')).toThrow('"d1-2.6" is not a site-wide node id ({documentId}/{nodeId})');
  });
});

describe('resolveNode', () => {
  it('names a table row by its citation and keeps its place in the document', () => {
    const row = resolveNode(indexes, 'jiangsu-szbf-2012-91/a1-t1.r3');
    expect(row.citation).toBe('苏政办发〔2012〕91号 附件1 表1 序号3');
    expect(row.title).toBeNull();
    expect(row.heading).toBe('序号3');
    const later = resolveNode(indexes, 'jiangsu-szbf-2012-91/a1-t1.r4');
    expect(later.position).toBe(row.position + 1);
  });
});

describe('small helpers', () => {
  it('splits a site-wide id at the first slash', () => {
    expect(splitSiteId('xuhui-2016-employment-plan/m-t1.r1')).toEqual({ documentId: 'xuhui-2016-employment-plan', nodeId: 'm-t1.r1' });
  });

  it('nests titles with 〈〉 inside 《》', () => {
    expect(bookTitle('湘潭市人民政府关于印发《湘潭市进一步做好稳就业工作二十四条措施》的通知')).toBe('《湘潭市人民政府关于印发〈湘潭市进一步做好稳就业工作二十四条措施〉的通知》');
  });

  it('drops the document short title from a citation under that document', () => {
    expect(citationWithin('湘潭稳就业二十四条 二、（六）', '湘潭稳就业二十四条')).toBe('二、（六）');
    expect(citationWithin('苏政办发〔2012〕91号 附件1 表1 序号3', '湘潭稳就业二十四条')).toBe('苏政办发〔2012〕91号 附件1 表1 序号3');
  });
});
