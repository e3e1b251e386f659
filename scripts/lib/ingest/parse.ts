import { blocksOf } from '#core/document-tree.ts';
import { bookTitle } from '#core/chinese/book-title.ts';
import type { Diagnostic } from '#schemas/diagnostic.ts';
import type { Drop } from '#schemas/document.ts';
import type { Block, Paragraph, ParagraphRole, Part, Provision, Table } from '#schemas/structure.ts';
import { implicitGroupName } from '#core/document-index.ts';
import { classifyLine, splitTitle, type LineKind } from './classify.ts';
import { isStatuteHeading, looksLikeStatute, parseStatute, type StatuteLine } from './statute.ts';
import { buildTable, type SourceTableLine } from './tables.ts';

export type ParseInput = {
  /** Normalised lines; index i holds source line i + 1. */
  lines: readonly string[];
  file: string;
  /** The document's short title, the first word of every citation. */
  shortTitle: string;
  /** Roles the metadata stage found for certain lines (title block, 文号, signature, date). */
  roles: ReadonlyMap<number, ParagraphRole>;
  /** Lines consumed by an earlier stage, with the rule that consumed them (e.g. metadata-block). */
  skip: ReadonlyMap<number, string>;
  /** Short names of parts for citations, by part id. */
  partShortTitles: Readonly<Record<string, string>>;
  /** Column names replacing a broken printed header, by table id. */
  tableColumns: Readonly<Record<string, readonly string[]>>;
};
export type Parsed = { parts: Part[]; drops: Drop[]; diagnostics: Diagnostic[] };

type Line = { n: number; kind: LineKind };
type PartPlan = { id: string; kind: Part['kind']; label: string | null; title: string | null; titleLines: number[]; lines: Line[] };

/** Words that end the title of an issued document (计划, 意见 …). */
const DOC_TITLE_END = /(意见|计划|措施|办法|方案|规划|通知|细则|规定|决定|纲要|条例|要点)$/;
/** Roles of lines that belong to the part as a whole, never to the clause above them. */
const PART_LEVEL_ROLES: ReadonlySet<ParagraphRole> = new Set(['title', 'doc-number', 'addressee', 'signature', 'date', 'note']);

/**
 * Parses normalised lines into the 公文 structure: parts (cover notice, issued documents, annexes),
 * numbered provisions (一、/（一）/1./（1）), —— bullets, paragraphs and tables, each with stable ids.
 */
export function parseStructure(input: ParseInput): Parsed {
  const drops: Drop[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines: Line[] = [];
  input.lines.forEach((text, i) => {
    const n = i + 1;
    const rule = input.skip.get(n);
    if (rule !== undefined) {
      if (text !== '') drops.push({ rule, line: n, text });
      return;
    }
    const kind = classifyLine(text);
    if (kind.kind !== 'blank') lines.push({ n, kind });
  });
  const plans = planParts(lines, input);
  const parts = plans.map((plan) => new PartBuilder(plan, input, drops, diagnostics).build());
  const hasStructure = parts.some((p) => p.kind !== 'main' || p.children.some((c) => c.type !== 'paragraph'));
  if (!hasStructure && lines.length > 0) {
    diagnostics.push({ level: 'warning', code: 'parse-no-structure', message: 'no numbered headings, tables or parts found: the text is kept as one body of paragraphs', file: input.file, line: lines[0]?.n ?? 1 });
  }
  for (const id of duplicateIds(parts)) {
    diagnostics.push({ level: 'error', code: 'parse-duplicate-id', message: `two nodes would share the id ${id}`, file: input.file });
  }
  return { parts, drops, diagnostics };
}

/** Splits the lines into parts: the cover notice, each issued document (found by its title line) and each annex. */
function planParts(lines: readonly Line[], input: ParseInput): PartPlan[] {
  const cited = new Set<string>();
  const plans: PartPlan[] = [];
  let current: PartPlan = { id: 'm', kind: 'main', label: null, title: null, titleLines: [], lines: [] };
  let documents = 0;
  let annexes = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (!line) continue;
    const { kind } = line;
    const next = lines[i + 1];
    if (kind.kind === 'annex') {
      plans.push(current);
      annexes += 1;
      const titleLine = kind.rest === '' && next?.kind.kind === 'text' && isHeadingLike(next.kind.text) ? next : undefined;
      current = {
        id: `a${annexes}`,
        kind: 'annex',
        label: kind.label,
        title: kind.rest || (titleLine?.kind.kind === 'text' ? titleLine.kind.text : null),
        titleLines: titleLine ? [line.n, titleLine.n] : [line.n],
        lines: [],
      };
      if (titleLine) i += 1;
      continue;
    }
    if (kind.kind === 'text') {
      const text = kind.text;
      if (annexes === 0 && !input.roles.has(line.n) && isIssuedDocumentTitle(text, cited, next)) {
        plans.push(current);
        documents += 1;
        current = { id: `d${documents}`, kind: 'document', label: null, title: text, titleLines: [line.n], lines: [] };
        continue;
      }
      for (const m of text.matchAll(/《([^《》]+)》/g)) cited.add(m[1] ?? '');
    }
    current.lines.push(line);
  }
  plans.push(current);
  const [first, ...rest] = plans;
  if (first && documents > 0 && isCoverNotice(first)) {
    first.id = 'n';
    first.kind = 'cover';
  }
  return [first, ...rest].filter((p): p is PartPlan => p !== undefined && (p.lines.length > 0 || p.titleLines.length > 0));
}

