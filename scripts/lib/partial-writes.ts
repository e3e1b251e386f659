/**
 * The caches write each entry under a temporary name and rename it once whole. A temporary file or
 * folder left behind belongs to a run that died, unless it is young: then it may be another run's,
 * still writing, and must not be removed under it.
 */
import fs from 'node:fs';

const ABANDONED_MS = 60 * 60 * 1000;

/** Whether a temporary file or folder is old enough to have been left by a run that died. */
export function isAbandoned(file: string, now: Date): boolean {
  return now.getTime() - fs.statSync(file).mtimeMs > ABANDONED_MS;
}
