import type { Document } from '#schemas/document.ts';
import type { CitationMention, Department, DepartmentMention } from '#schemas/entities.ts';
import type {
  CitationRecord,
  ClauseRecord,
  DepartmentRecord,
  DocumentRecord,
  ProjectRecord,
  TargetRecord,
} from '#schemas/open-data.ts';
import { citationKey } from './citation-key.ts';
import { blocksOf } from './document-tree.ts';
import { absoluteUrl, type Routes } from './routes.ts';
import { siteId } from './site-id.ts';

/** The whole corpus as linked records: the open data and the entity pages are built from this. */
export type Corpus = {
  documents: DocumentRecord[];
  clauses: ClauseRecord[];
  targets: TargetRecord[];
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
 * absolute: `paths` under the site's base, on `site`.
 */
export function aggregate(documents: readonly Document[], registry: readonly Department[], site: URL, paths: Routes): Corpus {
  const url = (path: string) => absoluteUrl(path, site);
  const canonical = documents.filter((d) => d.duplicateOf === null);
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
    })),
    clauses: canonical.flatMap((d) => clauseRecords(d, mentionsByClause, (nodeId) => url(paths.node(d.id, nodeId)))),
    targets: canonical.flatMap((d) => d.extracted.targets.map((t) => ({ ...t, url: url(paths.node(d.id, t.clauseId)) }))),
    departments: departmentRecords(registry, canonical, (id) => url(paths.department(id))),
    projects: canonical.flatMap((d) => d.extracted.projects.map((p) => ({ ...p, url: url(paths.node(d.id, p.rowId)) }))),
    citations: citationRecords(canonical),
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
      number: b.label,
      title: b.title,
      text: b.text,
      citation: b.citation,
      url: nodeUrl(b.id),
      departments: (mentions.get(id) ?? []).flatMap((m) => (m.departmentId ? [{ id: m.departmentId, role: m.role }] : [])),
    });
  }
  return records;
}

function departmentRecords(registry: readonly Department[], documents: readonly Document[], departmentUrl: (id: string) => string): DepartmentRecord[] {
  return registry.map((dept) => {
    const mentions = documents.flatMap((d) => d.extracted.departments.filter((m) => m.departmentId === dept.id).map((m) => ({ id: siteId(d.id, m.clauseId), role: m.role })));
    const ids = (role?: string) => [...new Set(mentions.filter((m) => role === undefined || m.role === role).map((m) => m.id))];
    return { ...dept, clauses: ids(), lead: ids('lead'), support: ids('support'), url: departmentUrl(dept.id) };
  });
}

function citationRecords(documents: readonly Document[]): CitationRecord[] {
  const byKey = new Map<string, { mention: CitationMention; citedBy: Set<string> }>();
  for (const d of documents) {
    for (const m of d.extracted.citations) {
      const key = citationKey(m);
      const entry = byKey.get(key) ?? { mention: m, citedBy: new Set<string>() };
      // Keep the fullest description seen: a title and a number beat either alone.
      if (!entry.mention.title && m.title) entry.mention = { ...entry.mention, title: m.title };
      if (!entry.mention.docNumber && m.docNumber) entry.mention = { ...entry.mention, docNumber: m.docNumber };
      entry.citedBy.add(siteId(d.id, m.clauseId));
      byKey.set(key, entry);
    }
  }
  return [...byKey]
    .map(([id, { mention, citedBy }]) => ({
      id,
      title: mention.title,
      docNumber: mention.docNumber,
      issuer: issuerOf(mention.docNumber),
      kind: mention.kind,
      documentId: documents.find((d) => (mention.docNumber !== null && d.meta.docNumber === mention.docNumber) || (mention.title !== null && d.meta.title === mention.title))?.id ?? null,
      citedBy: [...citedBy].sort(),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function issuerOf(docNumber: string | null): string | null {
  if (docNumber === null) return null;
  return ISSUER_BY_PREFIX.find(([prefix]) => prefix.test(docNumber))?.[1] ?? null;
}
