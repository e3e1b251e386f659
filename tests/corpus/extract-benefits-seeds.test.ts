/**
 * Benefits read from a committed seed. The rules themselves are unit tests on crafted clauses
 * (tests/unit/extract-benefits.test.ts).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBenefits } from '../../scripts/lib/ingest/extract/benefits.ts';
import { Document } from '#schemas/document.ts';
import type { BenefitFigure } from '#schemas/entities.ts';
import { BenefitRecord } from '#schemas/open-data.ts';
import { TERMS } from '../helpers/crafted-document.ts';

const figure = (f: BenefitFigure | null) => (f === null ? null : [f.value, f.max, f.unit, f.per, f.comparator]);

describe('extractBenefits on the Xiangtan measures', () => {
  const doc = Document.parse(JSON.parse(fs.readFileSync('content/generated/documents/xiangtan-2019-stabilise-employment.json', 'utf8')));
  const benefits = extractBenefits(doc, TERMS);

  it('reads the start-up subsidies of 四、（十一） with their caps, limits, groups and lead department', () => {
    const rows = benefits.filter((b) => b.clauseId === 'd1-4.11' && b.amount !== null);
    expect(rows.map((b) => [b.name, figure(b.amount), b.duration?.text ?? null, b.limits.map((l) => l.text)])).toEqual([
      ['创业经营场所租金补贴', [800, null, '元', '月', '≤'], '24个月', []],
      ['一次性开办费补贴', [3000, 20000, '元', null, null], null, []],
      ['商标注册补贴', [500, null, '元', '个', null], null, ['3个']],
    ]);
    expect(rows[0]?.groups).toEqual(['small-micro-enterprises', 'individual-businesses']);
    expect(rows[0]?.department).toEqual({ departmentId: 'xiangtan-hrss', name: '市人力资源和社会保障局', role: 'lead' });
  });

  it('gives records that the open-data schema accepts once they have their page', () => {
    for (const b of benefits) BenefitRecord.parse({ ...b, url: `https://example.org/${b.documentId}/${b.clauseId}/` });
    expect(benefits.length).toBeGreaterThan(0);
  });
});
