/**
 * The citizen's view: for each beneficiary group (content/beneficiary-groups.json), the measures that
 * serve it across documents and regions, each with what it gives, how much, whether its text is in
 * force, where, and who delivers it.
 */
import { siteId } from '#core/site-id.ts';
import { unreadablePieces, type TextPiece } from '#core/unreadable-pieces.ts';
import { measureWindows, noLongerInForce, type MeasureWindow, type ValidityView } from '#core/validity-view.ts';
import { BeneficiaryGroups, broaderChain, type BeneficiaryGroup } from '#schemas/beneficiary-groups.ts';
import type { Document } from '#schemas/document.ts';
import type { Department } from '#schemas/entities.ts';
import type { BenefitRecord } from '#schemas/open-data.ts';
import { BENEFIT_KIND_CODES, BENEFIT_KINDS, benefitFigures } from './benefits.ts';
import { byCountThenName, filterOptions, type FilterOption } from './filters.ts';
import { compareRefs, resolveNode, type IndexMap, type NodeRef } from './node-refs.ts';

/** One measure as a group page lists it. */
export interface Measure {
  benefit: BenefitRecord;
  /** The clause it comes from. */
  ref: NodeRef;
  /** Its sentence, with the spots the source garbled or masked marked as on the clause's page. */
  sentence: TextPiece[];
  /** Its amount, duration and limits in one line; empty when the text gives no figure. */
  figures: string;
  /** The region of the document's government. */
  region: string;
  /** The document's validity on the day of the build. */
  validity: ValidityView;
  /** Whether the text no longer applies: the document lapsed or was amended, or the measure's own period has ended. */
  ended: boolean;
  /** The measure's own period, where its sentence opens with one (2019年1月1日至12月31日，对…). */
  window: MeasureWindow | null;
  /** The delivering department: its registry entry where there is one, else its printed name only. */
  department: { id: string | null; name: string } | null;
  /** On a broader group's page: the narrower group the sentence names (高校毕业生 on 青年's page); null when it names this group. */
  via: BeneficiaryGroup | null;
}

/** One group's page. */
export interface GroupPage {
  group: BeneficiaryGroup;
  /** By kind (BENEFIT_KINDS order), then in document order. */
  measures: Measure[];
  /** The kinds present, in BENEFIT_KINDS order, with their counts; value is the kind's ASCII code. */
  kinds: FilterOption[];
  /** The regions present, most measures first; value is the region's name. */
  regions: FilterOption[];
  /** The groups whose measures also count here (高校毕业生 under 青年), with how many. */
  narrower: { group: BeneficiaryGroup; count: number }[];
  broader: BeneficiaryGroup | null;
}

/** Parses content/beneficiary-groups.json. */
export function loadGroups(json: unknown): BeneficiaryGroup[] {
  return BeneficiaryGroups.parse(json);
}

const KIND_RANK: ReadonlyMap<string, number> = new Map(BENEFIT_KINDS.map((kind, i) => [kind, i]));

/** What the group pages are built from: the canonical documents (newest first), their validity and indexes, the benefits and the registry. */
export interface GroupInputs {
  groups: readonly BeneficiaryGroup[];
  benefits: readonly BenefitRecord[];
  documents: readonly Document[];
  validity: ReadonlyMap<string, ValidityView>;
  indexes: IndexMap;
  registryById: ReadonlyMap<string, Department>;
  asOf: string;
}

/**
 * One page per group that at least one measure serves, in taxonomy order. A measure serves the groups
 * its sentence names and, through `broader`, the groups above them (a measure for 高校毕业生 is one
 * for 青年 too). Benefits of documents not in `documents` (repeated texts) and of the older versions of
 * a law are left out.
 */
