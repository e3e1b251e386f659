import { z } from 'astro/zod';
import { Level } from './jurisdictions.ts';
import { Slug } from './sidecar.ts';
import { NodeId } from './structure.ts';

/** Where an extracted fact comes from: the clause (or table row) and the line, with the sentence itself. */
export const SourceRef = z.object({
  documentId: z.string().describe('所在文件的 id'),
  /** The provision, paragraph or table row the fact stands in. */
  clauseId: NodeId.describe('所在条款、段落或表格行在文件内的 id，如 d1-2.6、a1-t1.r3'),
  line: z.number().int().positive().describe('在原文中的行号（从 1 起）'),
  /** The sentence (or table row, cells joined) the fact was read from, simplified. */
  sentence: z.string().min(1).describe('读出该信息的句子（表格行则为各单元格以 | 连接），简体'),
});
export type SourceRef = z.output<typeof SourceRef>;

/** ≥ 以上/不低于, ≤ 以内/控制在/不超过, = 达到/完成, ≈ 左右/力争. */
export const Comparator = z.enum(['≥', '≤', '=', '≈']);

/** A quantity as stated: a value with its unit, or a range (3000元至2万元 → 3000–20000 元). */
export const Quantity = z.object({
  value: z.number().describe('数值'),
  /** Upper end of a range; null for a single value. */
  max: z.number().nullable().describe('区间的上限；单一数值为 null'),
  unit: z.string().nullable().describe('单位，如 万人、%、元/人'),
  /** The quantity as printed, e.g. 1.6万个. */
  text: z.string().describe('原文写法，如 1.6万个'),
});
export type Quantity = z.output<typeof Quantity>;

/** A quantitative goal stated by a document. */
export const Target = z.object({
  /** `{documentId}/{clauseId}/t{n}`, unique across the site. */
  id: z.string().describe('目标的 id：{documentId}/{clauseId}/t{n}，全站唯一'),
  ...SourceRef.shape,
  /** The thing measured, e.g. 城镇新增就业, 企业职工基本养老保险参保人数. */
  indicator: z.string().min(1).describe('指标：衡量的对象，如 城镇新增就业、企业职工基本养老保险参保人数'),
  value: z.number().nullable().describe('目标数值；文件只写“不低于市政府下达指标数”一类文字时为 null'),
  /** Upper end where the target is a range. */
  max: z.number().nullable().describe('目标为区间时的上限（如 3~12个月 中的 12）'),
  unit: z.string().nullable().describe('单位，如 万人、%、元/人·月'),
  comparator: Comparator.nullable().describe('比较方式：≥ 以上/不低于，≤ 以内/控制在/不超过，= 达到/完成，≈ 左右/力争'),
  /** For a change (由10万元提高到15万元): the value it starts from. */
  from: z.number().nullable().describe('调整前的数值（由10万元提高到15万元 中的 10）'),
  /** When it is due or the period it covers, as printed: 每年, 2012年, 到2015年, “十三五”期末. */
  deadline: z.string().nullable().describe('期限或所属时期，照原文：每年、2012年、到2015年、“十三五”期末'),
  /** The area it covers where stated: 全省, 全市 … */
  scope: z.string().nullable().describe('文中写明的范围：全省、全市……'),
  /** What the plan reports as achieved, where it does. */
  achieved: z
    .object({
      value: z.number().nullable().describe('实际完成的数值'),
      unit: z.string().nullable().describe('实际完成数值的单位'),
      text: z.string().describe('规划中“完成情况”的原文'),
    })
    .nullable()
    .describe('规划报告的实际完成情况；未报告为 null'),
  status: z.enum(['met', 'not-met', 'unknown']).nullable().describe('完成情况：met 已完成，not-met 未完成，unknown 不明；未报告为 null'),
  /** 约束性 or 预期性, where the plan says. */
  attribute: z.enum(['约束性', '预期性']).nullable().describe('规划指标的属性：约束性或预期性；未注明为 null'),
});
export type Target = z.output<typeof Target>;

/** The part a department plays in a clause. */
export const DepartmentRole = z.enum(['lead', 'support', 'mentioned']);

/**
 * What a printed name was resolved to: one office (湘潭市人社局), a function at one or more levels
 * (县级以上地方人民政府社会保险行政部门), a group of units kept as a group (各县市区人民政府,
 * 市直有关部门), or nothing: a name of unknown form, kept under its printed name.
 */
export const DepartmentResolution = z.enum(['office', 'level', 'group', 'unknown']);
export type DepartmentResolution = z.output<typeof DepartmentResolution>;

