import { z } from 'astro/zod';
import type { Department } from '#schemas/entities.ts';
import type { ClauseRecord, TargetRecord } from '#schemas/open-data.ts';

/** One topic of the reviewed topic table (content/topics.json). */
export const Topic = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).describe('ASCII 标识，用于网址 /topics/{id}/'),
  name: z.string().min(1).describe('主题名称，如 就业、社会保险'),
  description: z.string().min(1).describe('主题涵盖的内容，一句话'),
  keywords: z.array(z.string().min(1)).min(1).describe('条款标题（或正文）、目标指标中出现即归入本主题的词'),
  functions: z.array(z.string().min(1)).describe('牵头或配合即归入本主题的部门职能（取自部门名录的 function）'),
});
export type Topic = z.output<typeof Topic>;

/** Parses the topic table: unique ids and names, each keyword in one topic only, functions the registry knows. */
export function loadTopics(json: unknown, registry: readonly Department[]): Topic[] {
  const topics = z.array(Topic).min(1).parse(json);
  const functions = new Set(registry.map((d) => d.function));
  const problems: string[] = [];
  const keywordOwner = new Map<string, string>();
  const seen = new Set<string>();
  for (const t of topics) {
    for (const key of [t.id, t.name]) {
      if (seen.has(key)) problems.push(`"${key}" is used by two topics`);
      seen.add(key);
    }
    for (const k of t.keywords) {
      const owner = keywordOwner.get(k);
      // A keyword in two topics would make the longest-match rule depend on table order alone.
      if (owner !== undefined) problems.push(`keyword "${k}" is in both ${owner} and ${t.id}`);
      keywordOwner.set(k, t.id);
    }
    for (const f of t.functions) if (!functions.has(f)) problems.push(`${t.id}: no department in the registry has the function "${f}"`);
  }
  if (problems.length > 0) throw new Error(`invalid topic table (content/topics.json):\n${problems.map((p) => `- ${p}`).join('\n')}`);
  return topics;
}

/** The topics whose keywords occur in the text, in table order. */
export function topicsIn(text: string, topics: readonly Topic[]): Topic[] {
  return topics.filter((t) => t.keywords.some((k) => text.includes(k)));
}

/** The one topic a text is most about: the longest keyword found wins, ties go to the topic listed first. */
export function mainTopic(text: string, topics: readonly Topic[]): Topic | null {
  let best: { topic: Topic; length: number } | null = null;
  for (const topic of topics) {
    for (const k of topic.keywords) {
      if (text.includes(k) && (best === null || k.length > best.length)) best = { topic, length: k.length };
    }
  }
  return best?.topic ?? null;
}

/**
 * A clause's topics: those named by its title; when the title names none (实施“护航行动”) or there is
 * none, the main topic of its text, since running text touches many topics in passing. Plus the topics
 * of the departments that lead or support it. In table order.
 */
export function clauseTopics(clause: Pick<ClauseRecord, 'title' | 'text' | 'departments'>, topics: readonly Topic[], registry: ReadonlyMap<string, Department>): Topic[] {
  const fromTitle = clause.title === null ? [] : topicsIn(clause.title, topics);
  const fromText = mainTopic(clause.text, topics);
  const byWords = fromTitle.length > 0 ? fromTitle : fromText === null ? [] : [fromText];
  const actingFunctions = new Set(
    clause.departments.filter((d) => d.role !== 'mentioned').flatMap((d) => {
      const fn = registry.get(d.id)?.function;
      return fn === undefined ? [] : [fn];
    }),
  );
  const byDepartments = topics.filter((t) => t.functions.some((f) => actingFunctions.has(f)));
  return topics.filter((t) => byWords.includes(t) || byDepartments.includes(t));
}

/** A target's domain: the main topic of its indicator, else of the sentence it was read from; null when neither names one. */
export function targetDomain(target: Pick<TargetRecord, 'indicator' | 'sentence'>, topics: readonly Topic[]): Topic | null {
  return mainTopic(target.indicator, topics) ?? mainTopic(target.sentence, topics);
}

/** What a topic's page lists. */
export interface TopicPage {
  topic: Topic;
  /** Site-wide ids of its clauses, in the order given. */
  clauseIds: string[];
  /** Ids of the targets whose domain it is. */
  targetIds: string[];
  /** The documents with a clause or target of the topic, in the order given, with counts. */
  documents: { documentId: string; clauses: number; targets: number }[];
}

/** How many of `items` have each key. */
function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Each topic's clauses, targets and documents; clauses and targets keep the order they are given in. */
export function topicPages(
  clauses: readonly ClauseRecord[],
  targets: readonly Pick<TargetRecord, 'id' | 'documentId' | 'indicator' | 'sentence'>[],
  topics: readonly Topic[],
  registry: ReadonlyMap<string, Department>,
  documentIds: readonly string[],
): TopicPage[] {
  const clauseTopicIds = new Map(clauses.map((c) => [c.id, new Set(clauseTopics(c, topics, registry).map((t) => t.id))]));
  // Each target's domain once, not once per topic: at 1,000 documents these loops ran over every clause per topic and document.
  const domains = new Map(targets.map((t) => [t.id, targetDomain(t, topics)?.id]));
  return topics.map((topic) => {
    const inTopic = clauses.filter((c) => clauseTopicIds.get(c.id)?.has(topic.id) === true);
    const targetsInTopic = targets.filter((t) => domains.get(t.id) === topic.id);
    const clauseCounts = countBy(inTopic, (c) => c.documentId);
    const targetCounts = countBy(targetsInTopic, (t) => t.documentId);
    const documents = documentIds
      .map((documentId) => ({ documentId, clauses: clauseCounts.get(documentId) ?? 0, targets: targetCounts.get(documentId) ?? 0 }))
      .filter((d) => d.clauses + d.targets > 0);
    return { topic, clauseIds: inTopic.map((c) => c.id), targetIds: targetsInTopic.map((t) => t.id), documents };
  });
}
