import { readFileSync, readdirSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { loadOverrides, normalise, type OverrideEntry } from '../../scripts/lib/ingest/normalise.ts';
import { foldPunctuationWidth } from '#core/chinese/punctuation-width.ts';

const SOURCES = 'content/sources/';
const overrides = loadOverrides(JSON.parse(readFileSync('content/normalise/t2s-overrides.json', 'utf8')));
const seeds = readdirSync(SOURCES).filter((f) => f.endsWith('.txt')).sort();
const read = (file: string) => readFileSync(SOURCES + file, 'utf8');
const run = (text: string, o: readonly OverrideEntry[] = overrides) => normalise(text, 'test.txt', o);
const PINYIN_ANNOTATION = /[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/u;

/** Normalising the output again must change nothing and count nothing. */
function expectIdempotent(text: string): void {
  const once = run(text);
  const twice = run(once.lines.join('\n'));
  expect(twice.lines).toEqual(once.lines);
  expect(twice.counts).toEqual({});
  expect(twice.drops).toEqual([]);
}

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

describe('markdown-heading, markdown-comment', () => {
  const text = ['# 示例条例', '', '2020年1月1日 示例市人民代表大会常务委员会通过', '<!-- INFO END -->', '## 第一章 总则', '### 第一节 一般规定', '第一条 #1号文件不是标题。', '# # 重复标记'].join('\n');

  it('removes heading marks and comment lines by named rules, and says which lines were headings', () => {
    const r = run(text);
    expect(r.lines).toEqual(['示例条例', '', '2020年1月1日 示例市人民代表大会常务委员会通过', '', '第一章 总则', '第一节 一般规定', '第一条 #1号文件不是标题。', '重复标记']);
    expect(r.markdownHeadings).toEqual([1, null, null, null, 2, 3, null, 1]);
    expect(r.counts).toMatchObject({ 'markdown-heading': 4, 'markdown-comment': 1 });
    expect(r.drops.filter((d) => d.rule.startsWith('markdown'))).toEqual([
      { rule: 'markdown-heading', line: 1, text: '# ' },
      { rule: 'markdown-comment', line: 4, text: '<!-- INFO END -->' },
      { rule: 'markdown-heading', line: 5, text: '## ' },
      { rule: 'markdown-heading', line: 6, text: '### ' },
      { rule: 'markdown-heading', line: 8, text: '# # ' },
    ]);
  });

  it('is idempotent', () => expectIdempotent(text));

  it('leaves a # that is not a heading mark', () => {
    expect(run('#1号文件\n第#2条').lines).toEqual(['#1号文件', '第#2条']);
  });
});

describe('html-tag', () => {
  it('removes tags, keeps the text between them and records each tag', () => {
    const n = run('第一行\n<p>第一条</p><br/>\n<script type="text/javascript">var a;</script>');
    expect(n.lines).toEqual(['第一行', '第一条', 'var a;']);
    expect(n.counts).toEqual({ 'html-tag': 5 });
    expect(n.drops).toEqual([
      { rule: 'html-tag', line: 2, text: '<p>' },
      { rule: 'html-tag', line: 2, text: '</p>' },
      { rule: 'html-tag', line: 2, text: '<br/>' },
      { rule: 'html-tag', line: 3, text: '<script type="text/javascript">' },
      { rule: 'html-tag', line: 3, text: '</script>' },
    ]);
  });

  it('leaves angle brackets that are not tag syntax', () => {
    expect(run('人数<5且a<b和c>d，< p >').lines).toEqual(['人数<5且a<b和c>d，< p >']);
  });

  it('removes a tag that only appears once an inner one is gone', () => {
    const n = run('x<a<br>>y');
    expect(n.lines).toEqual(['xy']);
    expect(n.drops.map((d) => d.text)).toEqual(['<br>', '<a>']);
  });
});

describe('html-entity', () => {
  it('decodes each listed entity once', () => {
    const n = run('a&nbsp;b &amp; &lt; 5 &gt; 3 &quot;q&quot; &#39;s&#39; &#20013;&#x56FD;');
    expect(n.lines).toEqual(['a b & < 5 > 3 "q" \'s\' 中国']);
    expect(n.counts).toEqual({ 'html-entity': 10, nbsp: 1 });
  });

  it('keeps escaped markup escaped, so a second run does not remove it as a tag', () => {
    const text = '示例：&lt;script&gt;alert(1)&lt;/script&gt; 与 &#60;p&#62; 及 &lt;p class=&quot;x&quot;&gt;';
    const n = run(text);
    expect(n.lines).toEqual([text]);
    expect(n.counts).toEqual({});
    expectIdempotent(text);
  });

  it('decodes double-escaped entities fully, but not into markup', () => {
    expect(run('a&amp;nbsp;b&amp;amp;c').lines).toEqual(['a b&c']);
    expect(run('&amp;lt;p&amp;gt;').lines).toEqual(['&lt;p&gt;']);
    expectIdempotent('&amp;lt;p&amp;gt;');
  });

  it('does not decode an entity that would split the line or that names no character', () => {
    expect(run('a&#10;b&#0;c&foo;').lines).toEqual(['a&#10;b&#0;c&foo;']);
  });
});

describe('zero-width, nbsp, fullwidth-alnum', () => {
  it('removes zero-width characters and maps no-break spaces and full-width letters and digits', () => {
    const n = run('\ufeff就\u200b业\u200c\u200d\u2060率\u00a0达到９５％，ＡＢｃ');
    expect(n.lines).toEqual(['就业率 达到95％，ABc']);
    expect(n.counts).toEqual({ 'fullwidth-alnum': 5, nbsp: 1, 'zero-width': 5 });
  });

  it('does not touch full-width punctuation or the ideographic space', () => {
    const text = '（一）第一条：甲，乙；丙～丁\u3000戊';
    expect(run(text).lines).toEqual([text]);
  });

  it('removes a tag formed once zero-width characters are gone', () => {
    const n = run('甲<\u200bp>乙');
    expect(n.lines).toEqual(['甲乙']);
    expect(n.counts).toEqual({ 'html-tag': 1, 'zero-width': 1 });
  });
});

describe('pinyin-annotation', () => {
  it('removes a toned syllable glued to a character, in either kind of bracket', () => {
    const n = run('辖区(qū)内就业（yè）和发(fā)展，绿(lǜ)色，壮(zhuàng)大');
    expect(n.lines).toEqual(['辖区内就业和发展，绿色，壮大']);
    expect(n.drops.map((d) => d.text)).toEqual(['(qū)', '（yè）', '(fā)', '(lǜ)', '(zhuàng)']);
  });

  it('leaves real parentheses in place (tests/unit/pinyin.test.ts has the full table)', () => {
    const text = '（一）各县(区)(此件主动公开)(2011-2015年)采用(PPP)模式，咖啡(café)，(ā)';
    expect(run(text).lines).toEqual(['（一）各县（区）（此件主动公开）（2011-2015年）采用（PPP）模式，咖啡（café），(ā)']);
    expect(run(text).counts).toEqual({ 'ascii-punctuation': 10 });
  });

  it('removes doubled, spaced and untoned annotations after one character or several', () => {
    const n = run('就(jiu)(jiu)业(ye)会( huì )就业（jiù yè）');
    expect(n.lines).toEqual(['就业会就业']);
    expect(n.drops.map((d) => d.text)).toEqual(['(jiu)', '(jiu)', '(ye)', '( huì )', '（jiù yè）']);
    expectIdempotent('就(jiu)(jiu)业(ye)会( huì )就业（jiù yè）');
  });

  it('removes an annotation whose opening bracket was lost with the character', () => {
    const n = run('參加當?shù)地培訓');
    expect(n.lines).toEqual(['参加当?地培训']);
    expect(n.drops).toEqual([{ rule: 'pinyin-annotation', line: 1, text: 'shù)' }]);
    expect(n.diagnostics.map((d) => d.code)).toEqual(['normalise-replacement-char']);
  });

  it('converts the Xiangtan examples', () => {
    expect(run('區(qū)、業(yè)、發(fā)').lines).toEqual(['区、业、发']);
  });
});

describe('t2s', () => {
  it('converts a traditional text and counts the changed characters', () => {
    const n = run('關於穩就業的通知\n（一）著力擴大就業');
    expect(n.script).toBe('traditional');
    expect(n.lineScripts).toEqual(['traditional', 'traditional']);
    expect(n.lines).toEqual(['关于稳就业的通知', '（一）着力扩大就业']);
    expect(n.counts).toEqual({ t2s: 7 });
  });

  it('never converts simplified text', () => {
    const text = '取得显著成绩\n乾安县人民政府';
    const n = run(text);
    expect(n.script).toBe('simplified');
    expect(n.lines).toEqual(['取得显著成绩', '乾安县人民政府']);
    expect(n.counts).toEqual({});
  });

  it('converts neutral lines only in a traditional document', () => {
    expect(run('湘潭市人民政府\n穩就業工作').lines).toEqual(['湘潭市人民政府', '稳就业工作']);
    expect(run('湘潭市人民政府\n稳就业工作').lineScripts).toEqual([null, 'simplified']);
  });

  it('leaves a simplified line of a traditional document unconverted and warns', () => {
    const n = run('進一步做好穩就業工作\n取得显著成绩\n關於印發措施的通知');
    expect(n.lines).toEqual(['进一步做好稳就业工作', '取得显著成绩', '关于印发措施的通知']);
    expect(n.lineScripts).toEqual(['traditional', 'simplified', 'traditional']);
    expect(n.diagnostics).toEqual([
      {
        level: 'warning',
        code: 'normalise-mixed-script',
        message: 'line is already simplified inside a traditional document: left unconverted',
        file: 'test.txt',
        line: 2,
      },
    ]);
  });
});

describe('t2s overrides', () => {
  it('corrects what opencc gets wrong, and counts each correction', () => {
    const text = '前郭、乾安、長嶺等縣\n編製國土空間規畫，出版專著';
    expect(run(text, []).lines).toEqual(['前郭、干安、长岭等县', '编制国土空间规画，出版专着']);
    const n = run(text);
    expect(n.lines).toEqual(['前郭、乾安、长岭等县', '编制国土空间规划，出版专著']);
    expect(n.counts).toEqual({ t2s: 10, 't2s-override': 3 });
    expectIdempotent(text);
  });

  it('leaves alone what opencc already gets right', () => {
    expect(run('吉林省乾安縣').lines).toEqual(['吉林省乾安县']);
    expect(run('吉林省乾安縣').counts).toEqual({ t2s: 1 });
  });

  it('loads the seed table: every entry fixes a real opencc error', () => {
    expect(overrides.map((o) => `${o.traditional}→${o.simplified}`)).toEqual([
      '乾安→乾安',
      '規畫→规划',
      '策畫→策划',
      '甚麼→什么',
      '專著→专著',
      '卓著→卓著',
      '土著→土著',
    ]);
  });

  it('rejects a malformed table with a readable error', () => {
    expect(() => loadOverrides({ traditional: '甚麼' })).toThrow(/t2s overrides: invalid file/);
    expect(() => loadOverrides([{ traditional: '甚麼', simplified: '什么' }])).toThrow(/reason/);
    expect(() => loadOverrides([{ traditional: '甚麼', simplified: '什么', reason: 'x', extra: 1 }])).toThrow(/extra/);
  });

  it('rejects entries opencc already converts right, and conflicting entries', () => {
    expect(() => loadOverrides([{ traditional: '乾安縣', simplified: '乾安县', reason: 'x' }])).toThrow(
      '[0] 乾安縣: opencc already gives 乾安县; remove the entry',
    );
    const twice = [
      { traditional: '甚麼', simplified: '什么', reason: 'x' },
      { traditional: '甚麼', simplified: '甚么呢', reason: 'y' },
    ];
    expect(() => loadOverrides(twice)).toThrow('[1] 甚麼: opencc output 甚么 is already corrected by 甚麼');
  });
});

describe('page-boilerplate', () => {
  it('drops whole lines of web-page furniture', () => {
    const text = [
      '扫一扫在手机打开当前页',
      '分享到:',
      ' 分享到： | ',
      '打印本页 关闭窗口',
      '【打印本页】【关闭窗口】',
      '文字版: | 下载 | 图片版: | 下载 |',
      '【字体：大 中 小】',
      '字号：[大] [中] [小]',
      '掃一掃在手機打開當前頁',
    ].join('\n');
    const n = run(text);
    expect(n.lines).toEqual(['', '', '', '', '', '', '', '', '']);
    expect(n.counts['page-boilerplate']).toBe(9);
    expect(n.drops.map((d) => d.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(n.drops[2]).toEqual({ rule: 'page-boilerplate', line: 3, text: ' 分享到： | ' });
    expect(n.drops[8]).toEqual({ rule: 'page-boilerplate', line: 9, text: '扫一扫在手机打开当前页' });
  });

  it('keeps sentences that merely mention the labels', () => {
    const text = '请扫一扫在手机打开当前页查看附件\n分享到朋友圈的内容\n办理后关闭窗口即可';
    expect(run(text).lines).toEqual(text.split('\n'));
  });
});

describe('duplicate-metadata-row', () => {
  it('drops a metadata row that repeats an earlier one, whatever its spacing', () => {
    const text = '索引号: | 123/2018-1 | 成文日期: | 2014-10-26 |\n有效性：|继续有效|\n正文\n索引号:|123/2018-1|成文日期:|2014-10-26\n有效性：|继续有效|';
    const n = run(text);
    expect(n.lines).toEqual(['索引号： | 123/2018-1 | 成文日期： | 2014-10-26 |', '有效性：|继续有效|', '正文', '', '']);
    expect(n.drops).toEqual([
      { rule: 'duplicate-metadata-row', line: 4, text: '索引号:|123/2018-1|成文日期:|2014-10-26' },
      { rule: 'duplicate-metadata-row', line: 5, text: '有效性：|继续有效|' },
    ]);
  });

  it('keeps repeated rows that are not metadata, and rows that differ', () => {
    const text = '序号 |\n类别 |\n序号 |\n类别 |\n成文日期： | 2014-10-26 |\n成文日期： | 2014-10-27 |\n备注： | 无 |\n备注： | 无 |';
    expect(run(text).lines).toEqual(text.split('\n'));
  });
});

describe('normalise as a whole', () => {
  const messy = [
    '<div class="article">關於<b>進一步</b>做好穩就業工作的通知</div>',
    '各縣市區(qū)人民政府&nbsp;：',
    '\u200b（一）加強職業(yè)培訓，每年培訓１０００人&amp;以上。',
    '&lt;p&gt;為本頁示例&lt;/p&gt;',
    '分享到: |',
    '【字體：大 中 小】',
    '索引號: | 0001/2019-1 | 成文日期: | 2019-02-01 |',
    '索引號: | 0001/2019-1 | 成文日期: | 2019-02-01 |',
    '',
  ].join('\n');

  it('cleans a messy text with every rule and records what it removed', () => {
    const n = run(messy);
    expect(n.lines).toEqual([
      '关于进一步做好稳就业工作的通知',
      '各县市区人民政府 ：',
      '（一）加强职业培训，每年培训1000人&以上。',
      '&lt;p&gt;为本页示例&lt;/p&gt;',
      '',
      '',
      '索引号： | 0001/2019-1 | 成文日期： | 2019-02-01 |',
      '',
      '',
    ]);
    expect(n.script).toBe('traditional');
    expect(n.counts).toEqual({
      'ascii-punctuation': 2,
      'duplicate-metadata-row': 1,
      'fullwidth-alnum': 4,
      'html-entity': 2,
      'html-tag': 4,
      nbsp: 1,
      'page-boilerplate': 2,
      'pinyin-annotation': 2,
      t2s: 17,
      'zero-width': 1,
    });
    expect(n.drops).toEqual([
      { rule: 'html-tag', line: 1, text: '<div class="article">' },
      { rule: 'html-tag', line: 1, text: '<b>' },
      { rule: 'html-tag', line: 1, text: '</b>' },
      { rule: 'html-tag', line: 1, text: '</div>' },
      { rule: 'pinyin-annotation', line: 2, text: '(qū)' },
      { rule: 'pinyin-annotation', line: 3, text: '(yè)' },
      { rule: 'page-boilerplate', line: 5, text: '分享到: |' },
      { rule: 'page-boilerplate', line: 6, text: '【字体：大 中 小】' },
      { rule: 'duplicate-metadata-row', line: 8, text: '索引号: | 0001/2019-1 | 成文日期: | 2019-02-01 |' },
    ]);
  });

  it('is idempotent and line-preserving on the messy text', () => {
    expect(run(messy).lines).toHaveLength(messy.split('\n').length);
    expectIdempotent(messy);
  });

  it('handles empty input', () => {
    expect(run('')).toEqual({ lines: [''], script: 'simplified', markdownHeadings: [null], lineScripts: [null], counts: {}, drops: [], diagnostics: [] });
  });
});
