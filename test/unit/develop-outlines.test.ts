import { describe, expect, it } from 'vitest';
import type { SkillGap } from '../../src/intelligence/gaps.js';
import { corequired, medianLevel } from '../../src/intelligence/outline-grouping.js';
import { type DevelopContext, type SkillFacts, developOutlines } from '../../src/intelligence/recommendations.js';
import { OccupationIndex } from '../../src/intelligence/skill-demand.js';

/**
 * A hand-built construction slice whose outlines are known.
 *   mason     7112 (EQF 4)  demand 60   essential a, b, c, k
 *   carpenter 7115 (EQF 4)  demand 30   essential a, b, d, e
 *   foreman   3123 (EQF 5)  demand 10   essential a, b, c, d, k
 *   joiner    7522 (EQF 4)  demand 40   essential e
 *   clerk     4110 (EQF 4)  demand 100  essential x
 *   manager   1323 (EQF 6)  no demand   essential a, b, c, k
 * Skills: a interpret 2D plans, b interpret 3D plans, c pour concrete, k concrete types (knowledge),
 * d saw wood, e plane wood, x file documents.
 * Co-requirement by hand (Σ min / Σ max of each occupation's demand × need):
 *   a–b: 100 / 100 = 1; a–c, a–k, b–c, b–k: (60 + 10) / (60 + 30 + 10) = 0.7; c–k: 70 / 70 = 1;
 *   a–d: (30 + 10) / 100 = 0.4; c–d: 10 / 100 = 0.1; d–k: 10 / 100 = 0.1;
 *   d–e: 30 / (30 + 10 + 40) = 0.375; anything–x: 0.
 */
const index = new OccupationIndex([
  { uri: 'mason', iscoGroup: '7112', essential: ['a', 'b', 'c', 'k'], optional: [] },
  { uri: 'carpenter', iscoGroup: '7115', essential: ['a', 'b', 'd', 'e'], optional: [] },
  { uri: 'foreman', iscoGroup: '3123', essential: ['a', 'b', 'c', 'd', 'k'], optional: [] },
  { uri: 'joiner', iscoGroup: '7522', essential: ['e'], optional: [] },
  { uri: 'clerk', iscoGroup: '4110', essential: ['x'], optional: [] },
  { uri: 'manager', iscoGroup: '1323', essential: ['a', 'b', 'c', 'k'], optional: [] },
]);
const occupationDemand = new Map([
  ['mason', 60],
  ['carpenter', 30],
  ['foreman', 10],
  ['joiner', 40],
  ['clerk', 100],
]);
const competence = (label: string): SkillFacts => ({
  label,
  skillType: 'skill/competence',
  deprecated: false,
  deprecatedIn: null,
});
const FACTS: Record<string, SkillFacts> = {
  a: competence('interpret 2D plans'),
  b: competence('interpret 3D plans'),
  c: competence('pour concrete'),
  k: { label: 'concrete types', skillType: 'knowledge', deprecated: false, deprecatedIn: null },
  d: competence('saw wood'),
  e: competence('plane wood'),
  x: competence('file documents'),
  old: { label: 'operate telex', skillType: 'skill/competence', deprecated: true, deprecatedIn: '1.2.0' },
};
const facts = (uri: string) => FACTS[uri] ?? null;
const gap = (skillUri: string, gapScore: number, overrides: Partial<SkillGap> = {}): SkillGap => ({
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
  contributions: [],
  lowReliabilityShare: 0,
  ...overrides,
});
// k, the knowledge item, has the largest gap; x, needed only by clerks, comes between the construction skills.
const GAPS = [
  gap('k', 0.6),
  gap('a', 0.5),
  gap('c', 0.4),
  gap('x', 0.35),
  gap('b', 0.3),
  gap('d', 0.1),
  gap('e', 0.05),
];
const context = (overrides: Partial<DevelopContext> = {}): DevelopContext => ({
  maxOutlines: 5,
  maxSkills: 6,
  occupationLabel: (uri) => uri,
  occupationDemand,
  groupOf: () => null,
  related: () => false,
  ...overrides,
});

