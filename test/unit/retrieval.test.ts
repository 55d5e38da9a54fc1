import { describe, expect, it } from 'vitest';
import { Bm25Index, idf } from '../../src/retrieval/bm25.js';
import { LabelIndex, isContiguous } from '../../src/retrieval/labels.js';
import { analyse, exactKey, stems } from '../../src/retrieval/text.js';
import { TermVectors } from '../../src/retrieval/vectors.js';

// Hand-computed values: ln(1 + (N − n + 0.5) / (n + 0.5)) and the BM25 term written out with k1 1.2, b 0.75.
const ln = Math.log;

describe('idf', () => {
  it('is ln(1 + (N − n + 0.5) ÷ (n + 0.5)), and stays above zero for a key in every document', () => {
    expect(idf(10, 1)).toBeCloseTo(ln(1 + 9.5 / 1.5), 12);
    expect(idf(4, 4)).toBeCloseTo(ln(1 + 0.5 / 4.5), 12);
    expect(idf(4, 4)).toBeGreaterThan(0);
  });
});

describe('Bm25Index', () => {
  // Lengths 3, 1, 1: average 5/3.
  const index = new Bm25Index([['weld', 'pipe', 'weld'], ['pipe'], ['drive']]);
  const term = (tf: number, length: number) => (tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * length) / (5 / 3)));

  it('sums idf × tf × (k1 + 1) ÷ (tf + k1 × (1 − b + b × length ÷ average)) over the query keys', () => {
    const scores = index.scores(['weld', 'pipe']);
    expect([...scores.keys()].sort()).toEqual([0, 1]);
    expect(scores.get(0)).toBeCloseTo(ln(1 + 2.5 / 1.5) * term(2, 3) + ln(1 + 1.5 / 2.5) * term(1, 3), 12);
    expect(scores.get(1)).toBeCloseTo(ln(1 + 1.5 / 2.5) * term(1, 1), 12);
  });

  it('scores only the documents marked in `only`, never `skip`, and knows which keys it holds', () => {
    expect([...index.scores(['pipe'], { only: Uint8Array.from([0, 1, 1]) }).keys()]).toEqual([1]);
    expect([...index.scores(['pipe'], { skip: 1 }).keys()]).toEqual([0]);
    expect(index.scores(['unknown']).size).toBe(0);
    expect(index.has('drive')).toBe(true);
    expect(index.has('unknown')).toBe(false);
  });
});

describe('LabelIndex', () => {
  const entries = [
    { owner: 0, text: 'forklift operator', type: 'PREFERRED' as const, keys: ['forklift', 'oper'] },
    { owner: 0, text: 'forklift operator', type: 'ALTERNATIVE' as const, keys: ['forklift', 'oper'] },
    { owner: 0, text: 'operator of forklift', type: 'HIDDEN' as const, keys: ['oper', 'forklift'] },
    { owner: 1, text: 'machine operator', type: 'PREFERRED' as const, keys: ['machin', 'oper'] },
    { owner: 1, text: 'machine operator operator', type: 'HIDDEN' as const, keys: ['machin', 'oper', 'oper'] },
    { owner: 2, text: '', type: 'PREFERRED' as const, keys: [] },
  ];

  it('drops a label repeating an earlier one of the same owner, an empty one, and repeated keys', () => {
    const index = new LabelIndex(entries, { idfOver: 'labels', ownerCount: 3 });
    expect(index.labels.map((label) => [label.owner, label.text, label.normalised])).toEqual([
      [0, 'forklift operator', 'forklift oper'],
      [0, 'operator of forklift', 'oper forklift'],
      [1, 'machine operator', 'machin oper'],
    ]);
  });

  it('weighs a key by the labels holding it, or by the owners', () => {
    const byLabel = new LabelIndex(entries, { idfOver: 'labels', ownerCount: 3 });
    // 3 labels: "oper" in all 3, "forklift" in 2, "machin" in 1.
    expect(byLabel.weight('oper')).toBeCloseTo(ln(1 + 0.5 / 3.5), 12);
    expect(byLabel.weight('forklift')).toBeCloseTo(ln(1 + 1.5 / 2.5), 12);
    const byOwner = new LabelIndex(entries, { idfOver: 'owners', ownerCount: 3 });
    // 3 owners: "oper" in 2, "forklift" in 1 (two labels of one owner count once).
    expect(byOwner.weight('oper')).toBeCloseTo(ln(1 + 1.5 / 2.5), 12);
    expect(byOwner.weight('forklift')).toBeCloseTo(ln(1 + 2.5 / 1.5), 12);
    expect(byOwner.labels[0].totalWeight).toBeCloseTo(ln(1 + 1.5 / 2.5) + ln(1 + 2.5 / 1.5), 12);
    expect(byOwner.weight('drive')).toBeUndefined();
  });

  it('gives every touched label its matched weight, and starts clean on the next call', () => {
    const index = new LabelIndex(entries, { idfOver: 'owners', ownerCount: 3 });
    const oper = ln(1 + 1.5 / 2.5);
    const forklift = ln(1 + 2.5 / 1.5);
    const first = index.matches(['forklift', 'oper']);
    expect(first.labels).toEqual([0, 1, 2]);
    expect(first.weights[0]).toBeCloseTo(forklift + oper, 12);
    expect(first.weights[2]).toBeCloseTo(oper, 12);
    expect(index.matches(['oper'])).toEqual({ labels: [0, 1, 2], weights: [oper, oper, oper] });
  });

  it('sums, per owner, the distinct keys any of its labels hold, leaving skipped labels out', () => {
    // Owner 0 gets "forklift" and "oper" from its labels, each once; owner 1 "machin" and "oper" from two labels.
    const index = new LabelIndex(
      [
        { owner: 0, text: 'forklift driver', type: 'PREFERRED' as const, keys: ['forklift', 'drive'] },
        { owner: 0, text: 'lift truck operator', type: 'ALTERNATIVE' as const, keys: ['lift', 'truck', 'oper'] },
        { owner: 1, text: 'machine minder', type: 'PREFERRED' as const, keys: ['machin', 'minder'] },
        { owner: 1, text: 'operator', type: 'ALTERNATIVE' as const, keys: ['oper'] },
      ],
      { idfOver: 'owners', ownerCount: 2 },
    );
    const once = ln(1 + 1.5 / 1.5); // a key of one owner of two
    const both = ln(1 + 0.5 / 2.5); // "oper": both owners
    const found = index.ownerWeights(['forklift', 'oper', 'machin', 'oper', 'unknown']);
    expect(found.get(0)).toBeCloseTo(once + both, 12);
    expect(found.get(1)).toBeCloseTo(once + both, 12);
    // Owner 1's "operator" label skipped (label 3): only "machin" is left to it.
    const skipped = index.ownerWeights(['forklift', 'oper', 'machin'], (label) => label === 3);
    expect(skipped.get(1)).toBeCloseTo(once, 12);
    expect(skipped.get(0)).toBeCloseTo(once + both, 12);
  });
});

