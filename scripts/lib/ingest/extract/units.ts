import type { Document } from '#schemas/document.ts';
import { blocksOf } from '#core/document-tree.ts';
import type { ParagraphRole, Provision, Row, Table } from '#schemas/structure.ts';

/** A piece of running text that facts are extracted from, with the node and line it belongs to. */
export type TextUnit = {
  /** The provision or paragraph the text belongs to (a paragraph under a provision reports the provision). */
  clauseId: string;
  line: number;
  text: string;
  /** The innermost provision around the text, if any. */
  provision: Provision | null;
  /** A paragraph's role where the parser gave it one (title, signature …); null for provisions and plain paragraphs. */
  role: ParagraphRole | null;
};

/** Paragraph roles that frame a document rather than say anything: a title names its subject, a signature its issuer. */
const FRAMING_ROLES: ReadonlySet<ParagraphRole> = new Set(['title', 'doc-number', 'addressee', 'signature', 'date', 'toc']);

/** True for a unit that only frames the document (title, 文号, addressees, signature, date, table of contents). */
export function isFraming(unit: TextUnit): boolean {
  return unit.role !== null && FRAMING_ROLES.has(unit.role);
}

/**
 * The lead-in of a listed item: the text of the provision just around the unit when it ends in a colon
 * and so introduces a list (因工伤发生的下列费用，按照国家规定从工伤保险基金中支付：); '' otherwise.
 * `chains` holds each provision with the ones around it, outermost first.
 */
export function leadIn(unit: TextUnit, chains: ReadonlyMap<string, readonly Provision[]>): string {
  const chain = unit.provision === null ? [] : (chains.get(unit.provision.id) ?? []);
  const parent = chain.filter((p) => p.id !== unit.clauseId).at(-1);
  return parent !== undefined && /[：:]\s*$/.test(parent.text) ? parent.text : '';
}

/** A table row with its table, for extractors that read cells by column. */
export type RowUnit = { table: Table; row: Row; partId: string };

/**
 * The running text of a document in reading order: each provision's heading line (title and text)
 * and each paragraph, attributed to the innermost provision. Table rows come separately (`tableRows`).
 */
export function textUnits(doc: Document): TextUnit[] {
  const units: TextUnit[] = [];
  for (const { block: b, provisions } of blocksOf(doc)) {
    if (b.type === 'paragraph') {
      // Implicit groups print nothing: the innermost numbered provision is the clause.
      const provision = provisions.findLast((p) => p.kind !== 'implicit') ?? null;
      units.push({ clauseId: provision?.id ?? b.id, line: b.line, text: b.text, provision, role: b.role ?? null });
    } else if (b.type === 'provision') {
      const own = [b.title, b.text].filter((s): s is string => s !== null && s !== '').join('。');
      if (b.kind !== 'implicit' && own !== '') units.push({ clauseId: b.id, line: b.lines.start, text: own, provision: b, role: null });
    }
  }
  return units;
}

/** Every table row of a document, with its table and part. */
export function tableRows(doc: Document): RowUnit[] {
  return [...blocksOf(doc)].flatMap(({ block, part }) => (block.type === 'table' ? block.rows.map((row) => ({ table: block, row, partId: part.id })) : []));
}

/**
 * Splits running text into sentences at 。！？ and ；, keeping the punctuation with its sentence.
 * An ASCII `?` is not a sentence end: in these texts it marks a character lost in capture.
 */
export function sentences(text: string): string[] {
  return text.match(/[^。！？!；;]+[。！？!；;]?/g)?.map((s) => s.trim()).filter((s) => s !== '') ?? [];
}
