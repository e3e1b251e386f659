import { describe, expect, it } from 'vitest';
import { corpusStats, isStatKey } from '../../src/lib/corpus-stats.ts';
import { siteFixture } from '../helpers/site-fixture.ts';

const { documents, corpus, indexes } = siteFixture();

describe('corpusStats (the numbers <Figure of=…> prints)', () => {
  const stats = corpusStats(documents, corpus, indexes);

  it('counts documents, conversions and removed text', () => {
    expect(stats).toMatchObject({ documents: 5, canonicalDocuments: 4, duplicateDocuments: 1, traditionalDocuments: 2, t2sChanges: 6502, pinyinRemoved: 622, boilerplateRemoved: 7 });
  });

  it('counts the facts of canonical documents only, as the downloads do', () => {
    expect(stats).toMatchObject({ clauses: 137, targets: 102, targetsWithAchieved: 6, projects: 24, citations: 21, citationsNotInCorpus: 21 });
    expect(stats.leadMentions + stats.supportMentions + stats.mentionedMentions).toBe(stats.departmentMentions);
    expect(stats.departmentMentions).toBe(159);
  });

  it('knows its own keys, so a typo in an MDX page fails the build', () => {
    expect(isStatKey('targets')).toBe(true);
    expect(isStatKey('target')).toBe(false);
  });
});
