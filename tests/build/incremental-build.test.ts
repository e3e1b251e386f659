import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageLine } from '../../scripts/lib/bench/astro-log.ts';
import { servedPath } from '../../scripts/lib/checks/links.ts';
import { listFiles } from '#core/list-files.ts';
import { fileDigests, outputDifferences } from '../../scripts/lib/checks/output-diff.ts';
import { copyProject } from '../../scripts/lib/bench/project-copy.ts';
import { serialise } from '../../scripts/lib/ingest/write.ts';
import { UNFINISHED } from '../../src/integrations/incremental-output.ts';
import { Document } from '#schemas/document.ts';
import { renamedDocument } from '../helpers/generated.ts';
import { astroBuild } from '../helpers/project-build.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

/**
 * The incremental build (pages kept by src/lib/page-reuse.ts under the keys of src/lib/page-keys.ts, and
 * the output kept and pruned by src/integrations/incremental-output.ts) must write what a full build of
 * the same data writes, byte for byte. The real site is built in a copy, its data changed the ways
 * that reach pages of other documents, built again, and compared with a full build in a fresh copy.
 */
const ROOT = process.cwd();
const NOT_COPIED = new Set(['dist', '.astro', '.git', 'bench', 'tests', 'content/sources']);
const DOCUMENTS = 'content/generated/documents';
const timeout = 10 * 60_000;

function readDocument(site: string, id: string): Document {
  return Document.parse(JSON.parse(fs.readFileSync(path.join(site, DOCUMENTS, `${id}.json`), 'utf8')));
}

function writeDocument(site: string, document: Document): void {
  fs.writeFileSync(path.join(site, DOCUMENTS, `${document.id}.json`), serialise(document));
}

/** Builds `site` again: the pages it rendered (Astro logs each) and the pages it kept from the last build (HTML files it did not write). */
function rebuild(site: string): { rendered: string[]; kept: string[] } {
  const startedMs = Date.now();
  const rendered = astroBuild(site).flatMap((line) => {
    const page = pageLine(line);
    return page === null ? [] : [`/${page.segments.map((s) => `${s}/`).join('')}`];
  });
  const dist = path.join(site, 'dist');
  const kept = listFiles(dist, ['pagefind/'])
    .filter((f) => f.endsWith('index.html') && fs.statSync(path.join(dist, f)).mtimeMs < startedMs)
    .map((file) => servedPath(file));
  return { rendered, kept };
}

describe('the incremental build', () => {
  let work = '';
  let site = '';
  let rebuilt: { rendered: string[]; kept: string[] } = { rendered: [], kept: [] };
  // The output of a full build of the changed data, in a fresh copy.
  let full = new Map<string, string>();
  const stalePage = 'removed-document';
  const output = () => fileDigests(path.join(site, 'dist'), ['pagefind/']);

  beforeAll(() => {
    work = tempDir('atlas-incremental-');
    site = path.join(work, 'site');
    copyProject(ROOT, site, NOT_COPIED, path.join(ROOT, 'node_modules'));
    // A document that the next build no longer has.
    writeDocument(site, renamedDocument(readDocument(site, 'yibin-yfbh-2014-282'), stalePage));
    astroBuild(site);

    fs.rmSync(path.join(site, DOCUMENTS, `${stalePage}.json`));
    // The document a repeated text links to is renamed: the repeat's pages show its title.
    const canonical = readDocument(site, 'jiangsu-szbf-2012-91');
    writeDocument(site, { ...canonical, meta: { ...canonical.meta, title: `${canonical.meta.title}（修订）` } });
    // Xuhui's mention of the Employment Promotion Law is the one Yibin's citation of it shows.
    const xuhui = readDocument(site, 'xuhui-2016-employment-plan');
    const citations = xuhui.extracted.citations.map((m) => (m.title === '就业促进法' ? { ...m, title: '中华人民共和国就业促进法' } : m));
    writeDocument(site, { ...xuhui, extracted: { ...xuhui.extracted, citations } });
    // What a later step writes, and a stylesheet of earlier code.
    const dist = path.join(site, 'dist');
    fs.mkdirSync(path.join(dist, 'pagefind'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'pagefind/pagefind.js'), '');
    const oldStyles = path.join(dist, '_astro/Base.0ld.css');
    fs.writeFileSync(oldStyles, '');
    fs.utimesSync(oldStyles, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    rebuilt = rebuild(site);

    const fresh = path.join(work, 'fresh');
    copyProject(site, fresh, new Set(['dist', '.astro']), path.join(ROOT, 'node_modules'));
    astroBuild(fresh);
    full = fileDigests(path.join(fresh, 'dist'), []);
  }, timeout);

  it('writes the same files, byte for byte, as a full build of the same data', () => {
    expect(outputDifferences(full, output())).toEqual({ missing: [], extra: [], differ: [] });
  });

  it('keeps the pages whose data did not change and renders those whose data did, in other documents too', () => {
    const renderedOf = (id: string) => rebuilt.rendered.filter((p) => p.startsWith(`/${id}/`)).sort();
    expect(renderedOf('xiangtan-2019-stabilise-employment')).toEqual([]);
    // Yibin's own data did not change: only the pages showing its citation of the law.
    expect(renderedOf('yibin-yfbh-2014-282')).toEqual(['/yibin-yfbh-2014-282/', '/yibin-yfbh-2014-282/m-p2/', '/yibin-yfbh-2014-282/m/']);
    expect(renderedOf('jiangsu-szbf-2012-91-excerpt')).toContain('/jiangsu-szbf-2012-91-excerpt/');
    expect(rebuilt.kept).toContain('/yibin-yfbh-2014-282/m-1/');
  });

  it('removes the pages of a removed document and stale assets, and leaves the search index alone', () => {
    const dist = path.join(site, 'dist');
    expect(fs.existsSync(path.join(dist, stalePage))).toBe(false);
    expect(fs.existsSync(path.join(dist, '_astro/Base.0ld.css'))).toBe(false);
    expect(fs.existsSync(path.join(dist, 'pagefind/pagefind.js'))).toBe(true);
  });

  it(
    'renders every page again after a build that did not finish',
    () => {
      fs.writeFileSync(path.join(site, 'node_modules/.astro', UNFINISHED), '');
      const again = rebuild(site);
      expect(again.kept).toEqual([]);
      expect(outputDifferences(full, output())).toEqual({ missing: [], extra: [], differ: [] });
    },
    timeout,
  );
});
