import { z } from 'astro/zod';
import { NodeId } from './structure.ts';

/** Where an extracted fact comes from: the clause (or table row) and the line, with the sentence itself. */
export const SourceRef = z.object({
  documentId: z.string(),
  /** The provision, paragraph or table row the fact stands in. */
  clauseId: NodeId,
  line: z.number().int().positive(),
  /** The sentence (or table row, cells joined) the fact was read from, simplified. */
  sentence: z.string().min(1),
});
export type SourceRef = z.output<typeof SourceRef>;

/** ≥ 以上/不低于, ≤ 以内/控制在/不超过, = 达到/完成, ≈ 左右/力争. */
export const Comparator = z.enum(['≥', '≤', '=', '≈']);

/** A quantity as stated: a value with its unit, or a range (3000元至2万元 → 3000–20000 元). */
export const Quantity = z.object({
  value: z.number(),
  /** Upper end of a range; null for a single value. */
  max: z.number().nullable(),
  unit: z.string().nullable(),
  /** The quantity as printed, e.g. 1.6万个. */
  text: z.string(),
});
export type Quantity = z.output<typeof Quantity>;

/** A quantitative goal stated by a document. */
export const Target = z.object({
  /** `{documentId}/{clauseId}/t{n}`, unique across the site. */
  id: z.string(),
  ...SourceRef.shape,
  /** The thing measured, e.g. 城镇新增就业, 企业职工基本养老保险参保人数. */
  indicator: z.string().min(1),
  value: z.number().nullable(),
  /** Upper end where the target is a range. */
  max: z.number().nullable(),
  unit: z.string().nullable(),
  comparator: Comparator.nullable(),
  /** For a change (由10万元提高到15万元): the value it starts from. */
  from: z.number().nullable(),
  /** When it is due or the period it covers, as printed: 每年, 2012年, 到2015年, “十三五”期末. */
  deadline: z.string().nullable(),
  /** The area it covers where stated: 全省, 全市 … */
  scope: z.string().nullable(),
  /** What the plan reports as achieved, where it does. */
  achieved: z.object({ value: z.number().nullable(), unit: z.string().nullable(), text: z.string() }).nullable(),
  status: z.enum(['met', 'not-met', 'unknown']).nullable(),
  /** 约束性 or 预期性, where the plan says. */
  attribute: z.enum(['约束性', '预期性']).nullable(),
});
export type Target = z.output<typeof Target>;

/** The part a department plays in a clause. */
export const DepartmentRole = z.enum(['lead', 'support', 'mentioned']);

/** A department named in a clause, resolved against the registry where possible. */
export const DepartmentMention = z.object({
  ...SourceRef.shape,
  /** Registry id; null for a name the registry does not know (reported by the ingest). */
  departmentId: z.string().nullable(),
  /** The name as printed (simplified). */
  name: z.string().min(1),
  role: DepartmentRole,
  /** True where the role is read from the wording (要发挥牵头作用, 会同) rather than a 责任单位 list. */
  inferred: z.boolean(),
});
export type DepartmentMention = z.output<typeof DepartmentMention>;

/** One entry of the reviewed department registry (content/departments.json). */
export const Department = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  /** The government it belongs to: 湘潭市, 江苏省 … */
  jurisdiction: z.string().min(1),
  /** A function shared across jurisdictions: 人力资源社会保障, 财政, 发展改革, 税务, 人民银行, 教育 … */
  function: z.string().min(1),
  /** Things named like departments that are not government departments (各盟长单位, a bank branch). */
  kind: z.enum(['department', 'non-department']),
});
export type Department = z.output<typeof Department>;

/** A pilot (试点) or demonstration (示范) project from an annex table. */
export const Project = z.object({
  /** `{documentId}/{kind}-{number}`. */
  id: z.string(),
  documentId: z.string(),
  /** The table row it comes from. */
  rowId: NodeId,
  line: z.number().int().positive(),
  kind: z.enum(['试点', '示范']),
  number: z.number().int().positive(),
  category: z.enum(['就业', '社会保障', '综合']),
  name: z.string().min(1),
  goal: z.string(),
  requirements: z.string(),
  /** The places, split from the regions cell. */
  regions: z.array(z.string().min(1)),
  /** The regions cell as printed. */
  regionsText: z.string(),
  deadline: z.number().int().nullable(),
});
export type Project = z.output<typeof Project>;

/** A document or law cited by a clause. */
export const CitationMention = z.object({
  ...SourceRef.shape,
  title: z.string().nullable(),
  docNumber: z.string().nullable(),
  kind: z.enum(['document', 'law']),
});
export type CitationMention = z.output<typeof CitationMention>;

/** A date or period stated in a clause, parsed where unambiguous. */
export const DateMention = z.object({
  ...SourceRef.shape,
  /** As printed: 2019年1月1日至12月31日, 5月底前, 2016—2017年. */
  text: z.string().min(1),
  kind: z.enum(['date', 'range', 'deadline', 'recurring']),
  /** ISO date or year-month or year (yyyy, yyyy-mm, yyyy-mm-dd). */
  start: z.string().nullable(),
  end: z.string().nullable(),
  /** True where the year is taken from the document's date because the text omits it. */
  yearInferred: z.boolean(),
});
export type DateMention = z.output<typeof DateMention>;

/** Everything extracted from one document. */
export const Extracted = z.object({
  targets: z.array(Target),
  departments: z.array(DepartmentMention),
  projects: z.array(Project),
  citations: z.array(CitationMention),
  dates: z.array(DateMention),
});
export type Extracted = z.output<typeof Extracted>;
