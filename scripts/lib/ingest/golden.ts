import type { Document } from '#schemas/document.ts';
import { foldPunctuationWidth } from '#core/chinese/punctuation-width.ts';
import { idFingerprints } from './id-fingerprints.ts';

/** The committed list of every id of the corpus, with what each names: ids may be added, never moved. */
export const GOLDEN_FILE = 'tests/golden/ids.json';

export type Golden = Record<string, Record<string, string>>;

/**
 * Whether a fingerprint still names what the pinned one named. Punctuation width is typography, not
 * identity: the ascii-punctuation rule widens the marks of texts pinned before it, and their ids stay.
 */
function namesSame(pinned: string, now: string): boolean {
  return foldPunctuationWidth(pinned) === foldPunctuationWidth(now);
}

/** Ids that no longer exist, or now name something else, compared with the golden file. */
export function goldenViolations(golden: Golden, documents: readonly Document[]): string[] {
  const current = new Map(documents.map((d) => [d.id, idFingerprints(d)]));
  const problems: string[] = [];
  for (const [docId, ids] of Object.entries(golden)) {
    const now = current.get(docId);
    if (!now) {
      problems.push(`document ${docId} is gone`);
      continue;
    }
    for (const [id, fingerprint] of Object.entries(ids)) {
      if (now[id] === undefined) problems.push(`${docId}/${id} is gone (it named ${fingerprint})`);
      else if (!namesSame(fingerprint, now[id])) problems.push(`${docId}/${id} moved: it named ${fingerprint}, now ${now[id]}`);
    }
  }
  return problems;
}

/** Adds the ids the golden file does not have yet; never rewrites a pinned one. */
export function addToGolden(golden: Golden, documents: readonly Document[]): { golden: Golden; added: number; moved: string[] } {
  const next: Golden = structuredClone(golden);
  let added = 0;
  for (const doc of [...documents].sort((a, b) => a.id.localeCompare(b.id))) {
    const pinned = (next[doc.id] ??= {});
    for (const [id, fingerprint] of Object.entries(idFingerprints(doc))) {
      if (pinned[id] === undefined) {
        pinned[id] = fingerprint;
        added += 1;
      }
    }
  }
  return { golden: next, added, moved: goldenViolations(golden, documents) };
}
