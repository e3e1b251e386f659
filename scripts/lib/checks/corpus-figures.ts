import type { Diagnostic } from '#schemas/diagnostic.ts';
import type { Document, DocumentMeta } from '#schemas/document.ts';
import type { Block, Provision } from '#schemas/structure.ts';
import { claimsByLine } from '../ingest/conserve.ts';
import type { Ingested } from '../ingest/pipeline.ts';
import { articleLines, numberedLines, printsDate } from './numbered-lines.ts';

/** A share: how many of how many. */
export type Count = { found: number; of: number };

/** What `check:corpus` measures on one source text. */
export type FileFigures = {
  file: string;
  errors: number;
  /** Warnings by diagnostic code, codes sorted. */
  warnings: Record<string, number>;
  /** 第X条 lines of the text, and those an article node with the same number starts on. */
  articles: Count;
  /** 一、 and （一） lines of the text, and those a provision with the same number starts on. */
  provisions: Count;
  metadata: { title: boolean; issuer: boolean; date: boolean; docNumber: boolean; validity: boolean; printsDate: boolean };
  /** Department mentions extracted, those whose form the extractor could not read, and the department-unknown warnings. */
  departments: { mentions: number; unknown: number; unknownWarnings: number };
  /** Non-blank characters of the decoded text, of the tree's nodes, and of the text dropped by named rules. */
  characters: { text: number; nodes: number; dropped: number };
};

/** The figures of many files added up. */
export type TotalFigures = {
  files: number;
  errors: number;
  filesWithErrors: number;
  warnings: Record<string, number>;
  articles: Count;
  provisions: Count;
  /** How many documents have each metadata field; `date` also counts only the texts that print a date. */
  metadata: { title: number; issuer: number; date: number; docNumber: number; validity: number; printsDate: number; dateWherePrinted: number };
  departments: FileFigures['departments'];
  characters: FileFigures['characters'];
};

/** Measures one ingested text against what its decoded lines print (`lines` is [] when it could not be decoded). */
export function measureFile(file: string, lines: readonly string[], result: Ingested): FileFigures {
  const doc = result.document;
  const starts = provisionsByStartLine(doc);
  const startingAt = (line: number) => starts.get(line) ?? [];
  const printedArticles = articleLines(lines);
  const printedNumbers = numberedLines(lines);
  const mentions = doc?.extracted.departments ?? [];
  return {
    file,
    errors: result.diagnostics.filter((d) => d.level === 'error').length,
    warnings: warningsByCode(result.diagnostics),
    articles: {
      found: printedArticles.filter((a) => startingAt(a.line).some((p) => isArticle(p, a.num, a.sub))).length,
      of: printedArticles.length,
    },
    provisions: {
      found: printedNumbers.filter((n) => startingAt(n.line).some((p) => p.kind !== 'article' && p.num === n.num)).length,
      of: printedNumbers.length,
    },
    metadata: {
      // The pipeline stands the short title in for a missing one, and says so.
      title: doc !== null && !result.diagnostics.some((d) => d.code === 'meta-missing-title'),
      issuer: doc?.meta.issuer != null,
      date: doc?.meta.date != null,
      docNumber: doc?.meta.docNumber != null,
      validity: doc !== null && hasValidity(doc.meta),
      printsDate: printsDate(lines),
    },
    departments: {
      mentions: mentions.length,
      unknown: mentions.filter((m) => m.resolution === 'unknown').length,
      unknownWarnings: result.diagnostics.filter((d) => d.code === 'department-unknown').length,
    },
    characters: {
      text: countChars(lines),
      nodes: doc === null ? 0 : [...claimsByLine(doc.lines, doc.parts, []).values()].reduce((n, texts) => n + countChars(texts), 0),
      dropped: doc === null ? 0 : countChars(doc.drops.map((d) => d.text)),
    },
  };
}

