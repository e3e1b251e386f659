/**
 * `npm run golden:corpus [-- --update] [--corpus DIR]`: ingests every law of the shared corpus (no
 * sidecar, as `check:corpus` does) and compares its ids with tests/golden/shared-corpus-ids.json, which
 * pins each id with 8 hex digits of a hash of what it names (never the texts' words). Exits 1 listing
 * every pinned id that is gone or names something else. With --update it also adds the ids (and texts)
 * not pinned yet and rewrites the file; a pinned id is never rewritten, whatever it names now.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { addToHashedGolden, hashedGoldenViolations, serialiseGolden, type Golden } from './lib/ingest/golden.ts';
import { SHARED_GOLDEN_FILE, sharedCorpusDocuments } from './lib/ingest/shared-corpus-golden.ts';
import { SHARED_CORPUS } from './lib/ingest/source-files.ts';

const { values: args } = parseArgs({
  options: { update: { type: 'boolean', default: false }, corpus: { type: 'string', default: SHARED_CORPUS } },
});
if (!fs.existsSync(args.corpus)) {
  console.error(`no such folder: ${args.corpus}`);
  process.exit(2);
}

const golden: Golden = fs.existsSync(SHARED_GOLDEN_FILE) ? JSON.parse(fs.readFileSync(SHARED_GOLDEN_FILE, 'utf8')) : {};
const documents = sharedCorpusDocuments(args.corpus);
const pinned = Object.values(golden).reduce((n, ids) => n + Object.keys(ids).length, 0);
let moved: string[];
if (args.update) {
  const result = addToHashedGolden(golden, documents);
  moved = result.moved;
  fs.writeFileSync(SHARED_GOLDEN_FILE, serialiseGolden(result.golden));
  console.log(`${SHARED_GOLDEN_FILE}: ${result.added} ids added to the ${pinned} pinned`);
} else {
  moved = hashedGoldenViolations(golden, documents);
  const { added } = addToHashedGolden(golden, documents);
  console.log(`${SHARED_GOLDEN_FILE}: ${pinned} ids pinned in ${Object.keys(golden).length} texts; ${added} not pinned yet${added > 0 ? ' (--update adds them)' : ''}`);
}
for (const m of moved) console.error(`${SHARED_GOLDEN_FILE}: ${m}${args.update ? ' — left as it was: a pinned id must keep naming the same thing' : ''}`);
console.log(`${documents.size} texts ingested, ${moved.length} pinned ids gone or moved`);
process.exitCode = moved.length > 0 ? 1 : 0;
