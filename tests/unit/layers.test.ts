/**
 * The one-way layers: src/core is shared by the ingest (scripts/) and the site (the rest of src/);
 * neither side imports the other. Every import specifier of every module is resolved to a file of
 * the repository and checked against the rules below, so a change that crosses a layer fails here
 * rather than in a review.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '#core/list-files.ts';
import { importSpecifiers } from '../../scripts/lib/module-imports.ts';

/** One layer: the files it covers, what they may not reach, and why. */
interface LayerRule {
  name: string;
  /** Repository paths (with `/`) of the modules the rule covers. */
  covers: (file: string) => boolean;
  /** A resolved repository path, or a package or `node:` name: a message when the import is not allowed, else null. */
  forbids: (target: Resolved) => string | null;
}

type Resolved = { kind: 'file'; path: string } | { kind: 'package'; name: string };

const RULES: readonly LayerRule[] = [
  {
    name: 'core imports only core, node: built-ins and astro/zod',
    covers: (file) => file.startsWith('src/core/'),
    // The browser bundle (search tokens, pinyin) and the ingest both load core: it must not pull in
    // Astro's runtime (astro:*), the site's modules or the scripts' I/O.
    forbids: (t) =>
      t.kind === 'file'
        ? t.path.startsWith('src/core/') ? null : `core reaches outside core: ${t.path}`
        : t.name.startsWith('node:') || t.name === 'astro/zod' ? null : `core imports the package ${t.name}`,
  },
  {
    name: 'the site does not import scripts/ or tests/',
    covers: (file) => file.startsWith('src/') && !file.startsWith('src/core/'),
    // What the site shares with the ingest lives in src/core; the site-code digest covers src/ only.
    forbids: (t) => (t.kind === 'file' && /^(?:scripts|tests)\//.test(t.path) ? `the site imports ${t.path}` : null),
  },
  {
    name: 'scripts import only the core of src/, and nothing of tests/',
    covers: (file) => file.startsWith('scripts/'),
    // A script runs without the test suite (npm run bench:search): what a test shares with it lives in scripts/.
    forbids: (t) =>
      t.kind !== 'file' ? null
      : t.path.startsWith('tests/') ? `a script imports test code: ${t.path}`
      : t.path.startsWith('src/') && !t.path.startsWith('src/core/') ? `a script imports site code: ${t.path}`
      : null,
  },
];

/**
 * The script parts of a module: an .astro file's frontmatter and <script> elements, an .mdx file's
 * import and export lines; a .ts or .mjs file whole.
 */
function scriptOf(file: string, source: string): string {
  if (file.endsWith('.astro')) {
    const frontmatter = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
    // Scripts with a body, not self-closing, and JavaScript (no type, or a module): not JSON-LD.
    const scripts = [...source.matchAll(/<script\b(?![^>]*\/>)([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\btype=/.test(m[1] ?? '') || /type="module"/.test(m[1] ?? '')).map((m) => m[2] ?? '');
    return [frontmatter, ...scripts].join(';\n');
  }
  if (file.endsWith('.mdx')) return source.split('\n').filter((line) => /^(?:import|export)\s/.test(line)).join('\n');
  return source;
}

/** The project's package.json `imports` as [prefix, folder] pairs: `#core/` → `src/core/`. */
function aliases(root: string): [string, string][] {
  const imports = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { imports: Record<string, string> }).imports;
  return Object.entries(imports).map(([prefix, target]) => [prefix.replace(/\*$/, ''), target.replace(/\*$/, '').replace(/^\.\//, '')]);
}

/** Where a specifier of `importer` points: a repository path, or a package (or `node:` built-in) name. */
function resolveSpecifier(importer: string, specifier: string, aliasPairs: readonly [string, string][]): Resolved {
  if (specifier.startsWith('.')) return { kind: 'file', path: path.posix.normalize(path.posix.join(path.posix.dirname(importer), specifier)) };
  const alias = aliasPairs.find(([prefix]) => specifier.startsWith(prefix));
  if (alias !== undefined) return { kind: 'file', path: alias[1] + specifier.slice(alias[0].length) };
  if (specifier.startsWith('node:') || specifier.startsWith('astro:')) return { kind: 'package', name: specifier };
  const name = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
  // Astro's subpaths differ: astro/zod is allowed in core, the rest of astro is not.
  return { kind: 'package', name: name === 'astro' ? specifier : name };
}

/** Every import in `files` that a rule forbids, as `file: message`. */
function layerViolations(files: ReadonlyMap<string, string>, aliasPairs: readonly [string, string][], rules: readonly LayerRule[] = RULES): string[] {
  const problems: string[] = [];
  for (const [file, source] of files) {
    const applicable = rules.filter((r) => r.covers(file));
    for (const specifier of importSpecifiers(scriptOf(file, source))) {
      const target = resolveSpecifier(file, specifier, aliasPairs);
      for (const rule of applicable) {
        const problem = rule.forbids(target);
        if (problem !== null) problems.push(`${file}: ${problem} (${rule.name})`);
      }
    }
  }
  return problems;
}

const MODULE = /\.(?:ts|mts|mjs|js|astro|mdx)$/;

function projectModules(): Map<string, string> {
  const files = ['src', 'scripts'].flatMap((folder) => listFiles(folder).map((f) => `${folder}/${f}`)).filter((f) => MODULE.test(f));
  return new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
}

describe('one-way layers', () => {
  const modules = projectModules();
  const pairs = aliases('.');

  it('every rule covers modules of the project', () => {
    for (const rule of RULES) expect([...modules.keys()].some(rule.covers), rule.name).toBe(true);
  });

  it('no module imports across a layer', () => {
    expect(layerViolations(modules, pairs)).toEqual([]);
  });

  it('the aliases point into src/core', () => {
    expect(pairs).toEqual([
      ['#core/', 'src/core/'],
      ['#schemas/', 'src/core/schemas/'],
    ]);
  });

  it('finds each kind of crossing, in every form of import', () => {
    const crossings = new Map([
      ['src/core/a.ts', "import { x } from '../lib/site-data.ts';\nimport type { Y } from 'astro:content';"],
      ['src/core/b.ts', "export { z } from '../../scripts/lib/ingest/write.ts';\nconst m = await import('opencc-js');"],
      ['src/lib/c.ts', "import '../../scripts/lib/checks/links.ts';"],
      ['src/components/D.astro', "---\nimport {\n  toCsv,\n} from '../../scripts/lib/csv.ts';\n---\n<p>{toCsv}</p>"],
      ['scripts/e.ts', "import { n } from '../src/lib/node-refs.ts';\nimport { ok } from '#core/site-id.ts';\nimport { h } from '../tests/helpers/dist.ts';"],
      ['src/core/f.ts', "import { z } from 'astro/zod';\nimport fs from 'node:fs';\nimport { t } from '#schemas/document.ts';"],
    ]);
    expect(layerViolations(crossings, pairs).map((p) => p.slice(0, p.indexOf(' ('))).sort()).toEqual([
      'scripts/e.ts: a script imports site code: src/lib/node-refs.ts',
      'scripts/e.ts: a script imports test code: tests/helpers/dist.ts',
      'src/components/D.astro: the site imports scripts/lib/csv.ts',
      'src/core/a.ts: core imports the package astro:content',
      'src/core/a.ts: core reaches outside core: src/lib/site-data.ts',
      'src/core/b.ts: core imports the package opencc-js',
      'src/core/b.ts: core reaches outside core: scripts/lib/ingest/write.ts',
      'src/lib/c.ts: the site imports scripts/lib/checks/links.ts',
    ]);
  });
});
