import { z } from 'astro/zod';
import type { OpenDataName } from '#schemas/open-data.ts';
import type { JsonLd } from './jsonld.ts';

/** One field of a download, as its published JSON Schema describes it. */
export interface FieldDoc {
  /** The field's path: `achieved.value`, `departments[].role`. */
  name: string;
  /** The type in words: 字符串, 整数, 数组（字符串）, 枚举：≥ ≤ = ≈ … */
  type: string;
  nullable: boolean;
  /** From the schema's `.describe()`; null where the schema says nothing (the page then says so). */
  description: string | null;
}

/** What a download is, in a sentence, and what one record stands for. */
export const DATASETS: Readonly<Record<OpenDataName, { title: string; description: string }>> = {
  documents: { title: '文件', description: '每份收录文件一条：标题、文号、发文机关、成文日期、地区、文种、有效性状态及其日期、施行和有效期、法规沿革、同一法规的各版本、来源，以及重复文本指向的原文件。' },
  clauses: { title: '条款', description: '每个编号条款一条（公文的一、（一）1.（1）和 —— 条目，法规的章、条、款、项、目）：种类、编号、标题、本身的文字（法规的条为全条文字）、引文、网址和条款中的部门及其角色。' },
  targets: { title: '量化目标', description: '文件中写明数值的目标、标准和调整，每项一条：指标、数值、单位、比较方式、期限、范围，规划报告了的还有实际完成情况；出处精确到条款或表格行和原文行号。' },
  benefits: { title: '待遇', description: '条款给予的待遇（补贴、贷款、贴息、减免、返还、补助、奖励、培训、服务、保险待遇），每项一条：名称、数额（单位、计算基础、上限）、期限、次数上限、原文所写的条件、受益群体、兑现的部门和原句；CSV 把数额拆成单独的列。' },
  departments: { title: '部门', description: '经过审阅的部门名录，每个部门一条：全称、别名、所属政府、职能，它牵头、配合或被提及的条款，以及它作为发文机关发出的文件。' },
  projects: { title: '试点和示范项目', description: '附件表格所列的试点、示范项目，每个一条：类别、名称、目标、要求、地区和完成年份，并指向表格中的那一行。' },
  citations: { title: '被引用的文件', description: '收录文件所引用的法律法规和文件，每件一条：标题、文号、推断的发文机关，是否本站收录，引用它的条款及每处引用所指向的本站文件和条款；未收录的给出可查找原文的官方数据库。' },
};

type JsonSchemaNode = {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: JsonSchemaNode[];
  items?: JsonSchemaNode;
  properties?: Record<string, JsonSchemaNode>;
  format?: string;
  description?: string;
};

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: '字符串',
  number: '数字',
  integer: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
};

/** The non-null alternatives of a node, and whether null is allowed. */
function alternatives(node: JsonSchemaNode): { nodes: JsonSchemaNode[]; nullable: boolean } {
  if (node.anyOf !== undefined) {
    const nodes = node.anyOf.filter((n) => n.type !== 'null');
    return { nodes, nullable: nodes.length < node.anyOf.length };
  }
  if (Array.isArray(node.type)) {
    const types = node.type.filter((t) => t !== 'null');
    return { nodes: types.map((t) => ({ ...node, type: t })), nullable: types.length < node.type.length };
  }
  return { nodes: [node], nullable: false };
}

function typeWords(node: JsonSchemaNode): string {
  if (node.enum !== undefined) return `取值之一：${node.enum.map((v) => String(v)).join(' ')}`;
  if (node.format === 'uri' || node.format === 'uri-reference') return '网址';
  const type = typeof node.type === 'string' ? node.type : 'object';
  if (type === 'array') return `数组（${node.items === undefined ? '任意' : alternatives(node.items).nodes.map(typeWords).join('或')}）`;
  return TYPE_WORDS[type] ?? type;
}

/** Every field of one record, nested objects and arrays of objects flattened into dotted paths. */
function fieldsOfObject(node: JsonSchemaNode, prefix: string): FieldDoc[] {
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
    const { nodes, nullable } = alternatives(child);
    const name = `${prefix}${key}`;
    const own: FieldDoc = { name, type: nodes.map(typeWords).join('或'), nullable, description: child.description ?? nodes.find((n) => n.description)?.description ?? null };
    const nested = nodes.flatMap((n) => (n.properties !== undefined ? fieldsOfObject(n, `${name}.`) : n.items?.properties !== undefined ? fieldsOfObject(n.items, `${name}[].`) : []));
    return [own, ...nested];
  });
}

/** The fields of a download's records, read from the same JSON Schema that /data/{name}.schema.json publishes. */
export function fieldDocs(recordSchema: z.ZodType): FieldDoc[] {
  const schema = z.toJSONSchema(recordSchema, { io: 'output' }) as JsonSchemaNode;
  return fieldsOfObject(schema, '');
}

/** One downloadable file of a dataset. */
export interface DownloadFile {
  file: string;
  format: 'json' | 'csv' | 'schema';
  url: string;
}

export const FORMAT_TYPES: Readonly<Record<DownloadFile['format'], string>> = {
  json: 'application/json',
  csv: 'text/csv',
  schema: 'application/schema+json',
};

/** schema.org Dataset for one download, with a DataDownload per file and the fields as variables. */
export function datasetJsonLd(name: OpenDataName, pageUrl: string, files: readonly DownloadFile[], fields: readonly FieldDoc[]): JsonLd {
  const info = DATASETS[name];
  return {
    '@type': 'Dataset',
    '@id': `${pageUrl}#${name}`,
    url: `${pageUrl}#${name}`,
    name: `政策图谱：${info.title}（${name}）`,
    description: info.description,
    inLanguage: 'zh-CN',
    isAccessibleForFree: true,
    creator: { '@type': 'Organization', name: '政策图谱 Policy Atlas' },
    variableMeasured: fields.filter((f) => !f.name.includes('.') && !f.name.includes('[]')).map((f) => f.name),
    distribution: files.map((f) => ({ '@type': 'DataDownload', encodingFormat: FORMAT_TYPES[f.format], contentUrl: f.url, name: f.file })),
  };
}
