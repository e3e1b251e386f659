/**
 * From a citation as someone pasted it to the node it names: the site's own short form
 * (湘潭稳就业二十四条 二、（六）), the formal one (《湘潭市进一步做好稳就业工作二十四条措施》第二部分第（六）项),
 * a 文号 in any of its written forms (宜府办函[2014]282号), and statute citations
 * (《社会保险法》第五十条第二款, 社保法第50条). Pure: the cite index (src/core/citing/cite-index.ts) is
 * built over whatever documents are indexed, and read here by the search page and /cite/.
 */
import { parseChineseNumeral } from '../chinese/numerals.ts';
import { DOC_NUMBER_IN_TEXT, normaliseDocNumber } from '../doc-number.ts';

/** A name a document (or one of its parts) is cited by, and the citation tail its parts' nodes start with under that name. */
export interface CiteName {
  name: string;
  /** What the short citations of the part named add before the numbering (2012年两大体系工作计划), normalised; '' for the document itself. */
  tail: string;
}

/** A document as the cite index lists it. */
export interface CiteDocument {
  id: string;
  /** Its short title, full title, the titles of its issued documents, a statute's title without 中华人民共和国 and its listed abbreviations. */
  names: CiteName[];
  /** Its 文号, normalised (normaliseDocNumber); null when it has none. */
  docNumber: string | null;
}

/** Normalised citation tail → node id, for one document. */
export type CiteNodes = Readonly<Record<string, string>>;

const CN = '〇零一二两三四五六七八九十百千';
const NUM = `(\\d+|[${CN}]+)`;

function value(numeral: string): string {
  return /^\d+$/.test(numeral) ? String(Number(numeral)) : String(parseChineseNumeral(numeral) ?? numeral);
}

/** The ways a citation writes its numbering, each rewritten to one spelling. Order matters: formal and statute forms before the printed labels. */
const REWRITES: readonly [RegExp, (...groups: string[]) => string][] = [
  [new RegExp(`第${NUM}条之${NUM}`, 'g'), (n, k) => `条${value(n)}-${value(k)};`],
  [new RegExp(`第${NUM}(部分)`, 'g'), (n) => `L1:${value(n)};`],
  [new RegExp(`第\\(([${CN}]+)\\)项`, 'g'), (n) => `L2:${value(n)};`],
  [new RegExp(`第([${CN}]+)项`, 'g'), (n) => `L2:${value(n)};`],
  [/第(\d+)项/g, (n) => `B:${value(n)};`],
  [/第(\d+)点/g, (n) => `L3:${value(n)};`],
  [/第\((\d+)\)目/g, (n) => `L4:${value(n)};`],
  [new RegExp(`第${NUM}(编|章|节|条|款|目|段|点|行)`, 'g'), (n, unit) => `${unit}${value(n)};`],
  [new RegExp(`([${CN}]+)、`, 'g'), (n) => `L1:${value(n)};`],
  [new RegExp(`\\(([${CN}]+)\\)`, 'g'), (n) => `L2:${value(n)};`],
  [/(?<![\d:])(\d+)[、.](?!\d)/g, (n) => `L3:${value(n)};`],
  [/\((\d+)\)/g, (n) => `L4:${value(n)};`],
];

/**
 * One spelling of a citation's numbering, so that the forms people write meet the form the site
 * prints: 二、（六） and 第二部分第（六）项 are both `L1:2;L2:6;`, 第五十条 and 第50条 both `条50;`.
 * Compatibility forms are folded (full-width brackets and digits), spaces and the 、 between labels dropped.
 */
export function citationKey(text: string): string {
  let key = text.normalize('NFKC').replace(/\s+/g, '');
  for (const [pattern, rewrite] of REWRITES) key = key.replace(pattern, (_match, ...groups: string[]) => rewrite(...groups));
  return key;
}

/** Folds what a name may be pasted with: compatibility forms, spaces, and the inner 〈〉 some sites print for nested titles. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(/〈/g, '《').replace(/〉/g, '》');
}

/** A title in 《》 at the start of a text, nested 《》 inside it allowed; null when the text does not start with one. */
function leadingTitle(text: string): { title: string; rest: string } | null {
  if (!text.startsWith('《')) return null;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '《') depth += 1;
    if (text[i] === '》') depth -= 1;
    if (depth === 0) return { title: text.slice(1, i), rest: text.slice(i + 1) };
  }
  return null;
}

/** Where a pasted citation points before its numbering is read: a document, the tail its names add, and the rest of the text. */
export interface DocumentMatch {
  document: CiteDocument;
  tail: string;
  rest: string;
}

/** A 文号 in brackets right after a title, and a date in brackets ((2019年2月1日)), add nothing to where a citation points. */
function withoutAsides(rest: string): string {
  return rest.replace(new RegExp(`^\\((?:${DOC_NUMBER_IN_TEXT.source}|[^)]*\\d{4}年[^)]*)\\)`, 'u'), '');
}

/**
 * The document a pasted citation names: by a title in 《》 (the document's, one of its issued
 * documents', a statute's with or without 中华人民共和国, or a listed abbreviation), by a name it starts
 * with (the short title), or by a 文号 anywhere in it. Null when it names none of the documents.
 */
export function findDocument(pasted: string, documents: readonly CiteDocument[]): DocumentMatch | null {
  const text = nameKey(pasted);
  const number = DOC_NUMBER_IN_TEXT.exec(text);
  const normalised = number === null ? null : normaliseDocNumber(number[0]);
  const numbered = (d: CiteDocument) => normalised !== null && d.docNumber !== null && normalised.endsWith(d.docNumber);
  // Several documents may bear a name (an issued document's title, reissued): the 文号 pasted with it tells them apart.
  const pick = <T extends { document: CiteDocument }>(found: readonly T[]): T | undefined => found.find((f) => numbered(f.document)) ?? found[0];
  const named = (name: string) => documents.flatMap((document) => document.names.filter((n) => nameKey(n.name) === name).map((n) => ({ document, tail: n.tail })));
  const titled = leadingTitle(text);
  if (titled !== null) {
    const found = pick(named(titled.title));
    if (found !== undefined) return { ...found, rest: withoutAsides(titled.rest) };
  }
  const prefixed: DocumentMatch[] = [];
  for (const document of documents) {
    for (const n of document.names) {
      const name = nameKey(n.name);
      if (text.startsWith(name)) prefixed.push({ document, tail: n.tail, rest: withoutAsides(text.slice(name.length)) });
    }
  }
  const longest = Math.max(0, ...prefixed.map((m) => text.length - m.rest.length));
  const best = pick(prefixed.filter((m) => text.length - m.rest.length === longest));
  if (best !== undefined) return best;
  if (number === null) return null;
  const document = documents.find(numbered);
  return document === undefined ? null : { document, tail: '', rest: text.slice(number.index + number[0].length) };
}

/** The node a citation's numbering names in its document; null for the document itself (no numbering) or numbering it lacks. */
export function findNode(match: DocumentMatch, nodes: CiteNodes): string | null {
  const rest = citationKey(match.rest.replace(/^[，,。:：\s]+/, ''));
  if (rest === '') return null;
  return nodes[`${match.tail}${rest}`] ?? nodes[rest] ?? null;
}
