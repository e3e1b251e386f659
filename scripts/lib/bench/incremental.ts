/**
 * The benchmark's trial of Astro's experimental incremental build (`experimental.incrementalBuild`,
 * Astro ≥ 7.2) on a copy of the project: Astro skips a page of `getStaticPaths()` when its `cacheKey`
 * and its code are unchanged since the last build. The site does not return cache keys yet, so the
 * copy's dynamic routes are wrapped to add one: the digest of the document a page shows (and of the
 * document it duplicates). That key ignores anything a page might show from other documents, so the
 * trial measures what the feature can gain, not a correct setup of it.
 */

/** The module the wrapped routes import, written into the copy at `src/bench-cache-key.ts`. */
export const CACHE_KEY_MODULE = `import { createHash } from 'node:crypto';

type View = { document: unknown; duplicate: { canonical: { document: unknown } } | null };
const keys = new WeakMap<object, string>();

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

/** The digest of the document a page shows, and of the one it repeats; undefined (always render) for pages of no document. */
export function benchCacheKey(props: Record<string, unknown> | undefined): string | undefined {
  const view = props?.['view'] as View | undefined;
  if (view === undefined || view === null || typeof view !== 'object' || view.document === undefined) return undefined;
  let key = keys.get(view);
  if (key === undefined) {
    key = digest(view.document) + (view.duplicate ? digest(view.duplicate.canonical.document) : '');
    keys.set(view, key);
  }
  return key;
}
`;

/** Where the trial's config is written in the copy, beside the project's astro.config.mjs. */
export const INCREMENTAL_CONFIG_FILE = 'astro.bench.config.mjs';

/**
 * The config the trial builds with: the project's own, plus the experimental flag, and the output folder
 * kept between builds (Astro empties it by default, and then copies every skipped page back from its cache).
 */
export const INCREMENTAL_CONFIG = `import base from './astro.config.mjs';

export default {
  ...base,
  experimental: { ...base.experimental, incrementalBuild: true },
  vite: { ...base.vite, build: { ...base.vite?.build, emptyOutDir: false } },
};
`;

const EXPORTED = /export\s+const\s+getStaticPaths\s*=|export\s+(async\s+)?function\s+getStaticPaths\s*\(/;

/**
 * An `.astro` route whose `getStaticPaths` is renamed and re-exported with a `cacheKey` on every path;
 * null when the file has no exported `getStaticPaths` in its frontmatter. `keyModule` is the import
 * path of CACHE_KEY_MODULE as seen from the file.
 */
export function withCacheKeys(source: string, keyModule: string): string | null {
  const fence = /^---\s*$/gm;
  const open = fence.exec(source);
  const close = open ? fence.exec(source) : null;
  if (!open || !close) return null;
  const frontmatter = source.slice(open.index + open[0].length, close.index);
  const found = EXPORTED.exec(frontmatter);
  if (!found) return null;
  const renamed = frontmatter.replace(EXPORTED, (whole, asyncWord: string | undefined) =>
    // Still exported: Astro hoists a route's exports (and only those) out of the component to module scope.
    whole.startsWith('export const') ? 'export const __benchGetStaticPaths =' : `export ${asyncWord ?? ''}function __benchGetStaticPaths(`,
  );
  const wrapped = [
    `\nimport { benchCacheKey as __benchCacheKey } from '${keyModule}';`,
    renamed,
    'export const getStaticPaths = async (options: any) =>',
    '  (await __benchGetStaticPaths(options)).map((p: any) => ({ ...p, cacheKey: __benchCacheKey(p.props) }));\n',
  ].join('\n');
  return `${source.slice(0, open.index + open[0].length)}${wrapped}${source.slice(close.index)}`;
}
