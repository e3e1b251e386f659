import { describe, expect, it } from 'vitest';
import { currentVersion, versionPeriod, worksOf } from '#core/works.ts';
import { testDocument } from '../helpers/document-builder.ts';

const version = (id: string, workId: string | undefined, date: string | null) => ({
  ...testDocument({ id, meta: { title: `条例${id}`, date }, lines: ['x'], blocks: [] }),
  ...(workId === undefined ? {} : { workId }),
});

describe('works', () => {
  const works = worksOf([version('b', 'w', '2024-12-31'), version('a', 'w', '2018-11-22'), version('single', 'v', '2019-01-01'), version('seed', undefined, '2019-01-01')]);

  it('groups the versions of one work, oldest first, the newest current', () => {
    expect([...works.keys()].sort()).toEqual(['v', 'w']);
    const w = works.get('w');
    if (w === undefined) throw new Error('no work w');
    expect(w.versions.map((v) => v.documentId)).toEqual(['a', 'b']);
    expect(currentVersion(w).documentId).toBe('b');
    expect(w.title).toBe('条例b');
  });

  it('gives each version the period it was the work’s text', () => {
    const w = works.get('w');
    if (w === undefined) throw new Error('no work w');
    expect(versionPeriod(w, 'a')).toEqual({ from: '2018-11-22', until: '2024-12-31' });
    expect(versionPeriod(w, 'b')).toEqual({ from: '2024-12-31', until: null });
    expect(() => versionPeriod(w, 'single')).toThrow('not a version');
  });
});
