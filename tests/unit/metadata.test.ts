import { readFileSync } from 'node:fs';
import OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { extractTextMetadata, resolveMetadata, type TextMetadata } from '../../scripts/lib/ingest/metadata.ts';
import { DocumentMeta } from '#schemas/document.ts';
import { SourceMeta, type SourceMetaInput } from '#schemas/sidecar.ts';

const SOURCES = new URL('../../content/sources/', import.meta.url);
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const PINYIN_ANNOTATION = /\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)/g;

/** A stand-in for the normalise stage: simplified text, one string per source line. */
function normalisedLines(name: string, script: 'traditional' | 'simplified'): string[] {
  const text = readFileSync(new URL(`${name}.txt`, SOURCES), 'utf8');
  const simplified = script === 'traditional' ? toSimplified(text.replace(PINYIN_ANNOTATION, '')) : text;
  return simplified.split(/\r?\n/);
}

function sidecar(name: string): SourceMeta {
  return SourceMeta.parse(JSON.parse(readFileSync(new URL(`${name}.meta.json`, SOURCES), 'utf8')));
}

const NOTHING: TextMetadata = {
  title: null,
  titleLines: [],
  docNumber: null,
  issuer: null,
  date: null,
  indexNumber: null,
  validity: null,
  docType: null,
  effective: null,
  expires: null,
  history: [],
  historyLines: [],
  validityStatements: [],
  blockLines: [],
  rejectedDates: [],
};

const JIANGSU_TITLE = '省政府办公厅关于印发2012年完善就业服务体系和社会保障体系工作计划及试点示范项目建设意见的通知';

describe('extractTextMetadata on the seeds', () => {
  it('jiangsu: a three-line title, the 文号 line with the date, the issuer from the title', () => {
    expect(extractTextMetadata(normalisedLines('jiangsu-szbf-2012-91', 'traditional'))).toEqual({
      ...NOTHING,
      title: { value: JIANGSU_TITLE, line: 1 },
      titleLines: [1, 2, 3],
      docNumber: { value: '苏政办发〔2012〕91号', line: 4 },
      issuer: { value: '省政府办公厅', line: 1 },
      date: { value: '2012-05-14', line: 4 },
    });
  });

  it('jiangsu excerpt: no heading, no signature, nothing found', () => {
    expect(extractTextMetadata(normalisedLines('jiangsu-szbf-2012-91-excerpt', 'simplified'))).toEqual(NOTHING);
  });

  it('yibin: the first of two repeated header blocks, all eight lines as block lines, no title', () => {
    expect(extractTextMetadata(normalisedLines('yibin-yfbh-2014-282', 'simplified'))).toEqual({
      ...NOTHING,
      indexNumber: { value: '008702672/2018-12851', line: 1 },
      date: { value: '2014-10-26', line: 1 },
      docNumber: { value: '宜府办函〔2014〕282号', line: 2 },
      issuer: { value: '宜宾市人民政府办公室', line: 2 },
      docType: { value: '意见', line: 3 },
      validity: { value: '继续有效', line: 3 },
      blockLines: [1, 2, 3, 4, 5, 6, 7, 8],
    });
  });

  it('xiangtan: the cover signature near the top; the 文号 cited in the body is not taken', () => {
    const lines = normalisedLines('xiangtan-2019-stabilise-employment', 'traditional');
    expect(lines[6]).toContain('国发〔2018〕39号');
    expect(extractTextMetadata(lines)).toEqual({
      ...NOTHING,
      issuer: { value: '湘潭市人民政府', line: 3 },
      date: { value: '2019-02-01', line: 4 },
    });
  });

  it('xuhui: the signature at the end', () => {
    expect(extractTextMetadata(normalisedLines('xuhui-2016-employment-plan', 'simplified'))).toEqual({
      ...NOTHING,
      issuer: { value: '徐汇区人力资源和社会保障局', line: 99 },
      date: { value: '2016-11-28', line: 100 },
    });
  });
});

