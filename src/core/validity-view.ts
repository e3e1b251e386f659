import type { Document, DocumentMeta } from './schemas/document.ts';
import type { DateMention } from './schemas/entities.ts';
import { versionPeriod, type Version, type Work } from './works.ts';

/** A text's validity on a day, in the words publishing sites use (the national law database's, and 未注明). */
export const VALIDITY_STATUSES = ['现行有效', '已失效', '已修改', '尚未施行', '未注明'] as const;
export type ValidityStatus = (typeof VALIDITY_STATUSES)[number];

/** An ASCII name per status, for CSS classes and the open data. */
export const STATUS_CODES: Readonly<Record<ValidityStatus, string>> = {
  现行有效: 'in-force',
  已失效: 'lapsed',
  已修改: 'amended',
  尚未施行: 'not-yet',
  未注明: 'unstated',
};

/**
 * The day the site states validity for: ATLAS_AS_OF (yyyy-mm-dd) when set, so that a build can be
 * repeated exactly, else the build's own day in China.
 */
export function asOfDate(env: Readonly<Record<string, string | undefined>> = process.env, now: Date = new Date()): string {
  const given = env['ATLAS_AS_OF'];
  if (given !== undefined && given !== '') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(given)) throw new Error(`ATLAS_AS_OF must be a date, yyyy-mm-dd: ${given}`);
    return given;
  }
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** The dates and statements a text makes about its validity; absent fields say nothing. */
type ValidityFields = Pick<DocumentMeta, 'validity'> & Partial<{ effective: string | null; expires: string | null; validityStatements: readonly { kind: string }[] }>;

/** What a printed 有效性 label says, in the statuses' terms; null when it says nothing known. */
function printedStatus(validity: string | null): ValidityStatus | null {
  if (validity === null) return null;
  const label = validity.replace(/\s/g, '');
  if (/尚未(?:生效|施行)|未生效/.test(label)) return '尚未施行';
  if (/已?修改|已修订/.test(label)) return '已修改';
  if (/失效|废止|作废/.test(label)) return '已失效';
  return /有效/.test(label) ? '现行有效' : null;
}

/**
 * The status of a text's metadata on `onDate`: a printed 失效 or 修改 label, or a statement that the
 * text is repealed, stands; past its last day it has lapsed, before its first it is not yet in force;
 * then a printed label; a stated first or last day means in force; else 未注明.
 */
export function metaStatus(meta: ValidityFields, onDate: string): ValidityStatus {
  const printed = printedStatus(meta.validity);
  if (printed === '已失效' || printed === '已修改') return printed;
  if ((meta.validityStatements ?? []).some((s) => s.kind === 'repealed' || s.kind === 'void')) return '已失效';
  const effective = meta.effective ?? null;
  const expires = meta.expires ?? null;
  if (expires !== null && onDate > expires) return '已失效';
  if (effective !== null && onDate < effective) return '尚未施行';
  if (effective !== null) return '现行有效';
  if (printed !== null) return printed;
  return expires !== null ? '现行有效' : '未注明';
}

/** What the badge of a document shows. */
export interface ValidityView {
  status: ValidityStatus;
  code: string;
  /** The day the status holds for. */
  asOf: string;
  effective: string | null;
  expires: string | null;
  /** The printed (or sidecar) 有效性 label, as given. */
  printed: string | null;
  /** For an older version of a work: the version that replaced it. */
  replacedBy: Version | null;
  /** For a version of a work: when it was the work's text. */
  period: { from: string | null; until: string | null } | null;
}

/** A document's validity on `asOf`: an older version of a work has been amended (已修改) by the next one. */
export function documentValidity(doc: Document, work: Work | null, asOf: string): ValidityView {
  const meta = doc.meta as DocumentMeta & ValidityFields;
  const period = work === null ? null : versionPeriod(work, doc.id);
  const replacedBy = work === null || period?.until === null ? null : (work.versions[work.versions.findIndex((v) => v.documentId === doc.id) + 1] ?? null);
  const status = replacedBy !== null ? '已修改' : metaStatus(meta, asOf);
  return { status, code: STATUS_CODES[status], asOf, effective: meta.effective ?? null, expires: meta.expires ?? null, printed: meta.validity, replacedBy, period };
}

/** Whether a status means the text no longer applies as printed. */
export function noLongerInForce(status: ValidityStatus): boolean {
  return status === '已失效' || status === '已修改';
}

/** The last day of a period's end as printed: 2017 → 2017-12-31, 2020-02 → 2020-02-29, a day as it is. */
function lastDay(end: string): string {
  if (/^\d{4}$/.test(end)) return `${end}-12-31`;
  const month = /^(\d{4})-(\d{2})$/.exec(end);
  if (month === null) return end;
  const days = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
  return `${end}-${String(days).padStart(2, '0')}`;
}

/** A measure's own time window: a period that opens its sentence (2019年1月1日至12月31日，对…给予…). */
export interface MeasureWindow {
  text: string;
  start: string;
  end: string;
  ended: boolean;
}

/** The time windows a clause's measures set, and whether each has ended by `asOf`. */
export function measureWindows(dates: readonly DateMention[], asOf: string): MeasureWindow[] {
  return dates.flatMap((d) => {
    if (d.kind !== 'range' || d.start === null || d.end === null || !d.sentence.startsWith(d.text)) return [];
    const end = lastDay(d.end);
    return [{ text: d.text, start: d.start, end, ended: end < asOf }];
  });
}
