import { describe, expect, it } from 'vitest';
import { EXACT_LIMIT, type PlanOffer, planCourses, rejectionReason } from '../../src/matching/course-plan.js';

const offer = (id: string, skills: string[], hours: number, extra: Partial<PlanOffer> = {}): PlanOffer => ({
  id,
  skills,
  workloadHours: hours,
  ects: null,
  costAmount: 0,
  costCurrency: 'EUR',
  participationForm: 'ONSITE',
  issuerCountries: ['HR'],
  issuerRegions: [],
  languages: ['hr'],
  eqfLevel: 4,
  voucherEligible: true,
  ilaEligible: true,
  validUntil: null,
  accredited: true,
  completeness: 1,
  ...extra,
});
const ids = (plan: { courses: Array<{ id: string }> }) => plan.courses.map((c) => c.id);

describe('planCourses: optimal on hand-made cases', () => {
  it('finds the least total workload that covers every missing skill, not the single course that does', () => {
    const result = planCourses(
      ['a', 'b', 'c'],
      [
        offer('X', ['a', 'b'], 40),
        offer('Y', ['c'], 10),
        offer('Z', ['a', 'b', 'c'], 60),
        offer('W', ['a'], 5),
        offer('V', ['b'], 5),
      ],
      {},
    );
    expect(result.method).toBe('EXACT');
    expect(ids(result.plan)).toEqual(['V', 'W', 'Y']);
    expect(result.plan).toMatchObject({ uncovered: [], totalHours: 20, totalCost: 0 });
    expect(result.plan.courses.map((c) => c.covers)).toEqual([['b'], ['a'], ['c']]);
    // Alternatives share no course with the plan or with each other: X + … cannot cover c without Y, so Z alone.
    expect(result.alternatives.map(ids)).toEqual([['Z'], ['X']]);
    expect(result.alternatives[1].uncovered).toEqual(['c']);
  });

  it('breaks a workload tie by cost, then by the number of courses, then by quality', () => {
    expect(
      ids(
        planCourses(['a'], [offer('P', ['a'], 10, { costAmount: 100 }), offer('Q', ['a'], 10, { costAmount: 50 })], {})
          .plan,
      ),
    ).toEqual(['Q']);
    expect(
      ids(planCourses(['a', 'b'], [offer('R', ['a', 'b'], 20), offer('S', ['a'], 10), offer('T', ['b'], 10)], {}).plan),
    ).toEqual(['R']);
    const quality = planCourses(
      ['a'],
      [offer('U', ['a'], 10, { accredited: false, completeness: 0.6 }), offer('A', ['a'], 10)],
      {},
    );
    expect(ids(quality.plan)).toEqual(['A']);
  });

  it('gives the best partial plan when the workload limit cannot fit everything, and says what stays uncovered', () => {
    const result = planCourses(
      ['a', 'b', 'c'],
      [offer('A', ['a'], 10), offer('B', ['b'], 10), offer('BC', ['b', 'c'], 12)],
      { maxWorkloadHours: 22 },
    );
    // a + (b, c) = 22 h covers all three; with 21 h the best is two skills in the least hours.
    expect(result.plan).toMatchObject({ uncovered: [], totalHours: 22 });
    const tight = planCourses(
      ['a', 'b', 'c'],
      [offer('A', ['a'], 10), offer('B', ['b'], 10), offer('BC', ['b', 'c'], 12)],
      { maxWorkloadHours: 21 },
    );
    expect(ids(tight.plan)).toEqual(['BC']);
    expect(tight.plan).toMatchObject({ uncovered: ['a'], totalHours: 12 });
  });

  it('reports skills no offer teaches, and plans the rest', () => {
    const result = planCourses(['a', 'nowhere'], [offer('A', ['a'], 10)], {});
    expect(result.untaught).toEqual(['nowhere']);
    expect(result.plan.uncovered).toEqual(['nowhere']);
    expect(ids(result.plan)).toEqual(['A']);
  });

  it('switches to the greedy cover beyond the exact limit, and says so', () => {
    const many = Array.from({ length: EXACT_LIMIT + 1 }, (_, i) =>
      offer(`O${String(i).padStart(2, '0')}`, [`s${i}`], 10 + i),
    );
    const result = planCourses(
      many.map((o) => o.skills[0]),
      many,
      {},
    );
    expect(result.method).toBe('GREEDY');
    expect(result.plan.uncovered).toEqual([]);
    expect(result.plan.courses).toHaveLength(EXACT_LIMIT + 1);
  });
});

