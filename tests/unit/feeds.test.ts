import { describe, expect, it } from 'vitest';
import { atomFeed, escapeXml, sitemapXml } from '../../src/lib/feeds.ts';

describe('escapeXml', () => {
  it('escapes the five XML specials and leaves Chinese text alone', () => {
    expect(escapeXml(`<a href="x">&'湘潭'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;湘潭&apos;&lt;/a&gt;');
  });
});

describe('sitemapXml', () => {
  it('lists each URL once, in order, escaped', () => {
    expect(sitemapXml(['https://s.org/', 'https://s.org/a/?x=1&y=2'])).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <url><loc>https://s.org/</loc></url>',
        '  <url><loc>https://s.org/a/?x=1&amp;y=2</loc></url>',
        '</urlset>',
        '',
      ].join('\n'),
    );
  });
});

describe('atomFeed', () => {
  const feed = atomFeed({
    title: '新文件',
    siteUrl: 'https://s.org/',
    feedUrl: 'https://s.org/feed.xml',
    author: '站点',
    entries: [
      { url: 'https://s.org/b/', title: '关于<印发>的通知', date: '2019-02-01', author: '湘潭市人民政府', summary: 'x & y' },
      { url: 'https://s.org/a/', title: '旧', date: '2012-05-14', author: '江苏省', summary: '' },
    ],
  });

  it('dates the feed by its newest entry, in China time, so that a rebuild alone changes nothing', () => {
    expect(feed).toContain('<updated>2019-02-01T00:00:00+08:00</updated>\n  <author><name>站点</name></author>');
    expect(feed.match(/<entry>/g)).toHaveLength(2);
    expect(feed.indexOf('https://s.org/b/')).toBeLessThan(feed.indexOf('https://s.org/a/'));
  });

  it('escapes titles and summaries', () => {
    expect(feed).toContain('<title>关于&lt;印发&gt;的通知</title>');
    expect(feed).toContain('<summary>x &amp; y</summary>');
  });
});
