/**
 * What `node scripts/check-html.ts dist` does: validates every HTML file under the folder with the
 * W3C Nu HTML Checker (vnu-jar, offline, one Java run for all pages) and lists every error with its
 * file and line. Warnings are counted by message, not listed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatDiagnostic } from '#schemas/diagnostic.ts';
import { consoleOutput, type CliOutput } from '../cli-output.ts';
import { vnuDiagnostics, warningSummary } from './html.ts';

export const CHECK_HTML_USAGE = 'usage: node scripts/check-html.ts FOLDER';

/** Validates the pages; the exit code is 1 on any error, 2 when the folder or Java is missing. */
export function runCheckHtml({ dir }: { dir: string }, output: CliOutput = consoleOutput): number {
  if (!fs.existsSync(dir)) {
    output.error(CHECK_HTML_USAGE);
    return 2;
  }
  const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
  const pageCount = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
  const vnu = spawnSync('java', ['-jar', jar, '--format', 'json', '--stdout', '--skip-non-html', dir], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (vnu.error) {
    const missing = (vnu.error as NodeJS.ErrnoException).code === 'ENOENT';
    output.error(missing ? 'java is not installed: the Nu HTML Checker needs a Java 17+ runtime (.ci/run installs default-jre-headless)' : String(vnu.error));
    return 2;
  }

  const diagnostics = vnuDiagnostics(vnu.stdout, pathToFileURL(path.resolve(dir)).href);
  const errors = diagnostics.filter((d) => d.level === 'error');
  for (const d of errors) output.error(formatDiagnostic({ ...d, file: path.join(dir, d.file) }));
  for (const line of warningSummary(diagnostics)) output.log(`  warning: ${line}`);
  output.log(`html: ${pageCount} pages checked, ${errors.length} errors, ${diagnostics.length - errors.length} warnings`);
  return errors.length > 0 ? 1 : 0;
}
