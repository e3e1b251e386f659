import { z } from 'astro/zod';
import { ownership, repeated } from './ownership.ts';

/**
 * How search applies these entries (content/synonyms.json):
 * - each entry on its own, never chained: 医保 reaches 医疗保险 and 医疗保障, but 医疗保险 does not reach 医疗保障;
 * - where terms overlap in a query (社保补贴 holds 社保), the longest matching term wins;
 * - the same holds in the text: an added term does not match inside a longer listed term that holds it
 *   (社保 inside 人力社保部门 or 社保卡) — measured, 30 of the 35 lines 社会保险 → 社保 adds are 人力社保;
 * - the reader is shown what was added (也搜索了：社会保险).
 */

/** Why the terms are linked. */
export const SynonymKind = z.enum([
  /** A short form of the same words: 社保 for 社会保险. */
  'abbreviation',
  /** Different words for the same thing, or for a narrower thing (with a one-way direction). */
  'synonym',
  /** A collective term searched as its parts: 五险一金. Always one-way from the collective. */
  'expansion',
  /** An earlier name of the same measure or group: 小额担保贷款 for 创业担保贷款. */
  'historical',
]);
export type SynonymKind = z.output<typeof SynonymKind>;

const common = {
  /** The linked terms, the preferred (the texts' usual) term first. */
  terms: z.array(z.string().min(1)).min(2),
  /** Why the terms are linked. */
  kind: SynonymKind,
  /** Why the entry exists, its source, and for one-way entries why the other way would flood the results. */
  reason: z.string().min(1),
};

/** Every term's query also searches every other term. */
const BothWays = z.object({
  ...common,
  /** All terms reach one another. */
  direction: z.literal('both'),
});

/** How an expansion's parts are searched. */
export const PartsMatch = z.enum([
  /** Together, like space-separated terms: clauses naming every part, then the labelled best matches for most of them. */
  'all',
  /** Any one part is enough. */
  'any',
]);
export type PartsMatch = z.output<typeof PartsMatch>;

/** Only a query with `from` searches the other terms; theirs do not search `from`, nor each other. */
const OneWay = z.object({
  ...common,
  /** Only `from` reaches the others. */
  direction: z.literal('one-way'),
  /** The term whose query is widened; one of `terms`. */
  from: z.string().min(1),
  /** For expansions only: whether the parts are required together or each is enough. */
  match: PartsMatch.optional(),
});

/** One search synonym entry. */
export const Synonym = z.discriminatedUnion('direction', [BothWays, OneWay]).superRefine((s, ctx) => {
  for (const t of repeated(s.terms)) ctx.addIssue({ code: 'custom', message: `"${t}" is listed twice`, path: ['terms'] });
  if (s.direction === 'one-way' && !s.terms.includes(s.from))
    ctx.addIssue({ code: 'custom', message: `from "${s.from}" is not one of the terms`, path: ['from'] });
  // Searching the parts must never pull in the whole: a 工伤保险 query is not a 五险一金 query.
  if (s.kind === 'expansion' && (s.direction !== 'one-way' || s.from !== s.terms[0]))
    ctx.addIssue({ code: 'custom', message: `an expansion runs one way, from its first term "${s.terms[0]}" to its parts`, path: ['direction'] });
  // A collective is rarely printed while its parts are everywhere, so each expansion must say how its parts combine.
  if (s.direction === 'one-way' && (s.kind === 'expansion') !== (s.match !== undefined))
    ctx.addIssue({ code: 'custom', message: 'match (all or any) is required for an expansion and only for one', path: ['match'] });
});
export type Synonym = z.output<typeof Synonym>;

/** The directed links an entry makes: [query term, added term]. */
export function links(s: Synonym): [string, string][] {
  const sources = s.direction === 'both' ? s.terms : [s.from];
  return sources.flatMap((a) => s.terms.filter((b) => b !== a).map((b): [string, string] => [a, b]));
}

/** The reviewed synonym list; no link may be made by two entries, so each link has one reason. */
export const Synonyms = z
  .array(Synonym)
  .min(1)
  .superRefine((entries, ctx) => {
    const linkOwner = ownership(ctx, 'link');
    entries.forEach((s, i) => {
      for (const [a, b] of links(s)) linkOwner(`${a} → ${b}`, `entry ${i} (${s.terms[0]})`, [i]);
    });
  });
export type Synonyms = z.output<typeof Synonyms>;
