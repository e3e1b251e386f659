import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evalMeasures, evaluate, formatEval, loadLabels, sourceFileOf } from '../../scripts/lib/eval/evaluate.ts';
import { FACT_KINDS, type FactKind } from '../../scripts/lib/eval/kinds.ts';
import { Label } from '../../scripts/lib/eval/label.ts';
import { comparable, comparableDepartment, comparableDocNumber, comparableNumber, scopeNodeOf, startingWith } from '../../scripts/lib/eval/match.ts';
import { addTallies, precision, recall, tally } from '../../scripts/lib/eval/score.ts';
import { projectIngest } from '../../scripts/lib/ingest/source-files.ts';
import type { Document } from '#schemas/document.ts';
import type { DepartmentMention, Target } from '#schemas/entities.ts';
import { CRAFTED_STATUTE } from '../helpers/crafted-texts.ts';
import { testMention } from '../helpers/document-builder.ts';

/** A 公文 written for these tests. */
const NOTICE = ['某市人民政府关于做好就业工作的通知', '某政发[2019]3号', '各区人民政府：', '一、总体要求。做好就业工作。', '(一)稳定就业。市人力资源社会保障局牵头。', '某市人民政府', '2019年2月1日', ''].join('\n');

const ingest = projectIngest();
const ingestText = (text: string, file: string): Document => {
  const doc = ingest(file, new TextEncoder().encode(text), null).document;
  if (doc === null) throw new Error(`${file} did not ingest`);
  return doc;
};

/** A label for the crafted statute, as a reader would write it. */
const statuteLabel = (over: Partial<Label> = {}): Label =>
  Label.parse({
    source: 'corpus:statute.md',
    family: 'statute',
    metadata: { title: '某市促进就业条例', issuer: '某市人民代表大会常务委员会', date: '2020-01-01', docNumber: null, events: [{ kind: 'adopted', date: '2020-01-01' }] },
    headings: [
      { id: 'ch-1', label: '第一章', title: '总则' },
      { id: 'ch-2', label: '第二章', title: '附则' },
    ],
    provisions: [
      { id: 'art-1', label: '第一条', startsWith: '为了促进就业' },
      { id: 'art-2', label: '第二条', startsWith: '市人民政府统筹' },
    ],
    scope: ['art-2', 'art-3'],
    departments: [
      { node: 'art-2', name: '市人民政府', role: 'mention', group: false },
      { node: 'art-2', name: '市人力资源社会保障部门', role: 'lead', group: false },
      { node: 'art-2', name: '财政部门', role: 'support', group: false },
    ],
    targets: [],
    groups: [{ node: 'art-2', group: '失业人员' }],
    benefits: [],
    ...over,
  });

const kind = (name: string): FactKind => {
  const k = FACT_KINDS.find((x) => x.name === name);
  if (k === undefined) throw new Error(`no kind ${name}`);
  return k;
};
const score = (name: string, doc: Document, label: Label) => tally(kind(name).expected(label), kind(name).found(doc, label));
const mention = (clauseId: string, name: string, role: DepartmentMention['role']) => testMention({ clauseId, name, role });

describe('the matching rules', () => {
  it('compare text with punctuation width and white space folded', () => {
    expect(comparable('（一） 总 则，')).toBe(comparable('(一)总则,'));
    expect(comparable('总则')).not.toBe(comparable('附则'));
  });

  it('compare a 文号 whatever its brackets', () => {
    expect(comparableDocNumber('劳社部发[2008]3号')).toBe(comparableDocNumber('劳社部发〔2008〕3号'));
    expect(comparableDocNumber('苏政办发（2012）91号')).toBe(comparableDocNumber('苏政办发〔2012〕91号'));
  });

  it('let a found text match the prefix a label gives', () => {
    expect(startingWith('为了促进就业，制定本条例。', '为了促进就业')).toBe('为了促进就业');
    expect(startingWith('为了保障就业', '为了促进就业')).toBe('为了保障就业');
    expect(startingWith('总则', '')).toBe('总则');
  });

  it('place a node in the nearest scope node that holds it', () => {
    expect(scopeNodeOf('art-7.2', ['art-7'])).toBe('art-7');
    expect(scopeNodeOf('art-7.2.3', ['art-7', 'art-7.2'])).toBe('art-7.2');
    expect(scopeNodeOf('art-70', ['art-7'])).toBeNull();
    expect(scopeNodeOf('art-10-1', ['art-10'])).toBeNull();
    expect(scopeNodeOf('d1-2.6.b1', ['d1-2.6'])).toBe('d1-2.6');
  });

  it('compare numbers without float noise', () => {
    expect(comparableNumber(0.1 + 0.2)).toBe(comparableNumber(0.3));
    expect(comparableNumber(3.5)).toBe('3.5');
    expect(comparableNumber(null)).toBe('null');
  });
});

