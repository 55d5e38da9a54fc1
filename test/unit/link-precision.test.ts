import { describe, expect, it } from 'vitest';
import { linkPrecision, parseLabels } from '../../src/catalogue/link-precision.js';

const LABELS = [
  'standard\ttitle\tkind\tstated\tstatement\trank\tskillUri\tlabel\tnote',
  'q1\tT\tSKILL\ttrue\tWeld plates\t1\ts:weld\t1\t',
  'q1\tT\tSKILL\ttrue\tWeld plates\t2\ts:plate\t0\tword sense',
  'q1\tT\tSKILL\ttrue\tRead drawings\t1\ts:draw\t1\t',
  'q2\tU\tOUTCOME\tfalse\tU: overview\t1\ts:weld\t0\tdifferent domain',
].join('\n');

describe('linkPrecision', () => {
  it('sets the current suggestions against the labels, per rule, leaving unlabelled ones out of precision', () => {
    const labels = parseLabels(LABELS);
    expect(labels[3]).toEqual({
      qualificationId: 'q2',
      statement: 'U: overview',
      stated: false,
      skillUri: 's:weld',
      right: false,
    });
    const result = linkPrecision(labels, [
      { qualificationId: 'q1', statement: 'Weld plates', skillUri: 's:weld', strong: true, occupational: false },
      { qualificationId: 'q1', statement: 'Weld plates', skillUri: 's:plate', strong: false, occupational: true },
      { qualificationId: 'q1', statement: 'Read drawings', skillUri: 's:draw', strong: false, occupational: false },
      { qualificationId: 'q2', statement: 'U: overview', skillUri: 's:weld', strong: true, occupational: false },
      // A new suggestion the labels do not hold.
      { qualificationId: 'q1', statement: 'Read drawings', skillUri: 's:new', strong: true, occupational: true },
    ]);
    expect(result.suggestions).toBe(5);
    expect(result.unlabelled).toBe(1);
    expect(result.rules.map((r) => [r.rule, r.kept, r.labelled, r.right, r.precision, r.recall])).toEqual([
      ['all suggestions', 5, 4, 2, 0.5, 1],
      ['strong evidence (the whole preferred label)', 3, 2, 1, 0.5, 0.5],
      ["a skill the standard's occupations need", 2, 1, 0, 0, 0],
      ['counted in qualification coverage (either)', 4, 3, 1, 0.333, 0.5],
    ]);
  });

  it('refuses a label that is not 0 or 1, naming the line', () => {
    expect(() => parseLabels(LABELS.replace('\t1\t\n', '\tyes\t\n'))).toThrow(
      "labels file line 2: label must be 0 or 1 (got 'yes')",
    );
  });
});
