import { BeneficiaryGroups } from '#schemas/beneficiary-groups.ts';
import type { Document } from '#schemas/document.ts';
import groupsJson from '../../../content/beneficiary-groups.json' with { type: 'json' };
import type { Block, Provision } from '#schemas/structure.ts';
import type { Label } from './label.ts';
import { comparable, comparableDepartment, comparableDocNumber, comparableNumber, scopeNodeOf, startingWith } from './match.ts';

/**
 * A kind of fact the eval scores. Both sides are turned into keys by the rules of match.ts; adding a
 * kind is adding one entry to FACT_KINDS.
 */
export type FactKind = {
  name: string;
  /** What a fact is compared on, for the printed table. */
  compares: string;
  expected: (label: Label) => string[];
  /** The facts found in the document; null when the pipeline has no extractor for this kind. */
  found: (doc: Document, label: Label) => string[];
};

/** The departments' role kinds scored: a mention is the default and is scored by `departments`. */
const ASSIGNED_ROLES: ReadonlySet<string> = new Set(['lead', 'support']);
const ROLE_RANK: Readonly<Record<string, number>> = { lead: 2, support: 1, mention: 0 };

export const FACT_KINDS: readonly FactKind[] = [
  metadataField('title', 'the title', 'title', comparable),
  metadataField('issuer', 'the issuer', 'issuer', comparable),
  metadataField('date', 'the date', 'date', String),
  metadataField('doc-number', 'the 文号, bracket style aside', 'docNumber', comparableDocNumber),
  {
    name: 'events',
    compares: 'kind + date of each history event',
    expected: (l) => l.metadata.events.map((e) => `${e.kind} ${e.date}`),
    found: (doc) => doc.meta.history.map((e) => `${e.kind} ${e.date}`),
  },
  {
    name: 'headings',
    compares: 'id + title (a label may cut the title to a prefix)',
    expected: (l) => l.headings.map((h) => `${h.id} ${comparable(h.title)}`),
    found: (doc, l) =>
      topLevelHeadings(doc, l.family).map((p) => {
        const title = l.headings.find((h) => h.id === p.id)?.title ?? '';
        return `${p.id} ${startingWith(headingTitle(doc, p, l.family), title)}`;
      }),
  },
  {
    name: 'provisions',
    compares: 'id + label + how the text starts, on the nodes with the labelled ids',
    expected: (l) => l.provisions.map((p) => `${p.id} ${comparable(p.label)} ${comparable(p.startsWith)}`),
    found: (doc, l) =>
      l.provisions.flatMap((expected) => {
        const p = provisionById(doc, expected.id);
        return p === null ? [] : [`${p.id} ${comparable(p.label)} ${startingWith(openingText(doc, p), expected.startsWith)}`];
      }),
  },
  {
    name: 'departments',
    compares: 'scope node + name',
    expected: (l) => distinct(l.departments.map((d) => `${d.node} ${comparableDepartment(d.name)}`)),
    found: (doc, l) => [...strongestRoles(doc, l.scope).keys()],
  },
  {
    name: 'roles',
    compares: 'scope node + name + role, for leads and supports',
    expected: (l) => distinct(l.departments.filter((d) => ASSIGNED_ROLES.has(d.role)).map((d) => `${d.node} ${comparableDepartment(d.name)} ${d.role}`)),
    found: (doc, l) => [...strongestRoles(doc, l.scope)].filter(([, role]) => ASSIGNED_ROLES.has(role)).map(([key, role]) => `${key} ${role}`),
  },
  {
    name: 'targets',
    compares: 'scope node + value',
    expected: (l) => l.targets.map((t) => `${t.node} ${comparableNumber(t.value)}`),
    found: (doc, l) => inScope(doc.extracted.targets, l.scope).map(({ node, fact }) => `${node} ${comparableNumber(fact.value)}`),
  },
  {
    name: 'groups',
    compares: 'scope node + group',
    expected: (l) => distinct(l.groups.map((g) => `${g.node} ${comparable(g.group)}`)),
    found: (doc, l) => distinct(inScope(doc.extracted.groups, l.scope).map(({ node, fact }) => `${node} ${comparable(groupName(fact.groupId))}`)),
  },
  {
    name: 'benefits',
    compares: 'scope node + kind + amount',
    expected: (l) => distinct(l.benefits.map((b) => `${b.node} ${b.kind} ${comparableNumber(b.amount)}`)),
    found: (doc, l) => distinct(inScope(doc.extracted.benefits, l.scope).map(({ node, fact }) => `${node} ${fact.kind} ${comparableNumber(fact.amount?.value ?? null)}`)),
  },
];

