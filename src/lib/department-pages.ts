import { siteId } from '#core/site-id.ts';
import { issuedDocuments, type Corpus } from '#core/corpus-records.ts';
import type { Document } from '#schemas/document.ts';
import type { Department, DepartmentMention } from '#schemas/entities.ts';
import type { BenefitRecord, ProjectRecord, TargetRecord } from '#schemas/open-data.ts';
import { compareZh } from './collate.ts';
import { compareRefs, resolveNode, type IndexMap, type NodeRef } from './node-refs.ts';

export type Role = DepartmentMention['role'];

/** The roles in the order a department page lists them. */
export const ROLES: readonly Role[] = ['lead', 'support', 'mentioned'];

/** How the site names each role: 牵头 leads, 配合 supports, 提及 only names the department. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = { lead: '牵头', support: '配合', mentioned: '提及' };

/** Where a department stands in one clause. */
export type MentionRef = NodeRef & {
  role: Role;
  /** The role was read from the wording (要发挥牵头作用, 会同), not from a 责任单位 list. */
  inferred: boolean;
  /** The name as printed. */
  printedName: string;
};

/** The clauses of one document where a department plays one role, in document order. */
export interface DocumentGroup {
  documentId: string;
  documentTitle: string;
  documentShortTitle: string;
  mentions: MentionRef[];
}

/** A document a department issued (发文). */
export interface IssuedDocument {
  documentId: string;
  title: string;
  date: string | null;
  docNumber: string | null;
}

/** Everything a department's page shows. */
export interface DepartmentPage {
  department: Department;
  /** The documents it issued, in the order the documents are listed (newest first). */
  issued: IssuedDocument[];
  /** One entry per role, always all three, each grouped by document. */
  roles: { role: Role; count: number; documents: DocumentGroup[] }[];
  counts: Readonly<Record<Role, number>>;
  /** Departments of the same function in other jurisdictions. */
  siblings: Department[];
}

/** A government's place in the hierarchy, outermost first: 湖南省 › 湘潭市; the central government has none. */
export type JurisdictionPaths = ReadonlyMap<string, readonly string[]>;

const NATIONAL = '国家';

/** The hierarchy of every government the documents name: each region with the regions it lies within. */
export function jurisdictionPaths(documents: readonly Pick<Document, 'meta'>[]): Map<string, readonly string[]> {
  const paths = new Map<string, readonly string[]>([[NATIONAL, []]]);
  for (const { meta } of documents) {
    const chain = [...meta.region.within, meta.region.name];
    chain.forEach((name, i) => paths.set(name, chain.slice(0, i + 1)));
  }
  return paths;
}

/** The central government first, then each government after the one it lies within, in pinyin order. */
export function compareJurisdictions(paths: JurisdictionPaths): (a: string, b: string) => number {
  const pathOf = (j: string) => paths.get(j) ?? [j];
  return (a, b) => {
    const pa = pathOf(a);
    const pb = pathOf(b);
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      const c = compareZh(pa[i] ?? '', pb[i] ?? '');
      if (c !== 0) return c;
    }
    return pa.length - pb.length;
  };
}

/**
 * One page per registry entry, mentions or not. Mentions come from the canonical documents (a
 * duplicate text adds nothing its canonical document does not say), grouped by role and then by
 * document in the order `documents` lists them.
 */
