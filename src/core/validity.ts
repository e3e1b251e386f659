import type { DocumentMeta } from './schemas/document.ts';

/** A text's validity on a given day, in the words publishing sites use. */
export const VALIDITY_STATUSES = ['现行有效', '已失效', '已修改', '尚未施行', '未注明'] as const;
export type ValidityStatus = (typeof VALIDITY_STATUSES)[number];

/** What a printed 有效性 / 时效性 label (or the sidecar's) says, in the atlas's terms; null when it says nothing we know. */
function printedStatus(validity: string | null): ValidityStatus | null {
  if (validity === null) return null;
  const label = validity.replace(/[\s\u3000]/g, '');
  if (/尚未(?:生效|施行)|未生效/.test(label)) return '尚未施行';
  if (/已?修改|已修订|部分(?:失效|废止)/.test(label)) return '已修改';
  if (/失效|废止|作废|停止执行/.test(label)) return '已失效';
  if (/有效/.test(label)) return '现行有效';
  return null;
}

/**
 * The status of a text on `onDate` (ISO yyyy-mm-dd). The text's dates and statements decide where
 * they can: a printed 失效/废止 or 已修改 label and a text that says it is repealed stand whatever the
 * day; past its last day (expires) a text has lapsed; before its first (effective) it is not yet in
 * force. A printed 现行有效 or 尚未施行 then stands, and a text with a stated effective or expiry day is
 * in force. Otherwise nothing says: 未注明.
 */
export function validityStatus(
  meta: Pick<DocumentMeta, 'validity' | 'effective' | 'expires' | 'validityStatements'>,
  onDate: string,
): ValidityStatus {
  const printed = printedStatus(meta.validity);
  if (printed === '已失效' || printed === '已修改') return printed;
  if (meta.validityStatements.some((s) => s.kind === 'repealed' || s.kind === 'void')) return '已失效';
  if (meta.expires !== null && onDate > meta.expires) return '已失效';
  if (meta.effective !== null && onDate < meta.effective) return '尚未施行';
  if (meta.effective !== null) return '现行有效';
  if (printed !== null) return printed;
  return meta.expires !== null ? '现行有效' : '未注明';
}
