import { z } from 'astro/zod';
import { BenefitKind } from './entities.ts';
import { repeated } from './ownership.ts';

/** A word that names a benefit (创业担保贷款 is found by 贷款, 一次性岗位补贴 by 补贴), with the kind it grants. */
export const BenefitTerm = z.object({
  term: z.string().min(1),
  kind: BenefitKind,
  /**
   * The kind where the sentence speaks of a social-insurance scheme: a 补助金 the scheme pays is a
   * 保险待遇, the same word in a relief measure a 补助.
   */
  inInsurance: BenefitKind.optional(),
  /**
   * True for a word so common in plans (服务, 培训) that it grants only where its clause offers it with
   * one of the `offeringVerbs` (提供就业服务, 开展创业培训), not in 优化服务流程 or 完成创业培训6万人.
   */
  offered: z.boolean().optional(),
  /** Why the word grants this kind, with an example from a text. */
  reason: z.string().min(1),
});
export type BenefitTerm = z.output<typeof BenefitTerm>;

/** A word or phrase with the reason it is listed. */
const Cue = z.object({ word: z.string().min(1), reason: z.string().min(1) });

/**
 * The reviewed vocabulary of benefits (content/benefit-terms.json): which words name a benefit and
 * of what kind, and the words around them that say a sentence grants nothing.
 */
export const BenefitTerms = z
  .object({
    terms: z.array(BenefitTerm).min(1),
    /** The verbs that offer what an `offered` term names: 提供, 开展, 享受 …. */
    offeringVerbs: z.array(Cue),
    /** Nouns that, right after a term, make it a modifier of something that is not a benefit: 培训机构, 补贴资金. */
    compoundHeads: z.array(Cue),
    /** Phrases that hold a term but name no benefit: 社会救助 (the system), 供养亲属 (people). */
    notBenefits: z.array(Cue),
    /** Words that show a sentence speaks of a social-insurance scheme, for the `inInsurance` kinds. */
    insuranceMarkers: z.array(Cue),
    /** Words that make a sentence punish rather than grant (骗取, 罚款, 处分): it serves no group either. */
    sanctions: z.array(Cue),
    /**
     * Words that make a sentence enforce or supervise (责令, 监督检查): it grants nothing, but may protect a
     * group (责令用人单位向劳动者支付).
     */
    oversight: z.array(Cue),
    /** Words that make a clause speak of a benefit without granting it: 不享受, 停止发放, 核定. */
    notGranted: z.array(Cue),
  })
  .superRefine((data, ctx) => {
    // A word listed twice could name two kinds: the data must say one.
    for (const term of repeated(data.terms.map((t) => t.term))) ctx.addIssue({ code: 'custom', message: `"${term}" is listed twice`, path: ['terms'] });
    for (const [section, cues] of Object.entries({
      offeringVerbs: data.offeringVerbs,
      compoundHeads: data.compoundHeads,
      notBenefits: data.notBenefits,
      insuranceMarkers: data.insuranceMarkers,
      sanctions: data.sanctions,
      oversight: data.oversight,
      notGranted: data.notGranted,
    })) {
      for (const word of repeated(cues.map((c) => c.word))) ctx.addIssue({ code: 'custom', message: `"${word}" is listed twice`, path: [section] });
    }
  });
export type BenefitTerms = z.output<typeof BenefitTerms>;
