import { describe, expect, it } from 'vitest';
import type { DocumentMeta, ValidityStatement } from '#schemas/document.ts';
import { validityStatus, VALIDITY_STATUSES } from '#core/validity.ts';

type ValidityMeta = Pick<DocumentMeta, 'validity' | 'effective' | 'expires' | 'validityStatements'>;
const meta = (over: Partial<ValidityMeta>): ValidityMeta => ({ validity: null, effective: null, expires: null, validityStatements: [], ...over });
const stated = (kind: ValidityStatement['kind']): ValidityStatement[] => [{ kind, text: '（已废止）', line: 1 }];

describe('validityStatus: the status on a day', () => {
  it.each<[string, Partial<ValidityMeta>, string, (typeof VALIDITY_STATUSES)[number]]>([
    ['nothing stated', {}, '2024-01-01', '未注明'],
    ['a printed 继续有效', { validity: '继续有效' }, '2024-01-01', '现行有效'],
    ['a printed 现行有效', { validity: '现行有效' }, '2024-01-01', '现行有效'],
    ['a printed 失效', { validity: '失效' }, '2024-01-01', '已失效'],
    ['a printed 已废止, whatever the dates say', { validity: '已废止', effective: '2019-01-01' }, '2020-01-01', '已失效'],
    ['a printed 已修改', { validity: '已修改', effective: '2019-01-01' }, '2020-01-01', '已修改'],
    ['a printed 部分失效', { validity: '部分失效' }, '2020-01-01', '已修改'],
    ['a printed 尚未生效 and no dates', { validity: '尚未生效' }, '2020-01-01', '尚未施行'],
    ['a printed 尚未生效 past the effective day', { validity: '尚未生效', effective: '2019-01-01' }, '2020-01-01', '现行有效'],
    ['a text that says it is repealed', { validityStatements: stated('repealed') }, '2020-01-01', '已失效'],
    ['a text that says it is void', { validityStatements: stated('void') }, '2020-01-01', '已失效'],
    ['a text that replaces another', { validityStatements: stated('replaces'), effective: '2019-01-01' }, '2020-01-01', '现行有效'],
    ['before the effective day', { effective: '2019-04-01' }, '2019-03-31', '尚未施行'],
    ['on the effective day', { effective: '2019-04-01' }, '2019-04-01', '现行有效'],
    ['on the last day', { effective: '2019-04-01', expires: '2024-03-31' }, '2024-03-31', '现行有效'],
    ['after the last day', { effective: '2019-04-01', expires: '2024-03-31' }, '2024-04-01', '已失效'],
    ['after the last day, though the page printed 有效', { validity: '有效', expires: '2020-12-31' }, '2021-01-01', '已失效'],
    ['before the effective day, though the page printed 有效', { validity: '有效', effective: '2030-01-01' }, '2024-01-01', '尚未施行'],
    ['a last day only, not reached', { expires: '2030-12-31' }, '2024-01-01', '现行有效'],
    ['a label we do not know', { validity: '见原文' }, '2024-01-01', '未注明'],
  ])('%s', (_case, over, onDate, status) => {
    expect(validityStatus(meta(over), onDate)).toBe(status);
  });
});
