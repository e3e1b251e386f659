import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BESIDE_VARIABLE, searchIndexBeside } from '../../src/integrations/search-index-beside.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

/** A project whose search-index script writes its arguments to a file and exits with `code`. */
function project(code: number): string {
  const root = tempDir('atlas-beside-');
  fs.mkdirSync(path.join(root, 'scripts'));
  fs.writeFileSync(
    path.join(root, 'scripts', 'search-index.ts'),
    `import fs from 'node:fs';\nfs.writeFileSync('ran.txt', process.argv.slice(2).join(' '));\nconsole.log('prepared 3 bundles');\nprocess.exit(${code});\n`,
  );
  return root;
}

/** Runs the integration's hooks as `astro build` does, with a logger that keeps what it is told. */
async function build(root: string): Promise<{ info: string[]; warn: string[] }> {
  const said = { info: [] as string[], warn: [] as string[] };
  const logger = { info: (m: string) => said.info.push(m), warn: (m: string) => said.warn.push(m) };
  const hooks = searchIndexBeside().hooks as Record<string, (options: object) => unknown>;
  await hooks['astro:config:done']?.({ config: { root: pathToFileURL(`${root}/`) } });
  await hooks['astro:build:start']?.({ logger });
  await hooks['astro:build:done']?.({ logger });
  return said;
}

afterEach(() => {
  delete process.env[BESIDE_VARIABLE];
});

describe('searchIndexBeside', () => {
  it('prepares the search bundles, one at a time, while the build runs, and waits for them before it ends', async () => {
    const root = project(0);
    const said = await build(root);
    expect(fs.readFileSync(path.join(root, 'ran.txt'), 'utf8')).toBe('--prepare --jobs 1');
    expect(said.info.at(-1)).toMatch(/^prepared 3 bundles \(\d+\.\d s beside the build\)$/);
    expect(said.warn).toEqual([]);
  });

  it('warns, without failing the build, when the preparation fails: the index step builds what is missing', async () => {
    const said = await build(project(2));
    expect(said.warn).toHaveLength(1);
    expect(said.warn[0]).toContain('failed (exit 2)');
    expect(said.warn[0]).toContain('prepared 3 bundles');
  });

  it(`does nothing with ${BESIDE_VARIABLE}=0 or without the script`, async () => {
    process.env[BESIDE_VARIABLE] = '0';
    const root = project(0);
    expect(await build(root)).toEqual({ info: [], warn: [] });
    expect(fs.existsSync(path.join(root, 'ran.txt'))).toBe(false);
    delete process.env[BESIDE_VARIABLE];
    expect(await build(tempDir('atlas-beside-empty-'))).toEqual({ info: [], warn: [] });
  });
});
