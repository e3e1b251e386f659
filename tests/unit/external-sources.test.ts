import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { derivedIds, titleSlug, type IdBasis } from '../../scripts/lib/ingest/derived-ids.ts';
import { categoryType, externalJobs } from '../../scripts/lib/ingest/external-sources.ts';
import { externalSourceFolders, manifestFor, sourceTextsUnder } from '../../scripts/lib/ingest/source-folders.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const categories = [
  { category: 'national-law', type: '法律', reason: 'r' },
  { category: 'local-regulation', type: '地方性法规', reason: 'r' },
] as const;
const basis = (over: Partial<IdBasis>): IdBasis => ({ title: '社会保险法', date: '2018-12-29', type: '法律', region: '全国', sha256: 'a'.repeat(64), ...over });

describe('ATLAS_SOURCES', () => {
  it('is a :-separated list of folders, each once, empty pieces ignored', () => {
    expect(externalSourceFolders(undefined)).toEqual([]);
    expect(externalSourceFolders('')).toEqual([]);
    expect(externalSourceFolders('../a::b:../a:')).toEqual(['../a', 'b']);
  });
});

describe('derived ids', () => {
  it('spell the short title in pinyin, then the version date', () => {
    expect(titleSlug('中华人民共和国社会保险法')).toBe('she-hui-bao-xian-fa');
    expect(titleSlug('女职工劳动保护特别规定')).toBe('nv-zhi-gong-lao-dong-bao-hu-te-bie-gui-ding');
    const ids = derivedIds(new Map([['x.md', basis({})]]), new Set());
    expect(ids.get('x.md')).toEqual({ id: 'she-hui-bao-xian-fa-2018-12-29', workId: 'she-hui-bao-xian-fa' });
  });

  it('cut a long title at a syllable and keep two long titles that start alike apart', () => {
    const one = titleSlug('最高人民法院关于审理劳动争议案件适用法律若干问题的解释（二）');
    const two = titleSlug('最高人民法院关于审理劳动争议案件适用法律若干问题的解释（三）');
    expect(one.length).toBeLessThanOrEqual(60);
    expect(one).toMatch(/^zui-gao-ren-min-fa-yuan-[a-z-]+-[0-9a-f]{6}$/);
    expect(one).not.toBe(two);
  });

  it('give two versions of one work their own ids and the same work id, whatever their order', () => {
    const a = basis({ title: '上海市社会救助条例', date: '2018-11-22', region: '上海市', type: '地方性法规' });
    const b = basis({ title: '上海市社会救助条例', date: '2024-12-31', region: '上海市', type: '地方性法规' });
    const forward = derivedIds(new Map([['a', a], ['b', b]]), new Set());
    const backward = derivedIds(new Map([['b', b], ['a', a]]), new Set());
    expect(forward.get('a')).toEqual({ id: 'shang-hai-shi-she-hui-jiu-zhu-tiao-li-2018-11-22', workId: 'shang-hai-shi-she-hui-jiu-zhu-tiao-li' });
    expect(forward.get('b')?.workId).toBe('shang-hai-shi-she-hui-jiu-zhu-tiao-li');
    expect(backward).toEqual(forward);
  });

  it('resolve a collision by type, then region, then the text’s digest', () => {
    const law = basis({});
    const byType = derivedIds(new Map([['law', law], ['reg', basis({ type: '行政法规' })]]), new Set());
    expect(byType.get('law')?.id).toBe('she-hui-bao-xian-fa-2018-12-29-fl');
    expect(byType.get('reg')?.id).toBe('she-hui-bao-xian-fa-2018-12-29-xzfg');
    const byRegion = derivedIds(new Map([['a', basis({ region: '上海市' })], ['b', basis({ region: '北京市' })]]), new Set());
    expect(byRegion.get('a')?.id).toBe('she-hui-bao-xian-fa-2018-12-29-shs');
    const byText = derivedIds(new Map([['a', basis({ sha256: `1${'0'.repeat(63)}` })], ['b', basis({ sha256: `2${'0'.repeat(63)}` })]]), new Set());
    expect([byText.get('a')?.id, byText.get('b')?.id]).toEqual(['she-hui-bao-xian-fa-2018-12-29-100000', 'she-hui-bao-xian-fa-2018-12-29-200000']);
    expect(byText.get('a')?.workId).toBe('she-hui-bao-xian-fa');
    const taken = derivedIds(new Map([['x', law]]), new Set(['she-hui-bao-xian-fa-2018-12-29']));
    expect(taken.get('x')?.id).not.toBe('she-hui-bao-xian-fa-2018-12-29');
  });
});

