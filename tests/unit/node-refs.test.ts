import { describe, expect, it } from 'vitest';
import { splitSiteId } from '#core/site-id.ts';
import { bookTitle, citationWithin } from '../../src/lib/node-refs.ts';

describe('small helpers', () => {
  it('splits a site-wide id at the first slash', () => {
    expect(splitSiteId('xuhui-2016-employment-plan/m-t1.r1')).toEqual({ documentId: 'xuhui-2016-employment-plan', nodeId: 'm-t1.r1' });
  });

  it('nests titles with 〈〉 inside 《》', () => {
    expect(bookTitle('湘潭市人民政府关于印发《湘潭市进一步做好稳就业工作二十四条措施》的通知')).toBe('《湘潭市人民政府关于印发〈湘潭市进一步做好稳就业工作二十四条措施〉的通知》');
  });

  it('drops the document short title from a citation under that document', () => {
    expect(citationWithin('湘潭稳就业二十四条 二、（六）', '湘潭稳就业二十四条')).toBe('二、（六）');
    expect(citationWithin('苏政办发〔2012〕91号 附件1 表1 序号3', '湘潭稳就业二十四条')).toBe('苏政办发〔2012〕91号 附件1 表1 序号3');
  });
});
