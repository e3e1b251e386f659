import { z } from 'astro/zod';
import type { Diagnostic } from '#schemas/diagnostic.ts';

/**
 * Size budgets: what a page makes the browser download before anyone touches it — the HTML, the
 * stylesheets it links (and their @imports), the scripts it loads and every module they import
 * statically — gzipped, as a static host would serve it, against limits kept in budgets.json.
 */

export const ASSET_KINDS = ['html', 'css', 'js'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

const Limits = z.strictObject({ html: z.int().positive(), css: z.int().nonnegative(), js: z.int().nonnegative() });
export type Limits = z.output<typeof Limits>;

/** One budgeted page: a fixed path, or the largest built page of a kind (scripts/lib/checks/page-types.ts). */
export const BudgetEntry = z
  .strictObject({
    name: z.string().min(1),
    path: z.string().startsWith('/').endsWith('/').optional(),
    type: z.string().min(1).optional(),
    /** Gzipped bytes allowed; null until the page exists and has been measured. */
    limits: Limits.nullable(),
    /** The gzipped sizes the limits were set from, and when. */
    measured: Limits.extend({ on: z.iso.date() }).optional(),
  })
  .refine((e) => (e.path === undefined) !== (e.type === undefined), { message: 'give either a path or a page type, not both' });
export type BudgetEntry = z.output<typeof BudgetEntry>;

export const BudgetsFile = z.strictObject({ $comment: z.string().optional(), pages: z.array(BudgetEntry).min(1) });

/** The site files (paths relative to the build folder) a page loads up front, by kind; lazy modules and files that are not there, apart. */
export interface PageLoad {
  html: string[];
  css: string[];
  js: string[];
  /** Modules imported with import(): fetched on demand, not budgeted. */
  lazy: string[];
  /** Referenced files that are not in the build. */
  missing: string[];
}

const TAG_ATTRIBUTES = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
const STATIC_IMPORT = /(?:^|[^\w$.])(?:import\s*(?:[\w$*{}\s,]+?\s*from\s*)?|export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*)(["'])([^"'\n]+)\1/g;
const DYNAMIC_IMPORT = /(?:^|[^\w$.])import\(\s*(["'`])([^"'`$\n]+)\1\s*\)/g;
const CSS_IMPORT = /@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1/g;

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of source.matchAll(TAG_ATTRIBUTES)) attributes.set((m[1] ?? '').toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  return attributes;
}

/** The site file a URL reference names from a site file, or null when it points off the site. */
function resolveFile(fromFile: string, ref: string): string | null {
  const base = new URL(`/${fromFile}`, 'https://site.invalid');
  const url = new URL(ref.replace(/&amp;/g, '&'), base);
  if (url.origin !== base.origin) return null;
  const path = decodeURIComponent(url.pathname).replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** What an HTML page refers to: stylesheets and scripts by URL, and the code of its inline module scripts. */
function htmlReferences(html: string): { css: string[]; js: string[]; inlineModules: string[] } {
  const css: string[] = [];
  const js: string[] = [];
  const inlineModules: string[] = [];
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of withoutComments.matchAll(/<link\b([^>]*)>/gi)) {
    const attributes = attributesOf(m[1] ?? '');
    const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    const href = attributes.get('href');
    if (href === undefined) continue;
    if (rel.includes('stylesheet')) css.push(href);
    else if (rel.includes('modulepreload')) js.push(href);
  }
  for (const m of withoutComments.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = attributesOf(m[1] ?? '');
    const type = (attributes.get('type') ?? '').toLowerCase();
    if (!JS_TYPES.has(type)) continue;
    const src = attributes.get('src');
    if (src !== undefined) js.push(src);
    else if (type === 'module') inlineModules.push(m[2] ?? '');
  }
  return { css, js, inlineModules };
}

/** Module specifiers of a script: the static ones (loaded before it runs) and the literal import() ones. */
export function moduleImports(code: string): { static: string[]; dynamic: string[] } {
  const specifiers = (pattern: RegExp) => [...code.matchAll(pattern)].map((m) => m[2] ?? '').filter((s) => /^(?:\.{0,2}\/|https?:)/.test(s));
  return { static: specifiers(STATIC_IMPORT), dynamic: specifiers(DYNAMIC_IMPORT) };
}

/**
 * The files a page loads up front: its HTML file, linked stylesheets with their @imports, scripts and
 * module preloads with everything they import statically (inline module scripts' imports too).
 * `read` returns a built file's text, or undefined when the build has no such file.
 */
export function pageLoad(htmlFile: string, read: (file: string) => string | undefined): PageLoad {
  const load: PageLoad = { html: [htmlFile], css: [], js: [], lazy: [], missing: [] };
  const html = read(htmlFile);
  if (html === undefined) return { ...load, html: [], missing: [htmlFile] };
  const seen = new Set<string>([htmlFile]);
  const visit = (kind: 'css' | 'js', from: string, ref: string): void => {
    const file = resolveFile(from, ref);
    if (file === null || seen.has(file)) return;
    seen.add(file);
    const text = read(file);
    if (text === undefined) {
      load.missing.push(file);
      return;
    }
    load[kind].push(file);
    if (kind === 'css') for (const m of text.matchAll(CSS_IMPORT)) visit('css', file, m[2] ?? '');
    else followImports(file, text);
  };
  const followImports = (file: string, code: string): void => {
    const imports = moduleImports(code);
    for (const ref of imports.static) visit('js', file, ref);
    for (const ref of imports.dynamic) {
      const lazy = resolveFile(file, ref);
      if (lazy !== null && !load.lazy.includes(lazy)) load.lazy.push(lazy);
    }
  };
  const refs = htmlReferences(html);
  for (const ref of refs.css) visit('css', htmlFile, ref);
  for (const ref of refs.js) visit('js', htmlFile, ref);
  for (const code of refs.inlineModules) followImports(htmlFile, code);
  load.lazy = load.lazy.filter((file) => !seen.has(file));
  return load;
}

/** A budgeted page as measured: gzipped bytes by kind, and the files behind each number. */
export interface Measurement {
  name: string;
  path: string;
  bytes: Record<AssetKind, number>;
  files: Record<AssetKind, string[]>;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Every kind of asset of a page that is over its limit, with the numbers and the files that make it up. */
export function overBudget(m: Measurement, limits: Limits): Diagnostic[] {
  return ASSET_KINDS.flatMap((kind) => {
    const size = m.bytes[kind];
    const limit = limits[kind];
    if (size <= limit) return [];
    const over = limit === 0 ? 'any' : `${Math.round((size / limit - 1) * 100)}%`;
    const message = `${m.name} (${m.path}) loads ${size} B of ${kind} gzipped (${kb(size)}), over its budget of ${limit} B by ${over}: ${m.files[kind].join(', ') || '(no files)'}`;
    return [{ level: 'error' as const, code: `budget-${kind}`, message, file: 'budgets.json' }];
  });
}

/** A Markdown table of measured sizes against limits, for the log and the report. */
export function budgetTable(rows: readonly { m: Measurement; limits: Limits | null }[]): string {
  const cell = (m: Measurement, limits: Limits | null, kind: AssetKind) => {
    const limit = limits?.[kind];
    return limit === undefined ? `${m.bytes[kind]} / —` : `${m.bytes[kind]} / ${limit} (${Math.round((m.bytes[kind] / Math.max(limit, 1)) * 100)}%)`;
  };
  const lines = rows.map(({ m, limits }) => `| ${m.name} | ${m.path} | ${ASSET_KINDS.map((k) => cell(m, limits, k)).join(' | ')} |`);
  return ['| page | path | html B gz / limit | css B gz / limit | js B gz / limit |', '| --- | --- | --- | --- | --- |', ...lines].join('\n');
}
