import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasFullPage, hasOwnPage, isAnchoredBlock, routes } from '#core/routes.ts';

/**
 * The law pages before issue 16: their shapes (tests/fixtures/permanent-urls.json, from a build of the
 * shared corpus) against every pinned id of the laws (tests/golden/shared-corpus-ids.json), so that no
 * build of the corpus is needed to prove each such page is still built.
 */
const { lawNodePages } = JSON.parse(fs.readFileSync('tests/fixtures/permanent-urls.json', 'utf8')) as { lawNodePages: string[] };
const golden = JSON.parse(fs.readFileSync('tests/golden/shared-corpus-ids.json', 'utf8')) as Record<string, Record<string, string>>;
const shapes = new Set(lawNodePages);
const shapeOf = (id: string) => id.replace(/\d+/g, 'N');

describe('the node pages of the laws before issue 16', () => {
  it('are all still built: a full page, or a light page whose target is a full page', () => {
    const ids = Object.values(golden).flatMap((pinned) => Object.keys(pinned).filter((id) => shapes.has(shapeOf(id))));
    const lost = ids.filter((id) => {
      if (!hasOwnPage(id)) return true;
      if (!isAnchoredBlock(id)) return !hasFullPage(id);
      const holder = /^\/law\/(?:([^/#]+)\/)?#/.exec(routes().node('law', id))?.[1];
      return holder !== undefined && !hasFullPage(holder);
    });
    expect(lost).toEqual([]);
    expect(ids.length).toBeGreaterThan(5000);
  });
});
