import { describe, expect, it } from 'vitest';
import { indexDocument } from '#core/document-index.ts';
import type { Document } from '#schemas/document.ts';
import type { Department } from '#schemas/entities.ts';
import { documentOfClauses, measuresDocument, testMention, withFacts } from '../helpers/document-builder.ts';
import { changedPages, pageKeys } from '../helpers/page-keys.ts';
import { testTarget } from '../helpers/records.ts';

const registry: Department[] = [{ id: 'city-hrss', name: '某市人力资源和社会保障局', aliases: [], jurisdiction: '湘潭市', function: '人力资源社会保障', kind: 'department' }];
const law = (documentId: string, clauseId: string) => ({ documentId, clauseId, line: 1, sentence: '根据《就业促进法》。', title: '就业促进法', docNumber: null, kind: 'law' as const });

/** The crafted measures, with a lead department and a target in （六）, citing a law from its preamble. */
const measures = withFacts(measuresDocument({ date: '2019-03-01' }), 'measures', {
  departments: [testMention({ documentId: 'measures', clauseId: 'm-2.6', name: '市人社局', role: 'lead', departmentId: 'city-hrss', resolution: 'office' })],
  targets: [testTarget({ id: 'measures/m-2.6/t1', documentId: 'measures', clauseId: 'm-2.6', indicator: '创业担保贷款', value: 5, unit: '亿元' })],
  citations: [law('measures', 'm-p1')],
});
/** A repeat of the measures, which shows the measures' own facts. */
const repeat: Document = { ...measures, id: 'measures-copy', duplicateOf: { documentId: 'measures', firstLine: 1, lastLine: 3 } };
/** A plan of two clauses citing the same law in the same words. */
const plan = withFacts({ ...documentOfClauses(['根据《就业促进法》，做好就业工作。', '加强培训。'], { date: '2018-01-01' }), id: 'plan' }, 'plan', { citations: [law('plan', 'm-1')] });
const documents = [measures, repeat, plan];

const keysOf = (corpus: readonly Document[]) => pageKeys(corpus, registry, []);
const base = keysOf(documents);
const pagesOf = (id: string) => [...base.keys()].filter((path) => path.startsWith(`/${id}/`));
const retitled = (d: Document): Document => ({ ...d, meta: { ...d.meta, title: `${d.meta.title}（修订）` } });

describe('page cache keys', () => {
  it('gives every document and clause page a key, and the same keys for the same corpus', () => {
    expect(base.size).toBe(documents.length + documents.reduce((n, d) => n + indexDocument(d).entries.length, 0));
    expect(keysOf(documents)).toEqual(base);
  });

  it('changes every page of a document whose own data changes, and no other', () => {
    const after = keysOf([measures, repeat, retitled(plan)]);
    expect(changedPages(base, after).sort()).toEqual(pagesOf('plan').sort());
  });

  it('changes the pages of a repeated text when the document it repeats changes', () => {
    const edited = retitled(measures);
    const after = keysOf([edited, { ...repeat, meta: edited.meta }, plan]);
    expect(changedPages(base, after).sort()).toEqual([...pagesOf('measures'), ...pagesOf('measures-copy')].sort());
  });

  it('keeps the keys of other pages when a document is added that cites the same texts in the same words', () => {
    const after = keysOf([...documents, { ...plan, id: 'plan-copy', extracted: { ...plan.extracted, citations: [law('plan-copy', 'm-1')] } }]);
    expect(changedPages(base, after).filter((path) => !path.startsWith('/plan-copy/'))).toEqual([]);
  });

  it('follows the facts a page shows, whichever document files them', () => {
    // A copy whose target records still name the measures' clause: the target is listed beside that clause too.
    const after = keysOf([...documents, { ...plan, id: 'plan-copy', extracted: { ...plan.extracted, targets: measures.extracted.targets } }]);
    expect(changedPages(base, after).filter((path) => path.startsWith('/measures/'))).toEqual(expect.arrayContaining(['/measures/m-2.6/', '/measures/']));
  });
});
