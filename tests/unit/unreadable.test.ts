import { describe, expect, it } from 'vitest';
import { unreadableSpots } from '../../scripts/lib/ingest/unreadable-spots.ts';
import { unreadablePieces } from '#core/unreadable-pieces.ts';
import { indexDocument } from '#core/document-index.ts';
import { readingNotes, restoredGroupOf } from '#core/reading-notes.ts';
import { documentOfClauses, testDocument } from '../helpers/document-builder.ts';

describe('unreadableSpots', () => {
  it('takes a lost character with the garbled run after it, up to its last stray Latin letter or kana', () => {
    expect(unreadableSpots(['按6个月的当?卦氯司I保险金和参保', '按当?刈畹凸べY标准给予'])).toEqual([
      { kind: 'lost', line: 1, start: 6, text: '?卦氯司I' },
      { kind: 'lost', line: 2, start: 2, text: '?刈畹凸べY' },
    ]);
  });

  it('takes a lost character alone when nothing garbled follows it, and stops at punctuation', () => {
    expect(unreadableSpots(['参加当?地培训', '当\ufffd，A'])).toEqual([
      { kind: 'lost', line: 1, start: 3, text: '?' },
      { kind: 'lost', line: 2, start: 1, text: '\ufffd' },
    ]);
  });

  it('takes runs of two or more asterisks as masked words, not a single footnote star or a question mark in Latin text', () => {
    expect(unreadableSpots(['打造大****平台，重复**率', '注*：见 what? 说明'])).toEqual([
      { kind: 'masked', line: 1, start: 3, text: '****' },
      { kind: 'masked', line: 1, start: 12, text: '**' },
    ]);
  });
});

describe('unreadablePieces', () => {
  const lines = ['（七）实施行动。按当?卦氯司I保险金和*****确定'];
  const spots = unreadableSpots(lines);

  it('places the spots of a text that follows its label on the line by their offset in the line', () => {
    expect(unreadablePieces('按当?卦氯司I保险金和*****确定', 1, lines, spots)).toEqual([
      { text: '按当', unreadable: null },
      { text: '?卦氯司I', unreadable: 'lost' },
      { text: '保险金和', unreadable: null },
      { text: '*****', unreadable: 'masked' },
      { text: '确定', unreadable: null },
    ]);
  });

  it('leaves a text whole when its line has no spot or the spot lies outside it', () => {
    expect(unreadablePieces('（七）实施行动。', 1, lines, spots)).toEqual([{ text: '（七）实施行动。', unreadable: null }]);
    expect(unreadablePieces('按当?卦氯司I', 2, lines, spots)).toEqual([{ text: '按当?卦氯司I', unreadable: null }]);
  });

  it('finds a spot by its words when the text is not found whole in the line', () => {
    expect(unreadablePieces('当?卦氯司I', 1, ['其他'], [{ kind: 'lost', line: 1, start: 0, text: '?卦氯司I' }])).toEqual([
      { text: '当', unreadable: null },
      { text: '?卦氯司I', unreadable: 'lost' },
    ]);
  });
});

describe('readingNotes', () => {
  it('names the clause that holds each unreadable spot', () => {
    const doc = { ...documentOfClauses(['甲乙丙', '按当?卦氯司I保险金']), unreadable: [{ kind: 'lost' as const, line: 2, start: 2, text: '?卦氯司I' }] };
    const notes = readingNotes(indexDocument(doc));
    expect(notes.restored).toEqual([]);
    expect(notes.unreadable.map((u) => u.entry?.id)).toEqual(['m-2']);
  });

  it('lists the groups whose heading was lost and finds the group of a clause inside one', () => {
    const item = (id: string, num: number, line: number) => ({ type: 'provision', id, kind: 'numbered', level: 3, label: `${num}、`, num, title: null, text: '内容', lines: { start: line, end: line }, citation: `测试 ${num}、`, children: [] });
    const group = (id: string, line: number, restored: boolean, children: unknown[]) => ({ type: 'provision', id, kind: 'implicit', level: 2, label: '', num: null, title: null, text: '', lines: { start: line, end: line + 1 }, citation: '测试', ...(restored ? { restored: 'lost-heading' } : {}), children });
    const doc = testDocument({ lines: ['1、内容', '2、内容', '1、内容', '2、内容'], blocks: [group('m-u1', 1, false, [item('m-u1.1', 1, 1), item('m-u1.2', 2, 2)]), group('m-u2', 3, true, [item('m-u2.1', 1, 3), item('m-u2.2', 2, 4)])] as never });
    const index = indexDocument(doc);
    expect(readingNotes(index).restored.map((e) => e.id)).toEqual(['m-u2']);
    const groupOf = (id: string) => restoredGroupOf(index, index.byId.get(id) ?? (undefined as never))?.id ?? null;
    expect([groupOf('m-u1.2'), groupOf('m-u2.1'), groupOf('m-u2')]).toEqual([null, 'm-u2', 'm-u2']);
  });
});
