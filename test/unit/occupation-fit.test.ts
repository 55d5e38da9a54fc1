import { describe, expect, it } from 'vitest';
import { OccupationIndex } from '../../src/intelligence/skill-demand.js';
import {
  type OccupationDemandFacts,
  candidateFits,
  coverageOf,
  explainMatch,
  fitOccupation,
  rankOccupations,
  scoreDemand,
} from '../../src/matching/occupation-fit.js';
import { heldCredits } from '../../src/matching/held-credits.js';
import { explainTransition, hierarchyBonus, originCredits, rankTransitions } from '../../src/matching/transitions.js';

// A small skill hierarchy: operate forklift ⊂ operate warehouse equipment; a related skill; a sibling.
const neighbours = {
  broader: (uri: string) =>
    ({ 's:forklift': ['s:warehouse-equipment'], 's:pallet-jack': ['s:warehouse-equipment'] })[uri] ?? [],
  narrower: (uri: string) => ({ 's:warehouse-equipment': ['s:forklift', 's:pallet-jack'] })[uri] ?? [],
  related: (uri: string) => ({ 's:forklift': ['s:load-safety'], 's:load-safety': ['s:forklift'] })[uri] ?? [],
  similar: (): Array<{ uri: string; similarity: number }> => [],
};

const index = new OccupationIndex([
  {
    uri: 'o:forklift',
    iscoGroup: '8344',
    essential: ['s:forklift', 's:load-safety', 's:stock'],
    optional: ['s:pallet-jack'],
  },
  { uri: 'o:warehouse', iscoGroup: '9333', essential: ['s:warehouse-equipment', 's:stock'], optional: [] },
  { uri: 'o:crane', iscoGroup: '8343', essential: ['s:crane', 's:load-safety'], optional: ['s:rigging'] },
  { uri: 'o:cook', iscoGroup: '5120', essential: ['s:cook'], optional: [] },
]);

describe('heldCredits', () => {
  it('credits a held skill in full and its neighbours in part, keeping the best credit and where it came from', () => {
    const credits = heldCredits(['s:forklift'], neighbours);
    expect(Object.fromEntries(credits)).toEqual({
      's:forklift': { credit: 1, kind: 'EXACT', via: 's:forklift' },
      's:warehouse-equipment': { credit: 0.7, kind: 'NARROWER_HELD', via: 's:forklift' },
      's:load-safety': { credit: 0.4, kind: 'RELATED_HELD', via: 's:forklift' },
    });
    // Holding the general skill gives its narrower ones at 0.5; an exact holding beats any near credit.
    const both = heldCredits(['s:warehouse-equipment', 's:load-safety'], neighbours);
    expect(both.get('s:pallet-jack')).toEqual({ credit: 0.5, kind: 'BROADER_HELD', via: 's:warehouse-equipment' });
    expect(both.get('s:load-safety')).toEqual({ credit: 1, kind: 'EXACT', via: 's:load-safety' });
    expect(both.get('s:forklift')).toEqual({ credit: 0.5, kind: 'BROADER_HELD', via: 's:warehouse-equipment' });
  });
});

