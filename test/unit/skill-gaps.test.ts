import { describe, expect, it } from 'vitest';
import {
  type OfferSupply,
  explainGap,
  offerReachesRegion,
  rankSkillGaps,
  skillCoverage,
} from '../../src/intelligence/gaps.js';
import {
  DEFAULT_DERIVATION,
  deriveOccupationDemand,
  describeOccupationDemand,
  deriveSkillDemand,
} from '../../src/intelligence/skill-demand.js';
import { demandBesideUnemployed } from '../../src/intelligence/ranking.js';
import { index, signal, weights } from './fixtures/demand.js';

const demandOf = (result: ReturnType<typeof deriveSkillDemand>) =>
  Object.fromEntries([...result.skills.values()].map((s) => [s.skillUri, s.demand]).sort());

describe('deriveSkillDemand', () => {
  it('splits an ISCO major group over its unit groups by job-ad weight, then evenly over occupations, essential in full and optional at half', () => {
    const result = deriveSkillDemand([signal({})], index, weights);
    // o1 and o2 get 100 × 3/4 × 1/2 = 37.5 each; o3 gets 100 × 1/4 = 25.
    expect(demandOf(result)).toEqual({ s1: 37.5, s2: 75, s3: 18.75, s4: 25 });
    expect(result.spreads[0]).toMatchObject({
      grain: 'ISCO-1',
      method:
        'ISCO group 7 over its 2 unit groups in proportion to EU online job-ad counts, then evenly over the 3 ESCO occupations in them',
    });
    const s2 = result.skills.get('s2')!;
    expect(s2.contributions).toEqual([
      {
        signal: expect.objectContaining({ targetCode: '7', value: 100 }),
        weight: 0.75,
        contribution: 75,
        method: result.spreads[0].method,
        margins: [],
        occupationCount: 2,
        topOccupations: [
          { uri: 'o1', share: 0.375, relation: 'ESSENTIAL' },
          { uri: 'o2', share: 0.375, relation: 'ESSENTIAL' },
        ],
      },
    ]);
  });

  it('splits evenly without weights, and says so', () => {
    const result = deriveSkillDemand([signal({})], index, DEFAULT_DERIVATION);
    expect(demandOf(result)).toEqual({ s1: 25, s2: 50, s3: 12.5, s4: 50 });
    expect(result.spreads[0].method).toBe(
      'ISCO group 7 over its 2 unit groups evenly (no unit-group weights), then evenly over the 3 ESCO occupations in them',
    );
  });

  it('credits an occupation-level figure to that occupation alone, and takes a unit group as it is', () => {
    const result = deriveSkillDemand(
      [signal({ targetKind: 'OCCUPATION', targetCode: 'o2', value: 10 }), signal({ targetCode: '7112', value: 4 })],
      index,
      weights,
    );
    expect(demandOf(result)).toEqual({ s2: 10, s4: 4 });
    expect(result.spreads.map((s) => s.grain)).toEqual(['OCCUPATION', 'ISCO-4']);
  });

  it('shapes a sector figure by the occupation mix of that sector, and falls back to unit-group weights for sectors it lacks', () => {
    // In sector F, o3 has 3 jobs for every job of o1; o2 has none there.
    const mix = {
      bySection: new Map([
        [
          'F',
          new Map([
            ['o1', 10],
            ['o3', 30],
            ['o4', 99],
          ]),
        ],
      ]),
      source: 'a test mix',
    };
    const options = { ...weights, occupationMix: mix };
    const construction = deriveSkillDemand([signal({ sector: 'F41' })], index, options);
    expect(demandOf(construction)).toEqual({ s1: 25, s2: 25, s3: 12.5, s4: 75 });
    expect(construction.spreads[0].method).toBe(
      'ISCO group 7 over the 2 of its 3 ESCO occupations that have jobs in sector F, in proportion to those jobs in a test mix',
    );
    // Sector C has no mix: job-ad weights as before.
    expect(demandOf(deriveSkillDemand([signal({ sector: 'C' })], index, options))).toEqual({
      s1: 37.5,
      s2: 75,
      s3: 18.75,
      s4: 25,
    });
  });

  it('lets a figure that was not published contribute nothing (not zero demand: no entry at all)', () => {
    const result = deriveSkillDemand(
      [signal({ targetCode: '2', value: null, reliability: 'NOT_PUBLISHED' })],
      index,
      weights,
    );
    expect(result.skills.size).toBe(0);
    expect(result.spreads).toHaveLength(1);
  });
});

