import { describe, expect, it } from 'vitest';
import {
  NO_NATIONAL_EVIDENCE,
  evidenceSourceFor,
  fitCountry,
  proxyPrior,
} from '../../src/intelligence/national-evidence.js';
import { fitMajorGroup, fitToMargins, minorGroupsFromKldb } from '../../src/intelligence/national-split.js';
import {
  DEFAULT_DERIVATION,
  type DerivationOptions,
  OccupationIndex,
  type SignalInput,
  deriveSkillDemand,
  spreadSignal,
} from '../../src/intelligence/skill-demand.js';

// Every expected value below is solved by hand: IPF keeps the prior's cross-product ratios, so a 2 × 2
// fit with both margins fixed has one unknown, found from a quadratic.

describe('fitToMargins (iterative proportional fitting)', () => {
  it('with a flat prior gives row target × column target / total, exactly', () => {
    const fit = fitToMargins(
      [
        [1, 1],
        [1, 1],
      ],
      [3, 1],
      [2, 2],
    );
    expect(fit.cells).toEqual([
      [1.5, 1.5],
      [0.5, 0.5],
    ]);
    expect(fit.converged).toBe(true);
  });

  it('keeps the prior’s odds ratio and meets both margins: prior [[2,1],[1,2]], rows 3 and 3, columns 4 and 2', () => {
    // x11 = t, x12 = 3 − t, x21 = 4 − t, x22 = t − 1 and t(t − 1) = 4(3 − t)(4 − t): t² − 9t + 16 = 0.
    const t = (9 - Math.sqrt(17)) / 2;
    const fit = fitToMargins(
      [
        [2, 1],
        [1, 2],
      ],
      [3, 3],
      [4, 2],
    );
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeGreaterThan(1);
    const expected = [
      [t, 3 - t],
      [4 - t, t - 1],
    ];
    fit.cells.forEach((row, i) => row.forEach((cell, j) => expect(cell).toBeCloseTo(expected[i][j], 9)));
    // It ends on rows: the row targets (the national figures) hold to the last digit.
    expect(fit.cells.map((row) => row[0] + row[1])).toEqual([3, 3]);
  });

  it('says when it stops before converging', () => {
    const fit = fitToMargins(
      [
        [2, 1],
        [1, 2],
      ],
      [3, 3],
      [4, 2],
      { maxIterations: 1 },
    );
    expect(fit.iterations).toBe(1);
    expect(fit.converged).toBe(false);
    expect(fit.columnGap).toBeGreaterThan(1e-9);
  });
});

