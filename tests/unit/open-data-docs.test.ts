import { describe, expect, it } from 'vitest';
import { DATASETS, datasetJsonLd, fieldDocs } from '../../src/lib/open-data-docs.ts';
import { OPEN_DATA, type OpenDataName } from '#schemas/open-data.ts';

const names = Object.keys(OPEN_DATA) as OpenDataName[];

describe('fieldDocs: the fields of each download, from its JSON Schema', () => {
  it('describes every field of every download', () => {
    const undescribed = names.flatMap((name) => fieldDocs(OPEN_DATA[name]).filter((f) => f.description === null).map((f) => `${name}.${f.name}`));
    expect(undescribed).toEqual([]);
  });

  it('lists the target fields with their types, nullability and descriptions', () => {
    const fields = new Map(fieldDocs(OPEN_DATA.targets).map((f) => [f.name, f]));
    expect([...fields.keys()]).toEqual([
      'id', 'documentId', 'clauseId', 'line', 'sentence', 'indicator', 'value', 'max', 'unit', 'comparator', 'from', 'deadline', 'recurrence',
      'stage', 'scope', 'scopeRegion', 'alsoAt', 'alsoAt[].documentId', 'alsoAt[].clauseId', 'alsoAt[].line', 'alsoAt[].sentence',
      'achieved', 'achieved.value', 'achieved.unit', 'achieved.text', 'status', 'attribute', 'url',
    ]);
    expect(fields.get('value')).toEqual({ name: 'value', type: '数字', nullable: true, description: '目标数值；文件只写“不低于市政府下达指标数”一类文字时为 null' });
    expect(fields.get('comparator')?.type).toBe('取值之一：≥ ≤ = ≈');
    expect(fields.get('line')?.type).toBe('整数');
    expect(fields.get('url')?.type).toBe('网址');
    expect(fields.get('achieved')?.type).toBe('对象');
  });

  it('flattens arrays of objects with []', () => {
    const fields = fieldDocs(OPEN_DATA.clauses).map((f) => `${f.name}: ${f.type}`);
    expect(fields).toContain('departments: 数组（对象）');
    expect(fields).toContain('departments[].role: 取值之一：lead support mentioned');
  });
});

describe('datasetJsonLd', () => {
  it('describes a download as a schema.org Dataset with one DataDownload per file', () => {
    const ld = datasetJsonLd('projects', 'https://example.org/data/', [
      { file: 'projects.json', format: 'json', url: 'https://example.org/data/projects.json' },
      { file: 'projects.csv', format: 'csv', url: 'https://example.org/data/projects.csv' },
    ], fieldDocs(OPEN_DATA.projects));
    expect(ld).toMatchObject({
      '@type': 'Dataset',
      '@id': 'https://example.org/data/#projects',
      name: '政策图谱：试点和示范项目（projects）',
      description: DATASETS.projects.description,
      distribution: [
        { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: 'https://example.org/data/projects.json', name: 'projects.json' },
        { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: 'https://example.org/data/projects.csv', name: 'projects.csv' },
      ],
    });
    expect(ld['variableMeasured']).toContain('regionsText');
  });
});