/** An issued document starts at a line that repeats a title the cover cites, or that reads as a document title. */
function isIssuedDocumentTitle(text: string, cited: ReadonlySet<string>, next: Line | undefined): boolean {
  if (cited.has(text)) return true;
  if (isStatuteHeading(text)) return false;
  const followedByContent = next !== undefined && next.kind.kind !== 'table';
  return followedByContent && text.length >= 8 && text.length <= 60 && isHeadingLike(text) && DOC_TITLE_END.test(text);
}

/** A short line with no sentence punctuation: a heading or title rather than prose. */
function isHeadingLike(text: string): boolean {
  return text.length <= 60 && !/[。；;，,：:！？]/.test(text);
}

function isCoverNotice(plan: PartPlan): boolean {
  return plan.lines.some((l) => l.kind.kind === 'text' && /印发|转发|现将|《[^》]+》/.test(l.kind.text));
}

/** An open container while building the tree: the part itself or a provision. */
type Frame = {
  /** The id children extend: `d1-` for the part root, `d1-2.` under provision d1-2. */
  prefix: string;
  level: number;
  provision: Provision | null;
  children: Block[];
  /** Printed labels of the numbered ancestors, for citations. */
  labels: string[];
  counters: { p: number; b: number; u: number };
  lastNum: Map<number, number>;
};

class PartBuilder {
  private readonly stack: Frame[];
  private tables = 0;
  private readonly root: Frame;
  private readonly plan: PartPlan;
  private readonly input: ParseInput;
  /** The part's citation, which every citation in it extends. */
  private readonly partCitation: string;
  private readonly drops: Drop[];
  private readonly diagnostics: Diagnostic[];

  constructor(plan: PartPlan, input: ParseInput, drops: Drop[], diagnostics: Diagnostic[]) {
    this.plan = plan;
    this.input = input;
    this.drops = drops;
    this.diagnostics = diagnostics;
    this.partCitation = [input.shortTitle, partCitationName(plan, input.partShortTitles)].filter((s) => s !== '').join(' ');
    this.root = newFrame(`${plan.id}-`, 0, null, []);
    this.stack = [this.root];
  }

