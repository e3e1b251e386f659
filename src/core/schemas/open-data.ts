import { z } from 'astro/zod';
import { Benefit, Department, DepartmentRole, Project, Target } from './entities.ts';
import { DocumentType } from './sidecar.ts';

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
  url: z.url().describe('文件在本站的网址'),
  /** The canonical document when this text repeats (part of) another. */
  duplicateOf: z.string().nullable().describe('本文本重复（部分）另一文件时，那份文件的 id；否则为 null'),
});
export type DocumentRecord = z.output<typeof DocumentRecord>;

export const ClauseRecord = z.object({
  /** `{documentId}/{clauseId}`, unique across the site. */
  id: z.string().describe('条款的 id：{documentId}/{clauseId}，全站唯一'),
  documentId: z.string().describe('所在文件的 id'),
  /** The number as printed, e.g. （六）; empty for unnumbered groups. */
  number: z.string().describe('原文编号，如 （六）、1.、——'),
  title: z.string().nullable().describe('条款标题（编号后的第一句短语）；没有则为 null'),
  /** The clause's own simplified text (heading line), without its sub-items. */
  text: z.string().describe('条款本身的简体文字，不含下级条目'),
  citation: z.string().describe('引文，如 湘潭稳就业二十四条 二、（六）'),
  /** The clause's own page. */
  url: z.url().describe('条款在本站的网址'),
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
  url: z.url().describe('出处条款或表格行在本站的网址'),
});
export type TargetRecord = z.output<typeof TargetRecord>;

/** A benefit with its clause's page: the record of /data/benefits.json, which joins OPEN_DATA with the pages that list benefits. */
export const BenefitRecord = Benefit.extend({
  /** The clause page the benefit comes from. */
  url: z.url().describe('出处条款在本站的网址'),
});
export type BenefitRecord = z.output<typeof BenefitRecord>;

export const DepartmentRecord = Department.extend({
  /** Site-wide clause ids (`{documentId}/{clauseId}`) where the department leads, supports or is mentioned. */
  clauses: z.array(z.string()).describe('该部门牵头、配合或被提及的全部条款 id（{documentId}/{clauseId}）'),
  lead: z.array(z.string()).describe('该部门牵头的条款 id'),
  support: z.array(z.string()).describe('该部门配合的条款 id'),
  url: z.url().describe('部门在本站的页面'),
});
export type DepartmentRecord = z.output<typeof DepartmentRecord>;

export const ProjectRecord = Project.extend({ url: z.url().describe('附件表格中该行在本站的网址') });
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
});
export type CitationRecord = z.output<typeof CitationRecord>;

/** Every download, with its schema, as published under /data/. */
export const OPEN_DATA = {
  documents: DocumentRecord,
  clauses: ClauseRecord,
  targets: TargetRecord,
  departments: DepartmentRecord,
  projects: ProjectRecord,
  citations: CitationRecord,
} as const;
export type OpenDataName = keyof typeof OPEN_DATA;
