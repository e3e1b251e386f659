import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBundle } from '../../scripts/lib/search-index/pagefind-bundle.ts';
import { unpacked } from '../../scripts/lib/search-index/pagefind-files.ts';
import { indexContent } from '#core/search/tokens.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

describe('writeBundle', () => {
  it('indexes records into a Pagefind bundle from a worker thread', async () => {
    const dir = tempDir('pagefind-bundle-');
    const record = (url: string, text: string) => ({ url, content: indexContent(text), language: 'und', meta: { title: text, ctx: indexContent('湘潭') }, filters: { kind: ['clause'] } });
    await writeBundle([record('/a/d1/', '创业担保贷款'), record('/a/d2/', '零就业家庭')], dir);
    const entry = JSON.parse(fs.readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages['und']?.page_count).toBe(2);
    const fragments = fs.readdirSync(path.join(dir, 'fragment')).map((name) => JSON.parse(unpacked(path.join(dir, 'fragment', name)).toString()) as { url: string; content: string; meta: Record<string, string> });
    // Trimmed to what the browser reads: no token strings (records.ts's shownFragment).
    expect(fragments.map((f) => [f.url, f.content, f.meta]).sort()).toEqual([
      ['/a/d1/', '', { title: '创业担保贷款' }],
      ['/a/d2/', '', { title: '零就业家庭' }],
    ]);
  }, 30_000);
});
