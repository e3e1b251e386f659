/**
 * The reviewed department registry (content/departments.json): read by the ingest, which resolves
 * the names a text prints against it, and by the site, which lists every department. Since the
 * function taxonomy (content/department-functions.json) resolves names by their form, the registry
 * holds overrides and display names: its ids stay the permanent ids of the offices it lists.
 */
import { z } from 'astro/zod';
import { crossReferenceProblems } from '#schemas/cross-references.ts';
import { DepartmentFunctions } from '#schemas/department-functions.ts';
import { Department } from '#schemas/entities.ts';
import { Jurisdictions } from '#schemas/jurisdictions.ts';

/** The one-character prefixes that refer to the document's own government at a level: 市财政局, 省人社厅, 区人社局. */
const LEVEL_PREFIXES = ['省', '市', '区', '县'] as const;

/** Parses the department registry and checks that ids, and every name and alias within a jurisdiction, are unique. */
export function loadRegistry(json: unknown): Department[] {
  const registry = z.array(Department).parse(json);
  const problems = [...duplicateIds(registry), ...duplicateForms(registry), ...duplicateFunctions(registry)];
  if (problems.length > 0) throw new Error(`invalid department registry:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  return registry;
}

function duplicateIds(registry: readonly Department[]): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const d of registry) {
    if (seen.has(d.id)) problems.push(`duplicate id ${d.id}`);
    seen.add(d.id);
  }
  return problems;
}

/** Names, aliases and the level abbreviations derived from them (湘潭市财政局 → 市财政局) must each point to one entry. */
function duplicateForms(registry: readonly Department[]): string[] {
  const owners = new Map<string, string>();
  const problems: string[] = [];
  for (const d of registry) {
    const explicit = [d.name, ...d.aliases];
    explicit.forEach((form, i) => {
      if (explicit.indexOf(form) !== i) problems.push(`${d.id}: "${form}" is listed twice`);
    });
    for (const form of new Set([...explicit, ...explicit.map((f) => abbreviate(f, d.jurisdiction)).filter((f) => f !== null)])) {
      const key = `${d.jurisdiction}\u0000${form}`;
      const owner = owners.get(key);
      if (owner !== undefined && owner !== d.id) problems.push(`"${form}" names both ${owner} and ${d.id} in ${d.jurisdiction}`);
      owners.set(key, d.id);
    }
  }
  return problems;
}

/** A generic name (财政部门) resolves by function, so a jurisdiction may have only one department per function. */
function duplicateFunctions(registry: readonly Department[]): string[] {
  const owners = new Map<string, string>();
  const problems: string[] = [];
  for (const d of registry.filter((d) => d.kind === 'department')) {
    const key = `${d.jurisdiction}\u0000${d.function}`;
    const owner = owners.get(key);
    if (owner !== undefined) problems.push(`${owner} and ${d.id} both serve ${d.function} in ${d.jurisdiction}`);
    else owners.set(key, d.id);
  }
  return problems;
}

/** 湘潭市财政局 → 市财政局: how a document of that government refers to its own department. */
export function abbreviate(form: string, jurisdiction: string): string | null {
  const level = jurisdiction.at(-1);
  if (level === undefined || !isLevelPrefix(level) || !form.startsWith(jurisdiction) || form.length === jurisdiction.length) return null;
  return level + form.slice(jurisdiction.length);
}

export function isLevelPrefix(c: string): c is (typeof LEVEL_PREFIXES)[number] {
  return (LEVEL_PREFIXES as readonly string[]).includes(c);
}

/** The function taxonomy and the jurisdiction words a department name is read with. */
export type DepartmentRules = { functions: DepartmentFunctions; jurisdictions: Jurisdictions };

/** Parses content/department-functions.json and content/jurisdictions.json and checks them against each other. */
export function loadDepartmentRules(functionsJson: unknown, jurisdictionsJson: unknown): DepartmentRules {
  const rules = { functions: DepartmentFunctions.parse(functionsJson), jurisdictions: Jurisdictions.parse(jurisdictionsJson) };
  const problems = crossReferenceProblems(rules);
  if (problems.length > 0) throw new Error(`invalid department rules:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  return rules;
}

/** A registry function as the taxonomy spells it: 人力资源社会保障 and 人力资源和社会保障 are one word. */
const functionKey = (word: string) => word.replace(/和/g, '');

/**
 * The taxonomy function of each registry department (by id), found by its function word, current or
 * historical (扶贫 → rural-revitalisation); entries that are not government departments have none.
 * A department whose word the taxonomy lacks is an error: its mentions could never be joined to it.
 */
export function registryFunctions(registry: readonly Department[], functions: DepartmentFunctions): Map<string, string> {
  const byWord = new Map<string, string>();
  for (const f of functions)
    for (const word of [f.name, ...f.aliases, ...f.historical.flatMap((h) => [h.name, ...h.aliases])]) byWord.set(functionKey(word), f.id);
  const mapped = new Map<string, string>();
  const missing: string[] = [];
  for (const d of registry.filter((d) => d.kind === 'department')) {
    const id = byWord.get(functionKey(d.function));
    if (id === undefined) missing.push(`${d.id}: the function "${d.function}" is not in the taxonomy`);
    else mapped.set(d.id, id);
  }
  if (missing.length > 0) throw new Error(`department registry and taxonomy disagree:\n${missing.map((p) => `- ${p}`).join('\n')}`);
  return mapped;
}
