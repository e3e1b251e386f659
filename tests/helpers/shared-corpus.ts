/**
 * The shared corpus of real laws (../shared/corpus from the project root), read in place: its texts
 * are never copied into the repository. CI always has it; on a machine without it, tests that need it
 * fail and say so, unless ATLAS_SKIP_SHARED_CORPUS=1 asks to skip them (visibly, by name).
 */
import fs from 'node:fs';
import path from 'node:path';

export const SHARED_CORPUS = path.resolve('../shared/corpus');
export const SKIP_SHARED_CORPUS = process.env['ATLAS_SKIP_SHARED_CORPUS'] === '1';

/** The Markdown laws of the shared corpus, as paths under SHARED_CORPUS, sorted; throws when it is absent and not skipped. */
export function sharedCorpusLaws(): string[] {
  const laws = path.join(SHARED_CORPUS, 'laws');
  if (!fs.existsSync(laws)) {
    if (SKIP_SHARED_CORPUS) return [];
    throw new Error(`${laws} is absent: put the shared corpus beside the project, or set ATLAS_SKIP_SHARED_CORPUS=1 to skip the tests that need it`);
  }
  return fs
    .readdirSync(laws, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join('laws', f))
    .sort();
}
