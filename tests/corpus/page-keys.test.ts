import { describe, expect, it } from 'vitest';
import type { Document } from '#schemas/document.ts';
import { renamedDocument } from '../helpers/generated.ts';
import { changedPages, pageKeys } from '../helpers/page-keys.ts';
import { siteFixture } from '../helpers/site-fixture.ts';

const { documents, indexes, registry, topics } = siteFixture();

/** The corpus with one document changed by `edit` (on a copy). */
function edited(id: string, edit: (d: Document) => void): Document[] {
  return documents.map((d) => {
    if (d.id !== id) return d;
    const copy = structuredClone(d);
    edit(copy);
    return copy;
  });
}

const keysOf = (corpus: readonly Document[]) => pageKeys(corpus, registry, topics);
const base = keysOf(documents);
const pagesOf = (id: string) => [...base.keys()].filter((path) => path.startsWith(`/${id}/`));

describe('page cache keys', () => {
  it('gives every document and clause page a key, and the same keys for the same corpus', () => {
    expect(base.size).toBe(documents.length + documents.reduce((n, d) => n + (indexes.get(d.id)?.entries.length ?? 0), 0));
    expect(keysOf(documents)).toEqual(base);
  });

  it('changes every page of a document whose own data changes, and no other', () => {
    const after = keysOf(edited('xiangtan-2019-stabilise-employment', (d) => (d.meta.title = `${d.meta.title}（修订）`)));
    expect(changedPages(base, after).sort()).toEqual(pagesOf('xiangtan-2019-stabilise-employment').sort());
  });

  it('changes the pages of a repeated text when the document it repeats changes', () => {
    const after = keysOf(edited('jiangsu-szbf-2012-91', (d) => (d.meta.title = `${d.meta.title}（修订）`)));
    expect(changedPages(base, after).sort()).toEqual([...pagesOf('jiangsu-szbf-2012-91'), ...pagesOf('jiangsu-szbf-2012-91-excerpt')].sort());
  });

  it('changes the pages that show a citation when another document changes how it reads', () => {
    // Xuhui and Yibin both cite the Employment Promotion Law; the record shows the title of the newest mention, Xuhui's.
    const after = keysOf(
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
    const after = keysOf([...documents, renamedDocument(yibin, 'yibin-copy')]);
    expect(changedPages(base, after).filter((path) => !path.startsWith('/yibin-copy/'))).toEqual([]);
  });

  it('follows the facts a page shows, whichever document files them', () => {
    // A copy whose records still name Yibin's clauses: its targets are listed beside them too.
    const yibin = documents.find((d) => d.id === 'yibin-yfbh-2014-282');
    if (yibin === undefined) throw new Error('the fixture has no Yibin document');
    const after = keysOf([...documents, { ...yibin, id: 'yibin-copy' }]);
    const withTargets = new Set(yibin.extracted.targets.map((t) => `/yibin-yfbh-2014-282/${t.clauseId}/`));
    const changed = changedPages(base, after).filter((path) => path.startsWith('/yibin-yfbh-2014-282/'));
    expect(changed).toEqual(expect.arrayContaining([...withTargets, '/yibin-yfbh-2014-282/']));
  });
});