describe('precision and recall', () => {
  it('match fact keys one to one, as multisets', () => {
    const t = tally(['a', 'a', 'b'], ['a', 'c', 'c']);
    expect(t).toEqual({ expected: 3, found: 3, matched: 1, missed: ['a', 'b'], extra: ['c', 'c'] });
    expect(precision(t)).toBeCloseTo(1 / 3);
    expect(recall(t)).toBeCloseTo(1 / 3);
  });

  it('count nothing found against nothing expected as right, and nothing found against something as wrong', () => {
    expect([precision(tally([], [])), recall(tally([], []))]).toEqual([1, 1]);
    expect([precision(tally(['a'], [])), recall(tally(['a'], []))]).toEqual([0, 0]);
    expect([precision(tally([], ['a'])), recall(tally([], ['a']))]).toEqual([0, 0]);
  });

  it('add tallies up, naming where each unmatched fact comes from', () => {
    expect(addTallies([{ from: 'x', tally: tally(['a'], ['b']) }, { from: 'y', tally: tally(['c'], ['c']) }])).toEqual({
      expected: 2, found: 2, matched: 1, missed: ['x: a'], extra: ['x: b'],
    });
  });
});

describe('the kinds of fact', () => {
  const doc = ingestText(CRAFTED_STATUTE, 'crafted/statute.md');

  it('score metadata fields, a missing value being neither found nor right', () => {
    expect(score('title', doc, statuteLabel())).toMatchObject({ matched: 1, expected: 1, found: 1 });
    const issuer = score('issuer', { ...doc, meta: { ...doc.meta, issuer: null } }, statuteLabel());
    expect(issuer).toMatchObject({ expected: 1, found: 0, matched: 0 });
    const docNumber = score('doc-number', { ...doc, meta: { ...doc.meta, docNumber: '某政发（2019）3号' } }, statuteLabel());
    expect(docNumber).toMatchObject({ expected: 0, found: 1, matched: 0 });
  });

  it('score history events by kind and date', () => {
    const noHistory = { ...doc, meta: { ...doc.meta, history: [] } };
    expect(score('events', noHistory, statuteLabel())).toMatchObject({ expected: 1, found: 0, matched: 0 });
    expect(score('events', doc, statuteLabel())).toMatchObject({ expected: 1, found: 1, matched: 1 });
  });

  it('score every chapter by id and title, white space in the printed title aside', () => {
    expect(score('headings', doc, statuteLabel())).toMatchObject({ expected: 2, found: 2, matched: 2 });
  });

  it('score the labelled provisions by id, label and the start of their first 款', () => {
    expect(score('provisions', doc, statuteLabel())).toMatchObject({ expected: 2, found: 2, matched: 2 });
    const wrong = statuteLabel({ provisions: [{ id: 'art-2', label: '第二条', startsWith: '县人民政府统筹' }, { id: 'art-9', label: '第九条', startsWith: '没有这一条' }] });
    expect(score('provisions', doc, wrong)).toMatchObject({ expected: 2, found: 1, matched: 0 });
  });

  it('score departments inside the scope nodes only, descendants counting for their scope node', () => {
    const extracted = {
      ...doc.extracted,
      departments: [
        mention('art-2.1', '市人民政府', 'mentioned'),
        mention('art-2.2', '市人力资源社会保障部门', 'lead'),
        mention('art-2.2', '财政部门', 'mentioned'),
        mention('art-2.2', '财政部门', 'support'),
        mention('art-1.1', '市人民政府', 'mentioned'),
      ],
    };
    const d = { ...doc, extracted };
    expect(score('departments', d, statuteLabel())).toMatchObject({ expected: 3, found: 3, matched: 3 });
    // Roles: leads and supports, each name with the strongest role it has in the node.
    expect(score('roles', d, statuteLabel())).toMatchObject({ expected: 2, found: 2, matched: 2 });
  });

  it('score targets by scope node and value, as a multiset', () => {
    const target = (clauseId: string, value: number): Target => ({
      id: `d/${clauseId}/t1`, documentId: 'd', clauseId, line: 1, sentence: 's', indicator: 'i', value, max: null, unit: '万人',
      comparator: null, from: null, deadline: null, scope: null, achieved: null, status: null, attribute: null,
    });
    const label = statuteLabel({ targets: [{ node: 'art-2', quote: '新增就业3.5万人', value: 3.5, unit: '万人' }, { node: 'art-2', quote: '3.5万人', value: 3.5, unit: '万人' }] });
    const d = { ...doc, extracted: { ...doc.extracted, targets: [target('art-2.2', 3.5), target('art-1.1', 2)] } };
    expect(score('targets', d, label)).toMatchObject({ expected: 2, found: 1, matched: 1 });
  });

  it('score groups by their canonical name and benefits by kind and amount', () => {
    const group = { documentId: doc.id, clauseId: 'art-2.2', line: 3, sentence: '', groupId: 'unemployed', name: '失业人员' };
    const d: Document = { ...doc, extracted: { ...doc.extracted, groups: [group], benefits: [] } };
    expect(score('groups', d, statuteLabel())).toMatchObject({ expected: 1, found: 1, matched: 1 });
    expect(score('benefits', d, statuteLabel())).toMatchObject({ expected: 0, found: 0 });
  });

  it('take a 公文’s headings from its 一、 and its clauses’ text after the dropped full stop of their title', () => {
    const notice = ingestText(NOTICE, 'crafted/notice.txt');
    const label = Label.parse({
      source: 'corpus:notice.txt',
      family: 'gongwen',
      metadata: { title: '某市人民政府关于做好就业工作的通知', issuer: '某市人民政府', date: '2019-02-01', docNumber: '某政发〔2019〕3号', events: [] },
      headings: [{ id: 'm-1', label: '一、', title: '总体要求' }],
      provisions: [{ id: 'm-1.1', label: '（一）', startsWith: '稳定就业。市人力资源' }],
      scope: ['m-1.1'],
      departments: [],
      targets: [],
      groups: [],
      benefits: [],
    });
    expect(score('headings', notice, label)).toMatchObject({ expected: 1, found: 1, matched: 1 });
    expect(score('provisions', notice, label)).toMatchObject({ expected: 1, found: 1, matched: 1 });
    expect(score('doc-number', notice, label)).toMatchObject({ matched: 1 });
  });
});