describe('deriveSkillDemand without evidence', () => {
  it('gives the same demand figures, without contributions', () => {
    const signals = [signal({}), signal({ targetCode: '7112', value: 4 }), signal({ targetCode: '2', value: 10 })];
    const full = deriveSkillDemand(signals, index, weights);
    const lean = deriveSkillDemand(signals, index, weights, { evidence: false });
    expect(demandOf(lean)).toEqual(demandOf(full));
    expect(demandOf(lean)).toEqual({ s1: 37.5, s2: 75, s3: 18.75, s4: 29, s5: 10 });
    expect([...lean.skills.values()].every((s) => s.contributions.length === 0)).toBe(true);
    expect(full.skills.get('s2')!.contributions[0].topOccupations.map((o) => o.uri)).toEqual(['o1', 'o2']);
  });

  it('adds each occupation up over the figures before crediting its skills, with what-if factors and unpublished figures, as the full derivation does', () => {
    const signals = [signal({}), signal({ targetCode: '7112', value: 4 }), signal({ targetCode: '2', value: null })];
    const shifted = { ...weights, occupationFactor: (uri: string) => (uri === 'o1' ? 2 : 1) };
    const full = deriveSkillDemand(signals, index, shifted);
    const lean = deriveSkillDemand(signals, index, shifted, { evidence: false });
    expect(demandOf(lean)).toEqual(demandOf(full));
    // o1's 37.5 doubled: s1 (o1 only) 75; the unpublished group 2 figure adds nothing (no s5).
    expect(demandOf(lean).s1).toBe(75);
    expect(lean.skills.has('s5')).toBe(false);
    expect(lean.spreads.map((spread) => spread.signal.targetCode)).toEqual(['7', '7112', '2']);
  });
});

const occupationDemandOf = (result: ReturnType<typeof deriveOccupationDemand>) =>
  Object.fromEntries([...result.entries()].map(([uri, d]) => [uri, d.demand]).sort());

