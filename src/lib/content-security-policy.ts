/**
 * The Content Security Policy every page carries in a `<meta>` (src/layouts/Base.astro): the site's
 * own files only. No page has an inline script or style element (scripts are files of their own:
 * `assetsInlineLimit: 0` in astro.config.mjs; JSON-LD is data, which the policy does not govern), so
 * the policy needs no hashes, and is the same on every page. Astro's `security.csp` would hash each
 * page's script and style elements anew on every one of 56,000 pages (4 % of a build) to list the
 * same hashes everywhere. tests/site/pages.test.ts checks that no page needs more. Built pages only:
 * the dev server injects styles inline.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // 'wasm-unsafe-eval': Pagefind compiles its WebAssembly search engine in the browser.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  // Pagefind fetches its index files and runs a worker from a blob: URL.
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');
