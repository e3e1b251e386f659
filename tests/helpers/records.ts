/**
 * Small open-data records made for one test (targets, projects), validated by the real schemas:
 * what the site's tables and charts read, without the live corpus.
 */
import { ProjectRecord, TargetRecord } from '#schemas/open-data.ts';

/** A target of document `doc`, clause `m-1`, with `fields` laid over a plain ≥ target of 100 人 and no result. */
export function testTarget(fields: Partial<TargetRecord> & Pick<TargetRecord, 'id' | 'indicator'>): TargetRecord {
  return TargetRecord.parse({
    documentId: 'doc',
    clauseId: 'm-1',
    line: 1,
    sentence: `${fields.indicator}达到100人。`,
    value: 100,
    max: null,
    unit: '人',
    comparator: '≥',
    from: null,
    deadline: null,
    recurrence: null,
    stage: 'goal',
    scope: null,
    scopeRegion: null,
    alsoAt: [],
    achieved: null,
    status: null,
    attribute: null,
    url: '/doc/m-1/',
    ...fields,
  });
}

/** A project of document `doc` (a 就业 试点 due in 2013), with `fields` laid over it. */
export function testProject(fields: Partial<ProjectRecord> & Pick<ProjectRecord, 'number'>): ProjectRecord {
  const kind = fields.kind ?? '试点';
  const documentId = fields.documentId ?? 'doc';
  return ProjectRecord.parse({
    id: `${documentId}/${kind === '试点' ? 'pilot' : 'demo'}-${fields.number}`,
    documentId,
    rowId: `a1-t1.r${fields.number}`,
    line: fields.number,
    kind,
    category: '就业',
    name: `项目${fields.number}`,
    goal: '',
    requirements: '',
    regions: [],
    regionsText: '',
    deadline: 2013,
    url: `/${documentId}/a1-t1/#a1-t1.r${fields.number}`,
    ...fields,
  });
}
