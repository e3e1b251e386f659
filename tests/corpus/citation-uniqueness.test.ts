/**
 * A citation names one node: pasted into the search box or /cite/, it must land on that node and no
 * other. Checked over the committed corpus (the generated documents), across documents as within them.
 */
import { describe, expect, it } from 'vitest';
import { indexDocument } from '#core/document-index.ts';
import { generatedDocument, generatedIds } from '../helpers/generated.ts';

describe('citations of the corpus', () => {
  it('are unique: no two nodes of the canonical documents share one', () => {
    const owners = new Map<string, string[]>();
    for (const doc of generatedIds().map(generatedDocument)) {
      if (doc.duplicateOf !== null) continue;
      for (const entry of indexDocument(doc).entries) owners.set(entry.citation, [...(owners.get(entry.citation) ?? []), `${doc.id}/${entry.id}`]);
    }
    expect([...owners].filter(([, ids]) => ids.length > 1)).toEqual([]);
  });
});
