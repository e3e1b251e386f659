/**
 * Citations staff can paste into an official document: the formal form, 《full title》（文号）第二部分第（六）项
 * (a statute: 《中华人民共和国社会保险法》第五十条第二款), and a GB/T 7714-2015 reference for the
 * document as an electronic resource: 主要责任者. 题名: 其他题名信息[EB/OL]. (更新或修改日期)[引用日期]. 获取和访问路径.
 * The 文号 is the 其他题名信息, as reference lists print 公文 (国务院. 关于…的通知: 国发〔2018〕39号[EB/OL]. …).
 */
import type { DocumentIndex, NodeEntry } from '../document-index.ts';
import type { Document } from '../schemas/document.ts';
import { citationTail } from './cite-index.ts';
import { bookTitle } from '../chinese/book-title.ts';

const CN = '〇零一二两三四五六七八九十百千';

/** The printed numbering of a 公文 as a formal citation writes it: 二、 → 第二部分, （六） → 第（六）项, 1、 → 第1点, （1） → 第（1）目. A statute's is formal already. */
function formalNumbering(tail: string): string {
  return tail
    .replace(new RegExp(`([${CN}]+)、`, 'g'), '第$1部分')
    .replace(new RegExp(`(?<!第)（([${CN}]+)）`, 'g'), '第（$1）项')
    .replace(/(?<![\d第])(\d+)[、.．](?!\d)/g, '第$1点')
    .replace(/(?<!第)（(\d+)）/g, '第（$1）目')
    .replace(/\s+/g, '');
}

/** The title a part is cited by: an issued document's own title, else the document's. */
function citedTitle(doc: Document, partId: string): string {
  const part = doc.parts.find((p) => p.id === partId);
  return part?.kind === 'document' && part.title !== null ? part.title : doc.meta.title;
}

/** 《full title》（文号）, the formal citation of the document (or of one of the documents it issues). */
export function formalDocumentCitation(doc: Document, partId: string | null = null): string {
  const title = partId === null ? doc.meta.title : citedTitle(doc, partId);
  return `${bookTitle(title)}${doc.meta.docNumber === null ? '' : `（${doc.meta.docNumber}）`}`;
}

/** The formal citation of a node: its document's (or issued document's) title and 文号, then its numbering. */
export function formalCitation(doc: Document, index: DocumentIndex, entry: NodeEntry): string {
  const partId = entry.kind === 'part' ? entry.id : (entry.ancestorIds[0] ?? entry.id);
  const part = doc.parts.find((p) => p.id === partId);
  const partEntry = index.byId.get(partId);
  const tail = citationTail(doc, entry.citation);
  // An issued document is named by its own title in 《》: the short name its citations carry would say it twice.
  const issued = part?.kind === 'document' && part.title !== null;
  const partName = issued && partEntry !== undefined ? citationTail(doc, partEntry.citation) : '';
  const numbering = partName !== '' && tail.startsWith(partName) ? tail.slice(partName.length) : tail;
  return `${formalDocumentCitation(doc, partId)}${formalNumbering(numbering)}`;
}

/** The GB/T 7714-2015 reference of a document on this site; `accessed` is the 引用日期 (ISO), the day it is copied. */
export function gbtReference(doc: Document, url: string, accessed: string): string {
  const { issuer, title, docNumber, date } = doc.meta;
  const author = issuer === null ? '' : `${issuer}. `;
  const other = docNumber === null ? '' : `: ${docNumber}`;
  const updated = date === null ? '' : `(${date})`;
  return `${author}${title}${other}[EB/OL]. ${updated}[${accessed}]. ${url}.`;
}
