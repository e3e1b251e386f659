import { z } from 'astro/zod';
import { NodeId } from '#schemas/structure.ts';

/**
 * One file of the labelled development set (tests/fixtures/labels/<slug>.json): the facts a reader
 * found in one text, written by reading it, never by running the parser. Format: SPEC.md of issue 11
 * and tests/fixtures/labels/README.md.
 */

/** A short quote of the text: facts and quotes only, never copied text. */
const Quote = z.string().min(1).max(30);
const IsoDate = z.iso.date();

/** A dated event of a statute's history, as printed in its heading lines. */
export const LabelEvent = z
  .object({
    kind: z.enum(['adopted', 'approved', 'promulgated', 'amended', 'revised', 'in-force']),
    date: IsoDate,
  })
  .strict();

export const LabelMetadata = z
  .object({
    /** The full title as printed (a compound document: its cover notice's). */
    title: z.string().min(1),
    /** The body that made or issued the text, as the text (or a seed's sidecar correction) names it. */
    issuer: z.string().min(1).nullable(),
    /** The current version's date: a statute's latest history event, a 公文's 成文日期. */
    date: IsoDate.nullable(),
    /** 文号, as printed. */
    docNumber: z.string().min(1).nullable(),
    /** Every dated history event printed; [] for a 公文. */
    events: z.array(LabelEvent),
  })
  .strict();

/** A top-level heading: 编/章 of a statute, 一、 of a 公文's issued document. */
export const LabelHeading = z
  .object({
    id: NodeId,
    label: z.string().min(1),
    /** The heading up to its first 。; may be cut to a prefix to stay a short quote, or empty where none is printed. */
    title: z.string().max(30),
  })
  .strict();

/** One of the first articles or （一）-level clauses: its id, printed label and how its text begins. */
export const LabelProvision = z.object({ id: NodeId, label: z.string().min(1), startsWith: Quote }).strict();

export const LabelDepartment = z
  .object({
    node: NodeId,
    /** The name exactly as printed (without a leading 由/请; locating words such as 当地 left out). */
    name: z.string().min(1),
    role: z.enum(['lead', 'support', 'mention']),
    /** A group phrase (有关部门, 各县市区人民政府, X成员单位): always role mention. */
    group: z.boolean(),
  })
  .strict()
  .refine((d) => !d.group || d.role === 'mention', 'a group phrase is a mention (SPEC: group phrases are mentions)');

/** A quantitative goal (not a subsidy amount). */
export const LabelTarget = z.object({ node: NodeId, quote: Quote, value: z.number(), unit: z.string().min(1).nullable() }).strict();

/** A beneficiary group a node serves, under its canonical name. */
export const LabelGroup = z.object({ node: NodeId, group: z.string().min(1) }).strict();

export const BenefitKind = z.enum(['补贴', '贷款', '贴息', '减免', '返还', '补助', '奖励', '培训', '服务', '保险待遇']);

/** A benefit a node grants (sanctions payable to a worker, such as 二倍工资, are not benefits). */
export const LabelBenefit = z
  .object({
    node: NodeId,
    kind: BenefitKind,
    amount: z.number().nullable(),
    unit: z.enum(['元', '万元', '%', '个月']).nullable(),
    quote: Quote,
  })
  .strict();

export const Label = z
  .object({
    /** `corpus:<path under the shared corpus>` or `seed:<path under the project>`. */
    source: z.string().regex(/^(?:corpus|seed):[^/].*\.(?:md|txt)$/),
    family: z.enum(['statute', 'gongwen']),
    metadata: LabelMetadata,
    headings: z.array(LabelHeading),
    provisions: z.array(LabelProvision).min(1),
    /** The nodes whose departments, targets, groups and benefits are labelled exhaustively. */
    scope: z.array(NodeId).min(1),
    departments: z.array(LabelDepartment),
    targets: z.array(LabelTarget),
    groups: z.array(LabelGroup),
    benefits: z.array(LabelBenefit),
    /** What a reviewer should know: ambiguous cases and how they were decided. */
    notes: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
  })
  .strict()
  .superRefine((label, ctx) => {
    const scope = new Set(label.scope);
    if (scope.size !== label.scope.length) ctx.addIssue({ code: 'custom', path: ['scope'], message: 'a scope node is listed twice' });
    for (const kind of ['departments', 'targets', 'groups', 'benefits'] as const) {
      label[kind].forEach((fact, i) => {
        if (!scope.has(fact.node)) ctx.addIssue({ code: 'custom', path: [kind, i, 'node'], message: `${fact.node} is not a scope node` });
      });
    }
    const seen = new Set<string>();
    label.departments.forEach((d, i) => {
      const key = `${d.node} ${d.name}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['departments', i], message: `${d.name} is listed twice in ${d.node}: one entry, with its strongest role` });
      seen.add(key);
    });
  });
export type Label = z.output<typeof Label>;
