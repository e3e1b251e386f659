import type { BeneficiaryGroup } from '#schemas/beneficiary-groups.ts';
import type { Document } from '#schemas/document.ts';
import type { BeneficiaryGroupMention, SourceRef } from '#schemas/entities.ts';
import { documentYear, provisionChains, reviewUnits } from './targets.ts';
import { isFraming, leadIn, sentences, textUnits } from './units.ts';

/**
 * Beneficiary groups: the people and firms a clause serves, found by the names and aliases of the
 * reviewed taxonomy (content/beneficiary-groups.json).
 *
 * A group is served where a clause names it, with these exceptions:
 * - a phrase the group excludes (残疾人联合会 is a body, not 残疾人);
 * - the group pays in its clause (由用人单位支付, 职工按照本人工资的1%缴纳失业保险费);
 * - a group that texts mostly name as a party with duties (`servedOnlyByGrants`: 用人单位) outside
 *   the sentences that grant a benefit (see `servedGroups`);
 * - a sentence that punishes or takes back (the `sanctions` of content/benefit-terms.json):
 *   用人单位 in 由…责令用人单位改正 is not served;
 * - a section that reviews a finished period (the “十二五” results of a “十三五” plan), which reports
 *   what was done for a group, not what the document does for it.
 * Every name is read where it stands, so a longer name also brings the shorter ones inside it
 * (长期失业青年 names 长期失业人员 and 青年); the taxonomy's excludes stop the ones that mislead.
 */

/** A group name found in a text (UTF-16 offsets). */
export type GroupName = { groupId: string; name: string; index: number };

/** Each group's broader groups, nearest first (工伤职工 → 职工); a cycle stops at the repeat. */
function broaderChains(taxonomy: readonly BeneficiaryGroup[]): Map<string, string[]> {
  const byId = new Map(taxonomy.map((g) => [g.id, g]));
  return new Map(
    taxonomy.map((g) => {
      const chain: string[] = [];
      for (let next = g.broader; next !== undefined && !chain.includes(next); next = byId.get(next)?.broader) chain.push(next);
      return [g.id, chain];
    }),
  );
}

/**
 * Every name or alias of a group in `text` that stands outside the group's excludes, outside cited
 * titles and outside a rule the text borrows (参照当地对在职职工的规定), in text order. A name inside
 * a longer name of the same group is that name (高校毕业生 in 应届高校毕业生), and a broader group's
 * name inside a narrower group's is implied by it (职工 in 工伤职工).
 */
