import { describe, expect, it } from 'vitest';
import { corpusStats, isStatKey } from '../../src/lib/corpus-stats.ts';
import { siteFixture } from '../helpers/site-fixture.ts';

const { documents, corpus, indexes } = siteFixture();

describe('corpusStats (the numbers <Figure of=…> prints)', () => {
  const stats = corpusStats(documents, corpus, indexes);

  // The figures themselves are reviewed in tests/corpus/corpus-counts.json.
  it('counts every document once, as canonical or as a duplicate', () => {
    expect(stats.documents).toBe(documents.length);
    expect(stats.canonicalDocuments + stats.duplicateDocuments).toBe(stats.documents);
    expect(stats.duplicateDocuments).toBe(documents.filter((d) => d.duplicateOf !== null).length);
  });

  it('counts the facts of canonical documents only, as the downloads do', () => {
    expect(stats).toMatchObject({ clauses: corpus.clauses.length, targets: corpus.targets.length, projects: corpus.projects.length, citations: corpus.citations.length });
    expect(stats.leadMentions + stats.supportMentions + stats.mentionedMentions).toBe(stats.departmentMentions);
  });

  it('knows its own keys, so a typo in an MDX page fails the build', () => {
    expect(isStatKey('targets')).toBe(true);
    expect(isStatKey('target')).toBe(false);
  });
});