/** A name of an office before a reorganisation renamed it: 劳动和社会保障局 (until 2008). */
export const HistoricalNameUse = z.object({
  /** The function word of the period as printed in the name: 劳动和社会保障. */
  name: z.string().min(1),
  /** The year the name went out of use nationally. */
  until: z.number().int(),
  /** The year local offices had followed, where they lagged behind. */
  localUntil: z.number().int().nullable(),
  /** The reorganisation that replaced it. */
  reorganisation: z.string().min(1),
});
export type HistoricalNameUse = z.output<typeof HistoricalNameUse>;

/** A department named in a clause, resolved by its form (jurisdiction + function + kind) and the document's region. */
export const DepartmentMention = z.object({
  ...SourceRef.shape,
  /** Registry id (content/departments.json), where the registry lists the office or group; the site has a page for it. */
  departmentId: z.string().nullable(),
  /** Deterministic ASCII id of the office, function-at-levels or group, from its jurisdiction and function; null for a name of unknown form. */
  entityId: Slug.nullable(),
  /** The name as printed (simplified). */
  name: z.string().min(1),
  resolution: DepartmentResolution,
  /** The taxonomy function (content/department-functions.json); null for groups and unknown names. */
  function: z.string().nullable(),
  /** The government the office belongs to, or within which the levels or the group are meant: 湘潭市, 国家. */
  jurisdiction: z.string().nullable(),
  /** For a function at levels, and a group that names its levels: the levels meant. */
  levels: z.array(Level).nullable(),
  /** True for a phrase naming several units that the text does not list (各县市区人民政府, 国务院其他有关部门). */
  group: z.boolean(),
  /** Set where the name is one an office bore before a reorganisation. */
  historical: HistoricalNameUse.nullable(),
  role: DepartmentRole,
  /** True where the role is read from the wording (要发挥牵头作用, 会同) rather than a 责任单位 list. */
  inferred: z.boolean(),
});
export type DepartmentMention = z.output<typeof DepartmentMention>;

/** One entry of the reviewed department registry (content/departments.json). */
export const Department = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .describe('部门的 ASCII id，如 xiangtan-hrss'),
  name: z.string().min(1).describe('部门全称'),
  aliases: z.array(z.string().min(1)).describe('文件中用到的别名和简称'),
  /** The government it belongs to: 湘潭市, 江苏省 … */
  jurisdiction: z.string().min(1).describe('所属政府：国家、江苏省、湘潭市……'),
  /** A function shared across jurisdictions: 人力资源社会保障, 财政, 发展改革, 税务, 人民银行, 教育 … */
  function: z.string().min(1).describe('职能，各地通用：人力资源社会保障、财政、发展改革、税务……'),
  /** Things named like departments that are not government departments (各盟长单位, a bank branch). */
  kind: z.enum(['department', 'non-department']).describe('department 政府部门；non-department 像部门一样被分派任务的其他单位（如 各盟长单位、银行分行）'),
});
export type Department = z.output<typeof Department>;

