/** Text escaped for XML element content and double-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A sitemaps.org sitemap of absolute URLs, in the order given. */
export function sitemapXml(urls: readonly string[]): string {
  const entries = urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...entries, '</urlset>', ''].join('\n');
}

export interface FeedEntry {
  /** Absolute URL of the entry's page; also its permanent Atom id. */
  url: string;
  title: string;
  /** ISO date (2019-02-01). */
  date: string;
  author: string;
  summary: string;
}

export interface Feed {
  title: string;
  /** Absolute URL of the site's home page. */
  siteUrl: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
  /** Used when an entry has no author of its own. */
  author: string;
  /** Newest first. */
  entries: readonly FeedEntry[];
}

/** Dates are days; Atom wants an instant, so a document counts from midnight in China (UTC+8). */
function atomInstant(date: string): string {
  return `${date}T00:00:00+08:00`;
}

/** An Atom 1.0 feed; `updated` is the newest entry's date, so rebuilding alone never changes the feed. */
export function atomFeed(feed: Feed): string {
  const newest = feed.entries[0]?.date ?? '1970-01-01';
  const entries = feed.entries.map((e) =>
    [
      '  <entry>',
      `    <id>${escapeXml(e.url)}</id>`,
      `    <title>${escapeXml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>`,
      `    <updated>${atomInstant(e.date)}</updated>`,
      `    <author><name>${escapeXml(e.author)}</name></author>`,
      `    <summary>${escapeXml(e.summary)}</summary>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${escapeXml(feed.feedUrl)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.siteUrl)}"/>`,
    `  <updated>${atomInstant(newest)}</updated>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
