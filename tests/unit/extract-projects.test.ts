import { describe, expect, it } from 'vitest';
import { splitRegions } from '../../scripts/lib/ingest/extract/projects.ts';

describe('splitRegions', () => {
  it('splits lists closed by a count of cities, dropping the count', () => {
    expect(splitRegions('南京、无锡、徐州、常州、苏州、扬州6市')).toEqual(['南京', '无锡', '徐州', '常州', '苏州', '扬州']);
    expect(splitRegions('苏州、泰州、徐州3市')).toEqual(['苏州', '泰州', '徐州']);
  });

  it('splits plain lists of named places and institutions', () => {
    expect(splitRegions('南京市、南通市')).toEqual(['南京市', '南通市']);
    expect(splitRegions('苏州市区及太仓市')).toEqual(['苏州市区', '太仓市']);
    expect(splitRegions('苏州')).toEqual(['苏州']);
    expect(splitRegions('江苏常州技师学院、江苏盐城技师学院、苏州技师学院')).toEqual(['江苏常州技师学院', '江苏盐城技师学院', '苏州技师学院']);
  });

  it('takes the places named in descriptive cells', () => {
    expect(splitRegions('在南京市先行开展试点,并逐步扩大到无锡、徐州、苏州等市')).toEqual(['南京市', '无锡', '徐州', '苏州']);
    expect(splitRegions('先在南京、扬州、淮安和泰州4市开展试点,力争年内推广到全省各市')).toEqual(['南京', '扬州', '淮安', '泰州']);
    expect(splitRegions('苏州、镇江、泰州、连云港4市和36家高校毕业生就业见习单位')).toEqual(['苏州', '镇江', '泰州', '连云港']);
  });

  it('gives no places for quantified or counted descriptions', () => {
    expect(splitRegions('每个省辖市确定1个县(市、区)')).toEqual([]);
    expect(splitRegions('各市选择2-3家县级以上医院开展按病种付费试点')).toEqual([]);
    expect(splitRegions('各市、县(市、区)至少确定1个企业退休人员社会化管理服务省级示范点')).toEqual([]);
    expect(splitRegions('用3年时间,在市一级培育4个省级经办服务示范窗口,在县一级培育20个左右省级经办服务示范窗口。')).toEqual([]);
    expect(splitRegions('全省培育30个示范县、142个示范乡镇、146个示范村、258个示范岗')).toEqual([]);
    expect(splitRegions('')).toEqual([]);
  });
});
