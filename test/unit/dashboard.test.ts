import { describe, expect, it } from 'vitest';
import {
  DASHBOARD_WEIGHTS,
  type DashboardOffer,
  cellTrend,
  dashboardCell,
  explainCell,
  ownOf,
  cellSupply,
} from '../../src/intelligence/dashboard.js';
import type { SkillGap } from '../../src/intelligence/gaps.js';

const gap = (skillUri: string, demand: number, trend: Partial<SkillGap> = {}) =>
  ({ skillUri, demand, trendPeriod: '2023', trendNote: 'against 2023 (1)', ...trend }) as SkillGap;

const offer = (id: string, fields: Partial<DashboardOffer>): DashboardOffer => ({
  id,
  title: id,
  issuerCountries: ['FR'],
  issuerRegions: [],
  participationForm: 'ONSITE',
  accredited: true,
  completenessScore: 1,
  links: [],
  sectors: [],
  targetOccupations: [],
  ...fields,
});

// A manufacturing slice (C × FR): demand 60, 40, 20 and 0; its shares against all sectors' shares.
const gaps = [gap('s1', 60), gap('s2', 40), gap('s3', 20), gap('s4', 0)];
const own = ownOf(
  new Map([
    ['s1', 0.3],
    ['s2', 0.2],
    ['s3', 0.1],
    ['s4', 0],
  ]),
  new Map([
    ['s1', 0.1],
    ['s2', 0.4],
    ['s3', 0.1],
  ]),
);
const offers = [
  // NACE C28 is inside C; it teaches s2, which is not C's own.
  offer('A', { sectors: ['C28'], links: [{ skillUri: 's2', state: 'ACCEPTED' }] }),
  // Online, no sector; targets an own occupation, and one of its two skills (s1) is C's own.
  offer('B', {
    participationForm: 'ONLINE',
    issuerCountries: ['IE'],
    accredited: false,
    completenessScore: 0.6,
    targetOccupations: ['o1'],
    links: [
      { skillUri: 's1', state: 'SUGGESTED' },
      { skillUri: 's9', state: 'ACCEPTED' },
    ],
  }),
  // Retail; its only skill not rejected (s2) is not C's own, nor is its target occupation.
  offer('R', {
    sectors: ['G47'],
    targetOccupations: ['o2'],
    links: [
      { skillUri: 's2', state: 'ACCEPTED' },
      { skillUri: 's1', state: 'REJECTED' },
    ],
  }),
  // Manufacturing, but Danish: it does not reach France.
  offer('D', { issuerCountries: ['DK'], sectors: ['C'], links: [{ skillUri: 's1', state: 'ACCEPTED' }] }),
];
const ownSets = { skills: own, occupations: new Set(['o1']) };
const relevance = {
  green: new Map([
    ['s1', 1],
    ['s9', 0.5],
  ]),
  digital: new Map([['s2', 1]]),
};

describe('ownOf', () => {
  it('keeps what has at least its parent’s share (location quotient ≥ 1), or has no share in the parent', () => {
    expect(DASHBOARD_WEIGHTS.OWN_LOCATION_QUOTIENT).toBe(1);
    // s1 0.3 / 0.1 = 3, s3 0.1 / 0.1 = 1 (kept at the boundary); s2 0.2 / 0.4 = 0.5; s4 has no demand.
    expect([...own].sort()).toEqual(['s1', 's3']);
    expect([...ownOf(new Map([['s5', 0.05]]), new Map())]).toEqual(['s5']);
    // Without a parent (all sectors), everything in demand is the slice's own.
    expect(
      [
        ...ownOf(
          new Map([
            ['s1', 0.3],
            ['s4', 0],
          ]),
          null,
        ),
      ].sort(),
    ).toEqual(['s1']);
  });
});

describe('cellSupply', () => {
  it('counts the offers reaching the region by their sectors, target occupations or taught skills, and says which', () => {
    const counted = cellSupply(offers, { sector: 'C' }, 'FR', ownSets).map((s) => s.counted);
    expect(counted).toEqual([
      { id: 'A', title: 'A', countedBy: ['SECTOR'], reason: 'its sectors include C28' },
      {
        id: 'B',
        title: 'B',
        countedBy: ['TARGET_OCCUPATION', 'TAUGHT_SKILLS'],
        reason: '1 of its 1 target occupations are the sector’s own; 1 of the 2 skills it teaches are the sector’s own',
      },
    ]);
    // Retail gets its own offer (G47 in G); the online one teaches none of the same own skills there.
    expect(
      cellSupply(offers, { sector: 'G' }, 'FR', { skills: new Set(['s2']), occupations: new Set() }).map((s) => [
        s.counted.id,
        s.counted.countedBy,
      ]),
    ).toEqual([
      ['A', ['TAUGHT_SKILLS']],
      ['R', ['SECTOR', 'TAUGHT_SKILLS']],
    ]);
  });

  it('counts an occupation group’s offers by target occupations and taught skills only (an offer has no group code), in the group’s words', () => {
    // A's NACE code C28 does not make it supply of a group; B targets o1 and teaches s1, both the group's own.
    const counted = cellSupply(offers, { occupationGroup: 'KLDB:3' }, 'FR', ownSets).map((s) => s.counted);
    expect(counted).toEqual([
      {
        id: 'B',
        title: 'B',
        countedBy: ['TARGET_OCCUPATION', 'TAUGHT_SKILLS'],
        reason: '1 of its 1 target occupations are the group’s own; 1 of the 2 skills it teaches are the group’s own',
      },
    ]);
  });

  it('nests NACE codes either way (an offer for C counts in C28) and, without a sector, counts every offer reaching the region', () => {
    const section = [offer('S', { sectors: ['c.'] }), offer('T', { sectors: ['C29'] })];
    expect(
      cellSupply(section, { sector: 'C28' }, 'FR', { skills: new Set(), occupations: new Set() }).map(
        (s) => s.counted.id,
      ),
    ).toEqual(['S']);
    expect(
      cellSupply(offers, null, 'FR', ownSets).map((s) => [s.counted.id, s.counted.countedBy, s.counted.reason]),
    ).toEqual([
      ['A', [], 'all sectors: every offer reaching the region'],
      ['B', [], 'all sectors: every offer reaching the region'],
      ['R', [], 'all sectors: every offer reaching the region'],
    ]);
  });
});

