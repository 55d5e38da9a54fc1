import { describe, expect, it } from 'vitest';
import { OccupationIndex } from '../../src/intelligence/skill-demand.js';
import { explainMatch, matchOf, rankOccupations } from '../../src/matching/occupation-fit.js';
import { heldCredits } from '../../src/matching/held-credits.js';
import { explainTransition, rankTransitions } from '../../src/matching/transitions.js';
import { comparePlacement, isGrounded, personLevel, place, skillLevelOf } from '../../src/matching/viability.js';

const none = { broader: () => [], narrower: () => [], related: () => [], similar: () => [] };

describe('skill levels and placement', () => {
  it('reads the ILO skill level off the ISCO-08 major group, and the person’s as the highest of their occupations', () => {
    expect([skillLevelOf('9333'), skillLevelOf('8344'), skillLevelOf('3211'), skillLevelOf('2221')]).toEqual([
      1, 2, 3, 4,
    ]);
    expect([skillLevelOf('1324'), skillLevelOf('0110'), skillLevelOf(null), skillLevelOf('')]).toEqual([
      4,
      2,
      null,
      null,
    ]);
    expect(personLevel(['5321', '2221', null])).toBe(4);
    expect(personLevel([null, undefined])).toBeNull();
  });

  it('is viable from a fit of 0.4, a step down only below a known level, and orders viable, then level', () => {
    expect(place(0.4, '5321', 4)).toEqual({ viable: true, skillLevel: 2, stepDown: true, grounded: true });
    expect(place(0.3999, '2221', 4, false)).toEqual({ viable: false, skillLevel: 4, stepDown: false, grounded: false });
    expect(place(0.9, '5321', null)).toEqual({ viable: true, skillLevel: 2, stepDown: false, grounded: true });
    expect(place(0.9, null, 4)).toEqual({ viable: true, skillLevel: null, stepDown: false, grounded: true });
    const viableDown = place(0.8, '5321', 4);
    const stretchSame = place(0.3, '2221', 4);
    const viableSame = place(0.6, '2221', 4);
    expect(comparePlacement(viableDown, stretchSame)).toBeLessThan(0);
    expect(comparePlacement(viableSame, viableDown)).toBeLessThan(0);
    expect(comparePlacement(viableSame, viableDown, true)).toBe(0);
    expect(comparePlacement(stretchSame, viableDown, true)).toBeGreaterThan(0);
    // Among stretches, a step-down is only flagged: the caller's order decides.
    expect(comparePlacement(place(0.3, '5321', 4), stretchSame)).toBe(0);
  });
});

// A nurse (ISCO 2221, level 4) holding a, b, c, d. Occupations:
//   nurse        2221: a b c d            fit 1 (her own)
//   assistant    5321: a b c              fit 1, a step down to level 2
//   informatics  2221: a b x y            fit 0.5, viable, same level
//   midwife      2222: a x y z            fit 0.25, stretch, same level
//   porter       9329: a b c x; demand    fit 0.75, viable, step down to level 1
//   orderly      9329: a x y              fit 0.33, stretch, step down (flagged, ranked by fit among stretches)
const index = new OccupationIndex([
  { uri: 'o:nurse', iscoGroup: '2221', essential: ['a', 'b', 'c', 'd'], optional: [] },
  { uri: 'o:assistant', iscoGroup: '5321', essential: ['a', 'b', 'c'], optional: [] },
  { uri: 'o:informatics', iscoGroup: '2221', essential: ['a', 'b', 'x', 'y'], optional: [] },
  { uri: 'o:midwife', iscoGroup: '2222', essential: ['a', 'x', 'y', 'z'], optional: [] },
  { uri: 'o:porter', iscoGroup: '9329', essential: ['a', 'b', 'c', 'x'], optional: [] },
  { uri: 'o:orderly', iscoGroup: '9329', essential: ['a', 'x', 'y'], optional: [] },
]);
const credits = heldCredits(['a', 'b', 'c', 'd'], none);
const facts = (value: number) => ({ value, unit: 'vacancies', trend: null, region: 'DE', period: '2025', source: 's' });
// Midwife has the most demand: percentile 1, demand score 1; informatics the least.
const demand = new Map([
  ['o:midwife', facts(900)],
  ['o:porter', facts(500)],
  ['o:assistant', facts(300)],
  ['o:informatics', facts(100)],
]);

