/**
 * `node scripts/check-html.ts dist`: validates every HTML file under the folder with the W3C Nu HTML
 * Checker (vnu-jar, offline, one Java run for all pages) and fails (exit 1), listing every error with
 * its file and line, when a page is invalid. Warnings are counted by message, not listed. The work is
 * runCheckHtml's (scripts/lib/checks/check-html-command.ts).
 */
import { CHECK_HTML_USAGE, runCheckHtml } from './lib/checks/check-html-command.ts';

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error(CHECK_HTML_USAGE);
  process.exit(2);
}
process.exitCode = runCheckHtml({ dir });
