import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { hashField } from '#core/digest.ts';
import { listFiles } from '#core/list-files.ts';

/**
 * What shapes a page besides the data its key covers: the site's code and styles (src/, whose
 * shared layer src/core the ingest uses too; the site imports nothing from scripts/), its public files, the tables in content/ (departments, topics …), the
 * configuration (its file, and the settings as resolved, which `astro build --site …` can change),
 * the locked packages and the Node version. Deliberately coarse: an edit to any of them renders every
 * page again, which is rare next to data changes and never wrong.
 */
const CODE_FOLDERS = ['src', 'public'];
const CODE_FILES = ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** The site's code files, relative to `root`, sorted. */
export function siteCodeFiles(root: string): string[] {
  const tables = fs.existsSync(path.join(root, 'content'))
    ? fs.readdirSync(path.join(root, 'content')).filter((name) => name.endsWith('.json')).map((name) => `content/${name}`)
    : [];
  return [...CODE_FOLDERS.flatMap((folder) => listFiles(path.join(root, folder)).map((file) => `${folder}/${file}`)), ...tables, ...CODE_FILES.filter((f) => fs.existsSync(path.join(root, f)))].sort();
}

/** A digest of every code file (by path and content), the resolved settings that shape pages, and the Node version. */
export function siteCodeVersion(root: string, settings: string, runtime: string = process.version): string {
  const hash = createHash('sha256');
  hashField(hash, 'runtime', runtime);
  hashField(hash, 'settings', settings);
  for (const file of siteCodeFiles(root)) hashField(hash, file, fs.readFileSync(path.join(root, file)));
  return hash.digest('hex');
}
