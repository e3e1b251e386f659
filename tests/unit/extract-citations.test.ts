import { describe, expect, it } from 'vitest';
import { citationKey } from '#core/citation-key.ts';
import { extractCitations } from '../../scripts/lib/ingest/extract/citations.ts';
import { CitationMention } from '#schemas/entities.ts';
import { documentOfParagraphs } from '../helpers/document-builder.ts';

/** A document of the given paragraphs. */
const crafted = (...texts: string[]) => documentOfParagraphs(texts);

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
