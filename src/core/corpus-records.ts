import type { Document } from '#schemas/document.ts';
import type { CitationMention, Department, DepartmentMention } from '#schemas/entities.ts';
import type {
  BenefitRecord,
  CitationRecord,
  ClauseRecord,
  DepartmentRecord,
  DocumentRecord,
  ProjectRecord,
  TargetRecord,
} from '#schemas/open-data.ts';
import { citationKey } from './citation-key.ts';
import { blocksOf } from './document-tree.ts';
import { officialSearch, resolveCitations, type ResolvedCitation } from './citation-targets.ts';
import { absoluteUrl, type Routes } from './routes.ts';
import { siteId } from './site-id.ts';
import { articleText } from './article-text.ts';
import { documentSource } from './document-source.ts';
import { documentValidity } from './validity-view.ts';
import { worksOf, type Work } from './works.ts';

/** The whole corpus as linked records: the open data and the entity pages are built from this. */
export type Corpus = {
  documents: DocumentRecord[];
  clauses: ClauseRecord[];
  targets: TargetRecord[];
  benefits: BenefitRecord[];
  departments: DepartmentRecord[];
  projects: ProjectRecord[];
  citations: CitationRecord[];
};

/** Issuer names for the 文号 prefixes seen in citations, so a cited document says who issued it. */
const ISSUER_BY_PREFIX: readonly [RegExp, string][] = [
  [/^国发/, '国务院'],
  [/^国办发/, '国务院办公厅'],
  [/^湘政发/, '湖南省人民政府'],
  [/^湘政电/, '湖南省人民政府办公厅'],
  [/^川人社发/, '四川省人力资源和社会保障厅'],
  [/^川编发/, '四川省机构编制委员会'],
  [/^苏政办发/, '江苏省人民政府办公厅'],
  [/^宜府办函/, '宜宾市人民政府办公室'],
];

/**
 * Links every document's extracted facts into corpus-wide records. Duplicate texts (duplicateOf set)
 * are listed as documents but contribute no clauses or facts: their canonical document does. URLs are
 * `paths` under the site's base, absolute on `site` when the site's address is configured.
 */
export function aggregate(documents: readonly Document[], registry: readonly Department[], site: URL | undefined, paths: Routes, asOf: string): Corpus {
  const url = (path: string) => absoluteUrl(path, site);
  const canonical = documents.filter((d) => d.duplicateOf === null);
  const works = worksOf(documents);
  const workOf = new Map([...works.values()].flatMap((w) => w.versions.map((v): [string, Work] => [v.documentId, w])));
  const mentionsByClause = new Map<string, DepartmentMention[]>();
  for (const d of canonical) {
    for (const m of d.extracted.departments) {
      const key = siteId(d.id, m.clauseId);
      mentionsByClause.set(key, [...(mentionsByClause.get(key) ?? []), m]);
    }
  }
  return {
    documents: documents.map((d) => ({
      id: d.id,
      title: d.meta.title,
      docNumber: d.meta.docNumber,
      issuer: d.meta.issuer,
      date: d.meta.date,
      region: d.meta.region.name,
      type: d.meta.type,
      validity: d.meta.validity,
      url: url(paths.document(d.id)),
      duplicateOf: d.duplicateOf?.documentId ?? null,
      ...validityFields(d, workOf.get(d.id) ?? null, asOf),
      source: documentSource(d.meta),
    })),
    clauses: canonical.flatMap((d) => clauseRecords(d, mentionsByClause, (nodeId) => url(paths.node(d.id, nodeId)))),
    targets: canonical.flatMap((d) => d.extracted.targets.map((t) => ({ ...t, url: url(paths.node(d.id, t.clauseId)) }))),
    // A benefit lands on its clause's page at its own anchor, where the clause shows it.
    benefits: canonical.flatMap((d) => d.extracted.benefits.map((b) => ({ ...b, url: url(paths.entity(d.id, b.clauseId, b.id)) }))),
    departments: departmentRecords(registry, canonical, (id) => url(paths.department(id))),
    projects: canonical.flatMap((d) => d.extracted.projects.map((p) => ({ ...p, url: url(paths.node(d.id, p.rowId)) }))),
    citations: citationRecords(resolveCitations(documents)),
  };
}

/** The validity, dates, history and versions of a document, as the open data states them on `asOf` (the history without its source lines). */
function validityFields(d: Document, work: Work | null, asOf: string) {
  const validity = documentValidity(d, work, asOf);
  return {
    status: validity.status,
    statusAsOf: asOf,
    effective: validity.effective,
    expires: validity.expires,
    history: d.meta.history.map(({ kind, date, body }) => ({ kind, date, body })),
    workId: work?.id ?? null,
    versions: work?.versions.map((v) => ({ ...v })) ?? [],
  };
}

