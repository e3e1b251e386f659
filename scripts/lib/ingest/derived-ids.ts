/**
 * Permanent ids for texts without a sidecar, derived from what the document is (its title, the date
 * of its version, its type, its government), never from its file name or its place in a folder, so
 * that renaming or moving a file keeps its URL.
 *
 * The rule (also in the README, "Source folders beyond content/sources"):
 * 1. base: the pinyin of the short title (中华人民共和国 dropped), one syllable per character,
 *    joined by hyphens, then the version date: 社会保险法 of 2018-12-29 → she-hui-bao-xian-fa-2018-12-29.
 *    A title whose pinyin is longer than 60 characters is cut at a syllable and followed by 6 hex
 *    digits of the title's SHA-1, so that two long titles that start alike stay apart.
 * 2. when two documents (or a document and a committed sidecar id) share a base, each of the colliding
 *    documents appends the pinyin initials of its type (flfg …) where their types differ, else of its
 *    region where those differ, else 6 hex digits of its text's SHA-256.
 * The work a document is a version of takes the id's title part (with the suffix of step 2 where
 * types or regions told colliding documents apart): the 2018 and 2024 上海市社会救助条例 are
 * shang-hai-shi-she-hui-jiu-zhu-tiao-li-2018-11-22 and …-2024-12-31, versions of the work
 * shang-hai-shi-she-hui-jiu-zhu-tiao-li.
 * The ids of the shared law corpus are pinned in tests/golden/corpus-document-ids.json: a change of
 * this rule, of pinyin-pro or of the manifest that moves one fails the tests.
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import type { DocumentType } from '#schemas/sidecar.ts';

/** What a derived id is made of. */
export interface IdBasis {
  /** The title as the collection or the text names it; 中华人民共和国 is dropped. */
  title: string;
  /** The version's date, ISO; null where nothing dates it. */
  date: string | null;
  type: DocumentType;
  /** The government the text belongs to, e.g. 全国, 上海市. */
  region: string;
  /** SHA-256 of the source bytes: the last resort between two otherwise identical descriptions. */
  sha256: string;
}

const MAX_TITLE_SLUG = 60;

/** ASCII pinyin syllables of a text (ü as v), non-Chinese letters and digits kept as words. */
function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, ''))
    .filter((s) => s !== '');
}

/** The readable ASCII slug of a title: she-hui-bao-xian-fa. */
export function titleSlug(title: string): string {
  const short = title.replace(/^中华人民共和国(?=.)/, '');
  const words = syllables(short);
  const full = words.join('-');
  if (full.length <= MAX_TITLE_SLUG) return full === '' ? `t-${hex(short, 'sha1')}` : full;
  let cut = '';
  for (const w of words) {
    if (cut.length + w.length + 1 > MAX_TITLE_SLUG - 7) break;
    cut = cut === '' ? w : `${cut}-${w}`;
  }
  return `${cut}-${hex(short, 'sha1')}`;
}

function hex(text: string, algorithm: 'sha1' | 'sha256'): string {
  return createHash(algorithm).update(text, 'utf8').digest('hex').slice(0, 6);
}

function initials(text: string): string {
  return syllables(text).map((s) => s[0]).join('');
}

function baseId(basis: IdBasis): string {
  return basis.date === null ? titleSlug(basis.title) : `${titleSlug(basis.title)}-${basis.date}`;
}

/** A document's derived ids: its own, and the id of the work it is a version of. */
export interface DerivedId {
  id: string;
  workId: string;
}

/**
 * The ids of every document, by key (its file), given the ids already taken (committed sidecars).
 * Deterministic: the same descriptions give the same ids whatever order they come in.
 */
export function derivedIds(documents: ReadonlyMap<string, IdBasis>, taken: ReadonlySet<string>): Map<string, DerivedId> {
  const byBase = new Map<string, string[]>();
  for (const [key, basis] of documents) {
    const base = baseId(basis);
    byBase.set(base, [...(byBase.get(base) ?? []), key]);
  }
  const ids = new Map<string, DerivedId>();
  for (const [base, keys] of byBase) {
    const work = (key: string) => titleSlug((documents.get(key) as IdBasis).title);
    if (keys.length === 1 && !taken.has(base)) {
      const key = keys[0] ?? '';
      ids.set(key, { id: base, workId: work(key) });
      continue;
    }
    const bases = keys.map((k) => documents.get(k) as IdBasis);
    const differ = (field: (b: IdBasis) => string) => new Set(bases.map(field)).size === bases.length;
    // Told apart by type or region, they are different works; by their text alone, versions of one.
    const apart = differ((b) => b.type) ? (b: IdBasis) => initials(b.type) : differ((b) => b.region) ? (b: IdBasis) => initials(b.region) : null;
    for (const key of keys) {
      const basis = documents.get(key) as IdBasis;
      ids.set(key, apart === null ? { id: `${base}-${basis.sha256.slice(0, 6)}`, workId: work(key) } : { id: `${base}-${apart(basis)}`, workId: `${work(key)}-${apart(basis)}` });
    }
  }
  return ids;
}
