/**
 * Writes one Pagefind bundle from custom records in a worker thread of its own. Pagefind's Node API
 * keeps one indexing service per module instance; a worker has its own, so bundles can be indexed
 * side by side, and the service's memory goes when the worker ends. The pages' fragments are
 * trimmed to what the browser reads (records.ts's shownFragment) before the bundle is done.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { trimFragments } from './pagefind-files.ts';
import { shownFragment, type PagefindRecord } from './records.ts';

/** Marks the workers started here, apart from any other thread (a test runner's) that imports this module. */
const JOB = 'pagefind-bundle';

interface Job {
  job: typeof JOB;
  records: readonly PagefindRecord[];
  dir: string;
}

/** Every problem Pagefind reports, none dropped: an index missing records would look fine in the browser. */
async function indexRecords({ records, dir }: Job): Promise<string[]> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) return [`Pagefind could not start: ${errors.join('; ')}`];
  // All records are sent at once rather than each after the last one's answer: Pagefind's service
  // takes them in the order sent (the bundle is the same byte for byte) and is never left waiting.
  const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
  const problems = added.flatMap((result, i) => result.errors.map((e) => `${records[i]?.url}: ${e}`));
  const written = await index.writeFiles({ outputPath: dir });
  problems.push(...written.errors);
  await pagefind.close();
  if (problems.length === 0) trimFragments(dir, shownFragment);
  return problems;
}

/** Indexes the records into `dir`; rejects with every problem Pagefind reported. */
export function writeBundle(records: readonly PagefindRecord[], dir: string): Promise<void> {
  const job: Job = { job: JOB, records, dir };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    worker.once('message', (problems: string[]) => (problems.length === 0 ? resolve() : reject(new Error(problems.join('\n  ')))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the indexing worker stopped (exit code ${code}) before it answered`)));
  });
}

if (!isMainThread && (workerData as Partial<Job> | null)?.job === JOB) {
  parentPort?.postMessage(await indexRecords(workerData as Job));
}
