import { describe, expect, it } from 'vitest';
import { topN } from '../../src/collections.js';

describe('topN', () => {
  it('returns exactly what sorting all and slicing returns, for every size asked', () => {
    // Deterministic pseudo-random scores with many ties, broken by id as rankings break them by URI.
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const items = Array.from({ length: 500 }, (_, i) => ({
      id: `o${String(i).padStart(3, '0')}`,
      score: Math.round(random() * 20) / 20,
    }));
    const compare = (a: (typeof items)[number], b: (typeof items)[number]) =>
      b.score - a.score || (a.id < b.id ? -1 : 1);
    const sorted = [...items].sort(compare);
    for (const first of [0, 1, 2, 10, 99, 500, 800])
      expect(topN(items, first, compare), `first ${first}`).toEqual(sorted.slice(0, first));
    expect(topN(items, Number.POSITIVE_INFINITY, compare)).toEqual(sorted);
    expect(topN([], 5, compare)).toEqual([]);
  });
});