export function findGroupNames(text: string, taxonomy: readonly BeneficiaryGroup[]): GroupName[] {
  const broader = broaderChains(taxonomy);
  const quoted = [...text.matchAll(/《[^《》]*》|参照[^，,；;。]*?规定/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const found: GroupName[] = [];
  for (const group of taxonomy) {
    const excluded = [...quoted, ...group.excludes.flatMap((phrase) => occurrences(text, phrase).map((start) => ({ start, end: start + phrase.length })))];
    for (const form of [group.name, ...group.aliases]) {
      for (const index of occurrences(text, form)) {
        if (!excluded.some((e) => index >= e.start && index + form.length <= e.end)) found.push({ groupId: group.id, name: form, index });
      }
    }
  }
  const inside = (g: GroupName, h: GroupName) => g !== h && g.index >= h.index && g.index + g.name.length <= h.index + h.name.length;
  return found
    .filter((g) => !found.some((h) => inside(g, h) && (h.groupId === g.groupId || (broader.get(h.groupId) ?? []).includes(g.groupId))))
    .sort((a, b) => a.index - b.index);
}

/** A verb that makes its subject the one who pays: 由用人单位支付, 职工按照本人工资的1%缴纳失业保险费. */
const PAYING_VERB =
  /^(?:个人|本人)?(?:和[\u4e00-\u9fff]{1,6}?)?(?:应当|可以|依法|按月|或者|一次性|累计|一时|难以|拒不)*(?:按照?[^，,；;。]{1,30}?)?(?:向[^，,；;。]{1,12}?)?(?:支付|发给|负担|缴纳|缴费|承担|垫付|补足)/;
/** Words that make the name after them the one paid or served: 向劳动者支付, 为失业人员提供. */
const RECIPIENT_MARK = /[向对为给供]$/;

/** True where the group named at `index` pays in its clause, which serves someone else. */
function pays(sentence: string, index: number, name: string): boolean {
  return !RECIPIENT_MARK.test(sentence.slice(0, index)) && PAYING_VERB.test(sentence.slice(index + name.length));
}

function occurrences(text: string, phrase: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) found.push(i);
  return found;
}

/**
 * The groups each sentence of a document serves: one mention per group and sentence, under the
 * first name the sentence uses for it. `sanctions` are the words that make a sentence punish.
 */
export function extractGroups(doc: Document, taxonomy: readonly BeneficiaryGroup[], sanctions: readonly string[]): BeneficiaryGroupMention[] {
  const units = textUnits(doc);
  const chains = provisionChains(doc);
  const review = reviewUnits(units, chains, documentYear(doc));
  const punishes = (text: string) => sanctions.some((word) => text.includes(word));
  const mentions: BeneficiaryGroupMention[] = [];
  for (const unit of units) {
    // The items of a liability article (…有下列行为之一的，由…处…罚款：) punish like their lead-in.
    if (review.has(unit) || isFraming(unit) || punishes(leadIn(unit, chains))) continue;
    for (const sentence of sentences(unit.text)) {
      if (punishes(sentence)) continue;
      const names = findGroupNames(sentence, taxonomy);
      const payers = new Set(names.filter((g) => pays(sentence, g.index, g.name)).map((g) => g.groupId));
      const seen = new Set<string>();
      for (const { groupId, name } of names) {
        if (seen.has(groupId) || payers.has(groupId)) continue;
        seen.add(groupId);
        mentions.push({ documentId: doc.id, clauseId: unit.clauseId, line: unit.line, sentence, groupId, name });
      }
    }
  }
  return mentions;
}

/**
 * Words that make the name after them the one given to or protected (向劳动者支付, 为失业人员提供,
 * 维护职工的合法权益, 供用人单位和职工查询), and after it the one insured (确保用人单位及其从业人员100%参保).
 */
const RECIPIENT = /(?:向|为|供|维护|保障|帮助|指导)(?:[^，,；;。]{1,12}?(?:、|和|及|或))?$/;
const INSURED = /^[^，,；;。]{0,12}?(?:参加[^，,；;。]{0,12}?保险|参保)/;
/** Words that make the name after them the other party of something done for someone else: 帮助劳动者与用人单位订立劳动合同. */
const COUNTERPARTY = /[与同]$/;

/**
 * The mentions that serve their group: all of them, except that a group `servedOnlyByGrants` is served
 * only where the sentence names it as the one given to or protected (向劳动者支付劳动报酬, 维护劳动者的
 * 合法权益), or grants a benefit and names it other than as the other party (与用人单位订立劳动合同).
 */
export function servedGroups(
  mentions: readonly BeneficiaryGroupMention[],
  taxonomy: readonly BeneficiaryGroup[],
  benefits: readonly SourceRef[],
): BeneficiaryGroupMention[] {
  const grantOnly = new Set(taxonomy.filter((g) => g.servedOnlyByGrants === true).map((g) => g.id));
  const granting = new Set(benefits.map((b) => `${b.clauseId}\u0000${b.sentence}`));
  return mentions.filter((m) => {
    if (!grantOnly.has(m.groupId)) return true;
    const at = occurrences(m.sentence, m.name);
    const before = at.map((i) => m.sentence.slice(0, i));
    if (before.some((b) => RECIPIENT.test(b)) || at.some((i) => INSURED.test(m.sentence.slice(i + m.name.length)))) return true;
    return granting.has(`${m.clauseId}\u0000${m.sentence}`) && !before.every((b) => COUNTERPARTY.test(b));
  });
}
