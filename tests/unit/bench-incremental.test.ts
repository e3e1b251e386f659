import { describe, expect, it } from 'vitest';
import { INCREMENTAL_CONFIG, withCacheKeys } from '../../scripts/lib/bench/incremental.ts';

const ROUTE = `---
import type { GetStaticPaths } from 'astro';
import { allViews } from '../../lib/documents.ts';

export const getStaticPaths = (async () => {
  const views = await allViews();
  return views.map((view) => ({ params: { doc: view.document.id }, props: { view } }));
}) satisfies GetStaticPaths;

const { view } = Astro.props;
---

<h1>{view.document.meta.title}</h1>
`;

describe('withCacheKeys', () => {
  it('renames the exported getStaticPaths and re-exports it with a cacheKey on every path', () => {
    expect(withCacheKeys(ROUTE, '../../bench-cache-key.ts')).toBe(`---
import { benchCacheKey as __benchCacheKey } from '../../bench-cache-key.ts';

import type { GetStaticPaths } from 'astro';
import { allViews } from '../../lib/documents.ts';

export const __benchGetStaticPaths = (async () => {
  const views = await allViews();
  return views.map((view) => ({ params: { doc: view.document.id }, props: { view } }));
}) satisfies GetStaticPaths;

const { view } = Astro.props;

export const getStaticPaths = async (options: any) =>
  (await __benchGetStaticPaths(options)).map((p: any) => ({ ...p, cacheKey: __benchCacheKey(p.props) }));
---

<h1>{view.document.meta.title}</h1>
`);
  });

  it('handles a function declaration', () => {
    const out = withCacheKeys('---\nexport async function getStaticPaths() {\n  return [];\n}\n---\n<p/>\n', './k.ts');
    expect(out).toContain('export async function __benchGetStaticPaths() {');
    expect(out).toContain('export const getStaticPaths = async (options: any) =>');
  });

  it('leaves routes without getStaticPaths alone', () => {
    expect(withCacheKeys('---\nconst a = 1;\n---\n<p>{a}</p>\n', './k.ts')).toBeNull();
    expect(withCacheKeys('<p>no frontmatter</p>\n', './k.ts')).toBeNull();
    expect(withCacheKeys('---\nconst a = 1;\n---\n<p>export const getStaticPaths = 1</p>\n', './k.ts')).toBeNull();
  });
});

describe('INCREMENTAL_CONFIG', () => {
  it('extends the project config with the flag and keeps the output folder', () => {
    expect(INCREMENTAL_CONFIG).toContain("import base from './astro.config.mjs';");
    expect(INCREMENTAL_CONFIG).toContain('experimental: { ...base.experimental, incrementalBuild: true }');
    expect(INCREMENTAL_CONFIG).toContain('build: { ...base.vite?.build, emptyOutDir: false }');
  });
});
