import fs from 'node:fs';
import path from 'node:path';

// Caches Astro and Vite keep under node_modules: each copy gets its own.
const OWN_CACHES = new Set(['.astro', '.vite', '.cache']);

/**
 * node_modules in `to` as a folder of links to the packages in `modules`, so that Astro's and Vite's
 * caches are written in the copy and builds there never share them. Links already there are kept, so
 * a kept copy gains the packages added since it was made.
 */
export function linkNodeModules(modules: string, to: string): void {
  const dir = path.join(to, 'node_modules');
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of fs.readdirSync(modules)) {
    const link = path.join(dir, entry);
    if (!OWN_CACHES.has(entry) && !fs.existsSync(link)) fs.symlinkSync(path.join(modules, entry), link);
  }
}

/**
 * A copy of the project in `from` to build in isolation: its files except the paths in `exclude`
 * (relative to `from`, with `/`) and node_modules, which is linked package by package from `modules`.
 */
export function copyProject(from: string, to: string, exclude: ReadonlySet<string>, modules: string): void {
  fs.cpSync(from, to, {
    recursive: true,
    filter: (src) => {
      const relative = path.relative(from, src).split(path.sep).join('/');
      return relative !== 'node_modules' && !exclude.has(relative);
    },
  });
  linkNodeModules(modules, to);
}
