import type { Document } from '#schemas/document.ts';
import { blocksOf } from './document-tree.ts';
import type { Block, LineSpan, Paragraph, Part, Provision, Row, Table } from '#schemas/structure.ts';

/** The kinds of node that get a page of their own. */
export type NodeKind = 'part' | 'provision' | 'paragraph' | 'table' | 'row';

interface EntryBase {
  id: string;
  /** Ids from the part down to the parent, outermost first; empty for a part. */
  ancestorIds: readonly string[];
  /** How a reader cites the node, e.g. 湘潭稳就业二十四条 二、（六）. */
  citation: string;
  /** What a heading, a breadcrumb or a table of contents calls the node. */
  heading: string;
  /** The source lines the node covers, children included. */
  lines: LineSpan;
  /** The neighbours of the same kind (and, for provisions, the same level) in document order. */
  prevId: string | null;
  nextId: string | null;
}

/** One node of a document with everything a page needs to show it in context. */
export type NodeEntry = EntryBase &
  (
    | { kind: 'part'; node: Part }
    | { kind: 'provision'; node: Provision }
    | { kind: 'paragraph'; node: Paragraph }
    | { kind: 'table'; node: Table }
    | { kind: 'row'; node: Row; table: Table }
  );

/** Every node of one document, in document order, with lookups. Built once per build. */
export interface DocumentIndex {
  document: Document;
  entries: readonly NodeEntry[];
  byId: ReadonlyMap<string, NodeEntry>;
}

const partKindNames: Record<Part['kind'], string> = { cover: '通知', document: '文件', annex: '附件', main: '正文' };

/** A part's printed label and title (附件1 试点项目), or the name of its kind when nothing is printed. */
export function partHeading(part: Part): string {
  const printed = [part.label, part.title].filter((s) => s !== null).join(' ');
  return printed === '' ? partKindNames[part.kind] : printed;
}

const untitledExcerptLength = 20;

/** A provision's printed number and title; an untitled one shows the start of its text instead. */
function provisionHeading(p: Provision): string {
  const name = p.title ?? truncate(p.text, untitledExcerptLength);
  return `${p.label}${name}`;
}

/** The text cut to `length` characters, with an ellipsis when something was cut. */
export function truncate(text: string, length: number): string {
  const chars = [...text];
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : text;
}

/** How citations and headings name the n-th unnumbered group (numbering that restarted where a heading was lost). */
export function implicitGroupName(n: number): string {
  return `未编号第${n}组`;
}

/** One line of a table of contents, linking to the anchor `#id`. */
export interface TocEntry {
  id: string;
  text: string;
  children: TocEntry[];
}

/** A statute's divisions: what its table of contents lists (its articles are too many to list). */
const STATUTE_DIVISIONS: ReadonlySet<Provision['kind']> = new Set(['toc', 'book', 'chapter', 'section']);

/** A division's printed label and title: 第三章 基本医疗保险. */
function divisionHeading(p: Provision): string {
  return p.title === null ? p.label : `${p.label} ${p.title}`;
}

/**
 * Provisions down to `depth` levels; implicit groups print nothing, so their children stand in their
 * place. In a statute with 编, 章 or 节, only those are listed, all of them.
 */
function provisionEntries(blocks: readonly Block[], depth: number): TocEntry[] {
  const divisions = blocks.filter((b): b is Provision => b.type === 'provision' && STATUTE_DIVISIONS.has(b.kind) && b.kind !== 'toc');
  if (divisions.length > 0) return divisions.map((d) => ({ id: d.id, text: divisionHeading(d), children: provisionEntries(d.children, depth) }));
  if (depth === 0) return [];
  return blocks.flatMap((b): TocEntry[] => {
    if (b.type !== 'provision' || b.kind === 'article') return [];
    if (b.kind === 'implicit') return provisionEntries(b.children, depth);
    return [{ id: b.id, text: provisionHeading(b), children: provisionEntries(b.children, depth - 1) }];
  });
}

