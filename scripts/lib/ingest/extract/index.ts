import type { Diagnostic } from '#schemas/diagnostic.ts';
import type { Document } from '#schemas/document.ts';
import type { Department, Extracted, SourceRef } from '#schemas/entities.ts';
import { extractCitations } from './citations.ts';
import { extractDates } from './dates.ts';
import { extractDepartments } from './departments.ts';
import { crossCheckProjects, extractProjects } from './projects.ts';
import { extractTargets } from './targets.ts';

/** A document as parsed, before extraction: everything but the extracted facts. */
export type ParsedDocument = Omit<Document, 'extracted'>;

export type Extraction = {
  extracted: Extracted;
  /** Sentences with a number that produced no target, for the reviewer. */
  unmatched: SourceRef[];
  diagnostics: Diagnostic[];
};

/** Runs every extractor on one parsed document. */
export function extractAll(doc: ParsedDocument, registry: readonly Department[]): Extraction {
  const input: Document = { ...doc, extracted: { targets: [], departments: [], projects: [], citations: [], dates: [] } };
  const targets = extractTargets(input);
  const departments = extractDepartments(input, registry);
  const projects = extractProjects(input);
  const citations = extractCitations(input);
  const dates = extractDates(input);
  return {
    extracted: {
      targets: targets.targets,
      departments: departments.mentions,
      projects: projects.projects,
      citations: citations.citations,
      dates: dates.dates,
    },
    unmatched: targets.unmatched,
    diagnostics: [
      ...targets.diagnostics,
      ...departments.diagnostics,
      ...projects.diagnostics,
      ...crossCheckProjects(input, projects.projects),
      ...citations.diagnostics,
      ...dates.diagnostics,
    ],
  };
}