/** A metadata field: one fact per text where it has a value. */
function metadataField(name: string, compares: string, field: 'title' | 'issuer' | 'date' | 'docNumber', key: (value: string) => string): FactKind {
  const fact = (value: string | null) => (value === null ? [] : [key(value)]);
  return { name, compares, expected: (l) => fact(l.metadata[field]), found: (doc) => fact(doc.meta[field]) };
}

function distinct(keys: readonly string[]): string[] {
  return [...new Set(keys)];
}

/** The facts whose clause lies in a scope node, with that node. */
function inScope<F extends { clauseId: unknown }>(facts: readonly F[], scope: readonly string[]): { node: string; fact: F }[] {
  return facts.flatMap((fact) => {
    const node = typeof fact.clauseId === 'string' ? scopeNodeOf(fact.clauseId, scope) : null;
    return node === null ? [] : [{ node, fact }];
  });
}

/** Each department named in a scope node (`node name`) with the strongest role it is given there. */
function strongestRoles(doc: Document, scope: readonly string[]): Map<string, string> {
  const roles = new Map<string, string>();
  for (const { node, fact } of inScope(doc.extracted.departments, scope)) {
    const key = `${node} ${comparableDepartment(fact.name)}`;
    const role = fact.role === 'mentioned' ? 'mention' : fact.role;
    if ((ROLE_RANK[role] ?? 0) >= (ROLE_RANK[roles.get(key) ?? ''] ?? -1)) roles.set(key, role);
  }
  return roles;
}

/** Labels name a group by its canonical Chinese name; the extractor by its taxonomy id. */
const GROUP_NAMES = new Map(BeneficiaryGroups.parse(groupsJson).map((g) => [g.id, g.name]));

function groupName(groupId: string): string {
  return GROUP_NAMES.get(groupId) ?? groupId;
}

/** Statutes: every 编 and 章. 公文: every 一、 of an issued document (a cover notice's and an annex's are not headings of the text). */
function topLevelHeadings(doc: Document, family: Label['family']): Provision[] {
  const parts = family === 'statute' ? doc.parts : doc.parts.filter((p) => p.kind === 'document' || p.kind === 'main');
  return parts.flatMap((part) =>
    provisions(part.children).filter((p) => (family === 'statute' ? p.kind === 'book' || p.kind === 'chapter' : p.kind === 'numbered' && p.level === 1)),
  );
}

/** A statute heading's title; a 公文 heading's line up to its first 。, as the label takes it. */
function headingTitle(doc: Document, p: Provision, family: Label['family']): string {
  if (family === 'statute') return p.title ?? '';
  const line = afterLabel(doc, p);
  const stop = line.indexOf('。');
  return stop >= 0 ? line.slice(0, stop) : line;
}

/** What a provision's text starts with after its label: its own words, or (an article) its first 款's. */
function openingText(doc: Document, p: Provision): string {
  const own = afterLabel(doc, p);
  const first = p.children[0];
  if (own !== '' || first === undefined) return own;
  if (first.type === 'provision') return openingText(doc, first);
  return first.type === 'paragraph' ? first.text : '';
}

/** The words printed after a provision's label: title, the full stop the parser drops after it, text. */
function afterLabel(doc: Document, p: Provision): string {
  const stop = doc.drops.find((d) => d.rule === 'title-full-stop' && d.line === p.lines.start)?.text ?? '';
  return `${p.title ?? ''}${stop}${p.text}`;
}

function provisionById(doc: Document, id: string): Provision | null {
  for (const part of doc.parts) {
    const found = provisions(part.children).find((p) => p.id === id);
    if (found !== undefined) return found;
  }
  return null;
}

/** Every provision of a tree, in document order. */
function provisions(blocks: readonly Block[]): Provision[] {
  return blocks.flatMap((b) => (b.type === 'provision' ? [b, ...provisions(b.children)] : []));
}