describe('dashboardCell with qualification routes', () => {
  it('gives the routes’ share of all skill demand apart, leaving the gap index to the offers', () => {
    const routed = [
      gap('s1', 60, { qualificationCoverage: 0.5 }),
      gap('s2', 40, { qualificationCoverage: 1 }),
      gap('s3', 20),
    ];
    const cell = dashboardCell({
      sliceTotal: 50,
      gaps: routed,
      ownSkills: null,
      supply: [],
      offersReachingRegion: 0,
      region: 'FR',
      relevance,
    });
    // (60 × 0.5 + 40 × 1 + 20 × 0) / 120 = 70 / 120
    expect([cell.qualificationCoveredShareOfDemand, cell.gapIndex, cell.coveredShareOfDemand]).toEqual([0.5833, 1, 0]);
  });
});

describe('dashboardCell', () => {
  const cellOf = (sector: string, ownSkills: Set<string>, ofGaps = gaps, sliceTotal = 50, ofOffers = offers) =>
    dashboardCell({
      sliceTotal,
      gaps: ofGaps,
      ownSkills,
      supply: cellSupply(ofOffers, { sector }, 'FR', { skills: ownSkills, occupations: new Set(['o1']) }),
      offersReachingRegion: 3,
      region: 'FR',
      relevance,
    });

  it('gives the slice total in persons, the gap index over the sector’s own skills by its own offers, and the covered share of all demand', () => {
    // Coverage by A and B: s2 1 × 1 × (0.5 + 0.5 × 1) = 1; s1 (suggested) 0.5 × 0.7 × (0.5 + 0.5 × 0.6) = 0.28; s9 1 × 0.7 × 0.8 = 0.56.
    // Own skills s1, s3: uncovered 60 × 0.72 + 20 × 1 = 63.2 of 80 → 0.79. Covered of all: 60 × 0.28 + 40 × 1 = 56.8 of 120.
    // Green demand 60 / 120; green supply: links s2 (weight 1, relevance 0), s1 (0.5, 1), s9 (1, 0.5) → 1 / 2.5.
    expect(cellOf('C', own)).toEqual({
      sliceTotal: 50,
      skillsInDemand: 3,
      skillDemandSummedOverSkills: 120,
      ownSkills: 2,
      gapIndex: 0.79,
      coveredShareOfDemand: 0.4733,
      qualificationCoveredShareOfDemand: 0,
      green: { demandShare: 0.5, supplyShare: 0.4 },
      digital: { demandShare: 0.3333, supplyShare: 0.4 },
      offers: 2,
      offersReachingRegion: 3,
      supply: [
        { id: 'A', title: 'A', countedBy: ['SECTOR'], reason: 'its sectors include C28' },
        {
          id: 'B',
          title: 'B',
          countedBy: ['TARGET_OCCUPATION', 'TAUGHT_SKILLS'],
          reason:
            '1 of its 1 target occupations are the sector’s own; 1 of the 2 skills it teaches are the sector’s own',
        },
      ],
      averageCompleteness: 0.8,
    });
  });

  it('gives two sectors with the same demand but different supply different gap indices', () => {
    // The same demand and own skills; without the online offer B, retail's supply is R (by its sector; A
    // teaches no own skill) and covers s2 only, which is not among the own skills: nothing of s1 and s3 is
    // covered, so 1. Manufacturing's A and B cover part of s1: 0.79.
    const retail = cellOf('G', own, gaps, 50, [offers[0], offers[2], offers[3]]);
    expect(retail.supply.map((o) => o.id)).toEqual(['R']);
    expect(retail.gapIndex).toBe(1);
    expect(cellOf('C', own).gapIndex).toBe(0.79);
    // Covered share of all demand: retail 40 × 1 of 120.
    expect(retail.coveredShareOfDemand).toBe(0.3333);
    // No offer, no completeness; no own skill, no index.
    const none = dashboardCell({
      sliceTotal: 50,
      gaps,
      ownSkills: new Set(),
      supply: [],
      offersReachingRegion: 3,
      region: 'FR',
      relevance,
    });
    expect([none.gapIndex, none.coveredShareOfDemand, none.offers, none.averageCompleteness]).toEqual([
      null,
      0,
      0,
      null,
    ]);
    // A slice with no demand at all (Eurostat publishes nothing for it) has no index either, and says so.
    const empty = dashboardCell({
      sliceTotal: 0,
      gaps: [],
      ownSkills: new Set(),
      supply: [],
      offersReachingRegion: 2,
      region: 'FR',
      relevance,
    });
    expect(empty.gapIndex).toBeNull();
    const trend = cellTrend(empty, [], null);
    expect(explainCell(empty, trend, 'thousand persons', 'Sector B × FR × 2024')).toBe(
      'Sector B × FR × 2024: 0 thousand persons (the slice’s published figures summed); 0 skills in demand, 0 of them the sector’s own (location quotient ≥ 1). ' +
        'Supply: 0 of the 2 offers reaching the region belong to the sector. ' +
        'No gap index: the slice has no demand for skills particular to the sector. ' +
        'Trend: no earlier period with figures from the same source.',
    );
    // Compared with a period that had an index, no change can be given.
    const withIndex = cellOf('C', own);
    expect(cellTrend(empty, gaps, { period: '2023', cell: withIndex }).gapIndexChange).toBeNull();
  });

  it('compares with the previous period over the same own skills and offers, and says when it cannot', () => {
    const now = cellOf('C', own);
    // 2023: s1 50, s2 40, s3 10, slice total 40. Own uncovered 50 × 0.72 + 10 = 46 of 60 → 0.7667; covered 14 + 40 of 100.
    const before = cellOf('C', own, [gap('s1', 50), gap('s2', 40), gap('s3', 10)], 40);
    const trend = cellTrend(now, gaps, { period: '2023', cell: before });
    expect(trend).toEqual({
      period: '2023',
      previous: { period: '2023', sliceTotal: 40, skillsInDemand: 3, gapIndex: 0.7667, coveredShareOfDemand: 0.54 },
      // (50 − 40) / 40; 0.79 − 0.7667.
      sliceTotalChange: 0.25,
      gapIndexChange: 0.0233,
      note: 'against 2023: that period’s figures of the same source, over the same own skills and today’s offers (the catalogue keeps no history)',
    });
    expect(explainCell(now, trend, 'thousand persons', 'Sector C × FR × 2024')).toBe(
      'Sector C × FR × 2024: 50 thousand persons (the slice’s published figures summed); 3 skills in demand, 2 of them the sector’s own (location quotient ≥ 1). ' +
        'Supply: 2 of the 3 offers reaching the region belong to the sector (A: its sectors include C28; B: 1 of its 1 target occupations are the sector’s own; 1 of the 2 skills it teaches are the sector’s own). ' +
        'Gap index 0.7900: 79.0 % of the demand for the sector’s own skills is not covered by its offers; they cover 47.3 % of all its skill demand. ' +
        'Trend against 2023: that period’s figures of the same source, over the same own skills and today’s offers (the catalogue keeps no history): 40 thousand persons then (+25.0 %), gap index 0.7667 then (+0.0233).',
    );
    // All sectors: every skill and offer is the slice's; the explanation says so instead of naming own skills.
    const all = dashboardCell({
      sliceTotal: 50,
      gaps,
      ownSkills: null,
      supply: cellSupply(offers, null, 'FR', ownSets),
      offersReachingRegion: 3,
      region: 'FR',
      relevance,
    });
    // A, B and R: s2 1 (A) + 1 (R), capped at 1; s1 0.28. Uncovered over every skill: 60 × 0.72 + 0 + 20 = 63.2 of 120.
    expect([all.ownSkills, all.gapIndex, all.coveredShareOfDemand, all.offers]).toEqual([3, 0.5267, 0.4733, 3]);
    const noTrend = cellTrend(all, [gap('s1', 60, { trendPeriod: null, trendNote: 'none' })], null);
    expect(explainCell(all, noTrend, 'vacancies', 'All sectors × FR × 2024', null)).toBe(
      'All sectors × FR × 2024: 50 vacancies (the slice’s published figures summed); 3 skills in demand. Supply: the 3 offers reaching the region. ' +
        'Gap index 0.5267: 52.7 % of the skill demand is not covered by them. Trend: no earlier period with figures from the same source.',
    );
    const broken = 'not comparable with 2023: a figure of the slice is flagged as a break in series (b)';
    expect(
      cellTrend(now, [gap('s1', 60, { trend: null, trendNote: broken })], { period: '2023', cell: before }),
    ).toEqual({
      period: '2023',
      previous: null,
      sliceTotalChange: null,
      gapIndexChange: null,
      note: broken,
    });
    expect(cellTrend(now, [gap('s1', 60, { trendPeriod: null, trendNote: 'no earlier period' })], null).note).toBe(
      'no earlier period with figures from the same source',
    );
    expect(cellTrend(now, gaps, null).note).toBe('2023 could not be read for the same slice');
  });
});