describe('planCourses: every constraint of the profile', () => {
  const plan = (offers: PlanOffer[], constraints: Parameters<typeof planCourses>[2]) =>
    planCourses(['a'], offers, constraints);

  it('region: only offers issued there, or online for a person who can learn remotely', () => {
    const offers = [
      offer('elsewhere', ['a'], 5, { issuerCountries: ['AT'] }),
      offer('online', ['a'], 8, { participationForm: 'ONLINE', issuerCountries: ['AT'] }),
      offer('local', ['a'], 9, { issuerRegions: ['HR04'] }),
    ];
    expect(ids(plan(offers, { region: 'HR041' }).plan)).toEqual(['online']);
    const noRemote = plan(offers, { region: 'HR041', remote: false });
    expect(ids(noRemote.plan)).toEqual(['local']);
    expect(noRemote.rejected).toEqual([
      { id: 'elsewhere', reason: 'not offered in HR041' },
      { id: 'online', reason: 'online, but the person cannot learn remotely' },
    ]);
  });

  it('modes of participation', () => {
    const result = plan([offer('class', ['a'], 5), offer('web', ['a'], 9, { participationForm: 'ONLINE' })], {
      modes: ['ONLINE'],
    });
    expect(ids(result.plan)).toEqual(['web']);
    expect(result.rejected).toEqual([{ id: 'class', reason: 'form of participation ONSITE not among ONLINE' }]);
  });

  it('maximum total workload', () => {
    const result = plan([offer('long', ['a'], 50)], { maxWorkloadHours: 40 });
    expect(result.plan).toMatchObject({ courses: [], uncovered: ['a'] });
    expect(result.rejected).toEqual([{ id: 'long', reason: '50 hours alone exceed the limit of 40' }]);
  });

  it('earliest start', () => {
    const result = plan(
      [
        offer('ending', ['a'], 5, { validUntil: '2026-12-31' }),
        offer('running', ['a'], 9, { validUntil: '2027-06-30' }),
      ],
      { earliestStart: '2027-01-15' },
    );
    expect(ids(result.plan)).toEqual(['running']);
    expect(result.rejected[0]).toEqual({
      id: 'ending',
      reason: 'offered only until 2026-12-31, before the earliest start 2027-01-15',
    });
  });

  it('languages', () => {
    const result = plan(
      [offer('de', ['a'], 5, { languages: ['de'] }), offer('en', ['a'], 9, { languages: ['en', 'de'] })],
      { languages: ['en', 'hr'] },
    );
    expect(ids(result.plan)).toEqual(['en']);
    expect(result.rejected[0]).toEqual({ id: 'de', reason: 'taught in de, not in en, hr' });
  });

  it('EQF level: at most one above the person’s', () => {
    const result = plan([offer('eqf6', ['a'], 5, { eqfLevel: 6 }), offer('eqf5', ['a'], 9, { eqfLevel: 5 })], {
      eqfLevel: 4,
    });
    expect(ids(result.plan)).toEqual(['eqf5']);
    expect(result.rejected[0]).toEqual({ id: 'eqf6', reason: "EQF level 6 above the person's level 4 + 1" });
  });

  it('funding: voucher or individual learning account eligibility, the amount and its currency', () => {
    const offers = [
      offer('no-voucher', ['a'], 4, { voucherEligible: false }),
      offer('no-ila', ['a'], 5, { ilaEligible: false }),
      offer('dear', ['a'], 6, { costAmount: 900 }),
      offer('kuna', ['a'], 7, { costAmount: 100, costCurrency: 'HRK' }),
      offer('fits', ['a'], 8, { costAmount: 400 }),
    ];
    const voucher = plan(offers, { funding: { kind: 'VOUCHER', amount: 500, currency: 'EUR' } });
    expect(ids(voucher.plan)).toEqual(['no-ila']);
    expect(voucher.rejected).toEqual([
      { id: 'dear', reason: 'costs 900 EUR, more than the funding 500' },
      { id: 'kuna', reason: 'priced in HRK, funding in EUR' },
      { id: 'no-voucher', reason: 'not eligible for a training voucher' },
    ]);
    const ila = plan(offers, { funding: { kind: 'ILA', amount: 500, currency: 'EUR' } });
    expect(ids(ila.plan)).toEqual(['no-voucher']);
    expect(ila.rejected.find((r) => r.id === 'no-ila')).toEqual({
      id: 'no-ila',
      reason: 'not eligible for an individual learning account',
    });
  });

  it('the funding amount also caps the plan’s total cost', () => {
    const result = planCourses(
      ['a', 'b'],
      [offer('A', ['a'], 5, { costAmount: 300 }), offer('B', ['b'], 5, { costAmount: 300 })],
      { funding: { kind: 'VOUCHER', amount: 500, currency: 'EUR' } },
    );
    expect(result.plan.courses).toHaveLength(1);
    expect(result.plan.totalCost).toBe(300);
    expect(result.plan.uncovered).toHaveLength(1);
  });

  it('accepts an offer that meets every constraint', () => {
    expect(
      rejectionReason(offer('ok', ['a'], 5), {
        region: 'HR',
        modes: ['ONSITE'],
        maxWorkloadHours: 10,
        earliestStart: '2027-01-01',
        languages: ['hr'],
        eqfLevel: 4,
        funding: { kind: 'VOUCHER', amount: 10, currency: 'EUR' },
      }),
    ).toBeNull();
  });
});