  build(): Part {
    if (looksLikeStatute(this.plan.lines.map((l) => lineText(l.kind)))) return this.buildStatute();
    const { plan } = this;
    let toc = false;
    for (let i = 0; i < plan.lines.length; i += 1) {
      const line = plan.lines[i];
      if (!line) continue;
      const { kind, n } = line;
      if (kind.kind === 'text' && kind.text.replace(/\s/g, '') === '目录') {
        toc = true;
        this.paragraph(n, kind.text, 'toc');
        continue;
      }
      // A table of contents lists headings with page numbers: keep it as text, never as headings.
      if (toc && /[.…·\s]\d+$/.test(lineText(kind))) {
        this.paragraph(n, lineText(kind), 'toc');
        continue;
      }
      toc = false;
      if (kind.kind === 'table') {
        let end = i;
        while (plan.lines[end + 1]?.kind.kind === 'table') end += 1;
        this.table(plan.lines.slice(i, end + 1));
        i = end;
      } else if (kind.kind === 'numbered') {
        this.numbered(n, kind);
      } else if (kind.kind === 'bullet') {
        this.bullet(n, kind.label, kind.rest);
      } else {
        const role = this.input.roles.get(n) ?? this.inferredRole(kind, i);
        this.paragraph(n, lineText(kind), role);
      }
    }
    this.popTo(this.root);
    return this.part(this.root.children);
  }

  /** A part laid out in 条 (a law, a regulation, or 办法 issued by a notice): the statute structure. */
  private buildStatute(): Part {
    const { plan, input } = this;
    const byLine = new Map(plan.lines.map((l) => [l.n, l]));
    const partName = partCitationName(plan, input.partShortTitles);
    const parsed = parseStatute({
      lines: plan.lines.map((l): StatuteLine => ({ n: l.n, text: lineText(l.kind), role: input.roles.get(l.n) })),
      idPrefix: plan.id === 'm' ? '' : `${plan.id}-`,
      citationPrefix: plan.id === 'm' ? citedTitle(input.shortTitle) : `${[input.shortTitle, partName].filter((s) => s !== '').join(' ')} `,
      file: input.file,
      table: (lines) => this.makeTable(lines.flatMap((l) => byLine.get(l.n) ?? []), null),
    });
    this.drops.push(...parsed.drops);
    this.diagnostics.push(...parsed.diagnostics);
    return this.part(parsed.children);
  }

  private part(children: Block[]): Part {
    const { plan } = this;
    const spanLines = [...plan.titleLines, ...plan.lines.map((l) => l.n)];
    return {
      id: plan.id,
      kind: plan.kind,
      label: plan.label,
      title: plan.title,
      citation: this.partCitation,
      lines: { start: Math.min(...spanLines), end: Math.max(...spanLines) },
      children,
    };
  }

