import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../../scripts/lib/bench/project-copy.ts';
import { auditFindings, A11yExclusionsFile } from '../../scripts/lib/checks/a11y.ts';
import { formatDiagnostic } from '#schemas/diagnostic.ts';
import { Document } from '#schemas/document.ts';
import type { Block } from '#schemas/structure.ts';
import { axeViolations, VIEWS } from '../helpers/axe.ts';
import { launchChromium } from '../../scripts/lib/bench/browser.ts';
import { astroBuild, runInCopy } from '../helpers/project-build.ts';
import { typeQuery } from '../../scripts/lib/bench/search-page.ts';
import { landingId } from '../../scripts/lib/bench/search-quality.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/bench/static-server.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

/**
 * The atlas at real size, npm test's one extra build: the seeds and the 115 laws of the shared corpus
 * (ATLAS_SOURCES=../shared/corpus/laws, read in place), built in a copy of the project under a base
 * path (/atlas/) and without SITE_URL, so that it also shows that every URL keeps the base (all come
 * from src/core/routes.ts) and that a build without the site's address makes no absolute URL. It is
 * then indexed, link-checked, validated (Nu) and audited (axe) on law, article and version pages,
 * and served and searched in Chromium.
 *
 * The corpus's absence fails the file unless SKIP_SHARED_CORPUS=1 asks, visibly, to skip it.
 */
const ROOT = process.cwd();
const LAWS = path.resolve('../shared/corpus/laws');
const BASE = '/atlas/';
const NOT_COPIED = new Set(['dist', '.astro', '.git', 'bench', 'tests', 'build']);
const timeout = 20 * 60_000;
const loan = 'xiangtan-2019-stabilise-employment/d1-2.6';
const law = 'she-hui-bao-xian-fa-2018-12-29';
const shanghai2018 = 'shang-hai-shi-she-hui-jiu-zhu-tiao-li-2018-11-22';
const shanghai2024 = 'shang-hai-shi-she-hui-jiu-zhu-tiao-li-2024-12-31';
const present = fs.existsSync(LAWS) || process.env['SKIP_SHARED_CORPUS'] !== '1';
if (!present) console.warn(`SKIPPED: ${LAWS} is absent and SKIP_SHARED_CORPUS=1: the real-size site was not built or checked`);

