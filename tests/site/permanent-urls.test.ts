import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/dist.ts';

/** The URLs of the site before issue 16 (tests/fixtures/permanent-urls.json): every one must keep resolving. */
const { seeds } = JSON.parse(fs.readFileSync('tests/fixtures/permanent-urls.json', 'utf8')) as { seeds: string[] };

/** The built file that serves a URL: a page is a folder's index.html. */
function servedFile(url: string): string {
  return path.join(DIST, url.endsWith('/') ? `${url}index.html` : url);
}

/** Where a light page sends its reader (its refresh), or null for any other file. */
function refreshTarget(file: string): string | null {
  if (!file.endsWith('.html')) return null;
  return /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? null;
}

describe('every URL of the site before issue 16', () => {
  it('still resolves: to its page or file, or to a light page whose target page shows the anchor', () => {
    const broken: string[] = [];
    let sent = 0;
    for (const url of seeds) {
      const file = servedFile(url);
      if (!fs.existsSync(file)) {
        broken.push(`${url}: no file`);
        continue;
      }
      const target = refreshTarget(file);
      if (target === null) continue;
      sent += 1;
      const [page = '', anchor = ''] = target.split('#');
      const targetFile = servedFile(page);
      if (!fs.existsSync(targetFile)) broken.push(`${url} → ${target}: no page`);
      else if (anchor === '' || !fs.readFileSync(targetFile, 'utf8').includes(` id="${anchor}"`)) broken.push(`${url} → ${target}: no anchor`);
      else if (refreshTarget(targetFile) !== null) broken.push(`${url} → ${target}: sends on again`);
    }
    expect(broken).toEqual([]);
    // The paragraphs, rows and bullets of the seeds: the URLs that became light pages.
    expect(sent).toBeGreaterThan(100);
  });
});
