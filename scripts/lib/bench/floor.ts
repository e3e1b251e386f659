/**
 * The bare-Astro floor of the build benchmark: a site with the same pages as ours carrying the same
 * corpus text once, rendered by the plainest template from a JSON collection and indexed by Pagefind,
 * so that the ratio of our build time to its time is what our data, components, layouts and the text
 * our pages repeat cost on top of publishing the corpus with Astro at all.
 */
import { Parser } from 'htmlparser2';

/** One page of the floor site. */
export type FloorPage = {
  /** The page's path under the site root without `index.html`: `bench-00001/d1-2`, or `` for the home page. */
  path: string;
  title: string;
  paragraphs: string[];
};

// Elements whose end starts a new paragraph of visible text.
const BLOCKS: ReadonlySet<string> = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'tr', 'td', 'th', 'dd', 'dt', 'section', 'article', 'header', 'footer', 'nav', 'blockquote', 'figcaption', 'caption', 'pre', 'main', 'aside', 'br']);
// Elements whose content is not visible text.
const NOT_TEXT: ReadonlySet<string> = new Set(['head', 'script', 'style', 'template', 'noscript']);

/** The title and the visible text of an HTML page, one paragraph per block element; scripts, styles and the head are not text. */
export function visibleText(html: string): { title: string; paragraphs: string[] } {
  let title = '';
  let body = '';
  let hidden = 0;
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (NOT_TEXT.has(name)) hidden += 1;
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (hidden === 0) body += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (NOT_TEXT.has(name)) hidden -= 1;
        else if (hidden === 0 && BLOCKS.has(name)) body += '\n';
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  const paragraphs = body
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
  return { title: title.trim(), paragraphs };
}

/** `bench-00001/d1-2/index.html` → `bench-00001/d1-2`; `index.html` → ``; `404.html` → `404`. */
export function pagePath(htmlFile: string): string {
  return htmlFile.replace(/(?:^|\/)index\.html$/, '').replace(/\.html$/, '');
}

/** The collection entry a page belongs to: its top-level folder (a document and its nodes), `_root` for the home page. */
export function floorEntryId(path: string): string {
  return path === '' ? '_root' : (path.split('/')[0] ?? path);
}

/** The number of characters of visible text in the pages (titles included). */
export function textVolume(pages: readonly FloorPage[]): number {
  return pages.reduce((n, p) => n + p.title.length + p.paragraphs.reduce((m, q) => m + q.length, 0), 0);
}

/** A document's title and its text lines, as the floor shares them out. */
export type CorpusText = { title: string; lines: readonly string[] };

/**
 * The floor's pages: one for each of our pages (given by path). The pages of a document's folder share
 * out its non-empty lines in order, in equal runs, the document page first; every other page (home,
 * lists) has only a title. So the floor carries the corpus text exactly once, over as many pages.
 */
export function floorPages(paths: readonly string[], texts: ReadonlyMap<string, CorpusText>): FloorPage[] {
  const groups = new Map<string, string[]>();
  for (const p of [...paths].sort()) {
    const id = floorEntryId(p);
    groups.set(id, groups.get(id) ?? []);
    groups.get(id)?.push(p);
  }
  return [...groups].flatMap(([id, group]) => {
    const text = texts.get(id);
    if (!text) return group.map((path) => ({ path, title: path === '' ? '首页' : path, paragraphs: [] }));
    const lines = text.lines.map((l) => l.trim()).filter((l) => l !== '');
    const ordered = [...group.filter((p) => p === id), ...group.filter((p) => p !== id)];
    return ordered.map((path, i) => ({
      path,
      title: path === id ? text.title : `${text.title} ${path.slice(id.length + 1)}`,
      paragraphs: lines.slice(Math.floor((i * lines.length) / ordered.length), Math.floor(((i + 1) * lines.length) / ordered.length)),
    }));
  });
}

/**
 * The source files of the floor site (besides its content/pages/*.json): config, collection and one
 * catch-all route. `concurrency` is the project's `build.concurrency`: how many pages Astro renders at
 * once is a setting of Astro's, not a cost of our pages, so the floor gets the same.
 */
export function floorSiteFiles(site: string, concurrency: number): Record<string, string> {
  return {
    'package.json': `${JSON.stringify({ name: 'bench-floor', private: true, type: 'module' }, null, 2)}\n`,
    'astro.config.mjs': `import { defineConfig } from 'astro/config';\n\nexport default defineConfig({ site: ${JSON.stringify(site)}, trailingSlash: 'always', build: { concurrency: ${concurrency} } });\n`,
    'src/content.config.ts': [
      "import { defineCollection } from 'astro:content';",
      "import { glob } from 'astro/loaders';",
      "import { z } from 'astro/zod';",
      '',
      'const pages = defineCollection({',
      "  loader: glob({ pattern: '*.json', base: './content/pages', retainBody: false }),",
      '  schema: z.object({ pages: z.array(z.object({ path: z.string(), title: z.string(), paragraphs: z.array(z.string()) })) }),',
      '});',
      '',
      'export const collections = { pages };',
      '',
    ].join('\n'),
    'src/pages/[...path].astro': [
      '---',
      "import { getCollection } from 'astro:content';",
      '',
      'export async function getStaticPaths() {',
      "  const entries = await getCollection('pages');",
      "  return entries.flatMap((e) => e.data.pages.map((page) => ({ params: { path: page.path === '' ? undefined : page.path }, props: { page } })));",
      '}',
      'const { page } = Astro.props;',
      '---',
      '<html lang="zh-CN">',
      '  <head><meta charset="utf-8" /><title>{page.title}</title></head>',
      '  <body>',
      '    <main>',
      '      <h1>{page.title}</h1>',
      '      {page.paragraphs.map((p) => <p>{p}</p>)}',
      '    </main>',
      '  </body>',
      '</html>',
      '',
    ].join('\n'),
  };
}
