import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_FILE, planFingerprint, readPlan, writePlan, type PlanInputs } from '../../scripts/lib/search-index/saved-plan.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

/** A project with two document files, two tables and one code file. */
function project(): PlanInputs {
  const root = tempDir('saved-plan-');
  const docs = path.join(root, 'documents');
  fs.mkdirSync(docs);
  fs.writeFileSync(path.join(docs, 'a.json'), '{"id":"a"}');
  fs.writeFileSync(path.join(docs, 'b.json'), '{"id":"b"}');
  fs.mkdirSync(path.join(root, 'src', 'core'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src', 'core', 'tokens.ts'), 'export const x = 1;');
  fs.writeFileSync(path.join(root, 'departments.json'), '[]');
  fs.writeFileSync(path.join(root, 'synonyms.json'), '[]');
  return { documentFolders: [docs, path.join(root, 'absent')], tables: [path.join(root, 'departments.json'), path.join(root, 'synonyms.json')], settings: { chunkSize: '4000' }, root };
}

describe('planFingerprint', () => {
  it('stays while nothing changes, and changes with a document written again, a new document, a table, the settings or the code', () => {
    const inputs = project();
    const first = planFingerprint(inputs);
    expect(planFingerprint(inputs)).toBe(first);
    const [docs = ''] = inputs.documentFolders;

    const later = new Date(Date.now() + 10_000);
    fs.utimesSync(path.join(docs, 'a.json'), later, later);
    const touched = planFingerprint(inputs);
    expect(touched).not.toBe(first);

    fs.writeFileSync(path.join(docs, 'c.json'), '{}');
    const added = planFingerprint(inputs);
    expect(added).not.toBe(touched);

    fs.writeFileSync(inputs.tables[1] ?? '', '[["社保","社会保险"]]');
    const table = planFingerprint(inputs);
    expect(table).not.toBe(added);

    expect(planFingerprint({ ...inputs, settings: { chunkSize: '8000' } })).not.toBe(table);

    fs.writeFileSync(path.join(inputs.root, 'src', 'core', 'tokens.ts'), 'export const x = 2;');
    expect(planFingerprint(inputs)).not.toBe(table);
  });
});

describe('writePlan and readPlan', () => {
  it('gives back the plan under its fingerprint only, and nothing for a missing or broken file', () => {
    const cache = tempDir('saved-plan-cache-');
    expect(readPlan(cache, 'f1')).toBeNull();
    const plan = { fingerprint: 'f1', bundles: [{ key: 'k1', pages: ['/doc/', '/doc/art-1/'] }], served: [{ key: 's1', sources: ['k1'], firstBundle: 0 }], sharded: false, counts: '2 records (2 clause)' };
    writePlan(cache, plan);
    expect(readPlan(cache, 'f1')).toEqual(plan);
    expect(readPlan(cache, 'f2')).toBeNull();
    fs.writeFileSync(path.join(cache, PLAN_FILE), '{not json');
    expect(readPlan(cache, 'f1')).toBeNull();
  });
});