describe('near credits through similar words', () => {
  // Stock control is described in nearly the same words as three skills of a storekeeper: stock ledger (0.74, a
  // near-synonym), stock records (0.62) and stock counting (0.51); and as pallet jack (0.47), an optional
  // skill of the forklift operator.
  const similar: Record<string, Array<{ uri: string; similarity: number }>> = {
    's:stock': [
      { uri: 's:stock-ledger', similarity: 0.74 },
      { uri: 's:stock-records', similarity: 0.62 },
      { uri: 's:stock-count', similarity: 0.51 },
      { uri: 's:pallet-jack', similarity: 0.47 },
    ],
  };
  const words = { ...neighbours, similar: (uri: string) => similar[uri] ?? [] };
  const stores = {
    uri: 'o:stores',
    iscoGroup: '4321',
    essential: ['s:stock-records', 's:stock-count', 's:stock-ledger', 's:cook', 's:forklift'],
    optional: [],
  };

  it('credits a skill described in nearly the same words at 0.3, with the similarity, below any ESCO relation', () => {
    const credits = heldCredits(['s:stock', 's:forklift'], words);
    expect(credits.get('s:stock-records')).toEqual({
      credit: 0.3,
      kind: 'SIMILAR_HELD',
      via: 's:stock',
      similarity: 0.62,
    });
    // Pallet jack is also a sibling of forklift (broader warehouse equipment is not held): similar words only, 0.3.
    expect(credits.get('s:pallet-jack')).toEqual({
      credit: 0.3,
      kind: 'SIMILAR_HELD',
      via: 's:stock',
      similarity: 0.47,
    });
    // A relation beats similar words: load safety stays RELATED_HELD 0.4.
    expect(credits.get('s:load-safety')?.kind).toBe('RELATED_HELD');
    // From similarity 0.7, a near-synonym: 0.5.
    expect(credits.get('s:stock-ledger')).toEqual({
      credit: 0.5,
      kind: 'SIMILAR_HELD',
      via: 's:stock',
      similarity: 0.74,
    });
  });

  it('lets one held skill vouch for two skills of an occupation besides itself, the most similar', () => {
    const credits = heldCredits(['s:stock', 's:forklift'], words);
    const fit = fitOccupation(stores, credits);
    // Essential: forklift 1 (exact) + stock ledger 0.5 + stock records 0.3 (both via stock); stock counting, also
    // near through stock, does not count a third time; cook 0. (1 + 0.5 + 0.3) / 5 = 0.36.
    expect(fit.essentialCoverage).toBe(0.36);
    expect(fit.nearEssential).toEqual([
      { uri: 's:stock-ledger', credit: 0.5, kind: 'SIMILAR_HELD', via: 's:stock', similarity: 0.74 },
      { uri: 's:stock-records', credit: 0.3, kind: 'SIMILAR_HELD', via: 's:stock', similarity: 0.62 },
    ]);
    expect(fit.missingEssential).toEqual(['s:stock-records', 's:stock-count', 's:stock-ledger', 's:cook']);
    expect(coverageOf(stores, credits).essentialCoverage).toBe(0.36);
    const storesIndex = new OccupationIndex([stores, ...index.byUri.values()]);
    const quick = candidateFits(storesIndex, credits).find((f) => f.needs.uri === 'o:stores');
    expect(quick?.essentialCoverage).toBe(0.36);
    // Forklift operator: essential forklift 1 + load safety 0.4 (related) + stock 1 = 0.8; its optional pallet jack
    // 0.3 through stock (a list apart: stock vouches for two skills in each); fit 0.8 × 0.8 + 0.2 × 0.3 = 0.7.
    const forklift = candidateFits(storesIndex, credits).find((f) => f.needs.uri === 'o:forklift');
    expect([forklift?.essentialCoverage, forklift?.optionalCoverage, forklift?.skillFit]).toEqual([0.8, 0.3, 0.7]);
  });

  it('explains a similar-words credit with its similarity', () => {
    const credits = heldCredits(['s:stock', 's:forklift'], words);
    const [match] = rankOccupations(new OccupationIndex([stores]), credits, { demand: null, automation: () => null });
    expect(explainMatch(match, (uri) => uri)).toContain(
      'is close on 2 more ("s:stock-ledger": a skill described in nearly the same words is held, "s:stock" (similarity 0.74), credit 0.5; "s:stock-records": a skill described in nearly the same words is held, "s:stock" (similarity 0.62), credit 0.3)',
    );
  });
});

describe('fitOccupation', () => {
  it('counts near matches in part and lists them as missing, never as held', () => {
    const fit = fitOccupation(index.byUri.get('o:forklift')!, heldCredits(['s:forklift', 's:stock'], neighbours));
    // Essential: forklift 1 + load safety 0.4 (related) + stock 1 = 2.4 of 3; optional: pallet jack not held.
    expect(fit.essentialCoverage).toBe(0.8);
    expect(fit.optionalCoverage).toBe(0);
    expect(fit.skillFit).toBe(0.64);
    expect(fit.missingEssential).toEqual(['s:load-safety']);
    expect(fit.nearEssential).toEqual([{ uri: 's:load-safety', credit: 0.4, kind: 'RELATED_HELD', via: 's:forklift' }]);
    expect(fit.matchedEssential.map((m) => m.uri)).toEqual(['s:forklift', 's:stock', 's:load-safety']);
    expect(fit.missingOptional).toEqual(['s:pallet-jack']);
  });

  it('uses the essential coverage alone for an occupation without optional skills', () => {
    const fit = fitOccupation(index.byUri.get('o:warehouse')!, heldCredits(['s:forklift'], neighbours));
    expect(fit.essentialCoverage).toBe(0.35);
    expect(fit.skillFit).toBe(0.35);
  });
});