  private inferredRole(kind: LineKind, index: number): ParagraphRole | undefined {
    const text = lineText(kind);
    const next = this.plan.lines[index + 1];
    if (next?.kind.kind === 'table' && isHeadingLike(text)) return 'caption';
    const isOpening = index < 3 && (this.plan.kind === 'cover' || this.plan.kind === 'main');
    if (isOpening && /[:：]$/.test(text) && !/[。；;]|如下|现将|现就|提出/.test(text) && text.length <= 150) return 'addressee';
    if (/^[(（]此件[^)）]*[)）]$/.test(text)) return 'note';
    return undefined;
  }

  private paragraph(n: number, text: string, role: ParagraphRole | undefined): void {
    const frame = role !== undefined && PART_LEVEL_ROLES.has(role) ? this.popTo(this.root) : this.closeBullets();
    frame.counters.p += 1;
    const node: Paragraph = { type: 'paragraph', id: `${frame.prefix}p${frame.counters.p}`, line: n, text, ...(role ? { role } : {}) };
    frame.children.push(node);
  }

  private numbered(n: number, kind: Extract<LineKind, { kind: 'numbered' }>): void {
    const { level, num } = kind;
    let parent = this.popWhile((f) => f.level >= level);
    const last = parent.lastNum.get(level);
    if (last !== undefined && num <= last) {
      // Numbering restarts without a printed heading: a heading was lost in capture.
      const lostLevel = parent === this.root ? level - 1 : parent.level;
      if (parent !== this.root) parent = this.popWhile((f) => f === parent);
      parent = this.implicit(parent, lostLevel, n, true);
      this.warn(n, 'parse-numbering-restart', `${kind.label} restarts the numbering after ${last} without a heading: a heading was probably lost; the items are grouped under ${parent.provision?.id ?? '?'}`);
    } else if (last !== undefined && num !== last + 1) {
      this.warn(n, 'parse-numbering-gap', `${kind.label} follows item ${last}: items are missing between them`);
    }
    if (level > parent.level + 1 && !(parent.provision?.kind === 'implicit' && parent.level === level - 1)) {
      parent = this.implicit(parent, level - 1, n);
    }
    parent.lastNum.set(level, num);
    this.provision(parent, { kind: 'numbered', level, label: kind.label, num, segment: String(num), rest: kind.rest, line: n });
  }

  private bullet(n: number, label: string, rest: string): void {
    const parent = this.closeBullets();
    parent.counters.b += 1;
    this.provision(parent, { kind: 'bullet', level: 5, label, num: parent.counters.b, segment: `b${parent.counters.b}`, rest, line: n });
  }

  /** `lostHeading`: the group stands for a heading lost in capture, not merely for a skipped level. */
  private implicit(parent: Frame, level: number, n: number, lostHeading = false): Frame {
    parent.counters.u += 1;
    const id = `${parent.prefix}u${parent.counters.u}`;
    // The group prints no number. The first of a parent's groups is cited like the parent (二、1、 is
    // what the page prints); a later one is named by its place, so that its items cite apart from the
    // first group's and say where they stand (二、 未编号第2组 1、).
    const labels = parent.counters.u === 1 ? [...parent.labels] : [...parent.labels, ` ${implicitGroupName(parent.counters.u)} `];
    const node: Provision = {
      type: 'provision',
      id,
      kind: 'implicit',
      level,
      label: '',
      num: null,
      title: null,
      text: '',
      lines: { start: n, end: n },
      citation: this.citation(labels),
      ...(lostHeading ? { restored: 'lost-heading' as const } : {}),
      children: [],
    };
    parent.children.push(node);
    const frame = newFrame(`${id}.`, level, node, labels);
    this.stack.push(frame);
    return frame;
  }

  private provision(
    parent: Frame,
    item: { kind: 'numbered' | 'bullet'; level: number; label: string; num: number; segment: string; rest: string; line: number },
  ): void {
    const { title, separator, text } = splitTitle(item.rest);
    if (separator !== '') this.drops.push({ rule: 'title-full-stop', line: item.line, text: separator });
    const labels = [...parent.labels, citationLabel(item.kind, item.label, item.num)];
    const node: Provision = {
      type: 'provision',
      id: `${parent.prefix}${item.segment}`,
      kind: item.kind,
      level: item.level,
      label: item.label,
      num: item.num,
      title,
      text,
      lines: { start: item.line, end: item.line },
      citation: this.citation(labels),
      children: [],
    };
    parent.children.push(node);
    this.stack.push(newFrame(`${node.id}.`, item.level, node, labels));
  }

  private table(lines: readonly Line[]): void {
    const frame = this.closeBullets();
    const previous = frame.children[frame.children.length - 1];
    const caption = previous?.type === 'paragraph' && previous.role === 'caption' ? previous.text : null;
    frame.children.push(this.makeTable(lines, caption));
  }

  private makeTable(lines: readonly Line[], caption: string | null): Table {
    this.tables += 1;
    const id = `${this.plan.id}-t${this.tables}`;
    const sourceLines: SourceTableLine[] = lines.map(({ n }) => {
      const raw = (this.input.lines[n - 1] ?? '').trim();
      const kind = classifyLine(raw);
      const cells = kind.kind === 'table' ? kind.cells : [raw];
      return { line: n, pipes: raw.match(/\|/g)?.length ?? 0, cells: cells.map((value) => ({ value: joinWrappedCjk(value), line: n })) };
    });
    const result = buildTable({ id, caption: caption ?? this.plan.title, lines: sourceLines, columns: this.input.tableColumns[id], file: this.input.file });
    this.drops.push(...result.drops);
    this.diagnostics.push(...result.diagnostics);
    return result.table;
  }

  private citation(labels: readonly string[]): string {
    return [this.partCitation, labels.join('').replace(/\s+/g, ' ').trim()].filter((s) => s !== '').join(' ');
  }

  /** Closes an open bullet: what follows a bullet list belongs to the list's parent. */
  private closeBullets(): Frame {
    return this.popWhile((f) => f.provision?.kind === 'bullet');
  }

  private popTo(frame: Frame): Frame {
    return this.popWhile((f) => f !== frame);
  }

  private popWhile(test: (f: Frame) => boolean): Frame {
    while (this.stack.length > 1) {
      const top = this.stack[this.stack.length - 1];
      if (!top || !test(top)) break;
      this.stack.pop();
      extendSpan(top, this.stack[this.stack.length - 1]);
    }
    return this.stack[this.stack.length - 1] ?? this.root;
  }

  private warn(line: number, code: string, message: string): void {
    this.diagnostics.push({ level: 'warning', code, message, file: this.input.file, line });
  }
}