describe.runIf(present)('the atlas of the seeds and the shared law corpus, under a base path, without SITE_URL', () => {
  const tempDir = useTempDirs(timeout);
  let site = '';
  let dist = '';
  let ingestLog = '';
  let linkReport = '';
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');

  beforeAll(async () => {
    if (!fs.existsSync(LAWS)) throw new Error(`${LAWS} is absent: set SKIP_SHARED_CORPUS=1 to skip the corpus tests explicitly`);
    const work = tempDir('atlas-real-');
    site = path.join(work, 'site');
    dist = path.join(site, 'dist');
    copyProject(ROOT, site, NOT_COPIED, path.join(ROOT, 'node_modules'));
    process.env['ATLAS_SOURCES'] = LAWS;
    delete process.env['SITE_URL'];
    ingestLog = runInCopy(site, 'scripts/ingest.ts', ['--quiet', '--cache', path.join(work, 'ingest-cache')]);
    astroBuild(site, ['--base', BASE]);
    runInCopy(site, 'scripts/search-index.ts', ['dist', '--cache', path.join(work, 'search-cache')]);
    linkReport = runInCopy(site, 'scripts/check-links.ts', ['dist', '--base', BASE]);
    server = await serveStatic(dist, BASE);
    browser = await launchChromium();
  }, timeout);

  afterAll(async () => {
    delete process.env['ATLAS_SOURCES'];
    await browser?.close();
    await server?.close();
  });

  it('ingests the 5 seeds and the 115 laws with zero errors', () => {
    expect(ingestLog).toMatch(/^120 sources, 120 documents ingested, 0 errors, \d+ warnings/m);
  });

  it('gives every article of every law a page, and no 款 or 项 one', () => {
    const laws = fs.readdirSync(path.join(site, 'build/documents')).map((f) => Document.parse(JSON.parse(fs.readFileSync(path.join(site, 'build/documents', f), 'utf8'))));
    expect(laws).toHaveLength(115);
    const missing: string[] = [];
    let articles = 0;
    const walk = (id: string, blocks: readonly Block[]) => {
      for (const b of blocks) {
        if (b.type !== 'provision') continue;
        if (b.kind === 'article') {
          articles += 1;
          if (!fs.existsSync(path.join(dist, id, b.id, 'index.html'))) missing.push(`${id}/${b.id}`);
          for (const c of b.children) if (fs.existsSync(path.join(dist, id, c.id))) missing.push(`${id}/${c.id} has a page`);
        }
        walk(id, b.children);
      }
    };
    for (const d of laws) for (const p of d.parts) walk(d.id, p.children);
    expect(articles).toBeGreaterThan(4000);
    expect(missing).toEqual([]);
  });

  it('links only to pages, files and anchors that exist under the base', () => {
    expect(linkReport).toMatch(/^links: \d+ links in \d+ pages checked, 0 problems$/m);
  });

  it(
    'passes the Nu HTML checker on every page',
    () => {
      const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check-html.ts'), dist], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(run.stderr.trim()).toBe('');
      expect(run.stdout).toMatch(/html: \d+ pages checked, 0 errors/);
    },
    timeout,
  );

  it('links a Jiangsu clause that cites 社会保险法 to the law, and lists it on the law’s page by region', () => {
    expect(read('jiangsu-szbf-2012-91/d1-1/index.html')).toContain(`href="${BASE}${law}/"`);
    const page = read(`${law}/index.html`);
    const citedBy = /<section class="cited-by"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    expect(citedBy).toContain('<h3>江苏省</h3>');
    expect(citedBy).toContain(`href="${BASE}jiangsu-szbf-2012-91/d1-1/"`);
  });

  it('links a citation that names an article to the article, whose page lists the citing clause', () => {
    // 劳动合同法实施条例 cites 劳动合同法 article by article (第八十二条 …).
    const citations = JSON.parse(read('data/citations.json')) as { title: string | null; targets: { citedBy: string; documentId: string; nodeId: string | null }[] }[];
    const toArticles = citations.flatMap((c) => c.targets).filter((t) => t.documentId === 'lao-dong-he-tong-fa-2012-12-28' && t.nodeId !== null);
    expect(toArticles.length).toBeGreaterThan(5);
    const first = toArticles[0];
    if (first?.nodeId == null) throw new Error('no article citation');
    const article = first.nodeId.split('.')[0] ?? '';
    expect(read(`lao-dong-he-tong-fa-2012-12-28/${article}/index.html`)).toContain('引用本条的条款');
  });

  it('makes the 2018 and 2024 上海市社会救助条例 one work, the older marked as amended, with article diffs', () => {
    const workPage = read('works/shang-hai-shi-she-hui-jiu-zhu-tiao-li/index.html');
    expect(workPage).toContain(`href="${BASE}${shanghai2024}/"`);
    expect(workPage).toContain(`href="${BASE}${shanghai2018}/"`);
    const old = read(`${shanghai2018}/index.html`);
    expect(old).toContain('本版本已被修改');
    expect(old).toContain('<span class="validity-status">已修改</span>');
    const diff = read(`${shanghai2024}/art-9/index.html`);
    expect(diff).toContain('本条在其他版本中');
    expect(diff).toMatch(/<p class="diff">[\s\S]*<del>[^<]+<\/del>[\s\S]*<ins>[^<]+<\/ins>/);
    expect(diff).toContain(`href="${BASE}${shanghai2018}/art-9/"`);
  });

  it('shows a status badge on every document and article page, and a measure’s ended window', () => {
    for (const page of [`${law}/index.html`, `${law}/art-50/index.html`, 'xiangtan-2019-stabilise-employment/d1-3.7/index.html']) expect(read(page), page).toMatch(/<span class="validity-status">(?:现行有效|已失效|已修改|尚未施行|未注明)<\/span>/);
    expect(read('xiangtan-2019-stabilise-employment/d1-3.7/index.html')).toMatch(/实施期限：2019年1月1日至12月31日<strong>（已于<time datetime="2019-12-31">2019年12月31日<\/time>结束）<\/strong>/);
  });

  it('names the collection, path and commit as the source, never an internal path', () => {
    const page = read(`${law}/index.html`);
    expect(page).toContain('LawRefBook/Laws：');
    expect(page).toMatch(/href="https:\/\/github\.com\/LawRefBook\/Laws\/blob\/[0-9a-f]{40}\//);
    expect(page).not.toContain('shared/corpus');
  });

  it('publishes open data with status, versions, sources and articles, its URLs paths under the base', () => {
    const documents = JSON.parse(read('data/documents.json')) as { id: string; url: string; status: string; versions: { documentId: string }[]; source: { url: string } | null }[];
    expect(documents).toHaveLength(120);
    for (const d of documents) expect(d.url).toMatch(/^\/atlas\/[^/]+\/$/);
    expect(documents.find((d) => d.id === shanghai2018)?.versions.map((v) => v.documentId)).toEqual([shanghai2018, shanghai2024]);
    expect(documents.find((d) => d.id === shanghai2018)?.status).toBe('已修改');
    expect(documents.find((d) => d.id === law)?.source?.url).toMatch(/^https:\/\/github\.com\/LawRefBook\/Laws\//);
    const clauses = JSON.parse(read('data/clauses.json')) as { id: string; kind: string; text: string }[];
    expect(clauses.find((c) => c.id === `${law}/art-50`)).toMatchObject({ kind: 'article', text: expect.stringContaining('\n') });
    for (const csv of ['documents.csv', 'clauses.csv', 'benefits.csv']) expect(read(`data/${csv}`).startsWith('\uFEFF"id"')).toBe(true);
    const benefits = JSON.parse(read('data/benefits.json')) as { url: string }[];
    expect(benefits.length).toBeGreaterThan(1000);
    // A paragraph's or item's benefit lands beside it on its holder's page: #m-2.1.1.b4/b1.
    for (const b of benefits) expect(b.url).toMatch(/^\/atlas\/[^/]+\/(?:[^/]+\/)?(?:#[^/]+(?:\/b\d+)?)?$/);
  });

  it('makes no absolute URL and no sitemap or feed without SITE_URL', () => {
    expect(fs.existsSync(path.join(dist, 'sitemap.xml'))).toBe(false);
    expect(fs.existsSync(path.join(dist, 'feed.xml'))).toBe(false);
    const page = read(`${law}/art-50/index.html`);
    expect(page).toContain(`<link rel="canonical" href="${BASE}${law}/art-50/">`);
    expect(page).not.toMatch(/example\.org|og:url/);
    expect(read('robots.txt')).not.toContain('Sitemap:');
  });

  const { exclusions } = A11yExclusionsFile.parse(JSON.parse(fs.readFileSync('tests/quality/a11y-exclusions.json', 'utf8')));
  const audited = { law: `${law}/`, article: `${law}/art-50/`, 'old version': `${shanghai2018}/`, 'version diff': `${shanghai2024}/art-9/`, work: 'works/shang-hai-shi-she-hui-jiu-zhu-tiao-li/', group: 'for/disabled-people/' };
  for (const [type, page] of Object.entries(audited)) {
    for (const view of VIEWS.filter((v) => v.colorScheme === 'light')) {
      it(
        `has no WCAG 2.1 AA violation (axe) on the ${type} page — ${view.name}`,
        async () => {
          if (server === undefined || browser === undefined) throw new Error('the site is not served');
          const violations = await axeViolations(browser, `${server.origin}${BASE}${page}`, view);
          const findings = auditFindings(violations, { file: `dist/${page}index.html`, type, view: view.name }, exclusions);
          expect(findings.diagnostics.map(formatDiagnostic)).toEqual([]);
        },
        timeout,
      );
    }
  }

  it(
    'searches from under the base and lands on the clause page there',
    async () => {
      if (server === undefined || browser === undefined) throw new Error('the site is not served');
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.origin}${BASE}search/`);
      const shown = await typeQuery(page, '创业担保贷款');
      expect(shown.urls.length).toBeGreaterThan(0);
      for (const url of shown.urls) expect(new URL(url, server.origin).pathname.startsWith(BASE)).toBe(true);
      expect(shown.urls.map((url) => landingId(url).slice(BASE.length - 1))).toContain(loan);
      await page.locator('.search-result-title a').first().click();
      await page.waitForURL(`**${BASE}${loan}/`);
      expect(await page.locator('cite').first().innerText()).toBe('湘潭稳就业二十四条 二、（六）');
      expect(errors).toEqual([]);
      await context.close();
    },
    timeout,
  );
});
