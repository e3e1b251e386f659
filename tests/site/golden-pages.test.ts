import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDist } from '../helpers/dist.ts';
import { isAnchoredBlock, routes } from '#core/routes.ts';

const golden = JSON.parse(fs.readFileSync('tests/golden/ids.json', 'utf8')) as Record<string, Record<string, string>>;

describe('every pinned id has a page of its own', () => {
  for (const [documentId, ids] of Object.entries(golden)) {
    it(`${documentId}: ${Object.keys(ids).length} clause pages`, () => {
      const missing: string[] = [];
      for (const id of Object.keys(ids)) {
        const html = readDist(`${documentId}/${id}/index.html`);
        // A paragraph, row or bullet: a light page sending readers to its anchor on its holder's page, which shows it.
        const target = isAnchoredBlock(id) ? routes().node(documentId, id) : null;
        const shown =
          target === null
            ? html.includes(`data-document-id="${documentId}" data-node-id="${id}"`)
            : html.includes(`content="0; url=${target}"`) && readDist(`${target.replace(/^\/|#.*$/g, '')}index.html`).includes(` id="${id}"`);
        if (!shown) missing.push(id);
      }
      expect(missing).toEqual([]);
    });
  }

  it('and every pinned id is an anchor on its document page', () => {
    const missing = Object.entries(golden).flatMap(([documentId, ids]) => {
      const html = readDist(`${documentId}/index.html`);
      return Object.keys(ids).filter((id) => !html.includes(` id="${id}"`)).map((id) => `${documentId}#${id}`);
    });
    expect(missing).toEqual([]);
  });
});