describe('co-requirement', () => {
  it('is the demand-weighted overlap of the occupations needing both skills', () => {
    const needs = (entries: Array<[string, number]>) => new Map(entries);
    const a = needs([
      ['mason', 1],
      ['carpenter', 1],
      ['foreman', 1],
    ]);
    const c = needs([
      ['mason', 1],
      ['foreman', 1],
    ]);
    // (60 + 10) / (60 + 30 + 10)
    expect(corequired(a, c, occupationDemand)).toBeCloseTo(0.7, 12);
    // An optional need counts at half: mason needs c at 0.5 → min 30 + 10, max 60 + 30 + 10.
    expect(corequired(a, needs([...c, ['mason', 0.5]]), occupationDemand)).toBeCloseTo(0.4, 12);
    expect(corequired(a, undefined, occupationDemand)).toBe(0);
  });

  it('gives the level at which half of the demand is reached', () => {
    expect(
      medianLevel([
        { eqf: 5, demand: 10 },
        { eqf: 4, demand: 60 },
      ]),
    ).toBe(4);
    expect(
      medianLevel([
        { eqf: 4, demand: 40 },
        { eqf: 6, demand: 60 },
      ]),
    ).toBe(6);
  });
});

describe('developOutlines', () => {
  it('groups co-required skills, pairs knowledge with the competences that use it, and serves those needing most of it at its level', () => {
    const [outline, ...rest] = developOutlines(GAPS, index, facts, context());
    // Seed a (k is knowledge and does not seed); b joins (mean affinity 1), then k (0.7, ahead of c by gap),
    // then c ((0.7 + 0.7 + 1) / 3 = 0.8); d ((0.4 + 0.4 + 0.1 + 0.1) / 4 = 0.25) and x (0) do not.
    // d then seeds, but nothing reaches 0.5 with it (e: 0.375), so it makes no outline.
    expect(rest).toEqual([]);
    expect(outline.skills.map((s) => s.uri)).toEqual(['k', 'a', 'c', 'b']);
    // At least ⌈2/3 × 4⌉ = 3 of the 4: mason (4, EQF 4, 60) and foreman (4, EQF 5, 10); carpenter needs 2;
    // manager has no demand in the slice. Median level: 60 of 70 at EQF 4 → EQF 4; foreman is at another level.
    expect(outline.occupations).toEqual(['mason']);
    expect(outline.otherLevelOccupations).toEqual(['foreman']);
    expect(outline.anchorOccupation).toBe('mason');
    expect(outline.suggestedEqfLevel).toBe(4);
    expect(outline.eqfReason).toBe(
      'EQF 4: the demand-weighted median of the levels of the 2 occupation(s) needing at least 3 of its 4 skills ' +
        '(each at the EQF level matching the ILO skill level of its ISCO-08 major group), by their demand in the slice: ' +
        '1 at EQF 4 (86%), 1 at EQF 5 (14%). It serves the 1 at EQF 4; a version at another level would serve at EQF 5 the other 1 ("foreman").',
    );
    // 3 competences × 1 + 1 knowledge item × 0.5.
    expect(outline.suggestedEcts).toBe(3.5);
    expect(outline.ectsReason).toBe('3 skill(s) or competence(s) × 1 ECTS + 1 knowledge item(s) × 0.5 ECTS = 3.5 ECTS');
    // Pairs: a–b 1, a–c 0.7, a–k 0.7, b–c 0.7, b–k 0.7, c–k 1 → 4.8 / 6.
    expect(outline.cohesion).toBe(0.8);
    expect(outline.score).toBe(1.8);
    expect(outline.draftLearningOutcomes).toEqual([
      'DRAFT (to be rewritten): The learner can explain and apply concrete types.',
      'DRAFT (to be rewritten): The learner is able to interpret 2D plans.',
      'DRAFT (to be rewritten): The learner is able to pour concrete.',
      'DRAFT (to be rewritten): The learner is able to interpret 3D plans.',
    ]);
    expect(outline.explanation).toMatch(
      /^4 skills in demand and covered less than half, grouped from "interpret 2D plans" \(the largest gap not yet in an outline\): cohesion 0\.80, .*; its 1 knowledge item\(s\) joined the competences that use them\. Serves 1 occupation\(s\) needing at least 3 of the 4 skills at EQF 4, anchored on "mason" \(100% of their demand in the slice\)\. Score = sum of their gap scores = 1\.8000\. /,
    );
  });

  it('joins skills of one ESCO skill group, or that ESCO relates, when they are needed together less', () => {
    // d–e: co-required 0.375, raised to 0.5 by the shared group: they join; carpenter alone needs both (EQF 4).
    const byGroup = developOutlines(
      GAPS,
      index,
      facts,
      context({ groupOf: (uri) => (/^[de]$/.test(uri) ? 'wood' : null) }),
    );
    const related = developOutlines(GAPS, index, facts, context({ related: (x, y) => [x, y].sort().join() === 'd,e' }));
    for (const outlines of [byGroup, related]) {
      expect(outlines.map((o) => o.skills.map((s) => s.uri))).toEqual([
        ['k', 'a', 'c', 'b'],
        ['d', 'e'],
      ]);
      expect(outlines[1].occupations).toEqual(['carpenter']);
      expect(outlines[1].cohesion).toBe(0.5);
    }
    expect(byGroup[1].explanation).toContain(
      '(raised to 0.5 for the 1 pair(s) sharing an ESCO skill group or related in ESCO)',
    );
  });

  it('does not join a skill that would lose the outline most of its audience', () => {
    // s1: o1 (10) and o2 (90); s2: o1 (10) and o3 (90). Same group (affinity 0.5, co-required 10 / 190), but
    // the occupations needing both carry 10 of the 100 needing either one alone: below half, so neither
    // joins the other, and a single skill makes no outline.
    const small = new OccupationIndex([
      { uri: 'o1', iscoGroup: '7112', essential: ['s1', 's2'], optional: [] },
      { uri: 'o2', iscoGroup: '7112', essential: ['s1'], optional: [] },
      { uri: 'o3', iscoGroup: '7112', essential: ['s2'], optional: [] },
    ]);
    const demand = new Map([
      ['o1', 10],
      ['o2', 90],
      ['o3', 90],
    ]);
    const run = () =>
      developOutlines([gap('s1', 0.5), gap('s2', 0.4)], small, () => competence('s'), {
        ...context({ occupationDemand: demand, groupOf: () => 'g' }),
      });
    expect(run()).toEqual([]);
    // With o2 at 10, o1 carries half of s1's audience (10 of 20) and s2 joins.
    demand.set('o2', 10);
    expect(run().map((o) => o.skills.map((s) => s.uri))).toEqual([['s1', 's2']]);
  });

  it('does not anchor a second outline on an occupation that already anchors one', () => {
    // big needs all four optionally (at half: 60 each); other needs s1, s2; small needs t1, t2.
    // s1–s2 and t1–t2 are co-required 1; s1–t1: 60 / (100 + 60 + 60) = 0.27, so two outlines, both needed most by big.
    const world = new OccupationIndex([
      { uri: 'big', iscoGroup: '7112', essential: [], optional: ['s1', 's2', 't1', 't2'] },
      { uri: 'other', iscoGroup: '7113', essential: ['s1', 's2'], optional: [] },
      { uri: 'small', iscoGroup: '7114', essential: ['t1', 't2'], optional: [] },
    ]);
    const demand = new Map([
      ['big', 120],
      ['other', 100],
      ['small', 60],
    ]);
    const outlines = developOutlines(
      [gap('s1', 0.5), gap('t1', 0.4), gap('s2', 0.3), gap('t2', 0.2)],
      world,
      () => competence('s'),
      context({ occupationDemand: demand }),
    );
    expect(outlines.map((o) => [o.skills.map((s) => s.uri), o.anchorOccupation, o.occupations, o.score])).toEqual([
      [['s1', 's2'], 'big', ['big', 'other'], 0.8],
      [['t1', 't2'], 'small', ['small', 'big'], 0.6],
    ]);
  });

  it('names the earlier outline that serves at least two thirds of the same demand: modules of one programme', () => {
    // The world above: the t-outline serves small and big; big (120 of its 180) is the s-outline's too: 2/3.
    // With small at 70, big is 120 of 190 (0.63): under two thirds, so no earlier outline is named.
    const world = new OccupationIndex([
      { uri: 'big', iscoGroup: '7112', essential: [], optional: ['s1', 's2', 't1', 't2'] },
      { uri: 'other', iscoGroup: '7113', essential: ['s1', 's2'], optional: [] },
      { uri: 'small', iscoGroup: '7114', essential: ['t1', 't2'], optional: [] },
    ]);
    const run = (small: number) =>
      developOutlines(
        [gap('s1', 0.5), gap('t1', 0.4), gap('s2', 0.3), gap('t2', 0.2)],
        world,
        () => competence('s'),
        context({
          occupationDemand: new Map([
            ['big', 120],
            ['other', 100],
            ['small', small],
          ]),
        }),
      );
    const [first, second] = run(60);
    expect(first.sameAudienceAs).toBeNull();
    expect(second.sameAudienceAs).toEqual({ anchor: 'big', share: 0.6667 });
    expect(second.explanation).toContain('67% of that demand is also served by the outline anchored on "big"');
    expect(run(70).map((o) => o.sameAudienceAs)).toEqual([null, null]);
  });

  it('starts an outline from knowledge only once no competence is left to start one', () => {
    // Only k and d are candidates: d (a competence) seeds first, but k (0.1) does not join it; then k seeds,
    // and nothing joins it either.
    expect(developOutlines([gap('k', 0.6), gap('d', 0.1)], index, facts, context())).toEqual([]);
    const knowledgeOnly = new OccupationIndex([
      { uri: 'mason', iscoGroup: '7112', essential: ['k'], optional: ['k2'] },
    ]);
    const [outline] = developOutlines([gap('k', 0.6), gap('k2', 0.3)], knowledgeOnly, () => FACTS.k, context());
    // k–k2: min(60, 30) / max(60, 30) = 0.5, enough to join; both knowledge: 2 × 0.5 = 1 ECTS.
    expect(outline.skills.map((s) => s.uri)).toEqual(['k', 'k2']);
    expect(outline.cohesion).toBe(0.5);
    expect(outline.suggestedEcts).toBe(1);
    expect(outline.explanation).toMatch(
      /^2 skills .*\(the largest gap not yet in an outline, a knowledge item: no competence was left to start one\)/,
    );
  });

  it('leaves out skills covered half or more, and deprecated ones', () => {
    // Were they kept, a (co-required 1 with b) and old (needed exactly as b) would join b's outline.
    const withOld = new OccupationIndex([
      ...[...index.byUri.values()].filter((o) => o.uri !== 'mason'),
      { uri: 'mason', iscoGroup: '7112', essential: ['a', 'b', 'c', 'k', 'old'], optional: [] },
    ]);
    const outlines = developOutlines(
      [gap('a', 0.5, { coverage: 0.5 }), gap('old', 0.45), gap('b', 0.3), gap('c', 0.2)],
      withOld,
      facts,
      context(),
    );
    expect(outlines.map((o) => o.skills.map((s) => s.uri))).toEqual([['b', 'c']]);
  });
});

describe('developOutlines under another ranking', () => {
  it('grows from the gaps in the order given and scores by their rank scores, saying so', () => {
    // A shortage ranking that puts b first and halves the others' scores.
    const ranked = [
      { ...gap('b', 0.3), rankScore: 0.3 },
      { ...gap('k', 0.6), rankScore: 0.1 },
      { ...gap('a', 0.5), rankScore: 0.2 },
      { ...gap('c', 0.4), rankScore: 0.05 },
    ];
    const [outline] = developOutlines(ranked, index, facts, context({ rankBy: 'SHORTAGE' }));
    expect(outline.skills.map((s) => s.uri)).toEqual(['b', 'k', 'a', 'c']);
    // 0.3 + 0.1 + 0.2 + 0.05
    expect(outline.score).toBe(0.65);
    expect(outline.explanation).toContain(
      'grouped from "interpret 3D plans" (the first by shortage not yet in an outline)',
    );
    expect(outline.explanation).toContain('Score = sum of their shortage rank scores = 0.6500.');
  });
});
