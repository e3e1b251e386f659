import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aggregate } from '#core/corpus-records.ts';
import { serialise } from '../../scripts/lib/ingest/write.ts';
import { catalogue } from '../../src/lib/catalogue.ts';
import { clauseFactsIndex } from '../../src/lib/clause-facts.ts';
import { departmentPages } from '../../src/lib/department-pages.ts';
import { clausePageKey, documentPageKey, type ShownFacts } from '../../src/lib/page-keys.ts';
import { projectsByRow } from '../../src/lib/project-table.ts';
import { targetRows } from '../../src/lib/target-table.ts';
import type { Document } from '#schemas/document.ts';
import { renamedDocument } from '../helpers/generated.ts';
import { siteFixture } from '../helpers/site-fixture.ts';
import { routes } from '#core/routes.ts';

const { documents, indexes, registry, topics } = siteFixture();

/** The cache key of every document and clause page, by path, for a corpus, computed as the site does (src/lib/site-data.ts). */
function pageKeys(corpus: readonly Document[]): Map<string, string> {
  // Like the glob loader's digest: a hash of the generated file.
  const { views } = catalogue(corpus.map((data) => ({ data, digest: createHash('sha256').update(serialise(data)).digest('hex') })));
  const ordered = views.map((v) => v.document);
  const canonical = ordered.filter((d) => d.duplicateOf === null);
  const viewIndexes = new Map(views.map((v) => [v.document.id, v.index]));
  const records = aggregate(ordered, registry, new URL('https://policy-atlas.example.org'), routes());
  const shown: ShownFacts = {
    clauseFacts: clauseFactsIndex(departmentPages(registry, ordered, viewIndexes), targetRows(records.targets, canonical, viewIndexes, topics), records.citations, canonical),
    rowProjects: projectsByRow(records.projects),
  };
  const keys = new Map<string, string>();
  for (const view of views) {
    keys.set(`/${view.document.id}/`, documentPageKey(view, shown));
    for (const entry of view.index.entries) keys.set(`/${view.document.id}/${entry.id}/`, clausePageKey(view, entry, shown));
  }
  return keys;
}

/** The corpus with one document changed by `edit` (on a copy). */
function edited(id: string, edit: (d: Document) => void): Document[] {
  return documents.map((d) => {
    if (d.id !== id) return d;
    const copy = structuredClone(d);
    edit(copy);
    return copy;
  });
}

/** The pages whose key differs between two corpora. */
function changedPages(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  return [...after].filter(([path, key]) => before.get(path) !== key).map(([path]) => path);
}

const base = pageKeys(documents);
const pagesOf = (id: string) => [...base.keys()].filter((path) => path.startsWith(`/${id}/`));

describe('page cache keys', () => {
  it('gives every document and clause page a key, and the same keys for the same corpus', () => {
    expect(base.size).toBe(documents.length + documents.reduce((n, d) => n + (indexes.get(d.id)?.entries.length ?? 0), 0));
    expect(pageKeys(documents)).toEqual(base);
  });

  it('changes every page of a document whose own data changes, and no other', () => {
    const after = pageKeys(edited('xiangtan-2019-stabilise-employment', (d) => (d.meta.title = `${d.meta.title}（修订）`)));
    expect(changedPages(base, after).sort()).toEqual(pagesOf('xiangtan-2019-stabilise-employment').sort());
  });

  it('changes the pages of a repeated text when the document it repeats changes', () => {
    const after = pageKeys(edited('jiangsu-szbf-2012-91', (d) => (d.meta.title = `${d.meta.title}（修订）`)));
    expect(changedPages(base, after).sort()).toEqual([...pagesOf('jiangsu-szbf-2012-91'), ...pagesOf('jiangsu-szbf-2012-91-excerpt')].sort());
  });

  it('changes the pages that show a citation when another document changes how it reads', () => {
    // Xuhui and Yibin both cite the Employment Promotion Law; the record shows the title of the newest mention, Xuhui's.
    const after = pageKeys(
      edited('xuhui-2016-employment-plan', (d) => {
        const mention = d.extracted.citations.find((m) => m.title === '就业促进法');
        if (mention === undefined) throw new Error('the fixture no longer cites 就业促进法 in Xuhui');
        mention.title = '中华人民共和国就业促进法';
      }),
    );
    const yibin = changedPages(base, after).filter((path) => path.startsWith('/yibin-yfbh-2014-282/'));
    // The citing paragraph, the part holding it, and the document page.
    expect(yibin.sort()).toEqual(['/yibin-yfbh-2014-282/', '/yibin-yfbh-2014-282/m-p2/', '/yibin-yfbh-2014-282/m/'].sort());
  });

  it('keeps the keys of other pages when a document is added that cites the same texts in the same words', () => {
    const yibin = documents.find((d) => d.id === 'yibin-yfbh-2014-282');
    if (yibin === undefined) throw new Error('the fixture has no Yibin document');
    const after = pageKeys([...documents, renamedDocument(yibin, 'yibin-copy')]);
    expect(changedPages(base, after).filter((path) => !path.startsWith('/yibin-copy/'))).toEqual([]);
  });

  it('follows the facts a page shows, whichever document files them', () => {
    // A copy whose records still name Yibin's clauses: its targets are listed beside them too.
    const yibin = documents.find((d) => d.id === 'yibin-yfbh-2014-282');
    if (yibin === undefined) throw new Error('the fixture has no Yibin document');
    const after = pageKeys([...documents, { ...yibin, id: 'yibin-copy' }]);
    const withTargets = new Set(yibin.extracted.targets.map((t) => `/yibin-yfbh-2014-282/${t.clauseId}/`));
    const changed = changedPages(base, after).filter((path) => path.startsWith('/yibin-yfbh-2014-282/'));
    expect(changed).toEqual(expect.arrayContaining([...withTargets, '/yibin-yfbh-2014-282/']));
  });
});