describe('source folders without sidecars', () => {
  const tempDir = useTempDirs();

  function tree(): string {
    const root = tempDir('atlas-sources-');
    fs.mkdirSync(path.join(root, 'laws/national-law'), { recursive: true });
    fs.writeFileSync(path.join(root, 'laws/national-law/any-name.md'), '# 中华人民共和国示例保障法\n\n第一条 为了示例，制定本法。\n');
    fs.writeFileSync(path.join(root, 'laws/README.md'), '# about\n');
    fs.writeFileSync(path.join(root, 'laws/loose.txt'), '某市人民政府关于做好示例工作的通知\n某政发〔2020〕1号\n各区人民政府：\n一、做好示例工作。\n某市人民政府\n2020年3月4日\n');
    fs.writeFileSync(
      path.join(root, 'manifest.json'),
      JSON.stringify([{ file: 'laws/national-law/any-name.md', title: '示例保障法', versionDate: '2020-01-02', category: 'national-law', region: '全国', level: 'national', bytes: 1, source: { repository: 'Org/Laws', path: '法律/示例保障法.md', commit: 'abcdef1' } }]),
    );
    return root;
  }

  it('lists .md and .txt texts recursively, not READMEs, and finds the manifest above the folder', () => {
    const root = tree();
    expect(sourceTextsUnder(path.join(root, 'laws')).map((f) => path.relative(root, f))).toEqual(['laws/loose.txt', 'laws/national-law/any-name.md']);
    expect(manifestFor(path.join(root, 'laws'))?.entries.has(path.join(root, 'laws/national-law/any-name.md'))).toBe(true);
    expect(categoryType('local-regulation/henan', categories)).toBe('地方性法规');
    expect(categoryType('unknown', categories)).toBeNull();
  });

  it('describes a text from the manifest, and one it does not list from its own title, never from the file name', () => {
    const root = tree();
    const { jobs, diagnostics } = externalJobs([path.join(root, 'laws')], { overrides: [], categories, taken: new Set() });
    const described = jobs.find((j) => j.file.endsWith('any-name.md'))?.sidecar;
    expect(described).toMatchObject({
      id: 'shi-li-bao-zhang-fa-2020-01-02',
      workId: 'shi-li-bao-zhang-fa',
      type: '法律',
      region: { name: '全国', level: 'national' },
      shortTitle: '示例保障法',
      versionDate: '2020-01-02',
      origin: { repository: 'Org/Laws', path: '法律/示例保障法.md', commit: 'abcdef1' },
    });
    const loose = jobs.find((j) => j.file.endsWith('loose.txt'))?.sidecar;
    expect(loose?.id).toMatch(/^mou-shi-ren-min-zheng-fu-guan-yu-zuo-hao-shi-li-gong-[0-9a-f]{6}-2020-03-04$/);
    expect(diagnostics.map((d) => [d.code, path.basename(d.file ?? '')])).toEqual([['no-sidecar', 'loose.txt']]);
  });

  it('reports a folder that does not exist', () => {
    const { jobs, diagnostics } = externalJobs(['/no/such/folder'], { overrides: [], categories, taken: new Set() });
    expect(jobs).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ level: 'error', code: 'source-folder-missing' });
  });
});
