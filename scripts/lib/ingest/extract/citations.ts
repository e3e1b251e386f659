import type { Diagnostic } from '#schemas/diagnostic.ts';
import type { Document } from '#schemas/document.ts';
import { citationKey, normaliseDocNumber } from '#core/citation-key.ts';
import type { CitationMention } from '#schemas/entities.ts';
import { sentences, textUnits, type TextUnit } from './units.ts';

/** A 文号: issuer code, year in 〔〕 (or (), （）, []), number and 号 — 国发〔2018〕39号, 川人社发(2010)44号. */
const DOC_NUMBER = /(\p{Script=Han}{1,10})[〔(（[【［]\s*(\d{4})\s*[〕)）\]】］]\s*(第?\s*\d+\s*号)/gu;
// Words that run into an issuer code without a break (和川人社发, 根据川编发); longest first.
const LEADING_WORDS = ['根据', '依据', '按照', '依照', '参照', '对照', '执行', '贯彻', '落实', '以及', '和', '及', '与', '或', '按', '据', '见', '即', '经'];
// A law named without brackets, after the verb that invokes it (全面落实社会保险法).
// Compound verbs come first so that 贯彻落实 is not read as 贯彻 + a law named 落实….
const BARE_LAW = /(?:贯彻落实|贯彻执行|学习宣传|落实|贯彻|依据|根据|执行|遵守|按照|依照|实施|学习|宣传)((?:中华人民共和国)?\p{Script=Han}{2,10}?法)(?!规|律|人|院|治|制|官|庭)/gu;
// 办法, 做法 … end in 法 but are not laws.
const NOT_LAW_ENDINGS = /(?:办|方|做|执|立|司|违|依|合|守|用|手|说|写|想|看|算)法$/;
// A title that is only a document type (《规划》, 《意见》) refers back to a fuller title; it names nothing.
const GENERIC_TITLE = /^(?:规划|意见|办法|通知|决定|规定|方案|条例|细则|措施|计划|纲要|实施意见|实施方案|实施细则)$/;

type Found = { start: number; end: number; title: string | null; docNumber: string | null; kind: CitationMention['kind'] };

/**
 * Finds the documents and laws each clause cites: 《titles》 (the outer title where titles nest),
 * 文号 (paired with the title they follow in brackets), and laws named without brackets after
 * 落实/贯彻/依据…. One mention per cited document per clause; the document's own parts and
 * number are not citations, and the issuer is left to aggregation.
 */
