import { JURISDICTION_SLOT, type DepartmentFunctions } from './department-functions.ts';
import type { Jurisdictions } from './jurisdictions.ts';

/** The two reviewed files a department name is read with, which refer to one another. */
export type DepartmentRuleData = { functions: DepartmentFunctions; jurisdictions: Jurisdictions };

/**
 * Checks across the two files, which each file's own schema cannot see:
 * - group phrases name existing functions;
 * - no phrase is both a group and a statute phrase (it would resolve two ways);
 * - no function word, abbreviation or statute phrase is also a jurisdiction prefix, level phrase or
 *   relative qualifier, or a name would be read as its own jurisdiction. Formal patterns may be: 国务院
 *   is both the central government and the prefix of its departments.
 */
export function crossReferenceProblems({ functions, jurisdictions }: DepartmentRuleData): string[] {
  const problems: string[] = [];
  const ids = new Set(functions.map((f) => f.id));
  for (const g of jurisdictions.groups)
    for (const id of g.functions ?? []) if (!ids.has(id)) problems.push(`group ${g.id}: no function has the id "${id}"`);

  const statuteOwner = new Map(functions.flatMap((f) => f.statutePhrases.map((p): [string, string] => [p, f.id])));
  for (const g of jurisdictions.groups)
    for (const form of [g.phrase, ...g.variants]) {
      const owner = statuteOwner.get(form);
      if (owner !== undefined) problems.push(`"${form}" is both group ${g.id} and a statute phrase of ${owner}`);
    }

  const qualifiers = new Set([
    ...jurisdictions.prefixes.map((p) => p.prefix),
    ...jurisdictions.levelPhrases.map((p) => p.phrase),
    ...jurisdictions.relativeQualifiers.map((p) => p.phrase),
  ]);
  for (const f of functions)
    for (const word of officeWords(f)) if (qualifiers.has(word)) problems.push(`${f.id}: "${word}" is also a jurisdiction qualifier`);
  return problems;
}

/** The words and short forms of a function that stand for it without a government's own name, the jurisdiction slot left empty. */
function officeWords(f: DepartmentFunctions[number]): string[] {
  const all = [f, ...f.historical];
  return [
    ...all.flatMap((x) => [x.name, ...x.aliases]),
    ...f.statutePhrases,
    ...all.flatMap((x) => x.abbreviations).map((p) => p.replace(JURISDICTION_SLOT, '')),
  ];
}
