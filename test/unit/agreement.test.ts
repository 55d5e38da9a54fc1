import { describe, expect, it } from 'vitest';
import { ranks, rocAuc, spearman } from '../../src/intelligence/agreement.js';

describe('agreement statistics', () => {
  it('ranks with ties at their mean rank', () => {
    expect(ranks([10, 30, 20, 20])).toEqual([1, 4, 2.5, 2.5]);
  });
  it('computes Spearman correlation: 1 for the same order, −1 for the reverse, ties handled', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 10);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 10);
    // Ranks x: 1, 2.5, 2.5, 4; y: 1, 2, 3, 4 → Pearson on ranks = 4.5 / sqrt(4.5 × 5)
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(4.5 / Math.sqrt(4.5 * 5), 10);
  });
  it('computes ROC AUC as the chance a positive outscores a negative, ties counting half', () => {
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [true, true, false, false])).toBe(1);
    expect(rocAuc([0.5, 0.5], [true, false])).toBe(0.5);
    // Positives 0.9 and 0.3 against negatives 0.5 and 0.1: 3 of 4 pairs won.
    expect(rocAuc([0.9, 0.3, 0.5, 0.1], [true, true, false, false])).toBe(0.75);
  });
});