describe('extractTextMetadata rules', () => {
  it('closes a title with the addressee line when there is no 文号 line, and reads a Chinese-numeral signature date', () => {
    const found = extractTextMetadata([
      '',
      '湖南省人力资源和社会保障厅关于做好2019年就业工作的通知',
      '各市州人力资源和社会保障局：',
      '现将有关事项通知如下。',
      '湖南省人力资源和社会保障厅',
      '二〇一九年二月十一日',
      '（此件主动公开）',
    ]);
    expect(found).toEqual({
      ...NOTHING,
      title: { value: '湖南省人力资源和社会保障厅关于做好2019年就业工作的通知', line: 2 },
      titleLines: [2],
      issuer: { value: '湖南省人力资源和社会保障厅', line: 5 },
      date: { value: '2019-02-11', line: 6 },
    });
  });

  it('takes no title from short lines that no 文号 or addressee line closes, nor lines that do not end in a document kind', () => {
    expect(extractTextMetadata(['四、保障措施', '（一）加强组织领导。各地要成立领导小组。']).title).toBeNull();
    expect(extractTextMetadata(['首页', '政策文件', '各区人民政府：', '现印发给你们。'])).toEqual(NOTHING);
  });

  it('reads a 文号 line without a date and writes the year in 〔〕 however it was bracketed', () => {
    const found = extractTextMetadata(['关于进一步做好就业工作的意见', '人社部发[2019]12号', '各省人民政府：']);
    expect(found.docNumber).toEqual({ value: '人社部发〔2019〕12号', line: 2 });
    expect(found.date).toBeNull();
    expect(found.titleLines).toEqual([1]);
    expect(found.issuer).toBeNull();
  });

  it('rejects an impossible date, keeps the signature issuer, and joins the organs of a joint signature', () => {
    const found = extractTextMetadata(['正文。', '某市人力资源和社会保障局', '某市财政局', '2019年2月30日']);
    expect(found.date).toBeNull();
    expect(found.rejectedDates).toEqual([{ value: '2019年2月30日', line: 4 }]);
    expect(found.issuer).toEqual({ value: '某市人力资源和社会保障局、某市财政局', line: 2 });
  });

  it('continues a Markdown title with the next `#` line across blank lines, and stops at text', () => {
    const found = extractTextMetadata(['中华人民共和国', '', '社会保险法', '', '第一条 为了规范'], [1, null, 1, null, null]);
    expect(found.title).toEqual({ value: '中华人民共和国社会保险法', line: 1 });
    expect(found.titleLines).toEqual([1, 3]);
    expect(extractTextMetadata(['社会保险法', '', '第一条 为了规范', '附则'], [1, null, null, 1]).titleLines).toEqual([1]);
  });

  it('reads a signature whose date stands after blank lines, as a removed line of page chrome leaves it', () => {
    const found = extractTextMetadata(['正文。', '某市人民政府办公室', '', '', '2014年10月26日']);
    expect(found.issuer).toEqual({ value: '某市人民政府办公室', line: 2 });
    expect(found.date).toEqual({ value: '2014-10-26', line: 5 });
  });

  it('falls back from an invalid block date to the signature date, and skips placeholder cells', () => {
    const found = extractTextMetadata([
      '索引号： | 无 | 成文日期： | 2018-02-29 |',
      '发文字号： | 某政发（2018）3号 | 有效性： | — |',
      '各区人民政府：',
      '某市人民政府',
      '2018年 3月1日',
    ]);
    expect(found.blockLines).toEqual([1, 2]);
    expect(found.indexNumber).toBeNull();
    expect(found.validity).toBeNull();
    expect(found.docNumber).toEqual({ value: '某政发〔2018〕3号', line: 2 });
    expect(found.date).toEqual({ value: '2018-03-01', line: 5 });
    expect(found.rejectedDates).toEqual([{ value: '2018-02-29', line: 1 }]);
  });

  it('keeps the first value of a repeated block and counts only the block at the top', () => {
    const found = extractTextMetadata([
      '有效性: | 继续有效 |',
      '有效性: | 已废止 |',
      '各区人民政府:',
      '索引号: | 123 |',
    ]);
    expect(found.validity).toEqual({ value: '继续有效', line: 1 });
    expect(found.blockLines).toEqual([1, 2]);
    expect(found.indexNumber).toBeNull();
  });
});

