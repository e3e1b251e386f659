import { z } from 'astro/zod';
import { Benefit, Department, DepartmentRole, Project, Target } from './entities.ts';
import { DocumentType } from './sidecar.ts';
import { ProvisionKind } from './structure.ts';
import { VALIDITY_STATUSES } from '../validity.ts';
import { HistoryEventKind } from './document.ts';

/** An ISO date, yyyy-mm-dd (a pattern, not JSON Schema's `date` format, which validators need a plug-in for). */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** An address on the site: absolute when the build knows the site's address (SITE_URL), else a path from the site's root. */
const SiteUrl = z
  .string()
  .regex(/^(?:https?:\/\/[^/]+)?\//, 'an absolute URL or a path from the site root')
  .meta({ format: 'uri-reference' });

/**
 * The public contract of the downloads under /data/: paths and field names are kept stable.
 * Each record links to the site by `url` and to other records by id.
 */

export const DocumentRecord = z.object({
  id: z.string().describe('文件的永久 id（ASCII），也是网址的第一段'),
  title: z.string().describe('标题'),
  docNumber: z.string().nullable().describe('发文字号，如 苏政办发〔2012〕91号'),
  issuer: z.string().nullable().describe('发文机关'),
  /** 成文日期, ISO 8601. */
  date: z.string().nullable().describe('成文日期，ISO 8601（2019-02-01）'),
  region: z.string().describe('发文政府所在地区'),
  type: DocumentType.describe('文种：通知、意见、规划、措施……'),
  validity: z.string().nullable().describe('有效性，照原文（如 继续有效）'),
  /** The document's page. */
  url: SiteUrl.describe('文件在本站的网址（配置了站点地址时为完整网址，否则为从站点根开始的路径）'),
  /** The canonical document when this text repeats (part of) another. */
  duplicateOf: z.string().nullable().describe('本文本重复（部分）另一文件时，那份文件的 id；否则为 null'),
  status: z.enum(VALIDITY_STATUSES).describe('有效性状态（按 statusAsOf 那天计算）：现行有效、已失效、已修改（含被新版本取代的旧版本）、尚未施行、未注明'),
  statusAsOf: IsoDate.describe('status 所依据的日期：生成本数据的那天'),
  effective: IsoDate.nullable().describe('施行日期（文本写明的），ISO 8601；未写明为 null'),
  expires: IsoDate.nullable().describe('有效期的最后一天（有效期至…，或施行日加有效期N年）；未写明为 null'),
  history: z
    .array(
      z.object({
        kind: HistoryEventKind.describe('adopted 通过，approved 批准，promulgated 公布，amended 修正，revised 修订，in-force 施行'),
        date: IsoDate.describe('日期'),
        body: z.string().nullable().describe('作出决定的机关或会议；未写明为 null'),
      }),
    )
    .describe('法规文本开头所载的沿革（通过、公布、修正、修订、施行），按文本顺序；公文为空'),
  workId: z.string().nullable().describe('所属法规（同一标题的各版本为同一法规）的 id；不属于多版本法规的文件为 null'),
  versions: z
    .array(z.object({ documentId: z.string().describe('版本的文件 id'), date: z.string().nullable().describe('版本日期') }))
    .describe('同一法规的全部版本（含本文件），由旧到新；最后一个为现行版本'),
  source: z
    .object({
      label: z.string().describe('来源的说明：原文网址，或 仓库：路径'),
      url: z.url().describe('来源网址'),
      commit: z.string().nullable().describe('取自文本库时，所取的版本（commit）'),
    })
    .nullable()
    .describe('文本的来源；未记录时为 null'),
});
export type DocumentRecord = z.output<typeof DocumentRecord>;

export const ClauseRecord = z.object({
  /** `{documentId}/{clauseId}`, unique across the site. */
  id: z.string().describe('条款的 id：{documentId}/{clauseId}，全站唯一'),
  documentId: z.string().describe('所在文件的 id'),
  kind: ProvisionKind.describe('条款的种类：numbered 公文编号条目，bullet ——条目；法规的 article 条、paragraph 款、item 项、subitem 目、chapter 章……'),
  /** The number as printed, e.g. （六）; empty for unnumbered groups. */
  number: z.string().describe('原文编号，如 （六）、1.、——'),
  title: z.string().nullable().describe('条款标题（编号后的第一句短语）；没有则为 null'),
  /** The clause's own simplified text (heading line), without its sub-items. */
  text: z.string().describe('条款本身的简体文字，不含下级条目；法规的“条”为全条文字（各款分行）'),
  citation: z.string().describe('引文，如 湘潭稳就业二十四条 二、（六）'),
  /** The clause's own page. */
  url: SiteUrl.describe('条款在本站的网址'),
  departments: z
    .array(
      z.object({
        id: z.string().describe('部门 id（见 departments.json）'),
        role: DepartmentRole.describe('lead 牵头，support 配合，mentioned 提及'),
      }),
    )
    .describe('条款中出现的部门及其角色（名录中没有的名称不列）'),
});
export type ClauseRecord = z.output<typeof ClauseRecord>;

export const TargetRecord = Target.extend({
  /** The clause (or table row) page the target comes from. */
  url: SiteUrl.describe('出处条款或表格行在本站的网址'),
});
export type TargetRecord = z.output<typeof TargetRecord>;

/** A benefit with its clause's page: the record of /data/benefits.json, which joins OPEN_DATA with the pages that list benefits. */
export const BenefitRecord = Benefit.extend({
  /** The clause page the benefit comes from, at the benefit's anchor. */
  url: SiteUrl.describe('出处条款在本站的网址（定位到该待遇）'),
});
export type BenefitRecord = z.output<typeof BenefitRecord>;

export const DepartmentRecord = Department.extend({
  /** Site-wide clause ids (`{documentId}/{clauseId}`) where the department leads, supports or is mentioned. */
  clauses: z.array(z.string()).describe('该部门牵头、配合或被提及的全部条款 id（{documentId}/{clauseId}）'),
  lead: z.array(z.string()).describe('该部门牵头的条款 id'),
  support: z.array(z.string()).describe('该部门配合的条款 id'),
  /** Ids of the documents the department issued (发文), alone or jointly. */
  issued: z.array(z.string()).describe('该部门发布（含联合发布）的文件 id'),
  url: SiteUrl.describe('部门在本站的页面'),
});
export type DepartmentRecord = z.output<typeof DepartmentRecord>;

export const ProjectRecord = Project.extend({ url: SiteUrl.describe('附件表格中该行在本站的网址') });
export type ProjectRecord = z.output<typeof ProjectRecord>;

export const CitationRecord = z.object({
  id: z.string().describe('被引文件的 id：有文号的由文号生成（doc-年份-号-校验），否则由标题生成'),
  title: z.string().nullable().describe('标题（不含书名号）；只引了文号的为 null'),
  docNumber: z.string().nullable().describe('文号，如 国发〔2018〕39号'),
  issuer: z.string().nullable().describe('按文号的机关代字推断的发文机关；推断不了为 null'),
  kind: z.enum(['document', 'law']).describe('law 法律法规，document 其他文件'),
  /** The corpus document when the cited text is in the corpus; null: cited, not in the corpus. */
  documentId: z.string().nullable().describe('本站收录了原文时为该文件的 id；null 表示本站未收录原文'),
  /** Site-wide clause ids that cite it. */
  citedBy: z.array(z.string()).describe('引用它的条款 id（{documentId}/{clauseId}）'),
  /** Where each citing clause's citation leads in the corpus: the version in force when the citing text was dated, and the article, 款 or 项 it names. */
  targets: z
    .array(
      z.object({
        citedBy: z.string().describe('引用它的条款 id'),
        documentId: z.string().describe('本站所收被引文件的 id：引用方成文时有效的版本'),
        nodeId: z.string().nullable().describe('引文写明的条、款、项在该文件中的 id（如 art-50.2）；未写明时为 null'),
      }),
    )
    .describe('本站收录了被引文件时，每个引用条款所指向的文件和条款'),
  /** For a text the corpus lacks: the official database to look it up in. */
  officialSearch: z
    .object({ name: z.string().describe('数据库名称'), url: z.url().describe('在该数据库中检索此文件的网址') })
    .nullable()
    .describe('本站未收录时，可检索原文的官方数据库（法律法规：国家法律法规数据库；国务院文件：国务院政策文件库）；其他为 null'),
});
export type CitationRecord = z.output<typeof CitationRecord>;

/** Every download, with its schema, as published under /data/. */
export const OPEN_DATA = {
  documents: DocumentRecord,
  clauses: ClauseRecord,
  targets: TargetRecord,
  benefits: BenefitRecord,
  departments: DepartmentRecord,
  projects: ProjectRecord,
  citations: CitationRecord,
} as const;
export type OpenDataName = keyof typeof OPEN_DATA;