describe('rankOccupations: viable first, step-downs after, the person’s own left out', () => {
  const context = { demand, automation: () => null, own: new Set(['o:nurse']), level: 4 };

  it('ranks viable same-level, viable step-downs, then stretches, never letting demand lift a stretch', () => {
    const ranked = rankOccupations(index, credits, context);
    // Scores 0.75 × fit + 0.25 × demand score: informatics 0.75 × 0.5 + 0.25 × 0.25 = 0.4375; assistant 0.75 + 0.125
    // = 0.875; porter 0.5625 + 0.1875 = 0.75; midwife 0.1875 + 0.25 = 0.4375 and orderly 0.75 × 0.3333 = 0.25 (no
    // demand figure) are stretches: after all of them, by skill fit, the orderly's step-down only flagged.
    expect(ranked.map((m) => [m.uri, m.score, m.viable, m.stepDown])).toEqual([
      ['o:informatics', 0.4375, true, false],
      ['o:assistant', 0.875, true, true],
      ['o:porter', 0.75, true, true],
      ['o:orderly', 0.25, false, true],
      ['o:midwife', 0.4375, false, false],
    ]);
    expect(explainMatch(ranked[1], (uri) => uri)).toContain(
      "A step down: ISCO-08 skill level 2 against the person's 4; ranked after the viable moves at the same or a higher level.",
    );
    expect(explainMatch(ranked[4], (uri) => uri)).toContain(
      'A stretch: the skill fit is below 0.4, so it comes after every viable one and demand does not lift it.',
    );
    expect(explainMatch(ranked[3], (uri) => uri)).toContain(
      "A step down: ISCO-08 skill level 1 against the person's 4.",
    );
    // The nurse's own occupation is not offered; matchOf gives its fit for the "current" list.
    const own = matchOf(index.byUri.get('o:nurse')!, credits, context);
    expect([own.skillFit, own.viable, own.stepDown]).toEqual([1, true, false]);
  });

  it('mixes step-downs in when asked, by score, still flagged; without a known level none is a step down', () => {
    expect(
      rankOccupations(index, credits, { ...context, allowStepDown: true }).map((m) => [m.uri, m.stepDown]),
    ).toEqual([
      ['o:assistant', true],
      ['o:porter', true],
      ['o:informatics', false],
      ['o:orderly', true],
      ['o:midwife', false],
    ]);
    expect(rankOccupations(index, credits, { ...context, level: null }).map((m) => [m.uri, m.stepDown])).toEqual([
      ['o:assistant', false],
      ['o:porter', false],
      ['o:informatics', false],
      ['o:orderly', false],
      ['o:midwife', false],
    ]);
  });
});

describe('rankTransitions: step-downs after same-level moves', () => {
  it('puts a move below the origin’s level after the viable same-level ones, and explains it', () => {
    const ranked = rankTransitions('o:nurse', index, none, { demand: null, automation: () => null });
    // Informatics shares the nurse's ISCO unit group 2221: skill fit 0.5 + 0.1.
    expect(ranked.map((t) => [t.to, t.similarity, t.viable, t.stepDown])).toEqual([
      ['o:informatics', 0.6, true, false],
      ['o:assistant', 1, true, true],
      ['o:porter', 0.75, true, true],
      ['o:orderly', 0.3333, false, true],
      ['o:midwife', 0.25, false, false],
    ]);
    expect(explainTransition(ranked[1], (uri) => uri)).toContain(
      "A step down: ISCO-08 skill level 2 against the person's 4; ranked after the viable moves at the same or a higher level.",
    );
    // A stretch step-down is only flagged: its sentence says no more.
    expect(explainTransition(ranked[3], (uri) => uri)).toContain(
      "A step down: ISCO-08 skill level 1 against the person's 4.",
    );
    const asked = rankTransitions('o:nurse', index, none, {
      demand: null,
      automation: () => null,
      allowStepDown: true,
    });
    expect(asked.map((t) => t.to)).toEqual(['o:assistant', 'o:porter', 'o:informatics', 'o:orderly', 'o:midwife']);
  });
});

