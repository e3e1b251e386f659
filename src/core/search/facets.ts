/** The filters every search record may carry, in the order the search page shows them (year as a range of two menus). */
export const FILTER_KEYS = ['kind', 'region', 'issuer', 'document', 'type', 'status', 'year'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** What a search result is. */
export const RECORD_KINDS = ['clause', 'target', 'department', 'project'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The Chinese label of each filter. */
export const FILTER_LABELS: Readonly<Record<FilterKey, string>> = {
  kind: '结果类型',
  region: '地区',
  issuer: '发文机关',
  document: '文件',
  type: '文种',
  status: '有效性',
  year: '年份',
};

/** The Chinese label of each kind of result. */
export const KIND_LABELS: Readonly<Record<RecordKind, string>> = {
  clause: '条款',
  target: '目标',
  department: '部门',
  project: '项目',
};

/** True for a kind of record. */
export function isRecordKind(value: string): value is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(value);
}

/**
 * A token every department record's content ends with: one small search tells the engine which
 * results are department pages, which then come before the clauses that merely name the department.
 * `k` keeps it apart from the character tokens (`a…`) and the synonym link tokens (`s…`).
 */
export const DEPARTMENT_TOKEN = 'kdepartmentpage';
