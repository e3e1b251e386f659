import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citationKey } from '#core/citation-key.ts';
import { extractCitations } from '../../scripts/lib/ingest/extract/citations.ts';
import { Document } from '#schemas/document.ts';
import { CitationMention } from '#schemas/entities.ts';
import { documentOfParagraphs } from '../helpers/document-builder.ts';

const doc = (id: string) => Document.parse(JSON.parse(fs.readFileSync(`content/generated/documents/${id}.json`, 'utf8')));
const cite = (id: string) => extractCitations(doc(id));
const brief = (c: CitationMention) => ({ clauseId: c.clauseId, line: c.line, title: c.title, docNumber: c.docNumber, kind: c.kind });

/** A document of the given paragraphs. */
const crafted = (...texts: string[]) => documentOfParagraphs(texts);

describe('extractCitations on the corpus', () => {
  it('pairs each title with the 文号 that follows it in brackets, keeping the outer title (Xiangtan line 7)', () => {
    const { citations, diagnostics } = cite('xiangtan-2019-stabilise-employment');
    expect(diagnostics).toEqual([]);
    expect(citations.map(brief)).toEqual([
      { clauseId: 'd1-p1', line: 7, title: '国务院关于做好当前和今后一段时期促进就业工作的若干意见', docNumber: '国发〔2018〕39号', kind: 'document' },
      { clauseId: 'd1-p1', line: 7, title: '湖南省人民政府办公厅关于做好稳就业有关工作的通知', docNumber: '湘政电〔2018〕55号', kind: 'document' },
      { clauseId: 'd1-p1', line: 7, title: '湖南省人民政府关于印发〈湖南省进一步促进就业工作二十条措施〉的通知', docNumber: '湘政发〔2018〕30号', kind: 'document' },
    ]);
    expect(citations[0]).toMatchObject({
      documentId: 'xiangtan-2019-stabilise-employment',
      sentence: expect.stringMatching(/^为全面落实党中央、国务院关于稳就业工作的决策部署，根据《国务院关于.*制定如下政策措施。$/),
    });
    for (const c of citations) expect(CitationMention.parse(c)).toEqual(c);
  });

  it('does not count the cover notice citing the document it issues', () => {
    expect(cite('xiangtan-2019-stabilise-employment').citations.filter((c) => c.line === 2)).toEqual([]);
    expect(cite('jiangsu-szbf-2012-91').citations.filter((c) => c.line === 6 || c.line === 4)).toEqual([]);
  });

  it('reads laws in brackets and keeps other titles as documents (Xuhui)', () => {
    const { citations } = cite('xuhui-2016-employment-plan');
    expect(citations.filter((c) => c.line === 93).map((c) => [c.title, c.kind])).toEqual([
      ['就业促进法', 'law'],
      ['社会保险法', 'law'],
      ['劳动合同法', 'law'],
      ['上海市失业保险办法', 'document'],
      ['上海市城镇生育保险办法', 'document'],
    ]);
    expect(citations.filter((c) => c.line === 74 || c.line === 75).map(brief)).toEqual([
      { clauseId: 'm-2.u4.1.b2', line: 74, title: '劳动合同法', docNumber: null, kind: 'law' },
      { clauseId: 'm-2.u4.1.b3', line: 75, title: '上海市集体合同条例', docNumber: null, kind: 'law' },
    ]);
    expect(citations.filter((c) => c.line === 1).map((c) => c.title)).toEqual(['徐汇区国民经济和社会发展第十二个五年规划纲要', '上海市就业和社会保障“十二五”规划']);
  });

  it('reads a 文号 cited on its own, in round brackets, with the same key as the bracketed form (Yibin)', () => {
    const { citations } = cite('yibin-yfbh-2014-282');
    expect(citations.map(brief)).toEqual([
      { clauseId: 'm-p2', line: 10, title: '中华人民共和国就业促进法', docNumber: null, kind: 'law' },
      { clauseId: 'm-p2', line: 10, title: '关于印发进一步整合资源加强基层劳动就业社会保障公共服务平台和网络建设指导意见的通知', docNumber: '人社部发〔2010〕22号', kind: 'document' },
      { clauseId: 'm-p2', line: 10, title: '关于加强全省基层就业和社会保障公共服务机构建设有关问题的通知', docNumber: '川编发〔2010〕11号', kind: 'document' },
      { clauseId: 'm-p2', line: 10, title: '关于印发进一步加强基层劳动就业社会保障公共服务平台和网络建设实施意见的通知', docNumber: '川人社发〔2010〕44号', kind: 'document' },
      { clauseId: 'm-2.2', line: 29, title: '基层就业和社会保障服务设施建设规范（试行）', docNumber: null, kind: 'document' },
      { clauseId: 'm-2.2', line: 29, title: null, docNumber: '川人社发（2010）44号', kind: 'document' },
      { clauseId: 'm-3.4', line: 36, title: null, docNumber: '川编发（2010）11号', kind: 'document' },
    ]);
    const [, , bianfa, renshe, , renshe2, bianfa2] = citations;
    expect(renshe && citationKey(renshe)).toBe(renshe2 && citationKey(renshe2));
    expect(bianfa && citationKey(bianfa)).toBe(bianfa2 && citationKey(bianfa2));
    expect(renshe && citationKey(renshe)).toMatch(/^doc-2010-44-[0-9a-f]{8}$/);
  });

  it('reads Jiangsu: plan titles with their period, nested law titles, a law named without brackets', () => {
    const { citations } = cite('jiangsu-szbf-2012-91');
    expect(citations.map(brief)).toEqual([
      { clauseId: 'd1-1', line: 10, title: '促进就业规划（2011-2015年）', docNumber: null, kind: 'document' },
      { clauseId: 'd1-1', line: 10, title: '社会保险法', docNumber: null, kind: 'law' },
      { clauseId: 'd1-3.1', line: 18, title: '促进就业规划（2011-2015年）', docNumber: null, kind: 'document' },
      { clauseId: 'd1-3.1', line: 18, title: '省政府关于加快完善就业服务体系促进社会就业更加充分的实施意见', docNumber: null, kind: 'document' },
      { clauseId: 'd1-3.1', line: 18, title: '江苏省实施〈就业促进法〉办法', docNumber: null, kind: 'document' },
      { clauseId: 'd1-3.1', line: 18, title: '江苏省就业专项资金管理办法', docNumber: null, kind: 'document' },
      { clauseId: 'd1-3.6', line: 23, title: '江苏省实施〈工伤保险条例〉办法', docNumber: null, kind: 'document' },
      { clauseId: 'd1-3.6', line: 23, title: '江苏省城镇企业职工生育保险规定', docNumber: null, kind: 'document' },
    ]);
    const [plan, , planAgain] = citations;
    expect(plan && citationKey(plan)).toBe(planAgain && citationKey(planAgain));
    // The same title in either punctuation width is one document, with the key it had before widening.
    expect(plan && citationKey({ ...plan, title: '促进就业规划(2011-2015年)' })).toBe(plan && citationKey(plan));
    expect(plan && citationKey(plan)).toBe('doc-04d87496');
  });

  it('finds nothing in the excerpt, which cites no document', () => {
    expect(cite('jiangsu-szbf-2012-91-excerpt')).toEqual({ citations: [], diagnostics: [] });
  });
});

