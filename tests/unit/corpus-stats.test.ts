import { describe, expect, it } from 'vitest';
import { aggregate } from '#core/corpus-records.ts';
import { indexDocument } from '#core/document-index.ts';
import { routes } from '#core/routes.ts';
import type { Department } from '#schemas/entities.ts';
import { corpusStats, isStatKey } from '../../src/lib/corpus-stats.ts';
import { measuresDocument, testMention, withFacts } from '../helpers/document-builder.ts';
import { testTarget } from '../helpers/records.ts';

const registry: Department[] = [{ id: 'city-hrss', name: '某市人力资源和社会保障局', aliases: [], jurisdiction: '湘潭市', function: '人力资源社会保障', kind: 'department' }];
const measures = withFacts({ ...measuresDocument(), script: 'traditional', normalisation: { t2s: 7, 'pinyin-annotation': 2 } }, 'measures', {
  departments: [
    testMention({ documentId: 'measures', clauseId: 'm-2.6', name: '市人社局', role: 'lead', departmentId: 'city-hrss', resolution: 'office', inferred: true }),
    testMention({ documentId: 'measures', clauseId: 'm-2.6', name: '某协会', role: 'support' }),
  ],
  targets: [testTarget({ id: 'measures/m-2.6/t1', documentId: 'measures', clauseId: 'm-2.6', indicator: '创业担保贷款', value: null })],
});
/** A repeat of the measures: counted as a document, its facts not counted again. */
const copy = { ...measures, id: 'measures-copy', script: 'simplified' as const, normalisation: {}, duplicateOf: { documentId: 'measures', firstLine: 1, lastLine: 3 } };
const documents = [measures, copy];
const corpus = aggregate(documents, registry, new URL('https://example.org'), routes(), '2026-01-01');
const stats = corpusStats(documents, corpus, new Map(documents.map((d) => [d.id, indexDocument(d)])));

describe('corpusStats (the numbers <Figure of=…> prints)', () => {
  it('counts every document once, as canonical or as a duplicate', () => {
    expect(stats).toMatchObject({ documents: 2, canonicalDocuments: 1, duplicateDocuments: 1, traditionalDocuments: 1, sourceLines: 6, nodes: 8 });
  });

  it('counts the normalisation of every document, and the facts of canonical documents only, as the downloads do', () => {
    // Clause records are the provisions (二、 and （六）), not the paragraph.
    expect(stats).toMatchObject({ t2sChanges: 7, pinyinRemoved: 2, clauses: 2, targets: 1, targetsWithoutValue: 1, projects: 0 });
    expect(stats).toMatchObject({ departmentMentions: 2, leadMentions: 1, supportMentions: 1, mentionedMentions: 0, inferredMentions: 1, unresolvedMentions: 1, registryEntries: 1, departmentsFound: 1 });
  });
});

describe('isStatKey', () => {
  it('knows its own keys, so a typo in an MDX page fails the build', () => {
    expect(isStatKey('targets')).toBe(true);
    expect(isStatKey('target')).toBe(false);
  });
});
