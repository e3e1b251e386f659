import fs from 'node:fs';
import { BeneficiaryGroups } from '#schemas/beneficiary-groups.ts';
import { BenefitTerms } from '#schemas/benefit-terms.ts';
import { Document } from '#schemas/document.ts';
import type { Extracted } from '#schemas/entities.ts';
import { testDocument } from './document-builder.ts';

/** The reviewed rule data, as the ingest reads it. */
export const GROUPS = BeneficiaryGroups.parse(JSON.parse(fs.readFileSync('content/beneficiary-groups.json', 'utf8')));
export const TERMS = BenefitTerms.parse(JSON.parse(fs.readFileSync('content/benefit-terms.json', 'utf8')));

let line = 0;

/** An article of a statute (第N条) whose 款 are the given texts; a 款 given as [lead-in, items] lists its items （一）（二）…. */
export function article(num: number, paragraphs: (string | [string, string[]])[]) {
  const provision = (id: string, kind: string, level: number, label: string, n: number, text: string, children: unknown[] = []) => {
    line += 1;
    return { type: 'provision', id, kind, level, label, num: n, title: null, text, lines: { start: line, end: line }, citation: `测试法第${n}条`, children };
  };
  return provision(
    `art-${num}`,
    'article',
    4,
    `第${num}条`,
    num,
    '',
    paragraphs.map((p, i) => {
      const [text, items] = typeof p === 'string' ? [p, []] : p;
      const id = `art-${num}.${i + 1}`;
      return provision(id, 'paragraph', 5, '', i + 1, text, items.map((item, j) => provision(`${id}.${j + 1}`, 'item', 6, `（${j + 1}）`, j + 1, item)));
    }),
  );
}

/** A 公文 clause （N） with its text as the heading line. */
export function clause(num: number, text: string, title: string | null = null) {
  line += 1;
  return { type: 'provision', id: `m-1.${num}`, kind: 'numbered', level: 2, label: `（${num}）`, num, title, text, lines: { start: line, end: line }, citation: `测试（${num}）`, children: [] };
}

/** A paragraph with an optional role (title, signature …). */
export function paragraph(id: string, text: string, role?: string) {
  line += 1;
  return { type: 'paragraph', id, line, text, ...(role === undefined ? {} : { role }) };
}

/**
 * A one-part document holding `children`, with the metadata of a committed seed (dated 2012-05-14)
 * and the given extracted facts (departments, groups) for the stages that read them.
 */
export function craftedDocument(children: unknown[], extracted: Partial<Extracted> = {}): Document {
  const seed = Document.parse(JSON.parse(fs.readFileSync('content/generated/documents/jiangsu-szbf-2012-91.json', 'utf8')));
  return testDocument({ id: 'test', meta: seed.meta, blocks: children, lines: seed.lines, extracted });
}