describe('extractCitations on crafted text', () => {
  it('strips connectives from issuer codes and keeps one mention per document per clause', () => {
    const { citations } = extractCitations(crafted('根据国发〔2018〕39号和湘政电(2018)55号文件,按照国发[2018]39号要求。'));
    expect(citations.map((c) => c.docNumber)).toEqual(['国发〔2018〕39号', '湘政电(2018)55号']);
  });

  it('reads laws without brackets only after a verb that invokes them', () => {
    const { citations } = extractCitations(crafted('贯彻落实就业促进法,依据劳动法有关规定,遵守法律法规,落实考核办法,执行新的办法,依法行政。'));
    expect(citations.map((c) => [c.title, c.kind])).toEqual([
      ['就业促进法', 'law'],
      ['劳动法', 'law'],
    ]);
  });

  it('skips generic back-references and titles of the document itself, and warns about an unclosed title', () => {
    const texts = ['做好与《规划》的衔接,现将《湘潭市人民政府关于印发〈湘潭市进一步做好稳就业工作二十四条措施〉的通知》印发。', '参照《关于进一步做好就业工作的通知'];
    const document = documentOfParagraphs(texts, { meta: { title: '湘潭市人民政府关于印发《湘潭市进一步做好稳就业工作二十四条措施》的通知' } });
    const { citations, diagnostics } = extractCitations(document);
    expect(citations).toEqual([]);
    expect(diagnostics).toEqual([
      {
        level: 'warning',
        code: 'citation-unclosed-title',
        message: '《 without its 》 in m-p2: 《关于进一步做好就业工作的通知',
        file: 'tests/crafted.txt',
        line: 2,
      },
    ]);
  });
});

describe('citationKey', () => {
  const mention = (title: string | null, docNumber: string | null, kind: CitationMention['kind']): CitationMention => ({
    documentId: 'x',
    clauseId: 'm',
    line: 1,
    sentence: '…',
    title,
    docNumber,
    kind,
  });

  it('keys by 文号 whatever the brackets, and by title otherwise', () => {
    const key = citationKey(mention('国务院关于做好当前和今后一段时期促进就业工作的若干意见', '国发〔2018〕39号', 'document'));
    expect(key).toMatch(/^doc-2018-39-[0-9a-f]{8}$/);
    expect(citationKey(mention(null, '国发(2018)39号', 'document'))).toBe(key);
    expect(citationKey(mention(null, '国发〔2018〕第39号', 'document'))).toBe(key);
    expect(citationKey(mention(null, '湘政发〔2018〕39号', 'document'))).not.toBe(key);
    expect(citationKey(mention('江苏省就业专项资金管理办法', null, 'document'))).toMatch(/^doc-[0-9a-f]{8}$/);
  });

  it('gives a law the same key with or without 中华人民共和国', () => {
    const key = citationKey(mention('就业促进法', null, 'law'));
    expect(key).toMatch(/^law-[0-9a-f]{8}$/);
    expect(citationKey(mention('中华人民共和国就业促进法', null, 'law'))).toBe(key);
  });
});
