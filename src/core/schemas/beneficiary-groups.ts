import { z } from 'astro/zod';
import { Slug } from './sidecar.ts';
import { ownership, repeated } from './ownership.ts';

/** One group of people or firms a measure serves (高校毕业生, 农民工 …), with the ways texts name it. */
export const BeneficiaryGroup = z
  .object({
    /** Stable ASCII id, used in URLs: /for/{id}/. */
    id: Slug,
    /** The group's usual name in policy texts. */
    name: z.string().min(1),
    /** Other names texts use for the group: 应届高校毕业生, 进城务工人员, 建档立卡贫困劳动力. */
    aliases: z.array(z.string().min(1)),
    /** Phrases that contain the name or an alias but do not mean the group: 残疾人联合会, 职工人数. */
    excludes: z.array(z.string().min(1)),
    /** The id of the broader group a measure for this one also counts towards, where there is one. */
    broader: Slug.optional(),
    /**
     * True for a group that texts mostly name as a party with duties (用人单位 应当缴纳…): a sentence
     * serves it only where it grants it a benefit.
     */
    servedOnlyByGrants: z.boolean().optional(),
    /** The home page's way in, in the citizen's own words: 我是高校毕业生. */
    citizenQuestion: z.string().regex(/^我/, 'a citizen question speaks as the citizen: 我是…, 我想…'),
    /** Why the group is listed, with its source. */
    reason: z.string().min(1),
  })
  .superRefine((g, ctx) => {
    const forms = [g.name, ...g.aliases];
    for (const form of repeated([...forms, ...g.excludes])) ctx.addIssue({ code: 'custom', message: `${g.id}: "${form}" is listed twice`, path: ['aliases'] });
    g.excludes.forEach((phrase, i) => {
      // An exclude that holds none of the group's names could never match, so it would be a silent no-op.
      if (!forms.some((form) => phrase.includes(form)))
        ctx.addIssue({ code: 'custom', message: `${g.id}: exclude "${phrase}" contains neither the name nor an alias`, path: ['excludes', i] });
    });
  });
export type BeneficiaryGroup = z.output<typeof BeneficiaryGroup>;

/** The chain of broader groups above `id`, stopping at a repeat so a cycle is reported, not followed forever. */
function broaderChain(id: string, byId: ReadonlyMap<string, BeneficiaryGroup>): string[] {
  const chain: string[] = [];
  for (let next = byId.get(id)?.broader; next !== undefined && !chain.includes(next); next = byId.get(next)?.broader) chain.push(next);
  return chain;
}

/**
 * The beneficiary taxonomy (content/beneficiary-groups.json): every name and alias belongs to one
 * group, broader groups exist and form no cycle.
 */
export const BeneficiaryGroups = z
  .array(BeneficiaryGroup)
  .min(1)
  .superRefine((groups, ctx) => {
    const byId = new Map(groups.map((g) => [g.id, g]));
    const idOwner = ownership(ctx, 'id');
    const formOwner = ownership(ctx, 'name or alias');
    const questionOwner = ownership(ctx, 'citizen question');
    groups.forEach((g, i) => {
      idOwner(g.id, `entry ${i}`, [i, 'id']);
      for (const form of [g.name, ...g.aliases]) formOwner(form, g.id, [i]);
      questionOwner(g.citizenQuestion, g.id, [i, 'citizenQuestion']);
      if (g.broader === undefined) return;
      if (!byId.has(g.broader)) ctx.addIssue({ code: 'custom', message: `${g.id}: no group has the id "${g.broader}"`, path: [i, 'broader'] });
      else if (broaderChain(g.id, byId).includes(g.id)) ctx.addIssue({ code: 'custom', message: `${g.id}: its broader groups lead back to itself`, path: [i, 'broader'] });
    });
  });
export type BeneficiaryGroups = z.output<typeof BeneficiaryGroups>;
