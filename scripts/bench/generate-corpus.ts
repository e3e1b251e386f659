/**
 * `npm exec -- node scripts/bench/generate-corpus.ts --count N --out DIR [--seed S]`: writes a corpus of
 * N sources for the build benchmark (scripts/bench/run.ts): the real ones from content/sources and
 * N − 5 synthetic ones (`bench-00001.txt` + `.meta.json` …) recombined from them. The same N and seed
 * always give the same files, and a smaller corpus is part of a larger one.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_CORPUS_PATHS } from '../lib/ingest/ingest-folder.ts';
import { loadSeeds, writeCorpus } from '../lib/bench/seeds.ts';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    sources: { type: 'string', default: DEFAULT_CORPUS_PATHS.sources },
  },
});
const count = Number(args.count);
if (!Number.isInteger(count) || count < 1 || args.out === undefined) {
  console.error('usage: node scripts/bench/generate-corpus.ts --count N --out DIR [--seed S] [--sources DIR]');
  process.exit(2);
}
const paths = { ...DEFAULT_CORPUS_PATHS, sources: args.sources };
const { real, synthetic, bytes } = writeCorpus(args.out, count, Number(args.seed), loadSeeds(paths), paths);
console.log(`${real} real + ${synthetic} synthetic sources (${(bytes / 1e6).toFixed(1)} MB of text) → ${args.out}`);
