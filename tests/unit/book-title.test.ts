import { describe, expect, it } from 'vitest';
import { bookTitle, nestBookTitles, titleWithinMarks } from '#core/chinese/book-title.ts';

describe('book-title marks', () => {
  it('puts a title named inside a title in 〈〉', () => {
    expect(bookTitle('湘潭市人民政府关于印发《湘潭市进一步做好稳就业工作二十四条措施》的通知')).toBe('《湘潭市人民政府关于印发〈湘潭市进一步做好稳就业工作二十四条措施〉的通知》');
  });

  it('leaves a title that names none as it is', () => {
    expect(bookTitle('中华人民共和国就业促进法')).toBe('《中华人民共和国就业促进法》');
  });

  it('alternates 《》 and 〈〉 at every level, whichever marks the text came with', () => {
    expect(titleWithinMarks('转发《关于印发〈甲〉的通知》的通知')).toBe('转发〈关于印发《甲》的通知〉的通知');
    expect(nestBookTitles('见〈关于印发〈甲〉的通知〉')).toBe('见《关于印发〈甲〉的通知》');
  });

  it('keeps a stray closing mark rather than inventing a level', () => {
    expect(nestBookTitles('甲》乙')).toBe('甲》乙');
    expect(titleWithinMarks('甲》乙')).toBe('甲》乙');
  });
});
