/**
 * The seeds grouped by their government, as the regions page lists them.
 */
import { describe, expect, it } from 'vitest';
import { LEVEL_LABELS, regionGroups } from '../../src/lib/regions.ts';
import { siteFixture } from '../helpers/site-fixture.ts';

const { documents } = siteFixture();

describe('regionGroups', () => {
  it('groups the documents by their government, provinces by pinyin with their cities and districts after them', () => {
    const groups = regionGroups(documents);
    expect(groups.map((g) => [g.name, LEVEL_LABELS[g.level], g.within.join('/'), g.documents.map((d) => d.id)])).toEqual([
      ['湘潭市', '地级市', '湖南省', ['xiangtan-2019-stabilise-employment']],
      ['江苏省', '省级', '', ['jiangsu-szbf-2012-91', 'jiangsu-szbf-2012-91-excerpt']],
      ['徐汇区', '市辖区', '上海市', ['xuhui-2016-employment-plan']],
      ['宜宾市', '地级市', '四川省', ['yibin-yfbh-2014-282']],
    ]);
  });
});
