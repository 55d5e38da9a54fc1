import { describe, expect, it } from 'vitest';
import { withTimeLimit } from '../../src/time-limit.js';

const after = <T>(ms: number, value: T, fail = false) =>
  new Promise<T>((resolve, reject) => setTimeout(() => (fail ? reject(new Error(String(value))) : resolve(value)), ms));

describe('withTimeLimit', () => {
  it('gives the value of work that settles in time, and says when it did not', async () => {
    expect(await withTimeLimit(after(5, 'answer'), 200)).toEqual({ done: true, value: 'answer' });
    expect(await withTimeLimit(after(200, 'late'), 20)).toEqual({ done: false });
  });

  it('passes on a failure within the limit and drops one after it (no unhandled rejection)', async () => {
    await expect(withTimeLimit(after(5, 'broken', true), 200)).rejects.toThrow('broken');
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      expect(await withTimeLimit(after(40, 'broken late', true), 10)).toEqual({ done: false });
      await after(80, null);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
