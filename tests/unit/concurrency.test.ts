import { describe, expect, it } from 'vitest';
import { eachConcurrently } from '../../scripts/lib/search-index/concurrency.ts';

describe('eachConcurrently', () => {
  it('runs every item, never more than `jobs` at once, and waits for all before reporting a failure', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    const task = async (n: number) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n % 3));
      running -= 1;
      if (n === 2) throw new Error('item 2 failed');
      done.push(n);
    };
    await expect(eachConcurrently([1, 2, 3, 4, 5, 6], 2, task)).rejects.toThrow('item 2 failed');
    expect(most).toBe(2);
    expect(done.sort()).toEqual([1, 3, 4, 5, 6]);
  });
});