describe('deriveOccupationDemand', () => {
  const method7 =
    'ISCO group 7 over its 2 unit groups in proportion to EU online job-ad counts, then evenly over the 3 ESCO occupations in them';

  it('splits an ISCO major group over its unit groups by job-ad weight, then evenly over the occupations of each', () => {
    // 7111 takes 3/4 of 100, shared by o1 and o2 (37.5 each); 7112 takes 1/4, all to o3.
    const result = deriveOccupationDemand([signal({})], index, weights);
    const top = (share: number) => ({ signal: signal({}), share, method: method7 });
    expect(Object.fromEntries(result)).toEqual({
      o1: { demand: 37.5, figures: 1, methods: [method7], top: top(0.375) },
      o2: { demand: 37.5, figures: 1, methods: [method7], top: top(0.375) },
      o3: { demand: 25, figures: 1, methods: [method7], top: top(0.25) },
    });
  });

  it('says what an occupation’s figure is a share of, and when it adds several figures', () => {
    const single = deriveOccupationDemand([signal({})], index, weights);
    expect(describeOccupationDemand(single.get('o1')!)).toBe(
      `37.5 of the 100 thousand persons of ISCO-08 group 7 in sector F in FR, 2024 (37.5 %: ${method7})`,
    );
    const several = deriveOccupationDemand([signal({}), signal({ targetCode: '7112', value: 4 })], index, weights);
    // o3: 25 of the major group's 100 and all 4 of unit group 7112.
    expect(describeOccupationDemand(several.get('o3')!)).toBe(
      `29 thousand persons from 2 figures, the largest 25 of the 100 thousand persons of ISCO-08 group 7 in sector F in FR, 2024 (25 %: ${method7})`,
    );
  });

  it('splits evenly without unit-group weights', () => {
    // 7111 and 7112 take 50 each: o1 and o2 25, o3 50.
    expect(occupationDemandOf(deriveOccupationDemand([signal({})], index, DEFAULT_DERIVATION))).toEqual({
      o1: 25,
      o2: 25,
      o3: 50,
    });
  });

  it('adds the figures that reach an occupation, counting them and naming at most three ways they were spread', () => {
    const result = deriveOccupationDemand(
      [
        signal({}), // o3: 25
        signal({ targetCode: '7112', value: 4 }), // o3: 4
        signal({ targetKind: 'OCCUPATION', targetCode: 'o3', value: 1 }), // o3: 1
        signal({ targetCode: '71', value: 8 }), // o3: 8 × 1/4 = 2, a fourth way
        signal({ targetCode: '2', value: null, reliability: 'NOT_PUBLISHED' }), // not published: nothing
      ],
      index,
      weights,
    );
    expect(result.get('o3')).toEqual({
      demand: 32,
      figures: 4,
      // The figure that gave o3 the most: the major group's 25 of 100.
      top: { signal: signal({}), share: 0.25, method: method7 },
      methods: [
        method7,
        'ISCO unit group 7112, then evenly over the 1 ESCO occupations in them',
        'an ESCO occupation, as the source gives it',
      ],
    });
    // o1: 37.5 + 8 × 3/4 × 1/2 = 40.5; o4 (unit group 2512) only had the unpublished figure: no entry.
    expect(occupationDemandOf(result)).toEqual({ o1: 40.5, o2: 40.5, o3: 32 });
  });

  it('shapes a sector figure by the occupation mix of its section, and uses unit-group weights for a section without one', () => {
    const mix = {
      bySection: new Map([
        [
          'F',
          new Map([
            ['o1', 10],
            ['o3', 30],
            ['o4', 99],
          ]),
        ],
      ]),
      source: 'a test mix',
    };
    const options = { ...weights, occupationMix: mix };
    // Major group 7 in F41: o1 10 and o3 30 jobs of 40 (o4 is not in group 7; o2 has no jobs in F and no share).
    expect(occupationDemandOf(deriveOccupationDemand([signal({ sector: 'F41' })], index, options))).toEqual({
      o1: 25,
      o3: 75,
    });
    expect(occupationDemandOf(deriveOccupationDemand([signal({ sector: 'C' })], index, options))).toEqual({
      o1: 37.5,
      o2: 37.5,
      o3: 25,
    });
  });

  it('spreads a KldB group over its mapped occupations by mapping weight, ignoring occupations not in the taxonomy', () => {
    const options = {
      ...weights,
      nationalMappings: {
        KLDB: {
          byGroup: new Map([
            [
              '521',
              new Map([
                ['o1', 1],
                ['o2', 0.5],
                ['gone', 1],
              ]),
            ],
          ]),
          source: 'a test mapping',
        },
      },
    };
    // o1 takes 1/1.5 and o2 0.5/1.5 of 30.
    expect(
      occupationDemandOf(
        deriveOccupationDemand([signal({ targetKind: 'KLDB', targetCode: '521', value: 30 })], index, options),
      ),
    ).toEqual({ o1: 20, o2: 10 });
  });

  it('scales an occupation’s share by a what-if factor for the sector it names', () => {
    const options = {
      ...weights,
      occupationFactor: (uri: string, sector: string | null) => (uri === 'o1' && sector === 'F' ? 0.5 : 1),
    };
    expect(
      occupationDemandOf(deriveOccupationDemand([signal({}), signal({ sector: 'C', value: 40 })], index, options)),
    ).toEqual({
      // o1: 37.5 × 0.5 in F + 40 × 3/8 in C; o2: 37.5 + 15; o3: 25 + 10.
      o1: 33.75,
      o2: 52.5,
      o3: 35,
    });
  });

  it('is the occupation-level step of deriveSkillDemand: essential skills take an occupation’s demand in full, optional ones at half', () => {
    const signals = [signal({}), signal({ targetKind: 'OCCUPATION', targetCode: 'o4', value: 6 })];
    const occupations = deriveOccupationDemand(signals, index, weights);
    // By the index built above: s1 ← o1; s2 ← o1, o2; s3 ← o1 optional; s4 ← o3; s5 ← o4.
    expect(occupationDemandOf(occupations)).toEqual({ o1: 37.5, o2: 37.5, o3: 25, o4: 6 });
    expect(demandOf(deriveSkillDemand(signals, index, weights))).toEqual({
      s1: 37.5,
      s2: 75,
      s3: 18.75,
      s4: 25,
      s5: 6,
    });
  });
});