export function groupPages(inputs: GroupInputs): GroupPage[] {
  const { groups, benefits, documents, validity, indexes, registryById, asOf } = inputs;
  const byId = new Map(groups.map((g) => [g.id, g]));
  const documentsById = new Map(documents.map((d) => [d.id, d]));
  const order = new Map(documents.map((d, i) => [d.id, i]));
  const served = new Map<string, Measure[]>();
  for (const benefit of benefits) {
    const doc = documentsById.get(benefit.documentId);
    const view = validity.get(benefit.documentId);
    // An older version of a law is listed through its current version, which says what applies now.
    if (doc === undefined || view === undefined || view.replacedBy !== null) continue;
    const window = measureWindows(doc.extracted.dates.filter((d) => d.clauseId === benefit.clauseId && d.sentence === benefit.sentence), asOf)[0] ?? null;
    const base = {
      benefit,
      ref: resolveNode(indexes, siteId(benefit.documentId, benefit.clauseId)),
      sentence: unreadablePieces(benefit.sentence, benefit.line, doc.lines, doc.unreadable),
      figures: benefitFigures(benefit),
      region: doc.meta.region.name,
      validity: view,
      ended: noLongerInForce(view.status) || window?.ended === true,
      window,
      department: departmentOf(benefit, registryById),
    };
    // Each group the measure serves once: named directly beats reached through a narrower group.
    const via = new Map<string, BeneficiaryGroup | null>();
    for (const id of benefit.groups) {
      const named = byId.get(id);
      if (named === undefined) continue;
      via.set(named.id, null);
      for (const broader of broaderChain(named.id, byId)) if (!via.has(broader)) via.set(broader, named);
    }
    for (const [groupId, through] of via) served.set(groupId, [...(served.get(groupId) ?? []), { ...base, via: through }]);
  }
  const byDocument = compareRefs(order);
  return groups.flatMap((group) => {
    const measures = (served.get(group.id) ?? []).sort((a, b) => (KIND_RANK.get(a.benefit.kind) ?? 0) - (KIND_RANK.get(b.benefit.kind) ?? 0) || byDocument(a.ref, b.ref) || a.benefit.id.localeCompare(b.benefit.id));
    if (measures.length === 0) return [];
    const kinds = filterOptions(measures, (m) => [{ value: BENEFIT_KIND_CODES[m.benefit.kind], label: m.benefit.kind }], (a, b) => (KIND_RANK.get(a.label) ?? 0) - (KIND_RANK.get(b.label) ?? 0));
    const regions = filterOptions(measures, (m) => [{ value: m.region, label: m.region }], byCountThenName);
    const narrower = filterOptions(measures.filter((m) => m.via !== null), (m) => (m.via === null ? [] : [{ value: m.via.id, label: m.via.name }]), byCountThenName).flatMap((o) => {
      const g = byId.get(o.value);
      return g === undefined ? [] : [{ group: g, count: o.count }];
    });
    return [{ group, measures, kinds, regions, narrower, broader: group.broader === undefined ? null : (byId.get(group.broader) ?? null) }];
  });
}

function departmentOf(benefit: BenefitRecord, registryById: ReadonlyMap<string, Department>): Measure['department'] {
  const d = benefit.department;
  if (d === null) return null;
  const entry = d.departmentId === null ? undefined : registryById.get(d.departmentId);
  return entry === undefined ? { id: null, name: d.name } : { id: entry.id, name: entry.name };
}

/**
 * Measures granted by one sentence, side by side (创业担保贷款 最高15万元 and its 贴息 2年): a page
 * shows the sentence once with all it grants. `measures` is in page order, so they are adjacent.
 */
export function bySentence(measures: readonly Measure[]): Measure[][] {
  const cards: Measure[][] = [];
  for (const m of measures) {
    const last = cards.at(-1)?.[0];
    const same = last !== undefined && last.benefit.documentId === m.benefit.documentId && last.benefit.clauseId === m.benefit.clauseId && last.benefit.sentence === m.benefit.sentence;
    if (same) cards.at(-1)?.push(m);
    else cards.push([m]);
  }
  return cards;
}
