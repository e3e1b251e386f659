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
 * (长期失业青年 names 长期失业人员 and 青年); the taxonomy's excludes stop the ones that mislead, and
 * its contextual aliases name the group only in some sentences (劳动者 is not 职工 where it seeks work).
 * A short form the text defines (国家机关工作人员(以下简称工作人员)) names the group in that text; a
 * party group named beside its narrower group (该职工 in an article on 工伤职工) is that group; and a
 * party group the document's title names (职工带薪年休假条例) is served throughout.
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
 * Every name or alias of a group in `text` (a contextual alias only where `text` holds none of its
 * words: `text` is one sentence) that stands outside the group's excludes, outside cited
 * titles and outside a rule the text borrows (参照当地对在职职工的规定), in text order. A name inside
 * a longer name of the same group is that name (高校毕业生 in 应届高校毕业生), and a broader group's
 * name inside a narrower group's is implied by it (职工 in 工伤职工).
 */
export function findGroupNames(text: string, taxonomy: readonly BeneficiaryGroup[]): GroupName[] {
  const broader = broaderChains(taxonomy);
  // A certificate in book-title marks (持有《中华人民共和国残疾人证》人员) is not a cited title.
  const quoted = [...text.matchAll(/《[^《》]*(?<!证)》|参照[^，,；;。]*?规定/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const found: GroupName[] = [];
  for (const group of taxonomy) {
    const excluded = [...quoted, ...group.excludes.flatMap((phrase) => occurrences(text, phrase).map((start) => ({ start, end: start + phrase.length })))];
    const outOfContext = new Set((group.contextualAliases ?? []).filter((c) => c.unlessSentenceHas.some((word) => text.includes(word))).map((c) => c.alias));
    for (const form of [group.name, ...group.aliases]) {
      if (outOfContext.has(form)) continue;
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

/**
 * The party groups (`servedOnlyByGrants`) that a narrower group named beside them stands for: where a
 * sentence or its lead-in names 工伤职工 (职工因工致残被鉴定为七级至十级伤残的，享受以下待遇：), a bare
 * 职工 in it (职工本人提出解除劳动合同的, 该职工) is that same injured worker, not every employee. Other
 * broader groups stay: 高校毕业生 beside 青年 names two groups a measure serves.
 */
function narrowedParties(names: readonly GroupName[], broader: ReadonlyMap<string, readonly string[]>, parties: ReadonlySet<string>): Set<string> {
  return new Set(names.flatMap((g) => broader.get(g.groupId) ?? []).filter((id) => parties.has(id)));
}

/** A definition of a short form: 国家机关工作人员(以下简称工作人员), 企业、事业单位…(以下称用人单位). */
const DEFINITION = /([\u4e00-\u9fff]+)[（(]以下(?:简称|称|统称)[“"]?([\u4e00-\u9fff]{2,12}?)[”"]?[）)]/gu;

/**
 * The taxonomy with the short forms a text defines for a group added as aliases of that group:
 * 国家机关工作人员(以下简称工作人员) makes 工作人员 name 国家机关工作人员 in that text, and only there.
 * A short form defined for something else, or already a name of the taxonomy, changes nothing.
 */
export function withDefinedNames(taxonomy: readonly BeneficiaryGroup[], texts: readonly string[]): BeneficiaryGroup[] {
  const owner = new Map(taxonomy.flatMap((g) => [g.name, ...g.aliases].map((form) => [form, g.id] as const)));
  const added = new Map<string, string[]>();
  for (const text of texts) {
    for (const [, long = '', short = ''] of text.matchAll(DEFINITION)) {
      const named = [...owner.keys()].filter((form) => long.endsWith(form)).sort((a, b) => b.length - a.length)[0];
      if (named === undefined || owner.has(short)) continue;
      const groupId = owner.get(named) ?? '';
      owner.set(short, groupId);
      added.set(groupId, [...(added.get(groupId) ?? []), short]);
    }
  }
  return taxonomy.map((g) => (added.has(g.id) ? { ...g, aliases: [...g.aliases, ...(added.get(g.id) ?? [])] } : g));
}

/**
 * A verb that makes its subject the one who pays: 由用人单位支付, 职工按照本人工资的1%缴纳失业保险费.
 * The base may come first (由用人单位和职工个人以伤残津贴为基数，缴纳). 缴费时间 and 缴费年限 are how
 * long one has paid, a condition of a benefit (失业人员缴费时间一至四年的).
 */
const PAYING_VERB =
  /^(?:个人|本人)?(?:和[\u4e00-\u9fff]{1,6}?)?(?:应当|可以|依法|按月|或者|一次性|累计|一时|难以|拒不)*(?:按照?[^，,；;。]{1,30}?)?(?:以[^，,；;。]{1,12}?为基数[，,]?)?(?:向[^，,；;。]{1,12}?)?(?:支付|发给|负担|缴纳|缴费(?!时间|年限)|承担|垫付|补足)/;
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
export function extractGroups(doc: Document, groups: readonly BeneficiaryGroup[], sanctions: readonly string[]): BeneficiaryGroupMention[] {
  const units = textUnits(doc);
  const taxonomy = withDefinedNames(groups, units.map((u) => u.text));
  const broader = broaderChains(taxonomy);
  const parties = new Set(taxonomy.filter((g) => g.servedOnlyByGrants === true).map((g) => g.id));
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
      const narrowed = narrowedParties([...names, ...findGroupNames(leadIn(unit, chains), taxonomy)], broader, parties);
      const seen = new Set<string>();
      for (const { groupId, name } of names) {
        if (seen.has(groupId) || payers.has(groupId) || narrowed.has(groupId)) continue;
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
 * The mentions that serve their group: all of them, except that a group `servedOnlyByGrants` that the
 * document's title does not name is served only where the sentence names it as the one given to or
 * protected (向劳动者支付劳动报酬, 维护劳动者的合法权益), or grants a benefit and names it other than as
 * the other party (与用人单位订立劳动合同).
 */
export function servedGroups(
  mentions: readonly BeneficiaryGroupMention[],
  taxonomy: readonly BeneficiaryGroup[],
  benefits: readonly SourceRef[],
  title = '',
): BeneficiaryGroupMention[] {
  // A text whose title names the party (关于处理国家机关工作人员退职、退休时计算工作年限的暂行规定) is for it throughout.
  const titled = new Set(findGroupNames(title, taxonomy).map((g) => g.groupId));
  const grantOnly = new Set(taxonomy.filter((g) => g.servedOnlyByGrants === true && !titled.has(g.id)).map((g) => g.id));
  const granting = new Set(benefits.map((b) => `${b.clauseId}\u0000${b.sentence}`));
  return mentions.filter((m) => {
    if (!grantOnly.has(m.groupId)) return true;
    const at = occurrences(m.sentence, m.name);
    const before = at.map((i) => m.sentence.slice(0, i));
    if (before.some((b) => RECIPIENT.test(b)) || at.some((i) => INSURED.test(m.sentence.slice(i + m.name.length)))) return true;
    return granting.has(`${m.clauseId}\u0000${m.sentence}`) && !before.every((b) => COUNTERPARTY.test(b));
  });
}