/** The parts of a document with their first two levels of provisions; a statute's 编, 章 and 节. */
export function tableOfContents(doc: Document): TocEntry[] {
  return doc.parts.map((part) => ({ id: part.id, text: partHeading(part), children: provisionEntries(part.children, 2) }));
}

/**
 * How a part is cited: as the parser cites it (Part.citation), except a cover notice, which is
 * always named 通知, so that it never shares a citation with the body it issues.
 */
function partCitation(doc: Document, part: Part): string {
  return part.kind === 'cover' ? `${doc.meta.shortTitle} ${partKindNames.cover}` : part.citation;
}

/** A row's name within its table: its printed 序号, else its position. */
function rowLabel(row: Row, position: number): string {
  return row.num === null ? `第${position}行` : `序号${row.num}`;
}

/** The entries of a document in document order (each part, then its blocks depth first), neighbours not yet linked. */
function draftEntries(doc: Document): NodeEntry[] {
  const drafts: NodeEntry[] = [];
  for (const part of doc.parts) {
    const partCitationText = partCitation(doc, part);
    drafts.push({ kind: 'part', node: part, id: part.id, ancestorIds: [], citation: partCitationText, heading: partHeading(part), lines: part.lines, prevId: null, nextId: null });
    // The citation of the part and of each provision, which the blocks inside them extend.
    const citations = new Map([[part.id, partCitationText]]);
    // Paragraphs and implicit groups are named by their place among their siblings, tables by their place in the part.
    const siblings = new Map<string, { paragraphs: number; implicitGroups: number }>();
    let tables = 0;
    for (const { block, provisions } of blocksOf({ parts: [part] })) {
      const parent = provisions.at(-1);
      const parentId = parent?.id ?? part.id;
      const counts = siblings.get(parentId) ?? { paragraphs: 0, implicitGroups: 0 };
      siblings.set(parentId, counts);
      const parentCitation = citations.get(parentId) ?? partCitationText;
      // A numbered label ends a provision's citation, so a child's own tail follows it without a space.
      const tail = (text: string) => (parent !== undefined && parent.kind !== 'implicit' ? `${parentCitation}${text}` : `${parentCitation} ${text}`);
      const ancestorIds = [part.id, ...provisions.map((p) => p.id)];
      const base = { id: block.id, ancestorIds, prevId: null, nextId: null };
      if (block.type === 'paragraph') {
        counts.paragraphs += 1;
        const heading = `第${counts.paragraphs}段`;
        drafts.push({ ...base, kind: 'paragraph', node: block, citation: tail(heading), heading, lines: { start: block.line, end: block.line } });
      } else if (block.type === 'table') {
        tables += 1;
        const tableCitation = `${partCitationText} 表${tables}`;
        drafts.push({ ...base, kind: 'table', node: block, citation: tableCitation, heading: block.caption ?? `表${tables}`, lines: block.lines });
        block.rows.forEach((row, i) => {
          const label = rowLabel(row, i + 1);
          drafts.push({ kind: 'row', node: row, table: block, id: row.id, ancestorIds: [...ancestorIds, block.id], citation: `${tableCitation} ${label}`, heading: label, lines: row.lines, prevId: null, nextId: null });
        });
      } else {
        const implicit = block.kind === 'implicit';
        if (implicit) counts.implicitGroups += 1;
        const heading = implicit ? implicitGroupName(counts.implicitGroups) : provisionHeading(block);
        // An implicit group prints no number. The parser cites a parent's first group like the parent and
        // names the later ones (…二、 未编号第2组); the group's own page is named by its place either way.
        const citation = implicit && !block.citation.endsWith(heading) ? `${block.citation} ${heading}` : block.citation;
        // What it holds extends the parser's citation, which names only the groups after the first.
        citations.set(block.id, block.citation);
        drafts.push({ ...base, kind: 'provision', node: block, citation, heading, lines: block.lines });
      }
    }
  }
  return drafts;
}

