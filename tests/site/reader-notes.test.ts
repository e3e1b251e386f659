import { describe, expect, it } from 'vitest';
import { readDist } from '../helpers/dist.ts';

/** The spots a page flags as unreadable: kind, words and the explanation beside them. */
function flagged(html: string): [string, string, string][] {
  return [...html.matchAll(/<span class="unreadable [^"]*" data-unreadable="(\w+)"><span class="unreadable-text">([^<]*)<\/span><small class="unreadable-why"[^>]*>([^<]*)<\/small><\/span>/g)].map((m) => [m[1] ?? '', m[2] ?? '', m[3] ?? '']);
}

describe('what could not be read is flagged where the reader meets it', () => {
  it('marks the four garbled spots of the Xiangtan text inline, with a few words why', () => {
    const spots = flagged(readDist('xiangtan-2019-stabilise-employment/index.html'));
    expect(spots.map(([kind, text]) => [kind, text])).toEqual([
      ['lost', '?卦氯司I'],
      ['lost', '?刈畹凸べY'],
      ['lost', '?厝肆Y'],
      ['lost', '?厝肆Y'],
    ]);
    expect(spots[0]?.[2]).toBe('〔此处原文乱码，无法辨认〕');
  });

  it('marks a garbled spot on the clause page too', () => {
    expect(flagged(readDist('xiangtan-2019-stabilise-employment/d1-3.7/index.html')).map(([, text]) => text)).toEqual(['?卦氯司I']);
  });

  it('marks the words Xuhui masked with asterisks', () => {
    const spots = flagged(readDist('xuhui-2016-employment-plan/index.html'));
    expect(spots.map(([kind, text]) => [kind, text])).toEqual([
      ['masked', '****'],
      ['masked', '**'],
      ['masked', '**'],
      ['masked', '*****'],
    ]);
    expect(spots[0]?.[2]).toBe('〔原文以星号隐去了文字〕');
  });

  it('says at the top of the Xuhui document that three headings were lost and the grouping is guessed, linking each group', () => {
    const html = readDist('xuhui-2016-employment-plan/index.html');
    const note = /<aside class="note reading-notes"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? '';
    expect(note).toContain('原文有3处编号重新从头开始');
    expect([...note.matchAll(/<li data-note="(\w+)"/g)].map((m) => m[1])).toEqual(['restored', 'masked']);
    expect([...note.matchAll(/href="#(m-2\.u\d)"/g)].map((m) => m[1])).toEqual(['m-2.u2', 'm-2.u3', 'm-2.u4']);
    // The note comes before the text, and each guessed group carries its own note in the text.
    expect(html.indexOf('reading-notes')).toBeLessThan(html.indexOf('class="doc-body"'));
    expect(html.match(/class="note restored-note"/g)).toHaveLength(3);
  });

  it('notes the guess on a clause inside a restored group, and not on a clause placed as printed', () => {
    expect(readDist('xuhui-2016-employment-plan/m-2.u2.1/index.html')).toContain('class="note restored-note"');
    expect(readDist('xuhui-2016-employment-plan/m-2.1.1/index.html')).not.toContain('restored-note');
  });

  it('leaves a text that was read whole without notes', () => {
    const html = readDist('yibin-yfbh-2014-282/index.html');
    expect(html).not.toContain('reading-notes');
    expect(flagged(html)).toEqual([]);
  });
});

describe('notices are for readers', () => {
  it('keeps the repeated-text notice off the home page', () => {
    const html = readDist('index.html');
    expect(html).not.toContain('第29—44行');
    expect(html).not.toContain('duplicates-heading');
  });

  it('tells the reader of a repeated text which part of which document it repeats, without line numbers', () => {
    const html = readDist('jiangsu-szbf-2012-91-excerpt/index.html');
    const note = /<p class="note" role="note">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
    expect(note).toContain('的转载，文字相同，请以该文件为准。');
    expect(note).toContain('<a href="/jiangsu-szbf-2012-91/d1-4/">苏政办发〔2012〕91号 2012年两大体系工作计划 四、</a>到<a href="/jiangsu-szbf-2012-91/d2-3.4/">');
    expect(note).not.toMatch(/第\d+—\d+行/);
  });
});
