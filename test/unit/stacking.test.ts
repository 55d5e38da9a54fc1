import { describe, expect, it } from 'vitest';
import { stackingAfterWrite, stackingCycle } from '../../src/catalogue/stacking.js';

describe('stackingAfterWrite', () => {
  it("replaces the stored edges of the offers written with what they now state, keeping everyone else's", () => {
    const stored = [
      { from: 'a', to: 'b' },
      { from: 'a', to: 'q' },
      { from: 'b', to: 'c' },
    ];
    const edges = stackingAfterWrite(stored, [
      { id: 'a', stacksInto: ['c'] },
      { id: 'd', stacksInto: null },
    ]);
    expect(Object.fromEntries(edges)).toEqual({ a: ['c'], b: ['c'] });
  });
});

describe('stackingCycle', () => {
  const edges = new Map([
    ['b', ['c', 'x']],
    ['c', ['d']],
    ['d', ['a']],
    ['x', ['y']],
  ]);

  it('names the loop an edge closes, from its start back to it', () => {
    // a → b → c → d → a
    expect(stackingCycle(edges, 'a', 'b')).toEqual(['a', 'b', 'c', 'd', 'a']);
    // a → d → a: the direct way back
    expect(stackingCycle(edges, 'a', 'd')).toEqual(['a', 'd', 'a']);
  });

  it('finds none where the chain ends elsewhere, and the shortest where several lead back', () => {
    expect(stackingCycle(edges, 'a', 'x')).toBeNull();
    expect(stackingCycle(edges, 'z', 'b')).toBeNull();
    const twoWays = new Map([
      ['b', ['c', 'a']],
      ['c', ['a']],
    ]);
    expect(stackingCycle(twoWays, 'a', 'b')).toEqual(['a', 'b', 'a']);
  });

  it('walks a chain of 200,000 offers without exhausting the stack', () => {
    const chain = new Map(Array.from({ length: 200_000 }, (_, i) => [`o${i}`, [`o${i + 1}`]]));
    chain.set('o200000', ['start']);
    const loop = stackingCycle(chain, 'start', 'o0')!;
    expect(loop.length).toBe(200_003);
    expect([loop[0], loop[1], loop.at(-2), loop.at(-1)]).toEqual(['start', 'o0', 'o200000', 'start']);
  });
});
