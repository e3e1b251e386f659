/**
 * Reading a pasted citation (src/core/citing/paste.ts) and writing the formal one
 * (src/core/citing/formal.ts), over the committed corpus and a crafted statute (statutes are not in
 * the site's corpus yet; the resolution is built over whatever documents are indexed).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexDocument } from '#core/document-index.ts';
import { citeIndex, citeNodes } from '#core/citing/cite-index.ts';
import { formalCitation, formalDocumentCitation, gbtReference } from '#core/citing/formal.ts';
import { citationKey, findDocument, findNode, type CiteDocument } from '#core/citing/paste.ts';
import { loadSynonyms, synonymTable } from '#core/search/synonym-table.ts';
import type { Document } from '#schemas/document.ts';
import { generatedDocument, generatedIds } from '../helpers/generated.ts';
import { statuteFixture } from '../../scripts/lib/bench/statute-fixture.ts';

const related = synonymTable(loadSynonyms(JSON.parse(fs.readFileSync('content/synonyms.json', 'utf8')))).related;

const corpus = [...generatedIds().map(generatedDocument), statuteFixture()];
const index = citeIndex(corpus, related);
const resolve = (pasted: string) => {
  const match = findDocument(pasted, index.documents);
  return match === null ? null : { document: match.document.id, node: findNode(match, index.nodes.get(match.document.id) ?? {}) };
};

describe('citationKey', () => {
  it('spells the short and the formal form of a 公文 number alike', () => {
    expect(citationKey('二、（六）')).toBe(citationKey('第二部分第（六）项'));
    expect(citationKey('二、（六）1.')).toBe(citationKey('第二部分第(六)项第1点'));
  });

  it('spells a statute article in Chinese or Arabic numerals alike', () => {
    expect(citationKey('第五十条第二款')).toBe(citationKey('第50条第2款'));
    expect(citationKey('第五十条之一')).toBe(citationKey('第50条之1'));
  });
});

describe('findDocument and findNode', () => {
  it('lands the site’s own short citation on its clause, with brackets of either width', () => {
    expect(resolve('湘潭稳就业二十四条 二、（六）')).toEqual({ document: 'xiangtan-2019-stabilise-employment', node: 'd1-2.6' });
    expect(resolve('湘潭稳就业二十四条二、(六)')).toEqual({ document: 'xiangtan-2019-stabilise-employment', node: 'd1-2.6' });
  });

  it('lands the formal citation, with an issued document’s own title and its 文号', () => {
    expect(resolve('《湘潭市进一步做好稳就业工作二十四条措施》第二部分第（六）项')).toEqual({ document: 'xiangtan-2019-stabilise-employment', node: 'd1-2.6' });
    expect(resolve('《2012年完善就业服务体系和社会保障体系工作计划》（苏政办发〔2012〕91号）第三部分第（七）项')).toEqual({ document: 'jiangsu-szbf-2012-91', node: 'd1-3.7' });
  });

  it('lands a 文号 on its document in any of its written forms', () => {
    for (const form of ['宜府办函〔2014〕282号', '宜府办函[2014]282号', '宜府办函（2014）282号', '宜府办函(2014)第282号', '宜府办函 〔2014〕 282 号']) {
      expect(resolve(form), form).toEqual({ document: 'yibin-yfbh-2014-282', node: null });
    }
  });

  it('lands statute citations: 《社会保险法》第五十条, the full title, the abbreviation with Arabic numerals, a 款 and a 项', () => {
    expect(resolve('《社会保险法》第五十条')).toEqual({ document: 'social-insurance-law', node: 'art-50' });
    expect(resolve('《中华人民共和国社会保险法》第五十条第二款')).toEqual({ document: 'social-insurance-law', node: 'art-50.2' });
    expect(resolve('社保法第50条')).toEqual({ document: 'social-insurance-law', node: 'art-50' });
    expect(resolve('《社会保险法》第五十条第三款第（二）项')).toEqual({ document: 'social-insurance-law', node: 'art-50.3.2' });
    expect(resolve('社会保险法第五十条之一')).toEqual({ document: 'social-insurance-law', node: 'art-50-1' });
  });

  it('tells documents bearing the same name apart by the 文号 pasted with it', () => {
    const twins: CiteDocument[] = [
      { id: 'first', names: [{ name: '就业工作计划', tail: '' }], docNumber: '甲发〔2012〕1号' },
      { id: 'second', names: [{ name: '就业工作计划', tail: '' }], docNumber: '乙发〔2013〕2号' },
    ];
    expect(findDocument('《就业工作计划》（乙发〔2013〕2号）第一部分', twins)?.document.id).toBe('second');
    expect(findDocument('就业工作计划 一、', twins)?.document.id).toBe('first');
  });

  it('names no node for numbering the document lacks, and no document for a name nobody has', () => {
    expect(resolve('湘潭稳就业二十四条 九、（九十）')).toEqual({ document: 'xiangtan-2019-stabilise-employment', node: null });
    expect(resolve('不存在的文件 一、')).toBeNull();
  });

  it('resolves every node of the corpus from its short and its formal citation', () => {
    const missed: string[] = [];
    for (const doc of corpus.filter((d) => d.duplicateOf === null)) {
      const docIndex = indexDocument(doc);
      for (const entry of docIndex.entries) {
        for (const form of [entry.citation, formalCitation(doc, docIndex, entry)]) {
          const found = resolve(form);
          const expected = entry.kind === 'part' && found?.node === null ? null : entry.id;
          if (found?.document !== doc.id || found.node !== expected) missed.push(`${form} → ${JSON.stringify(found)}`);
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it('gives no two nodes of a document the same key', () => {
    for (const doc of corpus) expect(citeNodes(doc, indexDocument(doc).entries).ambiguous, doc.id).toEqual([]);
  });
});

describe('formal citations and references', () => {
  const xiangtan = generatedDocument('xiangtan-2019-stabilise-employment');
  const xiangtanIndex = indexDocument(xiangtan);
  const yibin = generatedDocument('yibin-yfbh-2014-282');
  const law = corpus.find((d) => d.id === 'social-insurance-law') as Document;
  const lawIndex = indexDocument(law);

  it('writes 《full title》（文号）第二部分第（六）项, an issued document by its own title', () => {
    expect(formalCitation(xiangtan, xiangtanIndex, xiangtanIndex.byId.get('d1-2.6') as never)).toBe('《湘潭市进一步做好稳就业工作二十四条措施》第二部分第（六）项');
    expect(formalDocumentCitation(yibin)).toBe('《宜宾市人民政府办公室关于规范基层就业和社会保障公共服务平台建设的意见》（宜府办函〔2014〕282号）');
  });

  it('writes a statute article with the full title', () => {
    expect(formalCitation(law, lawIndex, lawIndex.byId.get('art-50.2') as never)).toBe('《中华人民共和国社会保险法》第五十条第二款');
  });

  it('writes a GB/T 7714-2015 reference: issuer. title: 文号[EB/OL]. (date)[accessed]. URL.', () => {
    expect(gbtReference(yibin, 'https://atlas.example/yibin-yfbh-2014-282/', '2026-12-07')).toBe(
      '宜宾市人民政府办公室. 宜宾市人民政府办公室关于规范基层就业和社会保障公共服务平台建设的意见: 宜府办函〔2014〕282号[EB/OL]. (2014-10-26)[2026-12-07]. https://atlas.example/yibin-yfbh-2014-282/.',
    );
  });
});
