/**
 * Works and their versions: documents with the same work id (the same title, different version
 * dates; see scripts/lib/ingest/derived-ids.ts) are versions of one work. The newest is current;
 * each older one was in force from its own date until the next version's.
 */
import type { Document } from '#schemas/document.ts';

export interface Version {
  documentId: string;
  /** The version's date; null when undated (an undated version sorts first). */
  date: string | null;
}

export interface Work {
  id: string;
  /** The current version's title. */
  title: string;
  /** Oldest first; the last is current. */
  versions: readonly Version[];
}

/** Every work of the corpus with its versions, by work id; repeated texts are not versions. */
export function worksOf(documents: readonly Document[]): Map<string, Work> {
  const grouped = Map.groupBy(
    documents.filter((d) => d.workId !== undefined && d.duplicateOf === null),
    (d) => d.workId ?? '',
  );
  return new Map(
    [...grouped].map(([id, docs]) => {
      const sorted = [...docs].sort((a, b) => (a.meta.date ?? '').localeCompare(b.meta.date ?? '') || a.id.localeCompare(b.id));
      const current = sorted.at(-1) as Document;
      return [id, { id, title: current.meta.title, versions: sorted.map((d) => ({ documentId: d.id, date: d.meta.date })) }];
    }),
  );
}

/** The current (newest) version of a work. */
export function currentVersion(work: Work): Version {
  return work.versions.at(-1) as Version;
}

/** When a version was the work's text: from its date until the next version's date (exclusive); `until` is null for the current one. */
export function versionPeriod(work: Work, documentId: string): { from: string | null; until: string | null } {
  const at = work.versions.findIndex((v) => v.documentId === documentId);
  if (at < 0) throw new Error(`${documentId} is not a version of ${work.id}`);
  return { from: work.versions[at]?.date ?? null, until: work.versions[at + 1]?.date ?? null };
}
