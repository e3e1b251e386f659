import type { Document } from '#schemas/document.ts';
import type { AdminLevel } from '#schemas/sidecar.ts';
import { compareJurisdictions, jurisdictionPaths } from './department-pages.ts';

export const LEVEL_LABELS: Readonly<Record<AdminLevel, string>> = {
  national: '国家',
  province: '省级',
  city: '地级市',
  district: '市辖区',
  county: '县级',
};

/** One government with the documents it issued. */
export interface RegionGroup {
  name: string;
  level: AdminLevel;
  /** The governments it lies within, outermost first. */
  within: readonly string[];
  /** In the order given (newest first), duplicates included. */
  documents: Document[];
}

/** The documents by the government they belong to, in hierarchy order (a province before its cities, pinyin order within). */
export function regionGroups(documents: readonly Document[]): RegionGroup[] {
  const groups = new Map<string, RegionGroup>();
  for (const d of documents) {
    const { name, level, within } = d.meta.region;
    const group = groups.get(name) ?? { name, level, within, documents: [] };
    if (group.level !== level || group.within.join('/') !== within.join('/')) {
      throw new Error(`${d.id}: region ${name} is described differently by another document (level or within)`);
    }
    group.documents.push(d);
    groups.set(name, group);
  }
  const order = compareJurisdictions(jurisdictionPaths(documents));
  return [...groups.values()].sort((a, b) => order(a.name, b.name));
}