export function departmentPages(registry: readonly Department[], documents: readonly Document[], indexes: IndexMap): DepartmentPage[] {
  const canonical = documents.filter((d) => d.duplicateOf === null);
  const order = new Map(canonical.map((d, i) => [d.id, i]));
  const byDepartment = new Map<string, MentionRef[]>();
  for (const d of canonical) {
    for (const m of d.extracted.departments) {
      if (m.departmentId === null) continue;
      const ref: MentionRef = { ...resolveNode(indexes, siteId(d.id, m.clauseId)), role: m.role, inferred: m.inferred, printedName: m.name };
      byDepartment.set(m.departmentId, [...(byDepartment.get(m.departmentId) ?? []), ref]);
    }
  }
  const paths = jurisdictionPaths(documents);
  const byJurisdiction = compareJurisdictions(paths);
  const canonicalById = new Map(canonical.map((d) => [d.id, d]));
  const issuedBy = issuedDocuments(canonical);
  return registry.map((department) => {
    const issued = (issuedBy.get(department.id) ?? []).flatMap((id) => {
      const meta = canonicalById.get(id)?.meta;
      return meta === undefined ? [] : [{ documentId: id, title: meta.title, date: meta.date, docNumber: meta.docNumber }];
    });
    const mentions = [...(byDepartment.get(department.id) ?? [])].sort(compareRefs(order));
    const roles = ROLES.map((role) => {
      const ofRole = mentions.filter((m) => m.role === role);
      return { role, count: ofRole.length, documents: groupByDocument(ofRole) };
    });
    const counts = { lead: 0, support: 0, mentioned: 0 };
    for (const r of roles) counts[r.role] = r.count;
    const siblings = registry
      .filter((other) => other.function === department.function && other.jurisdiction !== department.jurisdiction)
      .sort((a, b) => byJurisdiction(a.jurisdiction, b.jurisdiction) || compareZh(a.name, b.name));
    return { department, issued, roles, counts, siblings };
  });
}

function groupByDocument(mentions: readonly MentionRef[]): DocumentGroup[] {
  const groups: DocumentGroup[] = [];
  for (const m of mentions) {
    const last = groups.at(-1);
    if (last !== undefined && last.documentId === m.documentId) last.mentions.push(m);
    else groups.push({ documentId: m.documentId, documentTitle: m.documentTitle, documentShortTitle: m.documentShortTitle, mentions: [m] });
  }
  return groups;
}

/** The departments index: governments in hierarchy order, each with its functions in pinyin order. */
export interface JurisdictionGroup {
  jurisdiction: string;
  /** The governments above it, outermost first. */
  within: readonly string[];
  functions: { function: string; pages: DepartmentPage[] }[];
  counts: Readonly<Record<Role, number>>;
}

/** Groups the department pages by jurisdiction and, within it, by function. */
export function departmentIndex(pages: readonly DepartmentPage[], documents: readonly Pick<Document, 'meta'>[]): JurisdictionGroup[] {
  const paths = jurisdictionPaths(documents);
  const jurisdictions = [...new Set(pages.map((p) => p.department.jurisdiction))].sort(compareJurisdictions(paths));
  return jurisdictions.map((jurisdiction) => {
    const inJurisdiction = pages.filter((p) => p.department.jurisdiction === jurisdiction);
    const functions = [...new Set(inJurisdiction.map((p) => p.department.function))].sort(compareZh).map((fn) => ({
      function: fn,
      pages: inJurisdiction.filter((p) => p.department.function === fn).sort((a, b) => compareZh(a.department.name, b.department.name)),
    }));
    return { jurisdiction, within: (paths.get(jurisdiction) ?? [jurisdiction]).slice(0, -1), functions, counts: sumCounts(inJurisdiction) };
  });
}

function sumCounts(pages: readonly DepartmentPage[]): Record<Role, number> {
  const counts = { lead: 0, support: 0, mentioned: 0 };
  for (const p of pages) for (const role of ROLES) counts[role] += p.counts[role];
  return counts;
}

/** What a department's clauses set and grant: the targets, benefits and projects of the clauses it leads or supports. */
export interface DepartmentFacts {
  targets: TargetRecord[];
  /** Those of its clauses, and those it delivers wherever they are. */
  benefits: BenefitRecord[];
  projects: ProjectRecord[];
}

/**
 * The facts of the clauses (and table rows) a department leads or supports, in the corpus's order: a
 * clause that only mentions it gives it no task, so its facts are not the department's.
 */
export function departmentFacts(page: DepartmentPage, corpus: Pick<Corpus, 'targets' | 'benefits' | 'projects'>): DepartmentFacts {
  const tasked = new Set(page.roles.filter((r) => r.role !== 'mentioned').flatMap((r) => r.documents.flatMap((g) => g.mentions.map((m) => m.siteId))));
  const id = page.department.id;
  return {
    targets: corpus.targets.filter((t) => tasked.has(siteId(t.documentId, t.clauseId))),
    benefits: corpus.benefits.filter((b) => tasked.has(siteId(b.documentId, b.clauseId)) || b.department?.departmentId === id),
    projects: corpus.projects.filter((p) => tasked.has(siteId(p.documentId, p.rowId))),
  };
}