describe('the label format', () => {
  it('rejects a group phrase with a role, a fact outside the scope, a long quote and a name listed twice', () => {
    const label = statuteLabel();
    const issues = (over: Partial<Label>) => Label.safeParse({ ...label, ...over }).error?.issues.map((i) => i.message) ?? [];
    expect(issues({ departments: [{ node: 'art-2', name: '有关部门', role: 'lead', group: true }] })).toEqual(['a group phrase is a mention (SPEC: group phrases are mentions)']);
    expect(issues({ groups: [{ node: 'art-1', group: '失业人员' }] })).toEqual(['art-1 is not a scope node']);
    expect(issues({ provisions: [{ id: 'art-1', label: '第一条', startsWith: '为'.repeat(31) }] })).toHaveLength(1);
    const twice = { node: 'art-2', name: '财政部门', role: 'support' as const, group: false };
    expect(issues({ departments: [twice, { ...twice, role: 'mention' }] })).toEqual(['财政部门 is listed twice in art-2: one entry, with its strongest role']);
  });

  it('holds the development set the issue asks for: the five seeds and at least 15 corpus texts of both families', () => {
    const labels = loadLabels('tests/fixtures/labels');
    const seeds = labels.filter(({ label }) => label.source.startsWith('seed:'));
    expect(seeds.map(({ label }) => sourceFileOf(label)).sort()).toEqual(
      fs.readdirSync('content/sources').filter((f) => f.endsWith('.txt')).map((f) => `content/sources/${f}`).sort(),
    );
    expect(labels.length - seeds.length).toBeGreaterThanOrEqual(15);
    expect(new Set(labels.map(({ label }) => label.family))).toEqual(new Set(['statute', 'gongwen']));
  });
});

describe('comparableDepartment', () => {
  it('names a member of a list sharing one head, and a name with a relative qualifier, as the office they are', () => {
    expect(comparableDepartment('发展改革部门')).toBe(comparableDepartment('发展改革'));
    expect(comparableDepartment('县级以上人民政府建设主管部门')).toBe(comparableDepartment('县级以上人民政府建设'));
    expect(comparableDepartment('当地人民法院')).toBe(comparableDepartment('人民法院'));
    expect(comparableDepartment('市人民政府')).not.toBe(comparableDepartment('市人民政府办公室'));
  });
});

describe('evaluate', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-'));
    fs.writeFileSync(path.join(dir, 'statute.md'), CRAFTED_STATUTE);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('ingests each labelled text from the corpus folder and scores it kind by kind', () => {
    const report = evaluate([{ slug: 'statute', label: statuteLabel() }], ingest, dir);
    expect(report.texts.map((t) => [t.slug, t.file, t.errors])).toEqual([['statute', path.join(dir, 'statute.md'), []]]);
    expect(report.kinds.map((k) => k.name)).toEqual(FACT_KINDS.map((k) => k.name));
    const measures = evalMeasures(report);
    expect(measures).toMatchObject({ 'title.precision': 1, 'title.recall': 1 });
    expect(Object.values(measures).every((m) => m >= 0 && m <= 1)).toBe(true);
    const printed = formatEval(report, { misses: true });
    expect(printed).toMatch(/^title +1 +1 +1 +1\.000 +1\.000 +the title$/m);
  });

  it('names a label file that does not validate', () => {
    fs.mkdirSync(path.join(dir, 'labels'));
    fs.writeFileSync(path.join(dir, 'labels', 'bad.json'), JSON.stringify({ ...statuteLabel(), family: 'law' }));
    expect(() => loadLabels(path.join(dir, 'labels'))).toThrow(/bad\.json: family/);
  });
});