describe('candidateFits', () => {
  it('gives, through the skill → occupation inverse, exactly the coverage of every occupation with an essential skill held or near', () => {
    for (const held of [
      ['s:forklift'],
      ['s:forklift', 's:stock'],
      ['s:warehouse-equipment', 's:load-safety', 's:rigging'],
      ['s:cook', 's:pallet-jack'],
      ['s:rigging'],
      [],
    ]) {
      const credits = heldCredits(held, neighbours);
      const expected = [...index.byUri.values()]
        .filter((needs) => needs.essential.some((uri) => credits.has(uri)))
        .map((needs) => ({ needs, ...coverageOf(needs, credits) }))
        .map(({ needs, essentialCoverage, optionalCoverage, skillFit }) => ({
          uri: needs.uri,
          essentialCoverage,
          optionalCoverage,
          skillFit,
        }));
      const fits = candidateFits(index, credits).map(({ needs, essentialCoverage, optionalCoverage, skillFit }) => ({
        uri: needs.uri,
        essentialCoverage,
        optionalCoverage,
        skillFit,
      }));
      expect(fits, held.join(' + ')).toEqual(expected);
    }
    // Rigging is only optional (for the crane operator): no candidate. Forklift + stock: three occupations.
    expect(candidateFits(index, heldCredits(['s:rigging'], neighbours))).toEqual([]);
    expect(
      candidateFits(index, heldCredits(['s:forklift', 's:stock'], neighbours)).map((fit) => [
        fit.needs.uri,
        fit.essentialCoverage,
      ]),
    ).toEqual([
      ['o:forklift', 0.8],
      ['o:warehouse', 0.85],
      ['o:crane', 0.2],
    ]);
  });
});

describe('rankOccupations', () => {
  const credits = heldCredits(['s:forklift', 's:stock'], neighbours);

  it('ranks by skill fit without a region, leaving out occupations with no essential skill held or near', () => {
    const ranked = rankOccupations(index, credits, { demand: null, automation: () => null });
    expect(ranked.map((m) => [m.uri, m.score])).toEqual([
      ['o:warehouse', 0.85],
      ['o:forklift', 0.64],
      ['o:crane', 0.16],
    ]);
    expect(ranked[0].demandWeighed).toBe(false);
  });

  it('weighs demand in the region by percentile and trend, and explains the score', () => {
    const facts = (value: number, trend: number | null): OccupationDemandFacts => ({
      value,
      unit: 'vacancies',
      trend,
      region: 'DE212',
      period: '2024',
      source: 'de-ba',
    });
    const demand = new Map([
      ['o:forklift', facts(300, 0.2)],
      ['o:warehouse', facts(100, -0.1)],
      ['o:crane', facts(50, null)],
    ]);
    expect(Object.fromEntries([...scoreDemand(demand)].map(([uri, d]) => [uri, [d.percentile, d.score]]))).toEqual({
      'o:crane': [0.3333, 0.3333],
      'o:warehouse': [0.6667, 0.5667],
      'o:forklift': [1, 1],
    });
    const ranked = rankOccupations(index, credits, {
      demand,
      automation: (uri) => (uri === 'o:forklift' ? { value: 0.71, high: true } : null),
    });
    // forklift 0.75 × 0.64 + 0.25 × 1 = 0.73; warehouse 0.75 × 0.85 + 0.25 × 0.5667 = 0.7792; crane 0.75 × 0.16 + 0.25 × 0.3333 = 0.2033.
    expect(ranked.map((m) => [m.uri, m.score])).toEqual([
      ['o:warehouse', 0.7792],
      ['o:forklift', 0.73],
      ['o:crane', 0.2033],
    ]);
    const labels: Record<string, string> = { 's:load-safety': 'ensure load safety', 's:forklift': 'operate forklift' };
    const text = explainMatch(ranked[1], (uri) => labels[uri] ?? uri);
    expect(text).toContain(
      'Has 2 of its 3 essential skills, and is close on 1 more ("ensure load safety": a related skill is held, "operate forklift", credit 0.4)',
    );
    expect(text).toContain(
      'Demand in DE212 (2024, de-ba): 300 vacancies, above 100% of occupations there, up 20% on the year before; demand score 1.00.',
    );
    expect(text).toContain('Score = 0.75 × 0.64 + 0.25 × 1.00 = 0.73.');
    expect(text).toContain('Automation exposure 0.71 (high).');
  });
});

