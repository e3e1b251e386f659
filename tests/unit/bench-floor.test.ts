import { describe, expect, it } from 'vitest';
import { floorEntryId, floorPages, floorSiteFiles, pagePath, textVolume, visibleText } from '../../scripts/lib/bench/floor.ts';

const PAGE = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>二、（六）加大创业担保贷款工作力度 &amp; 说明</title>
<style>body{color:red}</style><script type="application/ld+json">{"a":"<b>"}</script></head>
<body><nav><a href="/">首页</a> › <a href="/x/">湘潭稳就业二十四条</a></nav>
<main><h1><span class="label">（六）</span>加大创业担保贷款工作力度。</h1>
<p>对符合条件的&nbsp;个人<br>最高可申请&#x33;0万元</p><script>console.log("x")</script>
<table><tr><th>序号</th><td>1</td></tr></table></main></body></html>`;

describe('visibleText', () => {
  it('keeps the title and the text of each block, without head, scripts or styles', () => {
    expect(visibleText(PAGE)).toEqual({
      title: '二、（六）加大创业担保贷款工作力度 & 说明',
      paragraphs: ['首页 › 湘潭稳就业二十四条', '（六）加大创业担保贷款工作力度。', '对符合条件的 个人', '最高可申请30万元', '序号', '1'],
    });
  });

  it('returns no paragraphs for a page without text', () => {
    expect(visibleText('<html><head><title>t</title></head><body><div> </div></body></html>')).toEqual({ title: 't', paragraphs: [] });
  });
});

describe('pagePath and floorEntryId', () => {
  it('maps built files to page paths', () => {
    expect(pagePath('index.html')).toBe('');
    expect(pagePath('bench-00001/index.html')).toBe('bench-00001');
    expect(pagePath('bench-00001/d1-2.6/index.html')).toBe('bench-00001/d1-2.6');
    expect(pagePath('404.html')).toBe('404');
  });

  it('groups the pages of one document (its folder) into one entry', () => {
    expect(['', 'bench-00001', 'bench-00001/d1-2', 'search', '404'].map(floorEntryId)).toEqual(['_root', 'bench-00001', 'bench-00001', 'search', '404']);
  });
});

describe('textVolume', () => {
  it('counts the characters of titles and paragraphs', () => {
    expect(textVolume([{ path: '', title: '首页', paragraphs: ['一二三', 'ab'] }, { path: 'x', title: '', paragraphs: ['四'] }])).toBe(8);
  });
});

describe('floorPages', () => {
  it('shares each document’s lines out over its pages in order, document page first; other pages get a title only', () => {
    const texts = new Map([['doc-a', { title: '甲', lines: ['一', '', '二', '三', '四', '五'] }]]);
    expect(floorPages(['doc-a/m-2', '', 'doc-a', 'doc-a/m-1', 'search'], texts)).toEqual([
      { path: '', title: '首页', paragraphs: [] },
      { path: 'doc-a', title: '甲', paragraphs: ['一'] },
      { path: 'doc-a/m-1', title: '甲 m-1', paragraphs: ['二', '三'] },
      { path: 'doc-a/m-2', title: '甲 m-2', paragraphs: ['四', '五'] },
      { path: 'search', title: 'search', paragraphs: [] },
    ]);
  });
});

describe('floorSiteFiles', () => {
  it('is a plain static site: config, one JSON collection and one catch-all route', () => {
    const files = floorSiteFiles('https://bench.invalid', 4);
    expect(Object.keys(files).sort()).toEqual(['astro.config.mjs', 'package.json', 'src/content.config.ts', 'src/pages/[...path].astro']);
    expect(files['astro.config.mjs']).toContain(`site: "https://bench.invalid", trailingSlash: 'always', build: { concurrency: 4 }`);
    expect(files['src/content.config.ts']).toContain("glob({ pattern: '*.json', base: './content/pages', retainBody: false })");
    expect(files['src/pages/[...path].astro']).toContain("params: { path: page.path === '' ? undefined : page.path }");
  });
});