describe('resolveMetadata with the seed sidecars', () => {
  it('jiangsu: text provenance with lines, and a logged override of the issuer', () => {
    const found = extractTextMetadata(normalisedLines('jiangsu-szbf-2012-91', 'traditional'));
    const { meta, diagnostics } = resolveMetadata(found, sidecar('jiangsu-szbf-2012-91'), 'content/sources/jiangsu-szbf-2012-91.txt');
    expect(DocumentMeta.parse(meta)).toEqual(meta);
    expect(meta).toEqual({
      title: JIANGSU_TITLE,
      shortTitle: '苏政办发〔2012〕91号',
      docNumber: '苏政办发〔2012〕91号',
      issuer: '江苏省人民政府办公厅',
      date: '2012-05-14',
      indexNumber: null,
      validity: null,
      effective: null,
      expires: null,
      validityStatements: [],
      history: [],
      region: { name: '江苏省', level: 'province', within: [] },
      type: '通知',
      sourceUrl: null,
      provenance: {
        title: { from: 'text', line: 1 },
        docNumber: { from: 'text', line: 4 },
        issuer: {
          from: 'sidecar',
          reason: 'the text names the issuer only as 省政府办公厅 (in the title); the full name is the province\'s general office',
        },
        date: { from: 'text', line: 4 },
      },
    });
    expect(diagnostics).toEqual([
      {
        level: 'warning',
        code: 'meta-override',
        message:
          'issuer: the text says 省政府办公厅, the sidecar overrides it with 江苏省人民政府办公厅 (reason: the text names the issuer only as 省政府办公厅 (in the title); the full name is the province\'s general office)',
        file: 'content/sources/jiangsu-szbf-2012-91.txt',
        line: 1,
      },
    ]);
  });

  it('jiangsu excerpt: every field filled by the sidecar, without warnings', () => {
    const found = extractTextMetadata(normalisedLines('jiangsu-szbf-2012-91-excerpt', 'simplified'));
    const { meta, diagnostics } = resolveMetadata(found, sidecar('jiangsu-szbf-2012-91-excerpt'), 'excerpt.txt');
    expect(diagnostics).toEqual([]);
    expect(meta.title).toBe(`${JIANGSU_TITLE}（节选）`);
    expect([meta.docNumber, meta.issuer, meta.date]).toEqual(['苏政办发〔2012〕91号', '江苏省人民政府办公厅', '2012-05-14']);
    expect(Object.keys(meta.provenance)).toEqual(['title', 'docNumber', 'issuer', 'date']);
    expect(Object.values(meta.provenance).every((p) => p.from === 'sidecar')).toBe(true);
  });

  it('yibin: block values from the text, the title from the sidecar, the stated type agrees', () => {
    const found = extractTextMetadata(normalisedLines('yibin-yfbh-2014-282', 'simplified'));
    const { meta, diagnostics } = resolveMetadata(found, sidecar('yibin-yfbh-2014-282'), 'yibin.txt');
    expect(diagnostics).toEqual([]);
    expect(meta.title).toBe('宜宾市人民政府办公室关于规范基层就业和社会保障公共服务平台建设的意见');
    expect(meta.indexNumber).toBe('008702672/2018-12851');
    expect(meta.validity).toBe('继续有效');
    expect(meta.provenance).toEqual({
      title: { from: 'sidecar', reason: 'the captured page lost the heading; title as listed by the publishing site for 宜府办函〔2014〕282号' },
      docNumber: { from: 'text', line: 2 },
      issuer: { from: 'text', line: 2 },
      date: { from: 'text', line: 1 },
      indexNumber: { from: 'text', line: 1 },
      validity: { from: 'text', line: 3 },
    });
    expect(meta.region).toEqual({ name: '宜宾市', level: 'city', within: ['四川省'] });
  });

  it('yibin with a sidecar of another type: warns that the stated 文件种类 disagrees', () => {
    const found = extractTextMetadata(normalisedLines('yibin-yfbh-2014-282', 'simplified'));
    const { diagnostics } = resolveMetadata(found, { ...sidecar('yibin-yfbh-2014-282'), type: '通知' }, 'yibin.txt');
    expect(diagnostics).toEqual([
      { level: 'warning', code: 'meta-type-mismatch', message: 'the text states the document type 意见, the sidecar 通知', file: 'yibin.txt', line: 3 },
    ]);
  });

  it('xiangtan and xuhui: signature values from the text, titles from the sidecar', () => {
    const xiangtan = resolveMetadata(
      extractTextMetadata(normalisedLines('xiangtan-2019-stabilise-employment', 'traditional')),
      sidecar('xiangtan-2019-stabilise-employment'),
      'xiangtan.txt',
    );
    expect(xiangtan.diagnostics).toEqual([]);
    expect([xiangtan.meta.issuer, xiangtan.meta.date, xiangtan.meta.docNumber]).toEqual(['湘潭市人民政府', '2019-02-01', null]);
    expect(xiangtan.meta.provenance.issuer).toEqual({ from: 'text', line: 3 });
    expect(xiangtan.meta.title).toBe('湘潭市人民政府关于印发《湘潭市进一步做好稳就业工作二十四条措施》的通知');

    const xuhui = resolveMetadata(
      extractTextMetadata(normalisedLines('xuhui-2016-employment-plan', 'simplified')),
      sidecar('xuhui-2016-employment-plan'),
      'xuhui.txt',
    );
    expect(xuhui.diagnostics).toEqual([]);
    expect(xuhui.meta.provenance).toEqual({
      title: { from: 'sidecar', reason: 'the captured page lost the heading and the first section headings; title as the plan names its subject' },
      issuer: { from: 'text', line: 99 },
      date: { from: 'text', line: 100 },
    });
  });
});

