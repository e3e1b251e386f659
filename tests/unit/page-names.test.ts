import { describe, expect, it } from 'vitest';
import { bundleOfPage, pageName } from '#core/search/page-names.ts';

describe('pageName', () => {
  it('keeps pages of different bundles apart, and reads the bundle back from the name', () => {
    expect(pageName('und', 1, 11)).not.toBe(pageName('und', 11, 1));
    expect([bundleOfPage(pageName('und', 0, 5)), bundleOfPage(pageName('und', 37, 1000))]).toEqual([0, 37]);
    expect(bundleOfPage(pageName('und-1a2b3c4d', 3, 56))).toBe(3);
    expect(bundleOfPage('und_583b533')).toBeNull();
  });
});
