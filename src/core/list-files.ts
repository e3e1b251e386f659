import fs from 'node:fs';
import path from 'node:path';

/** Whether a path lies in one of the `keep` folders (given relative to the root, ending in `/`). */
export function isKept(file: string, keep: readonly string[]): boolean {
  return keep.some((folder) => file.startsWith(folder));
}

/**
 * Every file under `root` as a path relative to it with `/` separators, sorted; the folders in `skip`
 * (relative, ending in `/`) are not entered. None when `root` does not exist.
 */
export function listFiles(root: string, skip: readonly string[] = []): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!isKept(`${child}/`, skip)) walk(child);
      } else if (!isKept(child, skip)) {
        files.push(child);
      }
    }
  };
  if (fs.existsSync(root)) walk('');
  return files.sort();
}
