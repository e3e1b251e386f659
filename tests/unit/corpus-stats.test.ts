import { describe, expect, it } from 'vitest';
import { isStatKey } from '../../src/lib/corpus-stats.ts';

describe('isStatKey', () => {
  it('knows its own keys, so a typo in an MDX page fails the build', () => {
    expect(isStatKey('targets')).toBe(true);
    expect(isStatKey('target')).toBe(false);
  });
});