function clauseRecords(doc: Document, mentions: ReadonlyMap<string, DepartmentMention[]>, nodeUrl: (nodeId: string) => string): ClauseRecord[] {
  const records: ClauseRecord[] = [];
  for (const { block: b } of blocksOf(doc)) {
    if (b.type !== 'provision' || b.kind === 'implicit') continue;
    const id = siteId(doc.id, b.id);
    records.push({
      id,
      documentId: doc.id,
      kind: b.kind,
      number: b.label,
      title: b.title,
      // An article's words are in its 款: give the whole article, each 款 on its own line.
      text: b.kind === 'article' ? articleText(b.children) : b.text,
      citation: b.citation,
      url: nodeUrl(b.id),
      departments: strongestRoles(mentions.get(id) ?? []),
    });
  }
  return records;
}

const ROLE_RANK: Readonly<Record<DepartmentMention['role'], number>> = { lead: 2, support: 1, mentioned: 0 };

/** Each registry department of a clause once, with its strongest role: a clause may print two names of one office. */
function strongestRoles(mentions: readonly DepartmentMention[]): { id: string; role: DepartmentMention['role'] }[] {
  const roles = new Map<string, DepartmentMention['role']>();
  for (const m of mentions) {
    const prior = m.departmentId === null ? undefined : roles.get(m.departmentId);
    if (m.departmentId !== null && (prior === undefined || ROLE_RANK[m.role] > ROLE_RANK[prior])) roles.set(m.departmentId, m.role);
  }
  return [...roles].map(([id, role]) => ({ id, role }));
}

function departmentRecords(registry: readonly Department[], documents: readonly Document[], departmentUrl: (id: string) => string): DepartmentRecord[] {
  const issued = issuedDocuments(documents);
  return registry.map((dept) => {
    const mentions = documents.flatMap((d) => d.extracted.departments.filter((m) => m.departmentId === dept.id).map((m) => ({ id: siteId(d.id, m.clauseId), role: m.role })));
    const ids = (role?: string) => [...new Set(mentions.filter((m) => role === undefined || m.role === role).map((m) => m.id))];
    return { ...dept, clauses: ids(), lead: ids('lead'), support: ids('support'), issued: issued.get(dept.id) ?? [], url: departmentUrl(dept.id) };
  });
}

/** The documents each department issued (发文, alone or jointly), by department id, in the order given: the extraction's issuer mentions. */
export function issuedDocuments(documents: readonly Document[]): Map<string, string[]> {
  const issued = new Map<string, string[]>();
  for (const d of documents) {
    for (const id of new Set(d.extracted.issuers.flatMap((m) => (m.departmentId === null ? [] : [m.departmentId])))) issued.set(id, [...(issued.get(id) ?? []), d.id]);
  }
  return issued;
}

function citationRecords(resolved: readonly ResolvedCitation[]): CitationRecord[] {
  const byKey = new Map<string, { mention: CitationMention; citations: ResolvedCitation[] }>();
  for (const r of resolved) {
    const m = r.mention;
    const key = citationKey(m);
    const entry = byKey.get(key) ?? { mention: m, citations: [] };
    // Keep the fullest description seen: a title and a number beat either alone.
    if (!entry.mention.title && m.title) entry.mention = { ...entry.mention, title: m.title };
    if (!entry.mention.docNumber && m.docNumber) entry.mention = { ...entry.mention, docNumber: m.docNumber };
    entry.citations.push(r);
    byKey.set(key, entry);
  }
  return [...byKey]
    .map(([id, { mention, citations }]) => {
      const targets = citations
        .flatMap((c) => (c.target === null ? [] : [{ citedBy: c.citedBy, documentId: c.target.documentId, nodeId: c.target.nodeId }]))
        .sort((a, b) => a.citedBy.localeCompare(b.citedBy));
      const found = targets[0]?.documentId ?? null;
      return {
        id,
        title: mention.title,
        docNumber: mention.docNumber,
        issuer: issuerOf(mention.docNumber),
        kind: mention.kind,
        documentId: found,
        citedBy: [...new Set(citations.map((c) => c.citedBy))].sort(),
        targets,
        officialSearch: found === null ? officialSearch(mention) : null,
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

function issuerOf(docNumber: string | null): string | null {
  if (docNumber === null) return null;
  return ISSUER_BY_PREFIX.find(([prefix]) => prefix.test(docNumber))?.[1] ?? null;
}
