import { z } from 'astro/zod';

/** A 1-based, inclusive range of lines in the source file. */
export const LineSpan = z
  .object({ start: z.number().int().positive(), end: z.number().int().positive() })
  .refine((s) => s.end >= s.start, 'end must not precede start');
export type LineSpan = z.output<typeof LineSpan>;

/**
 * A node id, unique within its document: the part (`n` cover notice, `d1` issued document,
 * `a1` annex, `m` single body) then a dot path mirroring the printed numbering, e.g. `d1-2.6`.
 */
export const NodeId = z
  .string()
  .regex(/^(?:(?:n|m|d\d+|a\d+)(?:-[a-z0-9]+(?:\.[a-z0-9]+)*)?|(?:(?:n|d\d+|a\d+)-)?(?:toc|bk-\d+|ch-\d+|sec-\d+|art-\d+(?:-\d+)?)(?:\.[a-z0-9]+(?:-\d+)?)*)$/);

/** What an unnumbered paragraph is, when the parser can tell. */
export const ParagraphRole = z.enum(['title', 'doc-number', 'addressee', 'signature', 'date', 'note', 'caption', 'toc']);
export type ParagraphRole = z.output<typeof ParagraphRole>;

export const Paragraph = z.object({
  type: z.literal('paragraph'),
  id: NodeId,
  line: z.number().int().positive(),
  /** The simplified text of the line. */
  text: z.string().min(1),
  role: ParagraphRole.optional(),
});
export type Paragraph = z.output<typeof Paragraph>;

/** One cell of a table row, under a named column. */
export const Cell = z.object({
  column: z.string().min(1),
  value: z.string(),
  line: z.number().int().positive(),
  /** True where the printed cell was merged with the one above and its value is carried down. */
  inherited: z.boolean(),
});
export type Cell = z.output<typeof Cell>;

export const Row = z.object({
  id: NodeId,
  /** The row's printed number (序号) when the table has one. */
  num: z.string().nullable(),
  lines: LineSpan,
  cells: z.array(Cell),
});
export type Row = z.output<typeof Row>;

export const Table = z.object({
  type: z.literal('table'),
  id: NodeId,
  caption: z.string().nullable(),
  columns: z.array(z.string().min(1)).min(1),
  rows: z.array(Row),
  lines: LineSpan,
});
export type Table = z.output<typeof Table>;

/** The kinds of provision: the 公文 hierarchy, and the statute units of the 立法法. */
export const ProvisionKind = z.enum([
  /** 公文: a numbered item (一、 / （一） / 1. / （1））. */
  'numbered',
  /** 公文: a —— bullet. */
  'bullet',
  /** 公文: a group the parser opened where numbering restarts without a printed heading. */
  'implicit',
  /** Statute: the 目录, its entries as paragraphs. */
  'toc',
  /** Statute: 编. */
  'book',
  /** Statute: 章. */
  'chapter',
  /** Statute: 节. */
  'section',
  /** Statute: 条, whose 款 are its children. */
  'article',
  /** Statute: 款, an unnumbered paragraph of an article. */
  'paragraph',
  /** Statute: 项 （一）. */
  'item',
  /** Statute: 目 1. */
  'subitem',
]);
export type ProvisionKind = z.output<typeof ProvisionKind>;

/** What a provision does for the document as a whole, when the parser can tell. */
export const ProvisionRole = z.enum([
  /** The article that brings the text into force (本法自…起施行). */
  'commencement',
]);
export type ProvisionRole = z.output<typeof ProvisionRole>;

/**
 * A numbered item of the 公文 hierarchy (一、 / （一） / 1. / （1）), a —— bullet, an implicit
 * group the parser opened where numbering restarts without a printed heading, or a statute unit
 * (编/章/节/条/款/项/目, see ProvisionKind).
 */
export const Provision = z.object({
  type: z.literal('provision'),
  id: NodeId,
  kind: ProvisionKind,
  /**
   * 公文: 1 一、, 2 （一）, 3 1. or 1、, 4 （1）, 5 —— bullet; an implicit group takes the level of the
   * heading it stands for (0: a lost part title). Statutes: 0 目录, 1 编, 2 章, 3 节, 4 条, 5 款, 6 项, 7 目.
   */
  level: z.number().int().min(0).max(7),
  /** The number as printed, punctuation included, e.g. `（六）`, `第五十条`; empty for an implicit group and a 款. */
  label: z.string(),
  /** The number's value (六 → 6), the bullet's ordinal, or a 款's position in its article. */
  num: z.number().int().positive().nullable(),
  /** A short first sentence that names the item, e.g. 加大创业担保贷款工作力度; a chapter's title; an article's 【title】. */
  title: z.string().nullable(),
  /** The rest of the heading line after the title. */
  text: z.string(),
  lines: LineSpan,
  /** A human citation in Chinese: the document's short title and the printed numbering. */
  citation: z.string().min(1),
  role: ProvisionRole.optional(),
  get children() {
    return z.array(Block);
  },
});
export type Provision = {
  type: 'provision';
  id: string;
  kind: ProvisionKind;
  level: number;
  label: string;
  num: number | null;
  title: string | null;
  text: string;
  lines: LineSpan;
  citation: string;
  role?: ProvisionRole | undefined;
  children: Block[];
};

export const Block = z.discriminatedUnion('type', [Paragraph, Provision, Table]);
export type Block = Paragraph | Provision | Table;

/** A part of a (possibly compound) document: the cover notice, an issued document, an annex. */
export const Part = z.object({
  id: z.string().regex(/^(?:n|m|d\d+|a\d+)$/),
  kind: z.enum(['cover', 'document', 'annex', 'main']),
  /** The printed label of an annex, e.g. 附件1. */
  label: z.string().nullable(),
  title: z.string().nullable(),
  /**
   * How the part is cited, and the start of every citation in it: the document's short title, then
   * the part's short name where the document has several (湘潭稳就业二十四条, 苏政办发〔2012〕91号 附件1).
   */
  citation: z.string().min(1),
  lines: LineSpan,
  children: z.array(Block),
});
export type Part = z.output<typeof Part>;