describe('resolveMetadata problems', () => {
  const bare: SourceMetaInput = {
    id: 'bare',
    region: { name: '徐汇区', level: 'district', within: ['上海市'] },
    type: '规划',
    shortTitle: '徐汇区就业和社保“十三五”规划',
    sourceUrl: 'https://example.org/plan.html',
  };

  it('a missing title falls back to the short title with a warning', () => {
    const found = extractTextMetadata(normalisedLines('xuhui-2016-employment-plan', 'simplified'));
    const { meta, diagnostics } = resolveMetadata(found, SourceMeta.parse(bare), 'xuhui.txt');
    expect(meta.title).toBe('徐汇区就业和社保“十三五”规划');
    expect(meta.provenance.title).toEqual({
      from: 'sidecar',
      reason: 'neither the text nor the sidecar corrections give a title: the short title stands in',
    });
    expect(meta.sourceUrl).toBe('https://example.org/plan.html');
    expect(diagnostics).toEqual([
      { level: 'warning', code: 'meta-missing-title', message: 'no title in the text or the sidecar; using the short title 徐汇区就业和社保“十三五”规划', file: 'xuhui.txt' },
    ]);
  });

  it('a bad date in the text is not taken and is warned about at its line', () => {
    const found = extractTextMetadata(['徐汇区就业和社会保障发展规划', '各处室：', '正文。', '徐汇区人力资源和社会保障局', '2016年2月30日']);
    const { meta, diagnostics } = resolveMetadata(found, SourceMeta.parse(bare), 'bad-date.txt');
    expect(meta.date).toBeNull();
    expect(meta.provenance.date).toBeUndefined();
    expect(meta.issuer).toBe('徐汇区人力资源和社会保障局');
    expect(diagnostics).toEqual([
      { level: 'warning', code: 'meta-bad-date', message: '2016年2月30日 is not a valid date: not taken as the document\'s date', file: 'bad-date.txt', line: 5 },
    ]);
  });

  it('a sidecar date that is not a date is an error and the text keeps the field; a correction equal to the text is needless', () => {
    const found = extractTextMetadata(normalisedLines('xuhui-2016-employment-plan', 'simplified'));
    const corrected = SourceMeta.parse({
      ...bare,
      corrections: {
        date: { value: '2016年11月31日', reason: 'typo' },
        issuer: { value: '徐汇区人力资源和社会保障局', reason: 'spelled out' },
      },
    });
    const { meta, diagnostics } = resolveMetadata(found, corrected, 'xuhui.txt');
    expect([meta.date, meta.issuer]).toEqual(['2016-11-28', '徐汇区人力资源和社会保障局']);
    expect(meta.provenance.date).toEqual({ from: 'text', line: 100 });
    expect(diagnostics.map((d) => [d.level, d.code, d.line])).toEqual([
      ['warning', 'meta-needless-correction', 99],
      ['error', 'meta-bad-correction', undefined],
      ['warning', 'meta-missing-title', undefined],
    ]);
  });
});

