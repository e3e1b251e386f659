import { describe, expect, it } from 'vitest';
import { articleDiff, changed } from '../../src/lib/article-diff.ts';
import { articleText } from '#core/article-text.ts';

describe('articleDiff', () => {
  it('shows a rewritten phrase as one deletion and one insertion', () => {
    const pieces = articleDiff('由市民政部门负责组织实施。', '由市民政部门会同有关部门负责组织实施。');
    expect(pieces).toEqual([
      { kind: 'same', text: '由市民政部门' },
      { kind: 'added', text: '会同有关部门' },
      { kind: 'same', text: '负责组织实施。' },
    ]);
    expect(changed(pieces)).toBe(true);
    expect(changed(articleDiff('同一条文。', '同一条文。'))).toBe(false);
  });

  it('folds one or two unchanged characters between changes into them', () => {
    const pieces = articleDiff('甲乙丙丁戊', '子乙丑丁寅');
    expect(pieces.filter((p) => p.kind === 'same')).toEqual([]);
    expect(pieces.map((p) => p.kind)).toEqual(['removed', 'added']);
    // Nothing is lost: the removals spell the old text, the additions the new.
    expect(pieces.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe('甲乙丙丁戊');
    expect(pieces.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe('子乙丑丁寅');
  });
});

describe('articleText', () => {
  it('puts each 款 on its own line with its items', () => {
    const para = (id: string, text: string, children: unknown[] = []) => ({ type: 'provision', id, kind: 'paragraph', level: 5, label: '', num: 1, title: null, text, lines: { start: 1, end: 1 }, citation: 'c', children });
    const item = (id: string, label: string, text: string) => ({ type: 'provision', id, kind: 'item', level: 6, label, num: 1, title: null, text, lines: { start: 1, end: 1 }, citation: 'c', children: [] });
    expect(articleText([para('art-1.1', '第一款。'), para('art-1.2', '下列情形：', [item('art-1.2.1', '（一）', '甲；')])] as never)).toBe('第一款。\n下列情形：\n（一）甲；');
  });
});