/** Provisions are neighbours only at the same level, so 二、（六） is followed by 三、（七）, not by 三、. */
function neighbourKey(entry: NodeEntry): string {
  return entry.kind === 'provision' ? `provision:${entry.node.level}` : entry.kind;
}

/** Indexes a document: every part, provision, paragraph, table and row, with citation, ancestors and neighbours. */
export function indexDocument(document: Document): DocumentIndex {
  const entries: NodeEntry[] = draftEntries(document);
  const lastByKey = new Map<string, NodeEntry>();
  for (const entry of entries) {
    const key = neighbourKey(entry);
    const previous = lastByKey.get(key);
    if (previous) {
      previous.nextId = entry.id;
      entry.prevId = previous.id;
    }
    lastByKey.set(key, entry);
  }
  const byId = new Map<string, NodeEntry>();
  for (const entry of entries) {
    if (byId.has(entry.id)) throw new Error(`${document.id}: node id ${entry.id} is used twice`);
    byId.set(entry.id, entry);
  }
  return { document, entries, byId };
}

/** The entry with this id; a missing id is a broken reference and fails the build. */
export function entryById(index: DocumentIndex, id: string): NodeEntry {
  const entry = index.byId.get(id);
  if (!entry) throw new Error(`${index.document.id}: no node with id ${id}`);
  return entry;
}

/** The name of a page about the node: its citation, followed by its title or heading where that adds something. */
export function displayName(entry: NodeEntry): string {
  if (entry.kind === 'provision' && entry.node.title !== null) return `${entry.citation} ${entry.node.title}`;
  return entry.citation.endsWith(entry.heading) ? entry.citation : `${entry.citation} ${entry.heading}`;
}

/** What the node says, as one plain string: for previews, descriptions and search snippets. */
export function plainText(entry: NodeEntry): string {
  switch (entry.kind) {
    case 'part':
      return entry.heading;
    case 'provision':
      return entry.node.kind === 'implicit' ? entry.heading : [entry.node.title, entry.node.text].filter((s) => s !== null && s !== '').join('。');
    case 'paragraph':
      return entry.node.text;
    case 'table':
      return [entry.node.caption, entry.node.columns.join('、')].filter((s) => s !== null).join('：');
    case 'row':
      return entry.node.cells.map((c) => `${c.column}：${c.value}`).join('；');
  }
}

/** What identifies a node's content, so a copy of it elsewhere can be recognised. */
function fingerprint(entry: NodeEntry): string {
  switch (entry.kind) {
    case 'part':
      return `part|${entry.node.kind}|${entry.node.label}|${entry.node.title}`;
    case 'provision':
      return `provision|${entry.node.kind}|${entry.node.level}|${entry.node.label}|${entry.node.title}|${entry.node.text}`;
    case 'paragraph':
      return `paragraph|${entry.node.text}`;
    case 'table':
      return `table|${entry.node.columns.join('|')}`;
    case 'row':
      return `row|${entry.node.cells.map((c) => c.value).join('|')}`;
  }
}

/**
 * For each node of a duplicate text, the same node in the canonical document: the node that starts
 * on the matching line of the repeated range and says the same thing. Nodes without one are left out.
 */
export function counterparts(duplicate: DocumentIndex, canonical: DocumentIndex): Map<string, NodeEntry> {
  const range = duplicate.document.duplicateOf;
  if (range === null) throw new Error(`${duplicate.document.id} is not a duplicate`);
  const byStart = new Map<string, NodeEntry>();
  for (const entry of canonical.entries) byStart.set(`${entry.lines.start}|${fingerprint(entry)}`, entry);
  const found = new Map<string, NodeEntry>();
  for (const entry of duplicate.entries) {
    const line = range.firstLine + entry.lines.start - 1;
    if (line > range.lastLine) continue;
    const match = byStart.get(`${line}|${fingerprint(entry)}`);
    if (match) found.set(entry.id, match);
  }
  return found;
}
