import { createHash } from 'node:crypto';
import type { Document } from '#schemas/document.ts';
import { foldPunctuationWidth } from '#core/chinese/punctuation-width.ts';
import { idFingerprints } from './id-fingerprints.ts';

/** The committed list of every id of the corpus, with what each names: ids may be added, never moved. */
export const GOLDEN_FILE = 'tests/golden/ids.json';

/** Pinned fingerprints by document key (a document id, or a text's path in the shared corpus), then by node id. */
export type Golden = Record<string, Record<string, string>>;

/** Current fingerprints by the same keys as a golden file; a document that failed to ingest is absent. */
type Current = ReadonlyMap<string, Record<string, string>>;

/**
 * Whether a fingerprint still names what the pinned one named. Punctuation width is typography, not
 * identity: the ascii-punctuation rule widens the marks of texts pinned before it, and their ids stay.
 */
function namesSame(pinned: string, now: string): boolean {
  return foldPunctuationWidth(pinned) === foldPunctuationWidth(now);
}

/** Every pinned id that is gone or fingerprints differently now (all of them, not just the first). */
function violationsOf(golden: Golden, current: Current, same: (pinned: string, now: string) => boolean, shown: Current = current): string[] {
  const problems: string[] = [];
  for (const [key, ids] of Object.entries(golden)) {
    const now = current.get(key);
    if (!now) {
      problems.push(`document ${key} is gone`);
      continue;
    }
    for (const [id, fingerprint] of Object.entries(ids)) {
      const was = now[id];
      const text = shown.get(key)?.[id];
      if (was === undefined) problems.push(`${key}/${id} is gone (it named ${fingerprint})`);
      else if (!same(fingerprint, was)) problems.push(`${key}/${id} moved: it named ${fingerprint}, now ${was}${text === was || text === undefined ? '' : ` (${text})`}`);
    }
  }
  return problems;
}

/** The golden file with the ids it does not have yet; a pinned one is never rewritten. */
function addPins(golden: Golden, current: Current): { golden: Golden; added: number } {
  const next: Golden = structuredClone(golden);
  let added = 0;
  for (const key of [...current.keys()].sort((a, b) => a.localeCompare(b))) {
    const pinned = (next[key] ??= {});
    for (const [id, fingerprint] of Object.entries(current.get(key) ?? {})) {
      if (pinned[id] === undefined) {
        pinned[id] = fingerprint;
        added += 1;
      }
    }
  }
  return { golden: next, added };
}

const byId = (documents: readonly Document[]): Current => new Map(documents.map((d) => [d.id, idFingerprints(d)]));

/** Ids that no longer exist, or now name something else, compared with the golden file. */
export function goldenViolations(golden: Golden, documents: readonly Document[]): string[] {
  return violationsOf(golden, byId(documents), namesSame);
}

/** Adds the ids the golden file does not have yet; never rewrites a pinned one. */
export function addToGolden(golden: Golden, documents: readonly Document[]): { golden: Golden; added: number; moved: string[] } {
  return { ...addPins(golden, byId(documents)), moved: goldenViolations(golden, documents) };
}

/**
 * A fingerprint as 8 hex digits of its SHA-256, after folding punctuation width (as namesSame does):
 * what a golden file of texts that must not be copied into the repository pins instead of their words.
 */
export function hashFingerprint(fingerprint: string): string {
  return createHash('sha256').update(foldPunctuationWidth(fingerprint), 'utf8').digest('hex').slice(0, 8);
}

/** Every id of a document with the hash of what it names (idFingerprints, hashed). */
export function hashedFingerprints(doc: Document): Record<string, string> {
  return Object.fromEntries(Object.entries(idFingerprints(doc)).map(([id, fingerprint]) => [id, hashFingerprint(fingerprint)]));
}

/** Documents by key (a text's path), null for one that failed to ingest. */
export type KeyedDocuments = ReadonlyMap<string, Document | null>;

function hashedByKey(documents: KeyedDocuments): { hashed: Current; plain: Current } {
  const present = [...documents].filter((entry): entry is [string, Document] => entry[1] !== null);
  return {
    hashed: new Map(present.map(([key, d]) => [key, hashedFingerprints(d)])),
    plain: new Map(present.map(([key, d]) => [key, idFingerprints(d)])),
  };
}

/** goldenViolations for a golden file of hashed fingerprints keyed by the texts' paths; a report shows the current words beside the hash. */
export function hashedGoldenViolations(golden: Golden, documents: KeyedDocuments): string[] {
  const { hashed, plain } = hashedByKey(documents);
  return violationsOf(golden, hashed, (pinned, now) => pinned === now, plain);
}

/** addToGolden for a golden file of hashed fingerprints keyed by the texts' paths. */
export function addToHashedGolden(golden: Golden, documents: KeyedDocuments): { golden: Golden; added: number; moved: string[] } {
  return { ...addPins(golden, hashedByKey(documents).hashed), moved: hashedGoldenViolations(golden, documents) };
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A golden file as JSON with sorted keys, one line per document, so that a diff shows which documents changed. */
export function serialiseGolden(golden: Golden): string {
  const lines = Object.keys(golden)
    .sort(byCodePoint)
    .map((key) => {
      const ids = golden[key] ?? {};
      const sorted = Object.fromEntries(Object.keys(ids).sort(byCodePoint).map((id) => [id, ids[id]]));
      return `  ${JSON.stringify(key)}: ${JSON.stringify(sorted)}`;
    });
  return lines.length === 0 ? '{}\n' : `{\n${lines.join(',\n')}\n}\n`;
}
