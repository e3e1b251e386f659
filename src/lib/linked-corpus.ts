import registryJson from '../../content/departments.json';
import { aggregate, type Corpus } from '#core/corpus-records.ts';
import { loadRegistry } from '#core/department-registry.ts';
import type { Department } from '#schemas/entities.ts';
import { allViews } from './documents.ts';
import { routes } from './site-routes.ts';

let corpus: Promise<Corpus> | undefined;

/** The reviewed department registry, validated. */
export const registry: readonly Department[] = loadRegistry(registryJson);

/** The linked corpus (documents, clauses, targets, departments, projects, citations), built once per build. */
export function getCorpus(): Promise<Corpus> {
  corpus ??= allViews().then((views) => aggregate(views.map((v) => v.document), registry, new URL(import.meta.env.SITE), routes));
  return corpus;
}