// A person (or an origin occupation, o:me) holding g1 and g2 (cross-sector skills) and s1 (specific). s1's broader
// skill is n (held in part, 0.7); q is described in similar words (similarity 0.5: credit 0.3). `specific` lists each
// occupation's sector- or occupation-specific essential skills. No ISCO groups: no step-downs, no hierarchy bonus.
//   warehouse  s1 w1 w2 g1 (specific s1 w1 w2)  fit 2/4 = 0.5        viable, grounded by s1
//   leather    g1 g2 t     (specific t)         fit 2/3 = 0.6667     viable, rests on g1 g2 alone
//   similar    q g1 z1     (specific q)         fit 1.3/3 = 0.4333   viable, q only at credit 0.3 < 0.5
//   scrap      g1 g2 m1 m2 m3 (specific m1)     fit 2/5 = 0.4        viable, ungrounded
//   valet      g1 v1 v2 v3 (no specific skill)  fit 1/4 = 0.25       stretch, grounded (nothing specific to ask)
//   picker     n x1 x2 x3 x4 (specific n)       fit 0.7/5 = 0.14     stretch, grounded by n at 0.7
describe('grounded: matches resting on cross-sector skills alone come after those sharing a specific skill', () => {
  const needs = [
    { uri: 'o:me', iscoGroup: null, essential: ['g1', 'g2', 's1'], optional: [], specific: ['s1'] },
    {
      uri: 'o:warehouse',
      iscoGroup: null,
      essential: ['s1', 'w1', 'w2', 'g1'],
      optional: [],
      specific: ['s1', 'w1', 'w2'],
    },
    { uri: 'o:leather', iscoGroup: null, essential: ['g1', 'g2', 't'], optional: [], specific: ['t'] },
    { uri: 'o:similar', iscoGroup: null, essential: ['q', 'g1', 'z1'], optional: [], specific: ['q'] },
    { uri: 'o:scrap', iscoGroup: null, essential: ['g1', 'g2', 'm1', 'm2', 'm3'], optional: [], specific: ['m1'] },
    { uri: 'o:valet', iscoGroup: null, essential: ['g1', 'v1', 'v2', 'v3'], optional: [], specific: [] },
    { uri: 'o:picker', iscoGroup: null, essential: ['n', 'x1', 'x2', 'x3', 'x4'], optional: [], specific: ['n'] },
  ];
  const grounding = new OccupationIndex(needs);
  const neighbours = {
    ...none,
    broader: (uri: string) => (uri === 's1' ? ['n'] : []),
    similar: (uri: string) => (uri === 's1' ? [{ uri: 'q', similarity: 0.5 }] : []),
  };
  const held = heldCredits(['g1', 'g2', 's1'], neighbours);
  const expected = [
    ['o:warehouse', 0.5, true, true],
    ['o:leather', 0.6667, true, false],
    ['o:similar', 0.4333, true, false],
    ['o:scrap', 0.4, true, false],
    ['o:valet', 0.25, false, true],
    ['o:picker', 0.14, false, true],
  ];

  it('grounds by a specific skill held or near-held at credit 0.5 or more, or by having none', () => {
    expect(needs.map((n) => [n.uri, isGrounded(n, held)])).toEqual([
      ['o:me', true],
      ['o:warehouse', true],
      ['o:leather', false],
      ['o:similar', false],
      ['o:scrap', false],
      ['o:valet', true],
      ['o:picker', true],
    ]);
    expect(isGrounded({ uri: 'o:old', iscoGroup: null, essential: ['t'], optional: [] }, held)).toBe(true);
  });

  it('orders matches viable, then grounded, then by score, and says why an ungrounded one came later', () => {
    const ranked = rankOccupations(grounding, held, { demand: null, automation: () => null, own: new Set(['o:me']) });
    expect(ranked.map((m) => [m.uri, m.skillFit, m.viable, m.grounded])).toEqual(expected);
    expect(explainMatch(ranked[1], (uri) => uri)).toContain(
      'Rests on cross-sector skills alone: none of its sector- or occupation-specific essential skills is held or nearly held, so it comes after the viable ones that share one.',
    );
    expect(explainMatch(ranked[0], (uri) => uri)).not.toContain('Rests on');
  });

  it('orders transitions from an occupation the same way, with the same sentence', () => {
    const ranked = rankTransitions('o:me', grounding, neighbours, { demand: null, automation: () => null });
    expect(ranked.map((t) => [t.to, t.similarity, t.viable, t.grounded])).toEqual(expected);
    expect(explainTransition(ranked[3], (uri) => uri)).toContain('Rests on cross-sector skills alone');
  });
});
