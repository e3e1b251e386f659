import type { Diagnostic } from '#schemas/diagnostic.ts';

/**
 * Reading the JSON report of the W3C Nu HTML Checker (`vnu.jar --format json`), whose messages are
 * `error` (the page is invalid; subType `fatal` when parsing stopped), `info` (subType `warning`, or
 * plain information) and `non-document-error` (the checker could not read or check a file).
 */

interface VnuMessage {
  type?: unknown;
  subType?: unknown;
  url?: unknown;
  firstLine?: unknown;
  lastLine?: unknown;
  message?: unknown;
  extract?: unknown;
}

const EXTRACT_LIMIT = 80;

/** A file URL as a path: vnu writes `file:/dir/…`, Node `file:///dir/…`; either may be percent-encoded. */
function pathOfFileUrl(url: string): string {
  const path = url.replace(/^file:(?:\/\/(?=\/))?/, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The file a message is about, relative to the checked folder (`root` is that folder's file: URL). */
function fileOf(url: unknown, root: string): string {
  if (typeof url !== 'string') return '(no file)';
  const file = pathOfFileUrl(url);
  const folder = pathOfFileUrl(root).replace(/\/?$/, '/');
  return file.startsWith(folder) ? file.slice(folder.length) : file;
}

/** Built pages are often one long line: the text around the problem says where it is. */
function near(extract: unknown): string {
  if (typeof extract !== 'string' || extract.trim() === '') return '';
  const flat = extract.replace(/\s+/g, ' ').trim();
  return ` — near “${flat.length > EXTRACT_LIMIT ? `${flat.slice(0, EXTRACT_LIMIT)}…` : flat}”`;
}

function lineOf(m: VnuMessage): number | undefined {
  const line = typeof m.firstLine === 'number' ? m.firstLine : m.lastLine;
  return typeof line === 'number' && Number.isInteger(line) && line > 0 ? line : undefined;
}

/** Level and code of a message, or null for plain information, which is not a finding. */
function classify(m: VnuMessage): Pick<Diagnostic, 'level' | 'code'> | null {
  if (m.type === 'error') return { level: 'error', code: m.subType === 'fatal' ? 'html-fatal' : 'html-invalid' };
  if (m.type === 'non-document-error') return { level: 'error', code: 'html-not-checked' };
  if (m.type === 'info' && m.subType === 'warning') return { level: 'warning', code: 'html-warning' };
  return null;
}

/** Errors and warnings of a Nu checker JSON report as diagnostics, files relative to `root` (the checked folder's file: URL). */
export function vnuDiagnostics(reportJson: string, root: string): Diagnostic[] {
  let report: unknown;
  try {
    report = JSON.parse(reportJson);
  } catch {
    const start = reportJson.trim().slice(0, 200);
    return [{ level: 'error', code: 'html-not-checked', message: `the validator printed no JSON report: ${start === '' ? '(nothing)' : start}`, file: '(validator)' }];
  }
  const messages = (report as { messages?: unknown }).messages;
  if (!Array.isArray(messages)) {
    return [{ level: 'error', code: 'html-not-checked', message: 'the validator report has no "messages" list', file: '(validator)' }];
  }
  const diagnostics: Diagnostic[] = [];
  for (const m of messages as VnuMessage[]) {
    const kind = classify(m);
    if (kind === null) continue;
    const text = typeof m.message === 'string' && m.message !== '' ? m.message : '(no message)';
    const line = lineOf(m);
    diagnostics.push({ ...kind, message: `${text}${near(m.extract)}`, file: fileOf(m.url, root), ...(line === undefined ? {} : { line }) });
  }
  return diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

/** Warnings counted by message, with quoted names blanked so that one rule is one line: `277 × Resource violates …`. */
export function warningSummary(diagnostics: readonly Diagnostic[]): string[] {
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    if (d.level !== 'warning') continue;
    const rule = d.message.replace(/ — near “[\s\S]*$/, '').replace(/“[^”]*”/g, '“…”');
    counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([rule, n]) => `${n} × ${rule}`);
}
