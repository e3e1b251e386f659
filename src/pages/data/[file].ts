import type { APIRoute, GetStaticPaths } from 'astro';
import { z } from 'astro/zod';
import { toCsv } from '../../lib/csv.ts';
import { OPEN_DATA, type OpenDataName } from '#schemas/open-data.ts';
import { getCorpus } from '../../lib/linked-corpus.ts';
import { BENEFIT_CSV_COLUMNS, benefitCsvRow } from '../../lib/benefits.ts';
import type { BenefitRecord } from '#schemas/open-data.ts';

/** The CSV downloads: the tables people open in a spreadsheet, with the columns in this order. */
const CSV_COLUMNS = {
  targets: ['id', 'documentId', 'clauseId', 'indicator', 'value', 'max', 'unit', 'comparator', 'from', 'deadline', 'recurrence', 'stage', 'scope', 'scopeRegion', 'achieved', 'status', 'attribute', 'sentence', 'url'],
  departments: ['id', 'name', 'aliases', 'jurisdiction', 'function', 'kind', 'lead', 'support', 'clauses', 'url'],
  projects: ['id', 'documentId', 'kind', 'number', 'category', 'name', 'goal', 'requirements', 'regions', 'regionsText', 'deadline', 'url'],
  documents: ['id', 'title', 'docNumber', 'issuer', 'date', 'region', 'type', 'status', 'statusAsOf', 'effective', 'expires', 'validity', 'workId', 'duplicateOf', 'url'],
  clauses: ['id', 'documentId', 'kind', 'number', 'title', 'citation', 'text', 'url'],
  benefits: BENEFIT_CSV_COLUMNS,
} as const satisfies Partial<Record<OpenDataName, readonly string[]>>;

const names = Object.keys(OPEN_DATA) as OpenDataName[];

export const getStaticPaths = (() => [
  ...names.map((name) => ({ params: { file: `${name}.json` }, props: { name, format: 'json' as const } })),
  ...names.map((name) => ({ params: { file: `${name}.schema.json` }, props: { name, format: 'schema' as const } })),
  ...(Object.keys(CSV_COLUMNS) as (keyof typeof CSV_COLUMNS)[]).map((name) => ({ params: { file: `${name}.csv` }, props: { name, format: 'csv' as const } })),
]) satisfies GetStaticPaths;

type Props = { name: OpenDataName; format: 'json' | 'schema' | 'csv' };

/** Every download is validated against its published schema before it is written. */
export const GET: APIRoute<Props> = async ({ props }) => {
  const { name, format } = props;
  const schema = z.array(OPEN_DATA[name]);
  if (format === 'schema') {
    const jsonSchema = { ...z.toJSONSchema(schema, { io: 'output' }), title: `Policy Atlas ${name}`, $id: `/data/${name}.schema.json` };
    return new Response(`${JSON.stringify(jsonSchema, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json' } });
  }
  const corpus = await getCorpus();
  const records = schema.parse(corpus[name]);
  if (format === 'json') {
    return new Response(`${JSON.stringify(records, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  }
  const columns = CSV_COLUMNS[name as keyof typeof CSV_COLUMNS];
  // A benefit's figures are objects: its CSV row spells them out in columns of their own.
  const rows = name === 'benefits' ? (records as BenefitRecord[]).map(benefitCsvRow) : records;
  return new Response(toCsv(columns, rows as unknown as Record<string, never>[]), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
