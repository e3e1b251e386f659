/**
 * The plan of the search index (its bundles' keys, the pages their records land on, and the bundles
 * served to the browser), kept by
 * `search-index.ts --prepare` beside the bundles, so that the index step after the build need not
 * read every document and make every record again to learn the same keys: at 1,000 documents that
 * was 8–10 s of a step whose bundles were all built already.
 *
 * A plan is used only under the fingerprint of everything that makes the records: the document files
 * (by name, size and modification time: the ingest rewrites a file only when its document changed),
 * the department and synonym tables, the indexer's settings, and the code that turns documents into
 * records (coarsely, like the site's code version: any change to it plans again).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { hashField } from '#core/digest.ts';
import { listFiles } from '#core/list-files.ts';

/** One bundle of a plan: its cache key and the pages (URL paths without anchors) its records land on. */
export interface SavedBundle {
  key: string;
  pages: string[];
}

/** A bundle served to the browser: its cache key, the keys of the built bundles merged into it, and the number of the first of them (page names keep it). */
export interface ServedBundle {
  key: string;
  sources: string[];
  firstBundle: number;
}

export interface SavedPlan {
  fingerprint: string;
  bundles: SavedBundle[];
  served: ServedBundle[];
  /** Whether the department records form a bundle of their own (see the shard manifest). */
  sharded: boolean;
  /** How many records of each kind, as the index step reports them ("11449 clause, 41 department"). */
  counts: string;
}

/** The plan's file in the cache folder; the bundles are folders beside it. */
export const PLAN_FILE = 'plan.json';

/** The code that makes the records, relative to the project's root: the search index's own, the shared core, the document reader, and the locked packages. */
const CODE_FOLDERS = ['scripts/lib/search-index', 'src/core'];
const CODE_FILES = ['scripts/search-index.ts', 'scripts/lib/ingest/write.ts', 'package-lock.json'];

/** Where the records come from, as the fingerprint sees it. */
export interface PlanInputs {
  /** The folders of the document files. */
  documentFolders: readonly string[];
  /** The department and synonym tables. */
  tables: readonly string[];
  /** The indexer's settings and the sharding, as given. */
  settings: Readonly<Record<string, string | number>>;
  /** The project's root, for the code files. */
  root: string;
}

/** A digest of everything the records are made from (see the module's comment). */
export function planFingerprint(inputs: PlanInputs): string {
  const hash = createHash('sha256');
  hashField(hash, 'settings', JSON.stringify(Object.entries(inputs.settings).sort(([a], [b]) => (a < b ? -1 : 1))));
  for (const folder of inputs.documentFolders) {
    for (const name of fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.json')).sort() : []) {
      const stat = fs.statSync(path.join(folder, name));
      hashField(hash, path.join(folder, name), `${stat.size} ${stat.mtimeMs}`);
    }
  }
  for (const table of inputs.tables) hashField(hash, table, fs.readFileSync(table));
  const code = [...CODE_FOLDERS.flatMap((folder) => listFiles(path.join(inputs.root, folder)).map((f) => `${folder}/${f}`)), ...CODE_FILES].sort();
  for (const file of code) {
    const full = path.join(inputs.root, file);
    if (fs.existsSync(full)) hashField(hash, file, fs.readFileSync(full));
  }
  return hash.digest('hex');
}

export function writePlan(cache: string, plan: SavedPlan): void {
  fs.mkdirSync(cache, { recursive: true });
  const file = path.join(cache, PLAN_FILE);
  fs.writeFileSync(`${file}.partial`, JSON.stringify(plan));
  fs.renameSync(`${file}.partial`, file);
}

/** The plan saved under this fingerprint, or null (none, another fingerprint, unreadable). */
export function readPlan(cache: string, fingerprint: string): SavedPlan | null {
  try {
    const plan = JSON.parse(fs.readFileSync(path.join(cache, PLAN_FILE), 'utf8')) as SavedPlan;
    return plan.fingerprint === fingerprint ? plan : null;
  } catch {
    // No plan, or an unreadable one: the index step plans again, which is only slower.
    return null;
  }
}
