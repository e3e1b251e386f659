/**
 * Compiles the reviewed synonym list for searching (see src/core/search/synonyms.ts for how it is
 * applied). Apart from that module because it needs the schema's `links`, and the schema module
 * carries zod, which the search page's script must not download.
 */
import { links, Synonyms, type Synonym } from '../schemas/synonyms.ts';
import type { AddedTerms, SynonymTable } from './synonyms.ts';

/** Validates content/synonyms.json; every problem is listed at once, with the entry it is in. */
export function loadSynonyms(json: unknown): Synonym[] {
  const parsed = Synonyms.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`);
  throw new Error(`invalid synonym list (content/synonyms.json):\n${problems.join('\n')}`);
}

function push<V>(record: Record<string, V[]>, key: string, value: V): void {
  (record[key] ??= []).push(value);
}

/** The list as the index builder and the search page use it. */
export function synonymTable(entries: readonly Synonym[]): SynonymTable {
  const added: Record<string, AddedTerms[]> = {};
  const insideLonger: Record<string, Record<string, boolean>> = {};
  const related: Record<string, string[]> = {};
  for (const entry of entries) {
    for (const a of entry.terms) for (const b of entry.terms) if (a !== b) push(related, a, b);
    const together = entry.direction === 'one-way' && entry.match === 'all';
    for (const [source, pairs] of Map.groupBy(links(entry), ([from]) => from)) {
      const words = pairs.map(([, word]) => word);
      if (together) push(added, source, { words, kind: entry.kind });
      else for (const w of words) push(added, source, { words: [w], kind: entry.kind });
      const inside = (insideLonger[source] ??= {});
      // The parts of an expansion are what they are wherever they stand; other added terms may mean something else inside a longer term.
      for (const w of words) inside[w] = entry.kind === 'expansion';
    }
  }
  const listed = [...new Set(entries.flatMap((e) => e.terms))].sort((a, b) => [...b].length - [...a].length || (a < b ? -1 : a > b ? 1 : 0));
  return { listed, added, insideLonger, related };
}