describe('skillCoverage and offerReachesRegion', () => {
  const offers: OfferSupply[] = [
    {
      id: 'A',
      title: 'Online',
      issuerCountries: ['DK'],
      issuerRegions: [],
      participationForm: 'ONLINE',
      accredited: true,
      completenessScore: 1,
      links: [
        { skillUri: 's1', state: 'ACCEPTED' },
        { skillUri: 's1', state: 'SUGGESTED' },
      ],
    },
    {
      id: 'B',
      title: 'Danish',
      issuerCountries: ['DK'],
      issuerRegions: [],
      participationForm: 'ONSITE',
      accredited: true,
      completenessScore: 1,
      links: [{ skillUri: 's2', state: 'ACCEPTED' }],
    },
    {
      id: 'C',
      title: 'French',
      issuerCountries: ['FR'],
      issuerRegions: [],
      participationForm: 'ONSITE',
      accredited: false,
      completenessScore: 0.5,
      links: [
        { skillUri: 's2', state: 'SUGGESTED' },
        { skillUri: 's4', state: 'REJECTED' },
      ],
    },
    {
      id: 'D',
      title: 'Parisian',
      issuerCountries: ['FR'],
      issuerRegions: ['FR10'],
      participationForm: 'ONSITE',
      accredited: true,
      completenessScore: 1,
      links: [{ skillUri: 's4', state: 'ADDED' }],
    },
  ];

  it('lists an offer that states no country or region and is not online beside its skills, as counted in no region', () => {
    const international: OfferSupply = {
      id: 'I',
      title: 'International welding practitioner',
      issuerCountries: [],
      issuerRegions: [],
      participationForm: 'BLENDED',
      accredited: true,
      completenessScore: 1,
      links: [
        { skillUri: 's5', state: 'ACCEPTED' },
        { skillUri: 's1', state: 'SUGGESTED' },
        { skillUri: 's6', state: 'REJECTED' },
      ],
    };
    const coverage = skillCoverage([...offers, international], 'FR');
    expect(coverage.get('s5')).toEqual({
      coverage: 0,
      offers: [],
      unlocated: [{ id: 'I', title: 'International welding practitioner' }],
    });
    // s1 is covered by the online offer and still names the unlocated one; a rejected link is no teaching.
    expect(coverage.get('s1')).toMatchObject({ coverage: 1, unlocated: [{ id: 'I' }] });
    expect(coverage.has('s6')).toBe(false);
    // Online, it would reach every region; asked without a region, it counts.
    expect(skillCoverage([{ ...international, participationForm: 'ONLINE' }], 'FR').get('s5')?.coverage).toBe(1);
    expect(skillCoverage([international], null).get('s5')).toMatchObject({ coverage: 1, unlocated: [] });
  });

  it('reaches a region online, nationally, or through nested NUTS codes', () => {
    expect(offers.map((o) => offerReachesRegion(o, 'FR'))).toEqual([true, false, true, true]);
    expect(offers.map((o) => offerReachesRegion(o, 'FR10'))).toEqual([true, false, true, true]);
    expect(offers.map((o) => offerReachesRegion(o, 'FRB0'))).toEqual([true, false, true, false]);
    expect(offers.map((o) => offerReachesRegion(o, null))).toEqual([true, true, true, true]);
  });

  it('reaches every named country of an offer awarded in several, and the UK (NUTS UK, ISO GB) from an English region', () => {
    const several = { participationForm: 'ONSITE', issuerCountries: ['HR', 'SI', 'AT'], issuerRegions: [] };
    expect(['HR03', 'SI', 'AT13', 'IT', 'DE21'].map((region) => offerReachesRegion(several, region))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    const english = { participationForm: null, issuerCountries: ['GB'], issuerRegions: ['UKC', 'UKI'] };
    expect(['UK', 'UKI', 'UKI3', 'UKM', 'UKN'].map((region) => offerReachesRegion(english, region))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('reaches a Greek region (NUTS EL) from an offer issued nationally in Greece (ISO GR), and a what-if offer there too', async () => {
    const greek: OfferSupply = { ...offers[1], id: 'G', title: 'Greek', issuerCountries: ['GR'] };
    expect([
      offerReachesRegion(greek, 'EL30'),
      offerReachesRegion(greek, 'EL'),
      offerReachesRegion(greek, 'CY'),
    ]).toEqual([true, true, false]);
    const { applyWhatIf } = await import('../../src/intelligence/what-if.js');
    const { offers: added } = applyWhatIf(
      [],
      [],
      {
        newOffers: [{ id: 'n', title: null, skills: [], regions: ['EL30', 'EL'], online: false, accredited: true }],
        retireOffers: [],
        demandShifts: [],
      },
      index,
    );
    expect(added.map((o) => [o.issuerCountries, o.issuerRegions])).toEqual([[['GR'], ['EL30']]]);
  });

  it('weights each link by state, provider accreditation and completeness, and caps coverage at 1', () => {
    const coverage = skillCoverage(offers, 'FR');
    expect(coverage.get('s1')).toEqual({
      coverage: 1,
      offers: [
        {
          id: 'A',
          title: 'Online',
          weight: 1,
          detail: 'accepted link ×1 · provider accredited ×1 · completeness 1.00 ×1.00',
        },
      ],
      unlocated: [],
    });
    // 0.5 (suggested) × 0.7 (not accredited) × 0.75 (completeness 0.5) = 0.2625; the Danish offer does not reach France.
    expect(coverage.get('s2')).toEqual({
      coverage: 0.2625,
      offers: [
        {
          id: 'C',
          title: 'French',
          weight: 0.2625,
          detail: 'suggested link ×0.5 · provider not accredited ×0.7 · completeness 0.50 ×0.75',
        },
      ],
      unlocated: [],
    });
    // The rejected link counts for nothing; the Paris offer covers s4 in France.
    expect(coverage.get('s4')?.offers.map((o) => o.id)).toEqual(['D']);
    expect(skillCoverage(offers, 'FRB0').get('s4')).toBeUndefined();
  });
});

describe('rankSkillGaps', () => {
  const offers: OfferSupply[] = [
    {
      id: 'A',
      title: 'Online',
      issuerCountries: ['DK'],
      issuerRegions: [],
      participationForm: 'ONLINE',
      accredited: true,
      completenessScore: 1,
      links: [{ skillUri: 's1', state: 'ACCEPTED' }],
    },
    {
      id: 'C',
      title: 'French',
      issuerCountries: ['FR'],
      issuerRegions: [],
      participationForm: 'ONSITE',
      accredited: false,
      completenessScore: 0.5,
      links: [{ skillUri: 's2', state: 'SUGGESTED' }],
    },
  ];
  const slice = { sector: 'F', region: 'FR', period: '2024', metric: 'EMPLOYMENT' };

  it('ranks skills by demand share × (1 − coverage), with the trend against the earlier period', () => {
    const { slice: summary, gaps } = rankSkillGaps({
      slice,
      signals: [signal({}), signal({ targetCode: '2', value: null, reliability: 'NOT_PUBLISHED' })],
      previous: { period: '2023', signals: [signal({ period: '2023', value: 80 })] },
      offers,
      index,
      options: weights,
    });
    // The 2023 figure is 80 against 100: each skill's 2023 demand is 0.8 of its 2024 demand.
    expect(
      gaps.map((g) => [g.skillUri, g.demand, g.demandShare, g.coverage, g.gapScore, g.trend, g.previousDemand]),
    ).toEqual([
      ['s2', 75, 0.75, 0.2625, 0.553125, 0.25, 60],
      ['s4', 25, 0.25, 0, 0.25, 0.25, 20],
      ['s3', 18.75, 0.1875, 0, 0.1875, 0.25, 15],
      ['s1', 37.5, 0.375, 1, 0, 0.25, 30],
    ]);
    expect(summary).toMatchObject({ total: 100, signals: 2, notPublished: 1, grains: ['ISCO-1'] });
    expect(
      explainGap(
        { ...gaps[1], unlocatedOffers: [{ id: 'I', title: 'International welding practitioner' }] },
        summary,
        'skill four',
      ),
    ).toContain(
      'Coverage 0: no published offer or qualification route that reaches this region teaches it. Not counted: 1 offer(s) teaching it state no country or region they are issued in and are not online ("International welding practitioner"), so they reach no region.',
    );
    const text = explainGap(gaps[0], summary, 'skill two');
    expect(text).toBe(
      'Demand: 75.0 thousand persons in occupations that need "skill two" (75.0% of 100 in sector F, FR, 2024), from 1 source figure(s) spread down the ISCO and occupation graph. ' +
        'Trend: +25.0% against 2023 (60). ' +
        'Coverage 0.26 from 1 offer(s): C (0.26: suggested link ×0.5 · provider not accredited ×0.7 · completeness 0.50 ×0.75). ' +
        'Gap score = demand share 75.0% × (1 − coverage 0.26) = 0.5531. ' +
        "1 of the slice's 2 source figures are not published, so demand is a lower bound.",
    );
  });

  it('derives a row’s evidence when asked, once, as with every row’s; sums the low-reliability share and the unemployed beside vacancies without it', () => {
    // 100 (ISCO 7) reaches s1 37.5, s2 75, s3 18.75, s4 25; a low-reliability 10 for o2 adds 10 to s2 (85 in all).
    const input = {
      slice,
      signals: [signal({}), signal({ targetKind: 'OCCUPATION', targetCode: 'o2', value: 10, reliability: 'LOW' })],
      previous: null,
      offers,
      index,
      options: weights,
    };
    const annotated: number[] = [];
    const lazy = rankSkillGaps(
      { ...input, annotate: (c) => annotated.push(c.contribution) },
      { evidence: 'ON_DEMAND' },
    );
    const all = rankSkillGaps(input);
    const row = (ranking: typeof all, uri: string) => ranking.gaps.find((g) => g.skillUri === uri)!;
    expect(lazy.gaps.map((g) => [g.skillUri, g.demand, g.lowReliabilityShare])).toEqual([
      ['s2', 85, 0.1176],
      ['s4', 25, 0],
      ['s3', 18.75, 0],
      ['s1', 37.5, 0],
    ]);
    expect(lazy.gaps.map((g) => g.contributions.length)).toEqual([0, 0, 0, 0]);
    const copy = { ...row(lazy, 's2') };
    lazy.addEvidence(['s2']);
    lazy.addEvidence(['s2']);
    expect(copy.contributions.map((c) => c.contribution)).toEqual([75, 10]);
    expect(copy.contributions).toEqual(row(all, 's2').contributions);
    expect(annotated).toEqual([75, 10]);
    expect(row(lazy, 's4').contributions).toEqual([]);
    expect(all.gaps.map((g) => g.contributions.length)).toEqual([2, 1, 1, 1]);

    // Unemployed of 40 beside the first figure: each skill's vacancies from it, and 40 at the same shares.
    const beside = demandBesideUnemployed(input.signals, (s) => (s.value === 100 ? 40 : null), index, weights);
    expect(Object.fromEntries([...beside].sort())).toEqual({
      s1: { vacancies: 37.5, unemployed: 15 },
      s2: { vacancies: 75, unemployed: 30 },
      s3: { vacancies: 18.75, unemployed: 7.5 },
      s4: { vacancies: 25, unemployed: 10 },
    });
  });

  it('counts qualification routes apart: suggestions only with strong evidence or to skills their occupations need, title links at half, never in the gap score', () => {
    const route = (id: string, regions: string[], links: OfferSupply['links']): OfferSupply => ({
      id,
      title: `Standard ${id}`,
      issuerCountries: ['FR'],
      issuerRegions: regions,
      participationForm: null,
      accredited: true,
      completenessScore: 1,
      links,
      kind: 'QUALIFICATION',
    });
    const routes = [
      // s3: suggested (0.5) from stated outcomes, and a skill its occupations need: counts 0.5.
      route(
        'Q1',
        ['FR1'],
        [
          { skillUri: 's3', state: 'SUGGESTED', stated: true, occupational: true },
          // s4: suggested, not a skill its occupations need, weak evidence: not counted.
          { skillUri: 's4', state: 'SUGGESTED', stated: true, occupational: false },
          // s1: the same, but with strong evidence: counts 0.5.
          { skillUri: 's1', state: 'SUGGESTED', stated: true, occupational: false, strong: true },
        ],
      ),
      // s3 again from the description (×0.5): 0.25; s4 accepted, though not occupational: counts 1 × 0.5 = 0.5.
      route(
        'Q2',
        [],
        [
          { skillUri: 's3', state: 'SUGGESTED', stated: false, occupational: true },
          { skillUri: 's4', state: 'ACCEPTED', stated: false, occupational: false },
        ],
      ),
      // Awarded only in a region of another country: reaches no French region.
      route('Q3', ['DE2'], [{ skillUri: 's3', state: 'ACCEPTED', stated: true, occupational: true }]),
    ];
    const { gaps } = rankSkillGaps({
      slice: { ...slice, region: 'FR10' },
      signals: [signal({})],
      previous: null,
      offers,
      routes,
      index,
      options: weights,
    });
    const row = (uri: string) => gaps.find((g) => g.skillUri === uri)!;
    expect([row('s3').qualificationCoverage, row('s3').supply, row('s3').coverage]).toEqual([
      0.75,
      'QUALIFICATION_ONLY',
      0,
    ]);
    expect(row('s3').qualificationRoutes.map((r) => [r.id, r.weight, r.detail])).toEqual([
      ['Q1', 0.5, 'suggested link ×0.5 · an approved qualification route ×1 (a skill its occupations need)'],
      [
        'Q2',
        0.25,
        'suggested link ×0.5 · from the title or description, no stated outcomes ×0.5 · an approved qualification route ×1 (a skill its occupations need)',
      ],
    ]);
    // The gap score ignores the routes: demand share × (1 − 0).
    expect(row('s3').gapScore).toBe(row('s3').demandShare);
    expect(row('s4').qualificationRoutes.map((r) => [r.id, r.weight])).toEqual([['Q2', 0.5]]);
    expect(row('s1').qualificationRoutes.map((r) => [r.id, r.weight, r.detail])).toEqual([
      ['Q1', 0.5, 'suggested link ×0.5 · an approved qualification route ×1 (strong evidence)'],
    ]);
    expect([row('s1').supply, row('s2').supply]).toEqual(['MICRO_CREDENTIAL', 'MICRO_CREDENTIAL']);
    expect(
      explainGap(
        row('s3'),
        rankSkillGaps({ slice, signals: [signal({})], previous: null, offers, index, options: weights }).slice,
        'skill three',
      ),
    ).toContain(
      'Coverage 0: no published micro-credential that reaches this region teaches it; it is taught in 2 qualification route(s) (qualification coverage 0.75): Q1 "Standard Q1" (0.50); Q2 "Standard Q2" (0.25), whose units could become stackable micro-credentials.',
    );
  });

  it('gives no trend across a break in series, and says why; counts low-reliability demand', () => {
    const { gaps } = rankSkillGaps({
      slice,
      signals: [signal({ flags: ['b', 'u'], reliability: 'LOW' })],
      previous: { period: '2023', signals: [signal({ period: '2023', value: 80 })] },
      offers: [],
      index,
      options: weights,
    });
    expect(gaps[0]).toMatchObject({
      skillUri: 's2',
      trend: null,
      previousDemand: null,
      trendNote: 'not comparable with 2023: a figure of the slice is flagged as a break in series (b)',
      lowReliabilityShare: 1,
    });
  });
});

describe('applyWhatIf', () => {
  it('adds and retires offers, scales a sector’s figures, and scales an occupation’s share, saying what it did', async () => {
    const { applyWhatIf } = await import('../../src/intelligence/what-if.js');
    const offers: OfferSupply[] = [
      {
        id: 'A',
        title: 'A',
        issuerCountries: ['FR'],
        issuerRegions: [],
        participationForm: 'ONSITE',
        accredited: true,
        completenessScore: 1,
        links: [{ skillUri: 's1', state: 'ACCEPTED' }],
      },
    ];
    const result = applyWhatIf(
      [signal({ sector: 'F41' }), signal({ sector: 'C', targetCode: '7112' })],
      offers,
      {
        newOffers: [{ id: 'new', title: null, skills: ['s4'], regions: ['FR10'], online: false, accredited: true }],
        retireOffers: ['A'],
        demandShifts: [
          { occupationUri: null, isco: null, sector: 'F', factor: 2 },
          { occupationUri: 'o2', isco: null, sector: null, factor: 0 },
        ],
      },
      index,
    );
    expect(result.signals.map((s) => s.value)).toEqual([200, 100]);
    expect(result.offers.map((o) => [o.id, o.issuerCountries, o.issuerRegions, o.links])).toEqual([
      ['new', ['FR'], ['FR10'], [{ skillUri: 's4', state: 'ACCEPTED' }]],
    ]);
    expect([result.occupationFactor!('o2', null), result.occupationFactor!('o1', null)]).toEqual([0, 1]);
    expect(result.changes).toEqual([
      'offer A retired',
      'new offer new teaching 1 skill(s) in FR10',
      'demand of sector F × 2',
      'demand of occupation o2 × 0',
    ]);
    // Re-ranked: o2 no longer carries demand, so s2 only gets o1's share.
    const { gaps } = rankSkillGaps({
      slice: { sector: 'F', region: 'FR', period: '2024', metric: 'EMPLOYMENT' },
      signals: result.signals.slice(0, 1),
      previous: null,
      offers: result.offers,
      index,
      options: { ...weights, occupationFactor: result.occupationFactor },
    });
    expect(Object.fromEntries(gaps.map((g) => [g.skillUri, g.demand]))).toEqual({ s1: 75, s2: 75, s3: 37.5, s4: 50 });
  });
});

describe('rankSkillGroupGaps', () => {
  it('rolls skill gaps up into groups: summed shares and gap scores, demand-weighted coverage', async () => {
    const { rankSkillGroupGaps } = await import('../../src/intelligence/gaps.js');
    const gap = (skillUri: string, demand: number, demandShare: number, coverage: number, gapScore: number) =>
      ({ skillUri, demand, demandShare, coverage, gapScore }) as never;
    const groups = rankSkillGroupGaps(
      [
        gap('s1', 30, 0.3, 1, 0),
        gap('s2', 10, 0.1, 0, 0.1),
        gap('s3', 50, 0.5, 0.5, 0.25),
        gap('s9', 5, 0.05, 0, 0.05),
      ],
      (uri) => (uri === 's9' ? null : uri === 's3' ? 'g-b' : 'g-a'),
    );
    expect(
      groups.map((g) => [g.groupUri, g.skills.map((s) => s.skillUri), g.demandShare, g.coverage, g.gapScore]),
    ).toEqual([
      ['g-b', ['s3'], 0.5, 0.5, 0.25],
      // (30 × 1 + 10 × 0) / 40 = 0.75
      ['g-a', ['s2', 's1'], 0.4, 0.75, 0.1],
    ]);
  });

  it('ranks groups, and skills within them, by the rank score asked when the rows carry one', async () => {
    const { rankSkillGroupGaps } = await import('../../src/intelligence/gaps.js');
    const gap = (skillUri: string, gapScore: number, rankScore: number) =>
      ({ skillUri, demand: 10, demandShare: 0.1, coverage: 0, gapScore, rankScore }) as never;
    // By gap score g-b (0.25) would lead; by rank score (e.g. shortage) g-a does: 0.2 + 0.15 against 0.05.
    const groups = rankSkillGroupGaps([gap('s1', 0.1, 0.15), gap('s2', 0.05, 0.2), gap('s3', 0.25, 0.05)], (uri) =>
      uri === 's3' ? 'g-b' : 'g-a',
    );
    expect(groups.map((g) => [g.groupUri, g.skills.map((s) => s.skillUri), g.gapScore, g.rankScore])).toEqual([
      ['g-a', ['s2', 's1'], 0.15, 0.35],
      ['g-b', ['s3'], 0.25, 0.05],
    ]);
  });
});