describe('rankTransitions', () => {
  it('ranks occupations by how much of them a person from the origin already has, adjusted by prospects, and explains it', () => {
    const automation = (uri: string) => (uri === 'o:crane' ? { value: 0.8, high: true } : null);
    const demand = new Map([
      ['o:warehouse', { value: 10, unit: 'persons', trend: -0.2, region: 'FR', period: '2024', source: 'x' }],
    ]);
    const ranked = rankTransitions('o:forklift', index, neighbours, { demand, automation });
    // From forklift operator (forklift, load safety, stock held; pallet jack, optional, at 0.5): warehouse needs
    // warehouse-equipment (0.7 via forklift) and stock (1): 0.85, but ISCO 9333 is skill level 1 against 8344's 2,
    // a step down, so it follows crane: crane (0) and load safety (1): essential 0.5, optional rigging 0 → 0.4,
    // viable. No shared unit group or ESCO parent: no hierarchy bonus. Cook shares nothing and is left out.
    expect(ranked.map((t) => [t.to, t.similarity, t.prospects, t.score, t.viable, t.stepDown])).toEqual([
      ['o:crane', 0.4, 0.9, 0.36, true, false],
      ['o:warehouse', 0.85, 0.9, 0.765, true, true],
    ]);
    const text = explainTransition(ranked[0], (uri) => uri);
    expect(text).toBe(
      'From "o:forklift": 1 of the 2 essential skills of "o:crane" are already there; similarity 0.40 (skill fit 0.40 = 0.8 × essential 50% + 0.2 × optional 0%), a viable move. ' +
        'To add: 1 essential skill(s), such as "s:crane". Score = similarity × prospects 0.90 (−0.1 high automation exposure (0.80)) = 0.36.',
    );
    expect(rankTransitions('o:unknown', index, neighbours, { demand: null, automation: () => null })).toEqual([]);
  });

  it('credits the origin’s optional skills at 0.5 and adds 0.1 each for a shared unit group and ESCO parent', () => {
    const credits = originCredits(index.byUri.get('o:forklift')!, neighbours);
    expect(credits.get('s:pallet-jack')).toEqual({ credit: 0.5, kind: 'ORIGIN_OPTIONAL', via: 's:pallet-jack' });
    // An essential skill's own credit stays: forklift 1.
    expect(credits.get('s:forklift')?.credit).toBe(1);
    const a = { uri: 'o:a', iscoGroup: '8344', essential: [], optional: [], broader: ['o:parent'] };
    expect(hierarchyBonus(a, { ...a, uri: 'o:b' })).toEqual({
      bonus: 0.2,
      reasons: ['+0.1 same ISCO-08 unit group 8344', "+0.1 next to each other in ESCO's occupation hierarchy"],
    });
    expect(hierarchyBonus(a, { uri: 'o:parent', iscoGroup: '8343', essential: [], optional: [] }).bonus).toBe(0.1);
    expect(
      hierarchyBonus(a, { uri: 'o:c', iscoGroup: '8343', essential: [], optional: [], broader: ['o:other'] }),
    ).toEqual({
      bonus: 0,
      reasons: [],
    });
    // Similarity = skill fit + bonus, at most 1: crane in forklift's unit group would be 0.4 + 0.1.
    const sameGroup = new OccupationIndex([
      ...[...index.byUri.values()].filter((n) => n.uri !== 'o:crane'),
      { ...index.byUri.get('o:crane')!, iscoGroup: '8344' },
    ]);
    const crane = rankTransitions('o:forklift', sameGroup, neighbours, { demand: null, automation: () => null }).find(
      (t) => t.to === 'o:crane',
    );
    expect([crane?.skillFit, crane?.hierarchyBonus, crane?.similarity]).toEqual([0.4, 0.1, 0.5]);
  });
});
