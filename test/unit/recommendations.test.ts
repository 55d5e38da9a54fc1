import { describe, expect, it } from 'vitest';
import type { SkillGap } from '../../src/intelligence/gaps.js';
import { type SkillFacts, updateRecommendation } from '../../src/intelligence/recommendations.js';
import { OccupationIndex, type SignalInput } from '../../src/intelligence/skill-demand.js';

/** Occupations: welder (7212) needs s1, s2, s3 (knowledge); pipefitter (7126) needs s2, s3; clerk (4110) needs s9. */
const index = new OccupationIndex([
  { uri: 'welder', iscoGroup: '7212', essential: ['s1', 's2', 's3'], optional: [] },
  { uri: 'pipefitter', iscoGroup: '7126', essential: ['s2', 's3'], optional: [] },
  { uri: 'clerk', iscoGroup: '4110', essential: ['s9'], optional: [] },
]);
const FACTS: Record<string, SkillFacts> = {
  s1: { label: 'weld steel', skillType: 'skill/competence', deprecated: false, deprecatedIn: null },
  s2: { label: 'read blueprints', skillType: 'skill/competence', deprecated: false, deprecatedIn: null },
  s3: { label: 'metallurgy', skillType: 'knowledge', deprecated: false, deprecatedIn: null },
  s9: { label: 'file documents', skillType: 'skill/competence', deprecated: false, deprecatedIn: null },
  old: { label: 'operate telex', skillType: 'skill/competence', deprecated: true, deprecatedIn: '1.2.0' },
};
const facts = (uri: string) => FACTS[uri] ?? null;
const signal = { sourceId: 'lfs', value: 100 } as SignalInput;
const gap = (skillUri: string, gapScore: number, occupation: string, overrides: Partial<SkillGap> = {}): SkillGap => ({
  skillUri,
  demand: gapScore * 100,
  demandShare: gapScore,
  trend: 0.1,
  trendPeriod: '2023',
  previousDemand: (gapScore * 100) / 1.1,
  trendNote: '',
  coverage: 0,
  gapScore,
  coveringOffers: [],
  unlocatedOffers: [],
  qualificationCoverage: 0,
  qualificationRoutes: [],
  supply: 'NONE',
  contributions: [
    {
      signal,
      weight: gapScore,
      contribution: gapScore * 100,
      method: '',
      margins: [],
      occupationCount: 1,
      topOccupations: [{ uri: occupation, share: 1, relation: 'ESSENTIAL' }],
    },
  ],
  lowReliabilityShare: 0,
  ...overrides,
});
const labels = (uri: string) => uri;

describe('updateRecommendation', () => {
  const base = {
    today: '2026-11-26',
    facts,
    index,
    occupationLabel: labels,
    automation: (uri: string) => (uri === 'welder' ? { value: 3.6, high: true } : null),
  };

  it('gives each reason with a code, a sentence and a weight, and sums them', () => {
    const gapBySkill = new Map([
      ['s1', gap('s1', 0.5, 'welder', { trend: -0.1, demand: 50 })],
      ['s2', gap('s2', 0.2, 'welder')],
    ]);
    const result = updateRecommendation(
      {
        id: 'mc-1',
        expectedRevisionDate: '2025-06-30',
        links: [
          { skillUri: 's1', state: 'SUGGESTED' },
          { skillUri: 'old', state: 'SUGGESTED' },
        ],
        targetOccupations: ['welder'],
      },
      { ...base, gapBySkill, inDemand: new Set(['s1', 's2']) },
    )!;
    expect(result.reasons.map((r) => [r.code, r.weight])).toEqual([
      ['DEPRECATED_SKILL', 0.2],
      ['REVISION_OVERDUE', 0.3],
      ['LINKS_NEVER_REVIEWED', 0.2],
      ['LOSING_DEMAND', 0.3],
      ['MISSING_IN_DEMAND_SKILLS', 0.05],
      ['HIGH_AUTOMATION_EXPOSURE', 0.2],
    ]);
    expect(result.score).toBe(1.25);
    expect(result.reasons[0].detail).toBe(
      '1 linked skill(s) no longer in the current ESCO release: "operate telex" (deprecated in 1.2.0).',
    );
    expect(result.reasons[3].detail).toBe('Demand for its linked skills fell 10.0% (demand-weighted) against 2023.');
    expect(result.reasons[4].detail).toBe(
      'Its target occupations need 1 in-demand skill(s) it does not teach, such as "read blueprints".',
    );
  });

  it('recommends nothing for a reviewed, current offer that teaches what its occupations need', () => {
    const result = updateRecommendation(
      {
        id: 'mc-2',
        expectedRevisionDate: '2027-01-01',
        links: [{ skillUri: 's9', state: 'ACCEPTED' }],
        targetOccupations: ['clerk'],
      },
      { ...base, gapBySkill: new Map(), inDemand: new Set(['s9']) },
    );
    expect(result).toBeNull();
  });
});