function newFrame(prefix: string, level: number, provision: Provision | null, labels: readonly string[]): Frame {
  return { prefix, level, provision, children: provision?.children ?? [], labels: [...labels], counters: { p: 0, b: 0, u: 0 }, lastNum: new Map() };
}

/** When a provision closes, its parent's span grows to cover it. */
function extendSpan(closed: Frame, parent: Frame | undefined): void {
  const node = closed.provision;
  if (!node) return;
  node.lines.end = Math.max(node.lines.end, lastLine(node.children));
  if (parent?.provision) parent.provision.lines.end = Math.max(parent.provision.lines.end, node.lines.end);
}

function lastLine(blocks: readonly Block[]): number {
  let max = 0;
  for (const b of blocks) max = Math.max(max, b.type === 'paragraph' ? b.line : b.lines.end);
  return max;
}

function lineText(kind: LineKind): string {
  switch (kind.kind) {
    case 'text':
      return kind.text;
    case 'numbered':
    case 'bullet':
    case 'annex':
      return `${kind.label}${kind.rest}`;
    case 'table':
      return kind.cells.join(' | ');
    case 'blank':
      return '';
  }
}

/** The printed label in the form used in citations: full-width brackets, no trailing separator on bullets. */
function citationLabel(kind: 'numbered' | 'bullet', label: string, num: number): string {
  if (kind === 'bullet') return `第${num}项`;
  return label.replace('(', '（').replace(')', '）').replace('．', '.');
}

/** A part is named in citations unless the document has only one body: annexes by label, issued documents by short title. */
function partCitationName(plan: PartPlan, shortTitles: Readonly<Record<string, string>>): string {
  const short = shortTitles[plan.id];
  if (short) return short;
  if (plan.kind === 'annex') return (plan.label ?? '').replace(/[:：]$/, '');
  if (plan.kind === 'document' && plan.id !== 'd1') return plan.title ?? plan.id;
  return '';
}

/** A statute's short title in book-title marks, as citations write it: 《社会保险法》, 《北京市实施〈残疾人保障法〉办法》. */
function citedTitle(shortTitle: string): string {
  return /^《[^《》]*》$/.test(shortTitle) ? shortTitle : bookTitle(shortTitle);
}

/** Cell text broken over lines in the page layout leaves a space between Han characters (示范 地区). */
function joinWrappedCjk(value: string): string {
  return value.replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '');
}

function duplicateIds(parts: readonly Part[]): string[] {
  const seen = new Set<string>();
  const dupes: string[] = [];
  const visit = (id: string) => {
    if (seen.has(id)) dupes.push(id);
    seen.add(id);
  };
  for (const p of parts) visit(p.id);
  for (const { block } of blocksOf({ parts })) {
    visit(block.id);
    if (block.type === 'table') block.rows.forEach((r) => visit(r.id));
  }
  return dupes;
}
