/**
 * Small documents made for one test, validated by the real schema: what a stage under test reads,
 * without the live corpus, so that adding a source never changes what these tests see.
 */
import { Document, type DocumentMeta } from '#schemas/document.ts';
import type { DepartmentMention } from '#schemas/entities.ts';
import type { Block, Part } from '#schemas/structure.ts';

const NOTHING_EXTRACTED = { targets: [], departments: [], projects: [], citations: [], dates: [], groups: [], benefits: [] };

/** The metadata of a made-up city document (湘潭市, type 措施, no date), with `meta` laid over it. */
function testMeta(meta: Partial<DocumentMeta> = {}): DocumentMeta {
  return {
    title: '测试',
    shortTitle: '测试',
    docNumber: null,
    issuer: null,
    date: null,
    indexNumber: null,
    validity: null,
    effective: null,
    expires: null,
    validityStatements: [],
    history: [],
    region: { name: '湘潭市', level: 'city', within: ['湖南省'] },
    type: '措施',
    sourceUrl: null,
    provenance: {},
    ...meta,
  };
}

/** What a test may set: the metadata (over testMeta's), the blocks of its one main part and its lines. */
interface TestDocument {
  id?: string;
  meta?: Partial<DocumentMeta> | undefined;
  /** The blocks of the single main part `m`. */
  blocks: unknown[];
  /** The normalised lines; the original lines are the same. */
  lines: readonly string[];
  /** Facts an earlier extraction stage found, for the stages that read them. */
  extracted?: Partial<Document['extracted']>;
}

/** A one-part document (`m`, kind main) holding `blocks`, parsed by the Document schema. */
export function testDocument({ id = 'crafted', meta, blocks, lines, extracted = {} }: TestDocument): Document {
  const fullMeta = testMeta(meta);
  const part = { id: 'm', kind: 'main', label: null, title: null, citation: fullMeta.shortTitle, lines: { start: 1, end: Math.max(1, lines.length) }, children: blocks } satisfies Omit<Part, 'children'> & { children: unknown[] };
  return Document.parse({
    id,
    sourceFile: `tests/${id}.txt`,
    sha256: '0'.repeat(64),
    encoding: 'utf-8',
    script: 'simplified',
    meta: fullMeta,
    duplicateOf: null,
    parts: [part],
    originalLines: lines,
    lines,
    normalisation: {},
    drops: [],
    diagnostics: [],
    extracted: { ...NOTHING_EXTRACTED, ...extracted },
  });
}

/** Paragraph blocks of part `m` (m-p1, m-p2 …) or of a provision (m-1.p1 …), the first on line `firstLine`. */
function paragraphs(texts: readonly string[], firstLine = 1, parent = 'm'): Block[] {
  const id = (n: number) => (parent === 'm' ? `m-p${n}` : `${parent}.p${n}`);
  return texts.map((text, i) => ({ type: 'paragraph', id: id(i + 1), line: firstLine + i, text }));
}

/** How documentOfParagraphs lays its texts out. */
export interface ParagraphLayout {
  meta?: Partial<DocumentMeta> | undefined;
  /** The line of the first text; the lines before it are empty. */
  firstLine?: number;
  /** The title of a section 一、 (m-1) that holds the paragraphs. */
  heading?: string | undefined;
}

/** A document of one paragraph per text, on lines 1, 2 … (or from `firstLine`), optionally under a heading. */
export function documentOfParagraphs(texts: readonly string[], { meta, firstLine = 1, heading }: ParagraphLayout = {}): Document {
  const lines = [...Array<string>(firstLine - 1).fill(''), ...texts];
  const span = { start: 1, end: Math.max(1, lines.length) };
  const blocks =
    heading === undefined
      ? paragraphs(texts, firstLine)
      : [{ type: 'provision', id: 'm-1', kind: 'numbered', level: 1, label: '一、', num: 1, title: heading, text: '', lines: span, citation: '测试 一、', children: paragraphs(texts, firstLine, 'm-1') }];
  return testDocument({ meta, blocks, lines });
}

/** A document whose every text is one numbered clause `m-<n>` （n） at line n. */
export function documentOfClauses(texts: readonly string[], meta?: Partial<DocumentMeta>): Document {
  const blocks = texts.map((text, i) => ({
    type: 'provision',
    id: `m-${i + 1}`,
    kind: 'numbered',
    level: 2,
    label: `（${i + 1}）`,
    num: i + 1,
    title: null,
    text,
    lines: { start: i + 1, end: i + 1 },
    citation: `测试（${i + 1}）`,
    children: [],
  }));
  return testDocument({ meta, blocks, lines: texts });
}

/** A document holding one table `m-t1` (no caption), its rows given as cell values under `columns`, on lines 2, 3 …. */
export function documentOfTable(columns: readonly string[], rows: readonly (readonly string[])[], meta?: Partial<DocumentMeta>): Document {
  const table = {
    type: 'table',
    id: 'm-t1',
    caption: null,
    columns,
    lines: { start: 1, end: rows.length + 1 },
    rows: rows.map((cells, i) => ({
      id: `m-t1.r${i + 1}`,
      num: null,
      lines: { start: i + 2, end: i + 2 },
      cells: cells.map((value, c) => ({ column: columns[c], value, line: i + 2, inherited: false })),
    })),
  };
  return testDocument({ meta, blocks: [table], lines: [columns.join(' '), ...rows.map((r) => r.join(' '))] });
}

/** A department mention as the extractor records it, resolved to nothing unless `fields` say otherwise. */
export function testMention(fields: Pick<DepartmentMention, 'clauseId' | 'name' | 'role'> & Partial<DepartmentMention>): DepartmentMention {
  return {
    documentId: 'crafted',
    line: 1,
    sentence: fields.name,
    departmentId: null,
    entityId: null,
    resolution: 'unknown',
    function: null,
    jurisdiction: null,
    levels: null,
    group: false,
    historical: null,
    inferred: false,
    ...fields,
  };
}