/** A pilot (试点) or demonstration (示范) project from an annex table. */
export const Project = z.object({
  /** `{documentId}/{kind}-{number}`. */
  id: z.string().describe('项目的 id：{documentId}/{pilot|demo}-{序号}'),
  documentId: z.string().describe('所在文件的 id'),
  /** The table row it comes from. */
  rowId: NodeId.describe('附件表格中该行的 id，如 a1-t1.r3'),
  line: z.number().int().positive().describe('该行在原文中的起始行号'),
  kind: z.enum(['试点', '示范']).describe('试点或示范'),
  number: z.number().int().positive().describe('表格中的序号'),
  category: z.enum(['就业', '社会保障', '综合']).describe('类别（表格中的 就/社/综）'),
  name: z.string().min(1).describe('项目名称'),
  goal: z.string().describe('目标（表格原文）'),
  requirements: z.string().describe('要求或内容（表格原文）'),
  /** The places, split from the regions cell. */
  regions: z.array(z.string().min(1)).describe('从地区栏分出的地名；栏中只有描述时为空'),
  /** The regions cell as printed. */
  regionsText: z.string().describe('地区栏原文'),
  deadline: z.number().int().nullable().describe('完成年份；写作 2012-2015年 的取后一年；未写为 null'),
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

/** A beneficiary group (content/beneficiary-groups.json) that a sentence names as served. */
export const BeneficiaryGroupMention = z.object({
  ...SourceRef.shape,
  /** The group's id in the taxonomy, e.g. college-graduates. */
  groupId: z.string().min(1).describe('受益群体在分类表中的 id，如 college-graduates'),
  /** The name or alias as printed (simplified), e.g. 离校未就业高校毕业生. */
  name: z.string().min(1).describe('原文写法（简体），如 离校未就业高校毕业生'),
});
export type BeneficiaryGroupMention = z.output<typeof BeneficiaryGroupMention>;

/** What a measure gives: money (补贴, 补助, 奖励, 保险待遇), credit (贷款, 贴息), relief (减免, 返还) or a service (培训, 服务). */
export const BenefitKind = z.enum(['补贴', '贷款', '贴息', '减免', '返还', '补助', '奖励', '培训', '服务', '保险待遇']);
export type BenefitKind = z.output<typeof BenefitKind>;

/** A figure that bounds a benefit: its amount, how long it runs, or how often or how many times it is given. */
export const BenefitFigure = z.object({
  value: z.number().describe('数值；区间取下限'),
  /** Upper end of a range (3000元至2万元); null for a single value. */
  max: z.number().nullable().describe('区间的上限；单一数值为 null'),
  /** 元, 万元, %, 个月, 年, 次 …; null for a multiple (三倍: value 3), which has no unit of its own. */
  unit: z.string().nullable().describe('单位：元、万元、%、个月、年、次……；倍数（如 三倍）为 null'),
  /** What an amount is per: 人, 月, 人·月 (1000元/人, 每人每月70元); null when it is a lump sum. */
  per: z.string().nullable().describe('按什么计：人、月、人·月（1000元/人、每人每月70元）；一次性数额为 null'),
  /** ≤ for 最高/不超过/最多/最长, ≥ for 不低于/不少于; null when the figure is exact. */
  comparator: Comparator.nullable().describe('≤ 最高/不超过/最多/最长，≥ 不低于/不少于；确数为 null'),
  /** The figure as printed, e.g. 不超过800元/月. */
  text: z.string().min(1).describe('原文写法，如 不超过800元/月'),
});
export type BenefitFigure = z.output<typeof BenefitFigure>;

/** A benefit a clause grants: what kind, how much, for how long, on which conditions, for whom and from whom. */
export const Benefit = z.object({
  /** `{documentId}/{clauseId}/b{n}`, unique across the site. */
  id: z.string().describe('待遇的 id：{documentId}/{clauseId}/b{n}，全站唯一'),
  ...SourceRef.shape,
  kind: BenefitKind.describe('种类：补贴、贷款、贴息、减免、返还、补助、奖励、培训、服务、保险待遇'),
  /** The words that name it, as printed: 一次性岗位补贴, 失业保险金, 创业担保贷款. */
  name: z.string().min(1).describe('原文中的名称，如 一次性岗位补贴、失业保险金、创业担保贷款'),
  /** The main printed figure: an amount of money, a rate, a multiple, or the months it is paid for where that is all the text gives. */
  amount: BenefitFigure.nullable().describe('主要数额：金额、比例、倍数，或文件只给出月数时的月数；未写为 null'),
  /** How long it is given, where the text says it beside an amount: 最多24个月, 全额贴息2年. */
  duration: BenefitFigure.nullable().describe('享受期限（与数额并列写出时）：最多24个月、贴息2年'),
  /** Caps on how often or how many: 累计次数不超过3次, 最多不超过3个. */
  limits: z.array(BenefitFigure).describe('次数或个数的上限：累计次数不超过3次、最多不超过3个'),
  /** The conditions as the sentence states them (the clauses ending in 的 before the grant). */
  conditions: z.array(z.string().min(1)).describe('享受条件，照原文（授予前以“的”结尾的分句）'),
  /** Ids of the beneficiary groups the sentence names (else the clause's). */
  groups: z.array(z.string().min(1)).describe('受益群体 id：本句点名的群体，本句未点名时取所在条款的群体'),
  /** The department that delivers it, from the department mentions of the same sentence, else of the same clause. */
  department: z
    .object({
      departmentId: z.string().nullable().describe('部门名录中的 id；名录没有的为 null'),
      name: z.string().min(1).describe('原文写法'),
      role: DepartmentRole.describe('该部门在条款中的角色'),
    })
    .nullable()
    .describe('兑现该待遇的部门：取同一句中的部门，句中没有时取同一条款中的（牵头优先）；都没有为 null'),
});
export type Benefit = z.output<typeof Benefit>;

/** Everything extracted from one document. */
export const Extracted = z.object({
  targets: z.array(Target),
  departments: z.array(DepartmentMention),
  projects: z.array(Project),
  citations: z.array(CitationMention),
  dates: z.array(DateMention),
  groups: z.array(BeneficiaryGroupMention),
  benefits: z.array(Benefit),
});
export type Extracted = z.output<typeof Extracted>;