export function extractCitations(doc: Document): { citations: CitationMention[]; diagnostics: Diagnostic[] } {
  const ownTitles = new Set([doc.meta.title, ...doc.parts.map((p) => p.title)].filter((t): t is string => t !== null).map(sameBrackets));
  const ownNumber = doc.meta.docNumber === null ? null : normaliseDocNumber(doc.meta.docNumber);
  const citations: CitationMention[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, CitationMention>();
  for (const unit of textUnits(doc)) {
    for (const sentence of sentences(unit.text)) {
      for (const found of findCitations(sentence, doc, unit, diagnostics)) {
        if (found.title !== null && ownTitles.has(sameBrackets(found.title))) continue;
        if (found.docNumber !== null && normaliseDocNumber(found.docNumber) === ownNumber) continue;
        const mention: CitationMention = { ...sourceRef(doc, unit, sentence), title: found.title, docNumber: found.docNumber, kind: found.kind };
        const key = `${unit.clauseId}\u0000${citationKey(mention)}`;
        const earlier = seen.get(key);
        if (earlier === undefined) {
          seen.set(key, mention);
          citations.push(mention);
        } else if (earlier.title === null && mention.title !== null) {
          // The same 文号 cited bare first and with its title later: keep the title.
          earlier.title = mention.title;
        }
      }
    }
  }
  return { citations, diagnostics };
}

/** Inner titles are printed with 〈〉 or with 《》; compare them alike. */
function sameBrackets(title: string): string {
  return title.replace(/〈/g, '《').replace(/〉/g, '》');
}

function sourceRef(doc: Document, unit: TextUnit, sentence: string) {
  return { documentId: doc.id, clauseId: unit.clauseId, line: unit.line, sentence };
}

/** The citations of one sentence in reading order. */
function findCitations(sentence: string, doc: Document, unit: TextUnit, diagnostics: Diagnostic[]): Found[] {
  const found: Found[] = [];
  const titles = titleSpans(sentence, doc, unit, diagnostics);
  const covered = (index: number) => found.some((f) => index >= f.start && index < f.end);
  for (const t of titles) {
    if (GENERIC_TITLE.test(t.title)) continue;
    const number = bracketedNumberAfter(sentence, t.end);
    found.push({
      start: t.start,
      end: number?.end ?? t.end,
      title: t.title,
      docNumber: number?.docNumber ?? null,
      kind: isLawTitle(t.title) ? 'law' : 'document',
    });
  }
  const insideTitle = (index: number) => titles.some((t) => index >= t.start && index < t.end);
  for (const m of sentence.matchAll(DOC_NUMBER)) {
    const docNumber = issuerCode(m[1] ?? '') + m[0].slice((m[1] ?? '').length);
    const start = m.index + m[0].length - docNumber.length;
    if (covered(start) || insideTitle(start)) continue;
    found.push({ start, end: m.index + m[0].length, title: null, docNumber: docNumber.replace(/\s+/g, ''), kind: 'document' });
  }
  for (const m of sentence.matchAll(BARE_LAW)) {
    const title = m[1] ?? '';
    const start = m.index + m[0].length - title.length;
    if (covered(start) || insideTitle(start) || NOT_LAW_ENDINGS.test(title)) continue;
    found.push({ start, end: start + title.length, title, docNumber: null, kind: 'law' });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Outermost 《…》 spans; inner titles (〈〉 or nested 《》) stay part of the outer one. */
function titleSpans(sentence: string, doc: Document, unit: TextUnit, diagnostics: Diagnostic[]): { start: number; end: number; title: string }[] {
  const spans: { start: number; end: number; title: string }[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < sentence.length; i++) {
    if (sentence[i] === '《') {
      if (depth === 0) open = i;
      depth++;
    } else if (sentence[i] === '》' && depth > 0) {
      depth--;
      if (depth === 0) spans.push({ start: open, end: i + 1, title: sentence.slice(open + 1, i).trim() });
    }
  }
  if (depth > 0) {
    diagnostics.push({
      level: 'warning',
      code: 'citation-unclosed-title',
      message: `《 without its 》 in ${unit.clauseId}: ${sentence.slice(open, open + 30)}`,
      file: doc.sourceFile,
      line: unit.line,
    });
  }
  return spans.filter((s) => s.title !== '');
}

function bracketedNumberAfter(sentence: string, index: number): { docNumber: string; end: number } | null {
  const rest = sentence.slice(index);
  const m = /^\s*[(（]\s*(\p{Script=Han}{1,10}[〔(（[【［]\s*\d{4}\s*[〕)）\]】］]\s*第?\s*\d+\s*号)\s*[)）]/u.exec(rest);
  return m?.[1] === undefined ? null : { docNumber: m[1].replace(/\s+/g, ''), end: index + m[0].length };
}

function issuerCode(run: string): string {
  let code = run;
  for (let changed = true; changed; ) {
    changed = false;
    for (const word of LEADING_WORDS) {
      if (code.startsWith(word) && code.length > word.length + 1) {
        code = code.slice(word.length);
        changed = true;
      }
    }
  }
  return code;
}

/** Laws and regulations: titles ending in 法 (not 办法) or 条例, outside any inner title. */
function isLawTitle(title: string): boolean {
  return (/法$/.test(title) && !NOT_LAW_ENDINGS.test(title)) || /条例$/.test(title.replace(/〈[^〉]*〉/g, ''));
}