describe('TermVectors', () => {
  // Four documents; "a" in three of them (idf ln(1 + 1.5/3.5)), "b", "c" in one each (idf ln(1 + 3.5/1.5)).
  // Document 3 holds "a" in two fields, weights 1 and 0.5: its term weight is 1.5 × idf(a), alone in its vector.
  const vectors = new TermVectors([
    [{ keys: ['a', 'b', 'b'], weight: 1 }],
    [
      { keys: ['a'], weight: 1 },
      { keys: ['c'], weight: 0.5 },
    ],
    [{ keys: ['d'], weight: 1 }],
    [
      { keys: ['a'], weight: 1 },
      { keys: ['a'], weight: 0.5 },
    ],
  ]);
  const a = ln(1 + 1.5 / 3.5);
  const rare = ln(1 + 3.5 / 1.5);

  it('takes the cosine of field-weighted TF-IDF vectors, a key counted once per field', () => {
    // d0 = (a, rare) / |…|; d1 = (a, 0.5 × rare) / |…|: the shared key a alone adds up.
    const d0 = Math.hypot(a, rare);
    const d1 = Math.hypot(a, 0.5 * rare);
    expect(vectors.cosine(0, 1)).toBeCloseTo((a * a) / (d0 * d1), 12);
    expect(vectors.cosine(1, 0)).toBeCloseTo(vectors.cosine(0, 1), 12);
    // d3 is "a" alone, whatever its weight: its cosine with d0 is a / |d0|.
    expect(vectors.cosine(0, 3)).toBeCloseTo(a / d0, 12);
    expect(vectors.cosine(0, 2)).toBe(0);
    expect(vectors.cosine(3, 3)).toBeCloseTo(1, 12);
  });

  it('lists the documents sharing a key that reach the minimum, with a caller’s bonus, best first', () => {
    const d0 = Math.hypot(a, rare);
    const d1 = Math.hypot(a, 0.5 * rare);
    const found = vectors.nearest(1, 0.1);
    expect(found.map((f) => f.document)).toEqual([3, 0]);
    expect(found[0].similarity).toBeCloseTo(a / d1, 12);
    expect(found[1].similarity).toBeCloseTo((a * a) / (d0 * d1), 12);
    // d0's cosine is 0.14, d3's 0.51: at 0.3 only d3 is left; a bonus of 0.5 on d0 lifts it back, above d3,
    // and never reaches d2 (no shared key).
    expect(vectors.nearest(1, 0.3).map((f) => f.document)).toEqual([3]);
    const lifted = vectors.nearest(1, 0.5, (other) => (other === 3 ? 0 : 0.5));
    expect(lifted.map((f) => f.document)).toEqual([0, 3]);
    expect(lifted[0].similarity).toBeCloseTo((a * a) / (d0 * d1) + 0.5, 12);
  });
});

describe('isContiguous', () => {
  it('is true only when the keys stand one after another, in order', () => {
    const positions = new Map([
      ['forklift', [0, 4]],
      ['oper', [1]],
      ['warehous', [3]],
    ]);
    expect(isContiguous(['forklift', 'oper'], positions)).toBe(true);
    expect(isContiguous(['oper', 'forklift'], positions)).toBe(false);
    expect(isContiguous(['warehous', 'forklift'], positions)).toBe(true);
    expect(isContiguous(['warehous', 'oper'], positions)).toBe(false);
    expect(isContiguous(['drive', 'oper'], positions)).toBe(false);
  });
});

describe('analyse', () => {
  it('drops stop words, stems, keeps "c++" and ".net", and keys capitalised words exactly when asked', () => {
    expect(stems('Experience using C++ and .NET, driving forklifts.')).toEqual(['c++', '.net', 'drive', 'forklift']);
    expect(analyse('SAP R3', { namesExact: true }).map((token) => token.stem)).toEqual([
      exactKey('sap'),
      exactKey('r3'),
    ]);
  });
});
