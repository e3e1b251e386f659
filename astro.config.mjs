// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { incrementalOutput } from './src/integrations/incremental-output.ts';
import { searchIndexBeside } from './src/integrations/search-index-beside.ts';

/**
 * The site's address comes from the environment: SITE_URL (https://atlas.example.gov.cn, or with a
 * path, https://example.gov.cn/atlas/, which then is the base), and BASE_PATH for a base of its own.
 * Without SITE_URL the build makes no absolute URL at all: links and canonical links are paths from
 * the site's root, and the sitemap and the feed, which need absolute URLs, are left out.
 */
const siteUrl = process.env.SITE_URL ? new URL(process.env.SITE_URL) : undefined;

export default defineConfig({
  ...(siteUrl === undefined ? {} : { site: siteUrl.origin }),
  base: process.env.BASE_PATH || siteUrl?.pathname || '/',
  trailingSlash: 'always',
  // The search index (scripts/search-index.ts) writes dist/pagefind/ after the build, from bundles it
  // builds beside the build (searchIndexBeside).
  integrations: [mdx(), incrementalOutput({ keep: ['pagefind/'] }), searchIndexBeside()],
  vite: {
    build: {
      // Pages kept from the last build (src/lib/page-reuse.ts) stay where they are; incrementalOutput removes what a build no longer produces.
      emptyOutDir: false,
      // Scripts stay files of their own rather than being inlined into each page: fetched and cached
      // once, and the Content Security Policy (src/lib/content-security-policy.ts) needs no hashes.
      assetsInlineLimit: 0,
    },
  },
  markdown: {
    // Shiki colours code with inline styles, which the Content Security Policy (src/lib/content-security-policy.ts) forbids; Prism uses classes.
    syntaxHighlight: 'prism',
  },
  build: {
    // One stylesheet file for every page, cached once, instead of the same CSS inlined into each of hundreds of pages.
    inlineStylesheets: 'never',
    // Pages rendered at once. One at a time, the build waits on each page's file writes about half of
    // the time; four overlap them: 5,378 pages built in 21–23 s instead of 32–40 s on two cores
    // (measured by hand); eight or sixteen gained nothing more.
    concurrency: 4,
  },
});
