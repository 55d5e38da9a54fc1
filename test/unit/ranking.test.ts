import { describe, expect, it } from 'vitest';
import type { SkillGap } from '../../src/intelligence/gaps.js';
import { rankByGap, rankByShortage, rankBySpecificity, rankNote } from '../../src/intelligence/ranking.js';

/** A gap row with what the rankings read: its shares, coverage and (for shortage) the vacancies and unemployed that reached it. */
function gap(
  skillUri: string,
  fields: {
    demandShare: number;
    coverage?: number;
    demand?: number;
    withUnemployed?: { vacancies: number; unemployed: number };
  },
): SkillGap {
  const coverage = fields.coverage ?? 0;
  return {
    skillUri,
    demand: fields.demand ?? 0,
    demandShare: fields.demandShare,
    trend: null,
    trendPeriod: null,
    previousDemand: null,
    trendNote: '',
    coverage,
    gapScore: Math.round(fields.demandShare * (1 - coverage) * 1e6) / 1e6,
    coveringOffers: [],
    unlocatedOffers: [],
    qualificationCoverage: 0,
    qualificationRoutes: [],
    supply: 'NONE',
    lowReliabilityShare: 0,
    contributions: [],
    withUnemployed: fields.withUnemployed ?? null,
  };
}

describe('rankByGap', () => {
  it('keeps the gap order and scores', () => {
    const ranked = rankByGap([gap('a', { demandShare: 0.5 }), gap('b', { demandShare: 0.4, coverage: 0.5 })]);
    expect(ranked.map((g) => [g.skillUri, g.rankScore])).toEqual([
      ['a', 0.5],
      ['b', 0.2],
    ]);
    expect(rankNote(ranked[1])).toBe('Ranked by gap score 0.2000 = demand share × (1 − coverage).');
  });
});

describe('rankByShortage', () => {
  // a: 30 vacancies (a figure of 100 at weight 0.3) against its 100 unemployed × 0.3 = 30 → 0.5;
  // b: 20 (100 × 0.2) against 20 × 0.2 = 4 → 20/24; c: no unemployed figure → the slice's 1 vacancy per person → 0.5.
  const gaps = [
    gap('a', { demandShare: 0.5, demand: 30, withUnemployed: { vacancies: 30, unemployed: 30 } }),
    gap('c', { demandShare: 0.45, demand: 45 }),
    gap('b', { demandShare: 0.4, demand: 20, withUnemployed: { vacancies: 20, unemployed: 4 } }),
  ];

  it('scales each gap score by vacancies / (vacancies + unemployed) and reorders', () => {
    const ranked = rankByShortage(gaps, 1);
    expect(ranked.map((g) => [g.skillUri, g.rankScore, g.shortage])).toEqual([
      ['b', 0.333333, { vacancies: 20, unemployed: 4, factor: 0.8333, fromSlice: false }],
      ['a', 0.25, { vacancies: 30, unemployed: 30, factor: 0.5, fromSlice: false }],
      ['c', 0.225, { vacancies: 45, unemployed: null, factor: 0.5, fromSlice: true }],
    ]);
    expect(rankNote(ranked[0])).toBe(
      'Ranked by shortage: gap score 0.4000 × shortage 0.833 = 0.3333; shortage = vacancies 20 / (vacancies + unemployed 4).',
    );
    expect(rankNote(ranked[2])).toBe(
      "Ranked by shortage: gap score 0.4500 × the slice's shortage factor 0.500 (its figures have no unemployed counterpart) = 0.2250.",
    );
  });
});

describe('rankBySpecificity', () => {
  it('ranks by the demand share above the parent’s, × (1 − coverage), with the location quotient', () => {
    const parent = new Map([
      ['a', 0.1],
      ['b', 0.5],
      ['d', 0.4],
    ]);
    const ranked = rankBySpecificity(
      [
        gap('b', { demandShare: 0.6, coverage: 0.5 }),
        gap('a', { demandShare: 0.5 }),
        gap('d', { demandShare: 0.3 }),
        gap('c', { demandShare: 0.2 }),
      ],
      parent,
      'all sectors in FR',
    );
    expect(ranked.map((g) => [g.skillUri, g.rankScore, g.specificity])).toEqual([
      ['a', 0.4, { parent: 'all sectors in FR', parentShare: 0.1, locationQuotient: 5 }],
      ['c', 0.2, { parent: 'all sectors in FR', parentShare: 0, locationQuotient: null }],
      ['b', 0.05, { parent: 'all sectors in FR', parentShare: 0.5, locationQuotient: 1.2 }],
      ['d', 0, { parent: 'all sectors in FR', parentShare: 0.4, locationQuotient: 0.75 }],
    ]);
    expect(rankNote(ranked[0])).toBe(
      'Ranked by specificity: (demand share 0.5000 − its share 0.1000 in all sectors in FR) × (1 − coverage 0.00) = 0.4000; 5.00 times its share there.',
    );
  });
});