/** The values found, without their lines: what a reader sees. */
function values(found: TextMetadata) {
  const value = (f: { value: string } | null) => f?.value ?? null;
  return {
    title: value(found.title),
    docNumber: value(found.docNumber),
    issuer: value(found.issuer),
    date: value(found.date),
    indexNumber: value(found.indexNumber),
    validity: value(found.validity),
    effective: value(found.effective),
    expires: value(found.expires),
  };
}
const NO_VALUES = values(NOTHING);

const STATE_COUNCIL_TITLE = '国务院办公厅关于印发职业技能提升行动方案（2019—2021年）的通知';
const PROVINCE_TITLE = '湖南省人民政府办公厅关于做好2019年就业工作的通知';

describe('extractTextMetadata across layouts', () => {
  it.each<[string, string[], Partial<ReturnType<typeof values>>, number[]]>([
    [
      'a gov.cn table pasted with tabs, keys spread out by spaces, the title printed again as the heading',
      [
        '索  引  号：\t000014349/2019-00018\t主题分类：\t劳动、人事、监察\\就业',
        '发文机关：\t国务院办公厅\t成文日期：\t2019年05月09日',
        `标　　题：\t${STATE_COUNCIL_TITLE}`,
        '发文字号：\t国办发〔2019〕24号\t发布日期：\t2019年05月24日',
        STATE_COUNCIL_TITLE,
        '国办发〔2019〕24号',
        '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
        '《职业技能提升行动方案（2019—2021年）》已经国务院同意，现印发给你们，请认真贯彻执行。',
        '国务院办公厅',
        '2019年5月18日',
      ],
      { title: STATE_COUNCIL_TITLE, docNumber: '国办发〔2019〕24号', issuer: '国务院办公厅', date: '2019-05-09', indexNumber: '000014349/2019-00018' },
      [1, 2, 3, 4],
    ],
    [
      'a two-column table pasted as alternating key and value lines, under a breadcrumb',
      ['首页 > 政务公开 > 政策文件', '索引号', '11430300/2019-00123', '发文机关', '某市人民政府', '成文日期', '2019-02-01', '文号', '某政发〔2019〕1号', '有效性', '有效', '某市人民政府关于印发《某市稳就业二十条措施》的通知', '各县市区人民政府：', '现将《某市稳就业二十条措施》印发给你们。'],
      { title: '某市人民政府关于印发《某市稳就业二十条措施》的通知', docNumber: '某政发〔2019〕1号', issuer: '某市人民政府', date: '2019-02-01', indexNumber: '11430300/2019-00123', validity: '有效' },
      [2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    ],
    [
      'alternating lines whose keys carry colons',
      ['发布机构：', '某省人力资源和社会保障厅', '发布日期：', '2019年3月5日', '某省人力资源和社会保障厅关于做好失业保险稳岗返还工作的通知', '各市州人力资源和社会保障局：'],
      { title: '某省人力资源和社会保障厅关于做好失业保险稳岗返还工作的通知', issuer: '某省人力资源和社会保障厅', date: '2019-03-05' },
      [1, 2, 3, 4],
    ],
    [
      'several key：value pairs on a line, separated by spaces',
      ['发布日期：2019-05-24 发文机关：人力资源社会保障部 文号：人社部发〔2019〕12号', '时效：有效', '人力资源社会保障部关于做好2019年就业工作的通知', '各省、自治区、直辖市人力资源社会保障厅（局）：'],
      { title: '人力资源社会保障部关于做好2019年就业工作的通知', docNumber: '人社部发〔2019〕12号', issuer: '人力资源社会保障部', date: '2019-05-24', validity: '有效' },
      [1, 2],
    ],
    [
      'pairs run together with no separator, and a 发布日期 that does not replace the 成文日期',
      ['发文机关：国务院办公厅成文日期：2019年05月09日发文字号：国办发[2019]24号发布日期：2019年05月24日', '各省人民政府：'],
      { docNumber: '国办发〔2019〕24号', issuer: '国务院办公厅', date: '2019-05-09' },
      [1],
    ],
    [
      'pairs separated by cell bars, keys without colons, a Markdown-style leading bar',
      ['| 索引号 | 000014349/2019-00018 | 主题分类 | 就业 |', '| 发文机关 | 国务院办公厅 | 成文日期 | 2019年05月09日 |', '| 文件编号 | 国办发〔2019〕24号 | 时效性 | 现行有效 |', '各省人民政府：'],
      { docNumber: '国办发〔2019〕24号', issuer: '国务院办公厅', date: '2019-05-09', indexNumber: '000014349/2019-00018', validity: '现行有效' },
      [1, 2, 3],
    ],
    [
      'bracketed keys, one empty, with the dates the text takes effect',
      ['【发布单位】国务院', '【发布文号】国发〔2019〕1号 【发布日期】2019-01-01 【生效日期】2019-02-01 【失效日期】 【所属类别】政策参考', '国务院关于做好当前和今后一个时期促进就业工作的若干意见', '各省、自治区、直辖市人民政府：'],
      { title: '国务院关于做好当前和今后一个时期促进就业工作的若干意见', docNumber: '国发〔2019〕1号', issuer: '国务院', date: '2019-01-01', effective: '2019-02-01' },
      [1, 2],
    ],
    [
      'a title split after the issuing organ, the issuer taken from the title',
      ['国务院办公厅', '关于印发职业技能提升行动方案', '（2019—2021年）的通知', '国办发〔2019〕24号', '各省、自治区、直辖市人民政府：'],
      { title: STATE_COUNCIL_TITLE, docNumber: '国办发〔2019〕24号', issuer: '国务院办公厅' },
      [],
    ],
    [
      'a title printed twice in a row, a signature dated in Chinese numerals with ○',
      [PROVINCE_TITLE, PROVINCE_TITLE, '湘政办发〔2019〕5号', '各市州人民政府：', '现就有关事项通知如下。', '湖南省人民政府办公厅', '二○一九年二月一日'],
      { title: PROVINCE_TITLE, docNumber: '湘政办发〔2019〕5号', issuer: '湖南省人民政府办公厅', date: '2019-02-01' },
      [],
    ],
    [
      'a title split over two lines and printed twice, a blank line between the signature and its date',
      ['湖南省人民政府办公厅关于做好2019年', '就业工作的通知', '湖南省人民政府办公厅关于做好2019年', '就业工作的通知', '各市州人民政府：', '正文。', '湖南省人民政府办公厅', '', '一九八六年二月十八日'],
      { title: PROVINCE_TITLE, issuer: '湖南省人民政府办公厅', date: '1986-02-18' },
      [],
    ],
    [
      'the issuer of a forwarding notice is the one that forwards',
      ['国务院办公厅转发人力资源社会保障部等部门关于做好高校毕业生就业工作意见的通知', '国办发〔2019〕9号', '各省人民政府：'],
      { title: '国务院办公厅转发人力资源社会保障部等部门关于做好高校毕业生就业工作意见的通知', docNumber: '国办发〔2019〕9号', issuer: '国务院办公厅' },
      [],
    ],
    [
      'joint issuers in the title, a date under the title in brackets',
      ['人力资源社会保障部 财政部关于调整失业保险金标准的指导意见', '（2019年5月9日）', '各省人民政府：'],
      { title: '人力资源社会保障部 财政部关于调整失业保险金标准的指导意见', issuer: '人力资源社会保障部、财政部', date: '2019-05-09' },
      [],
    ],
    [
      'a signature and its date on one line; a term counted from the effective day',
      ['某市人民政府关于印发某某办法的通知', '各区人民政府：', '现印发给你们。', '某市人民政府 2019年3月1日', '某某办法', '本办法自2019年4月1日起施行，有效期5年。'],
      { title: '某市人民政府关于印发某某办法的通知', issuer: '某市人民政府', date: '2019-03-01', effective: '2019-04-01', expires: '2024-03-31' },
      [],
    ],
    [
      'in force from its issue, valid until a stated day',
      ['关于做好就业援助工作的通知', '各单位：', '本通知自印发之日起施行，有效期至2020年12月31日。', '某市人力资源和社会保障局', '2018年12月20日'],
      { title: '关于做好就业援助工作的通知', issuer: '某市人力资源和社会保障局', date: '2018-12-20', effective: '2018-12-20', expires: '2020-12-31' },
      [],
    ],
  ])('%s', (_layout, lines, expected, blockLines) => {
    const found = extractTextMetadata(lines);
    expect(values(found)).toEqual({ ...NO_VALUES, ...expected });
    expect(found.blockLines).toEqual(blockLines);
  });

  it('marks every line that prints the title, a copy above the metadata block included', () => {
    const found = extractTextMetadata([PROVINCE_TITLE, '发文机关：湖南省人民政府办公厅', '湖南省人民政府办公厅关于做好2019年', '就业工作的通知', '湘政办发〔2019〕5号', '各市州人民政府：']);
    expect(found.title).toEqual({ value: PROVINCE_TITLE, line: 3 });
    expect(found.titleLines).toEqual([1, 3, 4]);
    expect(found.blockLines).toEqual([2]);
  });

  it('takes no title from a breadcrumb and a section heading', () => {
    expect(extractTextMetadata(['首页 > 政策', '四、保障措施', '（一）加强组织领导。']).title).toBeNull();
  });
});

describe('extractTextMetadata on statutes', () => {
  const SOCIAL_INSURANCE_LAW = '中华人民共和国社会保险法';

  it('the Markdown of the shared corpus: the # title, one history line per event, the body after the comment', () => {
    const lines = [SOCIAL_INSURANCE_LAW, '', '2010年10月28日 第十一届全国人民代表大会常务委员会第十七次会议通过', '', '2018年12月29日 第十三届全国人民代表大会常务委员会第七次会议《关于修改〈中华人民共和国社会保险法〉的决定》修正', '', '', '第一章 总则', '第一条 为了规范社会保险关系，制定本法。', '第九十八条 本法自2011年7月1日起施行。'];
    const found = extractTextMetadata(lines, [1, null, null, null, null, null, null, 2, null, null]);
    expect(values(found)).toEqual({ ...NO_VALUES, title: SOCIAL_INSURANCE_LAW, issuer: '全国人民代表大会常务委员会', date: '2018-12-29', effective: '2011-07-01' });
    expect(found.history).toEqual([
      { kind: 'adopted', date: '2010-10-28', body: '第十一届全国人民代表大会常务委员会第十七次会议', line: 3 },
      { kind: 'amended', date: '2018-12-29', body: '第十三届全国人民代表大会常务委员会第七次会议', line: 5 },
    ]);
    expect(found.historyLines).toEqual([3, 5]);
    expect(found.validityStatements).toEqual([{ kind: 'in-force', text: '本法自2011年7月1日起施行', line: 10 }]);
    expect(found.issuer?.line).toBe(3);
    expect(found.date?.line).toBe(5);
  });

  it('plain text as the legislature publishes it: the history in brackets closes the title', () => {
    const found = extractTextMetadata([SOCIAL_INSURANCE_LAW, '（2010年10月28日第十一届全国人民代表大会常务委员会第十七次会议通过　根据2018年12月29日第十三届全国人民代表大会常务委员会第七次会议《关于修改〈中华人民共和国社会保险法〉的决定》修正）', '目　　录', '第一章　总则']);
    expect(found.title).toEqual({ value: SOCIAL_INSURANCE_LAW, line: 1 });
    expect(found.history.map((e) => [e.kind, e.date, e.line])).toEqual([['adopted', '2010-10-28', 2], ['amended', '2018-12-29', 2]]);
    expect(found.date).toEqual({ value: '2018-12-29', line: 2 });
  });

  it('a law printed with its promulgation order: the 主席令 number, the title above the history', () => {
    const found = extractTextMetadata([
      '中华人民共和国主席令',
      '第三十五号',
      '《中华人民共和国社会保险法》已由中华人民共和国第十一届全国人民代表大会常务委员会第十七次会议于2010年10月28日通过，现予公布，自2011年7月1日起施行。',
      '中华人民共和国主席　胡锦涛',
      '2010年10月28日',
      SOCIAL_INSURANCE_LAW,
      '（2010年10月28日第十一届全国人民代表大会常务委员会第十七次会议通过）',
      '第一章　总则',
    ]);
    expect(values(found)).toEqual({ ...NO_VALUES, title: SOCIAL_INSURANCE_LAW, docNumber: '中华人民共和国主席令第三十五号', issuer: '全国人民代表大会常务委员会', date: '2010-10-28', effective: '2011-07-01' });
    expect(found.titleLines).toEqual([6]);
  });

  it('a State Council regulation: adopted, promulgated under an order, in force; the order is its 文号', () => {
    const found = extractTextMetadata(['某某条例', '2018年5月2日 国务院第7次常务会议通过', '2018年6月29日 中华人民共和国国务院令第700号公布', '2018年10月1日 施行', '第一条 为了……，制定本条例。'], [1]);
    expect(values(found)).toEqual({ ...NO_VALUES, title: '某某条例', docNumber: '中华人民共和国国务院令第700号', issuer: '国务院', date: '2018-06-29', effective: '2018-10-01' });
    expect(found.history.map((e) => e.kind)).toEqual(['adopted', 'promulgated', 'in-force']);
  });

  it('a city regulation: the adopting city, not the province that approved it; the date of the latest event', () => {
    const found = extractTextMetadata(
      ['某市失业保险条例', '2004年12月22日 某市第十二届人民代表大会常务委员会第七次会议通过', '2005年3月31日 某省第十届人民代表大会常务委员会第十五次会议批准', '2018年11月29日 某省第十三届人民代表大会常务委员会第七次会议批准的《某市人民代表大会常务委员会关于修改部分地方性法规的决定》修正', '第一条 为了保障失业人员的基本生活，制定本条例。'],
      [1],
    );
    expect(found.issuer?.value).toBe('某市人民代表大会常务委员会');
    expect(found.date).toEqual({ value: '2018-11-29', line: 4 });
    expect(found.history.map((e) => e.kind)).toEqual(['adopted', 'approved', 'amended']);
  });

  it('a body named by its level alone takes the place its title opens with', () => {
    const found = extractTextMetadata(['宁波市某某条例', '2013年10月29日 市十四届人民代表大会常务委员会第十二次会议通过', '第一条 为了……，制定本条例。'], [1]);
    expect(found.issuer?.value).toBe('宁波市人民代表大会常务委员会');
  });

  it('a committee of the organ the title names: the issuer is the organ', () => {
    const found = extractTextMetadata(['最高人民法院关于审理某类案件适用法律若干问题的解释', '2013年1月14日 最高人民法院审判委员会第1567次会议通过', '2013年1月16日 最高人民法院公告公布', '第一条 ……'], [1]);
    expect(found.issuer?.value).toBe('最高人民法院');
    expect(found.effective).toBeNull();
  });

  it('a date alone under the title is the date; the issuer comes from the title', () => {
    const found = extractTextMetadata(['国务院关于某某问题的暂行规定', '', '1955年12月29日 ', '', '一、……'], [1]);
    expect(values(found)).toEqual({ ...NO_VALUES, title: '国务院关于某某问题的暂行规定', issuer: '国务院', date: '1955-12-29' });
    expect(found.history).toEqual([]);
  });

  it('in force from its promulgation: the day of the promulgation event', () => {
    const found = extractTextMetadata(['某某规定', '1983年9月12日 国务院发布', '发布之日施行', '第一条 ……'], [1]);
    expect(found.effective).toEqual({ value: '1983-09-12', line: 3 });
  });
});
