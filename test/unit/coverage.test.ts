import { describe, expect, it } from 'vitest';
import type { Completeness } from '../../src/catalogue/completeness.js';
import { occupationCoverage, summariseCompleteness } from '../../src/catalogue/coverage.js';

describe('occupationCoverage', () => {
  it('counts covered and confirmed essential skills, uncovered first', () => {
    const coverage = occupationCoverage('o:1', [
      { skillUri: 's:a', offers: [{ id: 'm1', confirmed: false }] },
      { skillUri: 's:b', offers: [] },
      {
        skillUri: 's:c',
        offers: [
          { id: 'm1', confirmed: true },
          { id: 'm2', confirmed: false },
        ],
      },
    ]);
    expect(coverage).toMatchObject({
      essentialSkillCount: 3,
      coveredSkillCount: 2,
      confirmedSkillCount: 1,
      coverage: 0.67,
    });
    expect(coverage.skills.map((s) => s.skillUri)).toEqual(['s:b', 's:a', 's:c']);
  });
  it('is zero, not NaN, for an occupation without essential skills', () => {
    expect(occupationCoverage('o:2', []).coverage).toBe(0);
  });
});

describe('summariseCompleteness', () => {
  const assessment = (score: number, missingMandatory: string[]): Completeness =>
    ({
      score,
      missingMandatory,
      checks: [
        { check: 'WORKLOAD_IN_ECTS', principle: 'Transparency', outcome: score === 1 ? 'PASS' : 'FAIL', detail: '' },
      ],
    }) as unknown as Completeness;
  it('averages scores and counts missing elements and check outcomes', () => {
    const summary = summariseCompleteness([
      assessment(1, []),
      assessment(0.5, ['WORKLOAD', 'LEVEL']),
      assessment(0.75, ['WORKLOAD']),
    ]);
    expect(summary).toMatchObject({ offers: 3, averageScore: 0.75, complete: 1 });
    expect(summary.missing).toEqual([
      { element: 'WORKLOAD', offers: 2 },
      { element: 'LEVEL', offers: 1 },
    ]);
    expect(summary.checks).toEqual([
      { check: 'WORKLOAD_IN_ECTS', outcome: 'FAIL', offers: 2 },
      { check: 'WORKLOAD_IN_ECTS', outcome: 'PASS', offers: 1 },
    ]);
  });
});