describe('fitMajorGroup: one major group of one country', () => {
  it('fits published minor groups to their national shares and pools the unpublished one at the prior’s share', () => {
    // Prior: F 711 5, 712 3, 713 2; C 711 1, 712 1, 713 0. 713 is not published: m = 2 / 12 = 1/6.
    // Targets (Σ rows 150): 711 0.6 × 5/6 × 150 = 75; 712 0.4 × 5/6 × 150 = 50; pool 25 (all in F, C has none).
    // So x_F711 + x_F712 = 75 and x_C711 + x_C712 = 50; with a = x_F711 and the odds ratio 5/3:
    // a(a − 25) = 5/3 (75 − a)², i.e. 2a² − 675a + 28125 = 0.
    const a = (675 - Math.sqrt(675 ** 2 - 8 * 28125)) / 4;
    const prior: Record<string, Record<string, number>> = {
      F: { '711': 5, '712': 3, '713': 2 },
      C: { '711': 1, '712': 1, '713': 0 },
    };
    const fit = fitMajorGroup({
      rows: new Map([
        ['F', 100],
        ['C', 50],
      ]),
      evidence: new Map([
        ['711', 60],
        ['712', 40],
        ['713', null],
      ]),
      prior: (sector, minor) => prior[sector][minor],
    })!;
    expect(fit.pooled).toEqual(['713']);
    expect(fit.converged).toBe(true);
    const f = fit.shares.get('F')!;
    const c = fit.shares.get('C')!;
    expect(f.get('711')).toBeCloseTo(a / 100, 9);
    expect(f.get('712')).toBeCloseTo((75 - a) / 100, 9);
    expect(f.get('713')).toBeCloseTo(0.25, 9);
    expect(c.get('711')).toBeCloseTo((75 - a) / 50, 9);
    expect(c.get('712')).toBeCloseTo((a - 25) / 50, 9);
    expect(c.has('713')).toBe(false);
    // The national margins: each sector's figure is split whole; each minor group's total is its target.
    for (const shares of [f, c]) expect([...shares.values()].reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    expect(100 * f.get('711')! + 50 * c.get('711')!).toBeCloseTo(75, 6);
    expect(100 * f.get('712')! + 50 * c.get('712')!).toBeCloseTo(50, 6);
  });

  it('gives a minor group the proxy has no jobs for a flat prior in proportion to the sectors’ figures', () => {
    // 712 has no prior: F 0.6, C 0.4 (60 and 40 of 100). Odds ratio (1 × 0.4) / (0.6 × 1) = 2/3, targets 50 and 50:
    // a(a − 10) = 2/3 (60 − a)(50 − a), i.e. a² + 190a − 6000 = 0.
    const a = (-190 + Math.sqrt(190 ** 2 + 4 * 6000)) / 2;
    const fit = fitMajorGroup({
      rows: new Map([
        ['F', 60],
        ['C', 40],
      ]),
      evidence: new Map([
        ['711', 50],
        ['712', 50],
      ]),
      prior: (_sector, minor) => (minor === '711' ? 1 : 0),
    })!;
    expect(fit.flatColumns).toEqual(['712']);
    expect(fit.shares.get('F')!.get('711')).toBeCloseTo(a / 60, 9);
    expect(fit.shares.get('C')!.get('712')).toBeCloseTo((a - 10) / 40, 9);
  });

  it('is null when the evidence publishes none of the group’s minor groups (the proxy split stays)', () => {
    expect(
      fitMajorGroup({
        rows: new Map([['F', 10]]),
        evidence: new Map([['011', null]]),
        prior: () => 1,
      }),
    ).toBeNull();
  });
});

describe('minorGroupsFromKldb: the German PES groups through the BA key', () => {
  it('spreads a KldB group’s figure evenly over its 5-digit codes’ ISCO-08 minor groups', () => {
    const key = new Map([
      [
        '321',
        new Map([
          ['711', 7],
          ['311', 3],
        ]),
      ],
      ['621', new Map([['522', 4]])],
    ]);
    expect(
      minorGroupsFromKldb(
        new Map([
          ['321', 100],
          ['621', 8],
          ['999', 5],
        ]),
        key,
      ),
    ).toEqual(
      new Map([
        ['711', 70],
        ['311', 30],
        ['522', 8],
      ]),
    );
  });
});

// A small taxonomy: major group 7 with minor groups 711 (two unit groups) and 712.
const index = new OccupationIndex([
  { uri: 'o:mason', iscoGroup: '7112', essential: ['s:lay-bricks', 's:safety'], optional: [] },
  { uri: 'o:carpenter', iscoGroup: '7115', essential: ['s:saw', 's:safety'], optional: [] },
  { uri: 'o:plasterer', iscoGroup: '7123', essential: ['s:plaster', 's:safety'], optional: [] },
  { uri: 'o:roofer', iscoGroup: '7121', essential: ['s:roof'], optional: [] },
]);
const mix: DerivationOptions['occupationMix'] = {
  bySection: new Map([
    [
      'F',
      new Map([
        ['o:mason', 30],
        ['o:carpenter', 10],
        ['o:plasterer', 20],
      ]),
    ],
  ]),
  source: 'the test mix',
};
const weights: DerivationOptions['unitWeights'] = {
  byUnitGroup: new Map([
    ['7112', 3],
    ['7115', 1],
    ['7121', 1],
    ['7123', 1],
  ]),
  source: 'test job ads',
};

describe('proxyPrior', () => {
  it('is the mix’s jobs of a minor group in a section, else its unit groups’ weights, else how many unit groups it has', () => {
    expect(proxyPrior(index, { occupationMix: mix, unitWeights: weights })('F', '711')).toBe(40);
    expect(proxyPrior(index, { occupationMix: mix, unitWeights: weights })('F', '712')).toBe(20);
    expect(proxyPrior(index, { occupationMix: mix, unitWeights: weights })('C', '711')).toBe(4);
    expect(proxyPrior(index, { occupationMix: mix, unitWeights: null })('C', '711')).toBe(2);
  });
});

const signal = (region: string, sector: string, value: number): SignalInput => ({
  key: `lfs|${region}|${sector}|7`,
  sourceId: 'lfs',
  sourceName: 'LFS',
  metric: 'EMPLOYMENT',
  value,
  unit: 'thousand persons',
  period: '2024',
  region,
  sector,
  targetKind: 'ISCO',
  targetCode: '7',
  flags: [],
  reliability: 'NORMAL',
  retrievedOn: null,
});

describe('fitCountry and the derivation: national evidence before the proxy', () => {
  // Employment F 90, C 30 in group 7; national evidence: 711 60 %, 712 40 % (a 2018 series for a 2024 figure).
  const fitted = fitCountry({
    coarse: new Map([
      ['F', new Map([['7', 90]])],
      ['C', new Map([['7', 30]])],
    ]),
    coarseSource: 'LFS',
    country: 'FR',
    period: '2024',
    evidence: {
      values: new Map([
        ['711', 60],
        ['712', 40],
      ]),
      source: 'EU-LFS ISCO-3',
      period: '2018',
      region: 'FR',
      what: 'employment by ISCO-08 minor group',
    },
    index,
    derivation: { occupationMix: mix, unitWeights: weights },
  });

  it('keeps every national margin: each sector’s figure whole, each minor group at its national share of the total', () => {
    const f = fitted.get('F|7')!.minorShares;
    const c = fitted.get('C|7')!.minorShares;
    expect(f.get('711')! + f.get('712')!).toBeCloseTo(1, 12);
    expect(c.get('711')! + c.get('712')!).toBeCloseTo(1, 12);
    expect(90 * f.get('711')! + 30 * c.get('711')!).toBeCloseTo(0.6 * 120, 6);
    expect(90 * f.get('712')! + 30 * c.get('712')!).toBeCloseTo(0.4 * 120, 6);
    // Prior F (40, 20), C (4, 2) (weights 3 + 1 and 1 + 1): proportional rows, so the fit is the column shares in both.
    expect(f.get('711')).toBeCloseTo(0.6, 9);
    expect(c.get('712')).toBeCloseTo(0.4, 9);
  });

  it('names both margins and how old each is', () => {
    const shares = fitted.get('F|7')!;
    expect(shares.margins).toEqual([
      { role: 'sector × ISCO-08 major group', source: 'LFS', period: '2024', region: 'FR', yearsBefore: 0 },
      {
        role: 'employment by ISCO-08 minor group within each major group, all sectors',
        source: 'EU-LFS ISCO-3',
        period: '2018',
        region: 'FR',
        yearsBefore: 6,
      },
    ]);
    expect(shares.method).toContain('6 years older');
    expect(shares.method).toContain('kept exactly');
  });

  it('splits a figure by the fitted minor-group shares, then by the mix’s jobs inside each minor group', () => {
    const national: DerivationOptions = {
      ...DEFAULT_DERIVATION,
      occupationMix: mix,
      unitWeights: weights,
      nationalSplit: (s) => (s.region === 'FR' ? fitted.get(`${s.sector}|${s.targetCode}`)! : NO_NATIONAL_EVIDENCE),
    };
    const spread = spreadSignal(signal('FR', 'F', 90), index, national);
    // 711 0.6: mason 30 and carpenter 10 of 40 jobs; 712 0.4: plasterer 20 of 20 (the roofer has no jobs in F).
    expect(spread.occupations.map((o) => [o.uri, Number(o.share.toFixed(9))])).toEqual([
      ['o:carpenter', 0.15],
      ['o:mason', 0.45],
      ['o:plasterer', 0.4],
    ]);
    expect(spread.margins).toHaveLength(2);
    expect(spread.method).toContain('within the minor groups over their 3 ESCO occupations');

    // Without national evidence the mix alone splits it (mason 30, carpenter 10, plasterer 20 of 60), and says so.
    const proxy = spreadSignal(signal('ES', 'F', 90), index, national);
    expect(proxy.occupations.map((o) => [o.uri, o.share])).toEqual([
      ['o:mason', 0.5],
      ['o:carpenter', 1 / 6],
      ['o:plasterer', 1 / 3],
    ]);
    expect(proxy.method).toContain(NO_NATIONAL_EVIDENCE);
    expect(proxy.margins).toBeUndefined();

    // Two countries' figures of the same group and sector are spread apart, not one for both.
    const { skills } = deriveSkillDemand([signal('FR', 'F', 90), signal('ES', 'F', 90)], index, national);
    expect(skills.get('s:plaster')!.demand).toBeCloseTo(90 * 0.4 + 90 / 3, 9);
    expect(
      skills
        .get('s:plaster')!
        .contributions.map((c) => c.margins.length)
        .sort(),
    ).toEqual([0, 2]);
  });
});

describe('evidenceSourceFor', () => {
  const coverages = [
    {
      id: 'lfs3',
      name: 'EU-LFS ISCO-3',
      entries: ['2016', '2018'].map((period) => ({
        metric: 'EMPLOYMENT',
        period,
        regions: ['FR', 'FR10'],
        sectors: [null],
        targets: ['ISCO-3'],
      })),
    },
    {
      id: 'pes',
      name: 'PES',
      entries: ['2023', '2024', '2025'].map((period) => ({
        metric: 'VACANCIES',
        period,
        regions: ['DE212', 'DE300'],
        sectors: [null],
        targets: ['KLDB-3'],
      })),
    },
  ];
  it('takes employment by minor group first, then registered vacancies by KldB group, of the latest period not after the figure’s', () => {
    expect(evidenceSourceFor(coverages, 'FR', '2024')).toEqual({
      sourceId: 'lfs3',
      name: 'EU-LFS ISCO-3',
      period: '2018',
      kind: 'ISCO-3',
    });
    expect(evidenceSourceFor(coverages, 'DE', '2024')).toMatchObject({
      sourceId: 'pes',
      period: '2024',
      kind: 'KLDB-3',
    });
    expect(evidenceSourceFor(coverages, 'DE', '2020')).toMatchObject({ sourceId: 'pes', period: '2023' });
    expect(evidenceSourceFor(coverages, 'ES', '2024')).toBeNull();
  });
});
