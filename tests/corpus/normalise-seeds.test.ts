/**
 * Normalisation of the committed seed sources. The rules themselves are unit tests on crafted text
 * (tests/unit/normalise.test.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { foldPunctuationWidth } from '#core/chinese/punctuation-width.ts';
import { expectIdempotent, run } from '../helpers/normalise-run.ts';

const SOURCES = 'content/sources/';
const seeds = readdirSync(SOURCES).filter((f) => f.endsWith('.txt')).sort();
const read = (file: string) => readFileSync(SOURCES + file, 'utf8');
const PINYIN_ANNOTATION = /[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/u;

describe('normalise on the seed corpus', () => {
  it('turns the traditional Jiangsu text into the simplified excerpt, character for character', () => {
    const full = run(read('jiangsu-szbf-2012-91.txt'));
    const excerpt = run(read('jiangsu-szbf-2012-91-excerpt.txt'));
    expect(excerpt.lines).toHaveLength(16);
    expect(full.lines.slice(28, 44)).toEqual(excerpt.lines);
    expect(full.counts).toEqual({ 'ascii-punctuation': 453, t2s: 3863 });
    expect(excerpt.counts).toEqual({ 'ascii-punctuation': 110 });
  });

  it('detects the script of each seed', () => {
    const scripts = Object.fromEntries(seeds.map((f) => [f, run(read(f)).script]));
    expect(scripts).toEqual({
      'jiangsu-szbf-2012-91-excerpt.txt': 'simplified',
      'jiangsu-szbf-2012-91.txt': 'traditional',
      'xiangtan-2019-stabilise-employment.txt': 'traditional',
      'xuhui-2016-employment-plan.txt': 'simplified',
      'yibin-yfbh-2014-282.txt': 'simplified',
    });
  });

  it('leaves no pinyin annotation in any seed', () => {
    for (const f of seeds) {
      const survivors = run(read(f)).lines.filter((l) => PINYIN_ANNOTATION.test(l));
      expect(survivors, f).toEqual([]);
    }
  });

  it('counts the Xiangtan clean-up exactly', () => {
    const n = run(read('xiangtan-2019-stabilise-employment.txt'));
    expect(n.counts).toEqual({ 'ascii-punctuation': 438, 'page-boilerplate': 1, 'pinyin-annotation': 622, t2s: 2639 });
    expect(n.drops.filter((d) => d.rule === 'pinyin-annotation')).toHaveLength(622);
    expect(n.drops.slice(0, 3)).toEqual([
      { rule: 'pinyin-annotation', line: 1, text: '(qū)' },
      { rule: 'pinyin-annotation', line: 1, text: '(qū)' },
      { rule: 'pinyin-annotation', line: 1, text: '(qū)' },
    ]);
    expect(n.drops.at(-1)).toEqual({ rule: 'page-boilerplate', line: 41, text: '分享到: |' });
    expect(n.lines[0]).toBe('各县市区人民政府，湘潭高新区、经开区和昭山示范区管委会，市直机关各单位，市属和驻市各企事业单位，各人民团体：');
    expect(n.lines[4]).toBe('（此件主动公开）');
    expect(n.lines[40]).toBe('');
  });

  it('keeps the mark of a character lost in capture and warns about it', () => {
    const n = run(read('xiangtan-2019-stabilise-employment.txt'));
    expect(n.lines[17]).toContain('6个月的当?卦氯司I保险金');
    expect(n.drops).toContainEqual({ rule: 'pinyin-annotation', line: 18, text: 'shù)' });
    expect(n.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['normalise-replacement-char', 18],
      ['normalise-replacement-char', 19],
      ['normalise-replacement-char', 26],
      ['normalise-replacement-char', 27],
    ]);
    expect(n.diagnostics[0]).toEqual({
      level: 'warning',
      code: 'normalise-replacement-char',
      message: 'a character was lost in capture and shows as "?": …个月的当?卦氯司I…',
      file: 'test.txt',
      line: 18,
    });
    expect(n.unreadable.map((s) => [s.line, s.text])).toEqual([
      [18, '?卦氯司I'],
      [19, '?刈畹凸べY'],
      [26, '?厝肆Y'],
      [27, '?厝肆Y'],
    ]);
  });

  it('records the words Xuhui masked with asterisks, with a warning each', () => {
    const n = run(read('xuhui-2016-employment-plan.txt'));
    expect(n.unreadable.map((s) => [s.kind, s.line, s.text])).toEqual([
      ['masked', 15, '****'],
      ['masked', 15, '**'],
      ['masked', 15, '**'],
      ['masked', 17, '*****'],
    ]);
    expect(n.diagnostics.filter((d) => d.code === 'normalise-masked-text')).toHaveLength(4);
  });

  it('keeps real parentheses, converting their content and widening them', () => {
    const lines = run(read('jiangsu-szbf-2012-91.txt')).lines;
    expect(lines[4]).toBe('各市、县（市、区）人民政府，省各委办厅局，省各直属单位：');
    expect(lines[11]).toMatch(/^（一）千方百计稳定和扩大就业。/);
    expect(lines.join('\n')).toContain('《促进就业规划（2011-2015年）》');
  });

  it('removes the Yibin page furniture and the repeated metadata block', () => {
    const n = run(read('yibin-yfbh-2014-282.txt'));
    expect(n.counts).toEqual({ 'ascii-punctuation': 248, 'duplicate-metadata-row': 3, 'page-boilerplate': 3 });
    expect(n.lines.slice(0, 9)).toEqual([
      '索引号： | 008702672/2018-12851 | 成文日期： | 2014-10-26 |',
      '文号： | 宜府办函〔2014〕282号 | 发布机构： | 宜宾市人民政府办公室 |',
      '文件种类： | 意见 | 有效性： | 继续有效 |',
      '',
      '',
      '',
      '',
      '',
      '各县（区）人民政府，临港开发区管委会，市直相关部门：',
    ]);
    expect(n.drops.map((d) => [d.rule, d.line])).toEqual([
      ['page-boilerplate', 4],
      ['duplicate-metadata-row', 5],
      ['duplicate-metadata-row', 6],
      ['duplicate-metadata-row', 7],
      ['page-boilerplate', 8],
      ['page-boilerplate', 41],
    ]);
    expect(n.drops[5]?.text).toBe('扫一扫在手机打开当前页');
  });

  it('changes the simplified seeds only in the width of their punctuation', () => {
    for (const f of ['xuhui-2016-employment-plan.txt', 'jiangsu-szbf-2012-91-excerpt.txt']) {
      const n = run(read(f));
      expect(foldPunctuationWidth(n.lines.join('\n')), f).toBe(foldPunctuationWidth(read(f)));
      expect(Object.keys(n.counts), f).toEqual(['ascii-punctuation']);
    }
  });

  it('is idempotent and line-preserving on every seed', () => {
    for (const f of seeds) {
      const text = read(f);
      expect(run(text).lines, f).toHaveLength(text.split('\n').length);
      expectIdempotent(text);
    }
  });
});
