import fs from 'node:fs';
import path from 'node:path';
import { SHARED_CORPUS } from '../../scripts/lib/ingest/source-files.ts';

export { SHARED_CORPUS };

/**
 * Whether the tests that read the shared corpus (../shared/corpus, never copied into the repository)
 * can run. Its absence fails them unless SKIP_SHARED_CORPUS=1 asks, visibly, to skip them: CI always
 * has it, so a missing corpus must never pass silently.
 */
export function sharedCorpusPresent(): boolean {
  if (fs.existsSync(SHARED_CORPUS)) return true;
  if (process.env['SKIP_SHARED_CORPUS'] === '1') {
    console.warn(`SKIPPED: ${SHARED_CORPUS} is absent and SKIP_SHARED_CORPUS=1: the corpus checks did not run`);
    return false;
  }
  throw new Error(`${SHARED_CORPUS} is absent: the corpus checks need it (set SKIP_SHARED_CORPUS=1 to skip them explicitly)`);
}

/** The Markdown laws of the shared corpus, as paths under SHARED_CORPUS, sorted; [] when it is absent and skipped. */
export function sharedCorpusLaws(): string[] {
  if (!sharedCorpusPresent()) return [];
  return fs
    .readdirSync(path.join(SHARED_CORPUS, 'laws'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join('laws', f))
    .sort();
}
