import { BeneficiaryGroups } from '#schemas/beneficiary-groups.ts';
import { BenefitTerms } from '#schemas/benefit-terms.ts';
import type { Diagnostic } from '#schemas/diagnostic.ts';
import type { Document } from '#schemas/document.ts';
import type { Department, Extracted, SourceRef } from '#schemas/entities.ts';
import groupsJson from '../../../../content/beneficiary-groups.json' with { type: 'json' };
import termsJson from '../../../../content/benefit-terms.json' with { type: 'json' };
import { extractBenefits } from './benefits.ts';
import { extractCitations } from './citations.ts';
import { extractDates } from './dates.ts';
import { extractDepartments } from './departments.ts';
import { extractGroups, servedGroups } from './groups.ts';
import { crossCheckProjects, extractProjects } from './projects.ts';
import { extractTargets } from './targets.ts';

// Reviewed rule data, imported rather than read so that the ingest cache's module graph covers it.
const GROUPS = BeneficiaryGroups.parse(groupsJson);
const TERMS = BenefitTerms.parse(termsJson);

/** A document as parsed, before extraction: everything but the extracted facts. */
export type ParsedDocument = Omit<Document, 'extracted'>;

export type Extraction = {
  extracted: Extracted;
  /** Sentences with a number that produced no target and no benefit, for the reviewer. */
  unmatched: SourceRef[];
  diagnostics: Diagnostic[];
};

/** Runs every extractor on one parsed document. */
export function extractAll(doc: ParsedDocument, registry: readonly Department[]): Extraction {
  const input: Document = { ...doc, extracted: { targets: [], departments: [], projects: [], citations: [], dates: [], groups: [], benefits: [] } };
  const departments = extractDepartments(input, registry);
  const named = extractGroups(input, GROUPS, TERMS.sanctions.map((c) => c.word));
  const benefits = extractBenefits({ ...input, extracted: { ...input.extracted, departments: departments.mentions, groups: named } }, TERMS);
  const groups = servedGroups(named, GROUPS, benefits);
  // Targets leave out what the benefits give: a subsidy's amount is not a goal.
  const targets = extractTargets({ ...input, extracted: { ...input.extracted, benefits } });
  const projects = extractProjects(input);
  const citations = extractCitations(input);
  const dates = extractDates(input);
  // A sentence whose figures are a benefit's is read, not left for the reviewer as a target that was missed.
  const read = new Set(benefits.filter((b) => b.amount !== null).map((b) => `${b.clauseId}\u0000${b.sentence}`));
  return {
    extracted: {
      targets: targets.targets,
      departments: departments.mentions,
      projects: projects.projects,
      citations: citations.citations,
      dates: dates.dates,
      groups,
      benefits,
    },
    unmatched: targets.unmatched.filter((u) => !read.has(`${u.clauseId}\u0000${u.sentence}`)),
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
