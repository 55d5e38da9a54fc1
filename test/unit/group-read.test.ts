import { describe, expect, it } from 'vitest';
import { GroupRead } from '../../src/graph/group-read.js';

/** A read whose completion the test controls; each read returns the value the store had when it started. */
function controlledStore() {
  let value = 0;
  const started: Array<{ sawValue: number; finish: () => void; fail: (error: Error) => void }> = [];
  const read = () =>
    new Promise<number>((resolve, reject) => {
      const sawValue = value;
      started.push({ sawValue, finish: () => resolve(sawValue), fail: reject });
    });
  return { started, read, set: (v: number) => (value = v) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('GroupRead', () => {
  it('gives every caller a read that started after it asked, sharing one read among callers that wait together', async () => {
    const store = controlledStore();
    const group = new GroupRead(store.read);
    const first = group.get();
    expect(store.started).toHaveLength(1);
    // A write lands while the first read runs; callers asking now must not get the first read's (older) answer.
    store.set(1);
    const second = group.get();
    const third = group.get();
    expect(store.started).toHaveLength(1);
    store.started[0].finish();
    expect(await first).toBe(0);
    await tick();
    // One read for both waiting callers, started after they asked.
    expect(store.started).toHaveLength(2);
    store.started[1].finish();
    expect(await second).toBe(1);
    expect(await third).toBe(1);
    // Idle again: the next caller starts its own read at once.
    store.set(2);
    const fourth = group.get();
    expect(store.started).toHaveLength(3);
    store.started[2].finish();
    expect(await fourth).toBe(2);
  });

  it('passes a failed read to the callers that shared it, and the waiting callers still get a fresh read', async () => {
    const store = controlledStore();
    const group = new GroupRead(store.read);
    const first = group.get();
    const second = group.get();
    store.started[0].fail(new Error('connection reset'));
    await expect(first).rejects.toThrow('connection reset');
    await tick();
    expect(store.started).toHaveLength(2);
    store.started[1].finish();
    expect(await second).toBe(0);
  });
});
