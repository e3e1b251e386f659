/**
 * `node scripts/check-html.ts dist`: validates every HTML file under the folder with the W3C Nu HTML
 * Checker (vnu-jar, offline, one Java run for all pages) and fails (exit 1), listing every error with
 * its file and line, when a page is invalid. Warnings are counted by message, not listed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatDiagnostic } from '#schemas/diagnostic.ts';
import { vnuDiagnostics, warningSummary } from './lib/checks/html.ts';

const [dir] = process.argv.slice(2);
if (!dir || !fs.existsSync(dir)) {
  console.error('usage: node scripts/check-html.ts FOLDER');
  process.exit(2);
}

const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
const pageCount = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
const run = spawnSync('java', ['-jar', jar, '--format', 'json', '--stdout', '--skip-non-html', dir], {
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
if (run.error) {
  const missing = (run.error as NodeJS.ErrnoException).code === 'ENOENT';
  console.error(missing ? 'java is not installed: the Nu HTML Checker needs a Java 17+ runtime (.ci/run installs default-jre-headless)' : String(run.error));
  process.exit(2);
}

const diagnostics = vnuDiagnostics(run.stdout, pathToFileURL(path.resolve(dir)).href);
const errors = diagnostics.filter((d) => d.level === 'error');
for (const d of errors) console.error(formatDiagnostic({ ...d, file: path.join(dir, d.file) }));
for (const line of warningSummary(diagnostics)) console.log(`  warning: ${line}`);
console.log(`html: ${pageCount} pages checked, ${errors.length} errors, ${diagnostics.length - errors.length} warnings`);
process.exitCode = errors.length > 0 ? 1 : 0;
