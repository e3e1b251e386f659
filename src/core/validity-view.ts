/**
 * What the pages and the open data say about a text's validity on the day of the build: the status
 * (validityStatus, with the versions of a work taken into account), its dates, and the time windows
 * a measure's clauses set.
 */
import type { Document } from './schemas/document.ts';
import type { DateMention } from './schemas/entities.ts';
import { validityStatus, type ValidityStatus } from './validity.ts';
import { versionPeriod, type Version, type Work } from './works.ts';

/** An ASCII name per status, for the badge's CSS class. */
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

/**
 * A document's validity on `asOf`: validityStatus of its metadata, except that an older version of a
 * work has been amended (已修改) by the next one, whatever its own text says.
 */
export function documentValidity(doc: Document, work: Work | null, asOf: string): ValidityView {
  const { meta } = doc;
  const period = work === null ? null : versionPeriod(work, doc.id);
  const replacedBy = work === null || period?.until === null ? null : (work.versions[work.versions.findIndex((v) => v.documentId === doc.id) + 1] ?? null);
  const status = replacedBy !== null ? '已修改' : validityStatus(meta, asOf);
  return { status, code: STATUS_CODES[status], asOf, effective: meta.effective, expires: meta.expires, printed: meta.validity, replacedBy, period };
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
