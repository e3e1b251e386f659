import fs from 'node:fs';
import path from 'node:path';

export const DIST = 'dist';

/** A built file; the site tests read the build that `npm test` makes before running them. */
export function readDist(file: string): string {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: build the site first (npm run build), or run npm test, which does`);
  return fs.readFileSync(full, 'utf8');
}

/** The parsed JSON-LD blocks of a page. */
export function jsonLdOf(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? '') as unknown);
}

/** The content of the first <meta property|name=…> with that key. */
export function metaContent(html: string, key: string): string | undefined {
  return new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
}