/** Adds up the figures of many files. */
export function totalFigures(files: readonly FileFigures[]): TotalFigures {
  const add = (a: Count, b: Count): Count => ({ found: a.found + b.found, of: a.of + b.of });
  const warnings: Record<string, number> = {};
  for (const f of files) for (const [code, n] of Object.entries(f.warnings)) warnings[code] = (warnings[code] ?? 0) + n;
  const having = (field: keyof FileFigures['metadata']) => files.filter((f) => f.metadata[field]).length;
  return {
    files: files.length,
    errors: files.reduce((n, f) => n + f.errors, 0),
    filesWithErrors: files.filter((f) => f.errors > 0).length,
    warnings: sortedByKey(warnings),
    articles: files.reduce((n, f) => add(n, f.articles), { found: 0, of: 0 }),
    provisions: files.reduce((n, f) => add(n, f.provisions), { found: 0, of: 0 }),
    metadata: {
      title: having('title'),
      issuer: having('issuer'),
      date: having('date'),
      docNumber: having('docNumber'),
      validity: having('validity'),
      printsDate: having('printsDate'),
      dateWherePrinted: files.filter((f) => f.metadata.printsDate && f.metadata.date).length,
    },
    departments: {
      mentions: files.reduce((n, f) => n + f.departments.mentions, 0),
      unknown: files.reduce((n, f) => n + f.departments.unknown, 0),
      unknownWarnings: files.reduce((n, f) => n + f.departments.unknownWarnings, 0),
    },
    characters: {
      text: files.reduce((n, f) => n + f.characters.text, 0),
      nodes: files.reduce((n, f) => n + f.characters.nodes, 0),
      dropped: files.reduce((n, f) => n + f.characters.dropped, 0),
    },
  };
}

/**
 * The shares issue 11 §7 sets targets for, each a ratio where higher is better (1 when there is
 * nothing to measure): files without an error, 第X条 lines read as the right article, titles found,
 * dates found where the text prints one, department mentions the registry knows.
 */
export function corpusMeasures(t: TotalFigures): Record<string, number> {
  const share = (found: number, of: number) => (of === 0 ? 1 : found / of);
  return {
    'files-without-errors': share(t.files - t.filesWithErrors, t.files),
    'articles-right': share(t.articles.found, t.articles.of),
    'titles-found': share(t.metadata.title, t.files),
    'dates-found-where-printed': share(t.metadata.dateWherePrinted, t.metadata.printsDate),
    'departments-known': share(t.departments.mentions - t.departments.unknown, t.departments.mentions),
  };
}

/** Whether the document states its validity: the 有效性 field, an effective date, an expiry or a validity statement. */
function hasValidity(meta: DocumentMeta): boolean {
  return meta.validity !== null || meta.effective !== null || meta.expires !== null || meta.validityStatements.length > 0;
}

/** An article node carrying the printed number: num and id both say 第{num}条(之{sub}). */
function isArticle(p: Provision, num: number, sub: number | null): boolean {
  const id = new RegExp(`(?:^|-)art-${num}${sub === null ? '' : `-${sub}`}$`);
  return p.kind === 'article' && p.num === num && id.test(p.id);
}

function provisionsByStartLine(doc: Document | null): Map<number, Provision[]> {
  const starts = new Map<number, Provision[]>();
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type !== 'provision') continue;
      starts.set(b.lines.start, [...(starts.get(b.lines.start) ?? []), b]);
      walk(b.children);
    }
  };
  for (const part of doc?.parts ?? []) walk(part.children);
  return starts;
}

function warningsByCode(diagnostics: readonly Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of diagnostics) if (d.level === 'warning') counts[d.code] = (counts[d.code] ?? 0) + 1;
  return sortedByKey(counts);
}

function sortedByKey(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** Characters other than white space, which is layout (as in the conservation check). */
function countChars(texts: readonly string[]): number {
  return texts.reduce((n, t) => n + [...t.replace(/\s+/gu, '')].length, 0);
}
