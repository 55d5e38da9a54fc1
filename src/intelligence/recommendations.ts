import { type WhereOffered, offerReachesRegion, type SkillGap } from './gaps.js';
import type { OccupationIndex } from './skill-demand.js';

/**
 * What micro-credentials a council should commission (develop) and which existing ones need revising
 * (update), from a gap ranking. Pure.
 *
 * Develop. Skills in demand and covered less than half (coverage < 0.5) are grouped around the
 * occupation that carries most of each seed skill's demand: the seed (highest gap left) and the other
 * such skills essential for that occupation, at most `maxSkills` (6 in the API), make one outline. An outline serves
 * the occupations for which at least half of its skills are essential. Its size is 1 ECTS per skill
 * or competence and 0.5 per knowledge item (between 1 and 10), its EQF level the one that matches the
 * ISCO-08 skill level of the anchor occupation's major group (skill level 1 → EQF 2, 2 → 4, 3 → 5,
 * 4 → 6). Learning outcomes are drafted from the ESCO labels, to be rewritten by people. Score = the
 * sum of its skills' gap scores.
 *
 * Update. Each published offer is checked for six reasons, each with a code, a sentence and a weight
 * (UPDATE_WEIGHTS); the score is the sum of the weights of the reasons that hold:
 *   DEPRECATED_SKILL           linked skills no longer in the current ESCO release: 0.2 each, at most 0.4
 *   REVISION_OVERDUE           the expected revision date has passed: 0.3
 *   LINKS_NEVER_REVIEWED       every skill link is still a machine suggestion: 0.2
 *   LOSING_DEMAND              the demand-weighted trend of its linked skills is below −2 %:
 *                              5 × the fall (a 4 % fall weighs 0.2), at most 0.3
 *   MISSING_IN_DEMAND_SKILLS   in-demand skills (the caller's set: positive gap score among the top 100 gaps)
 *                              essential for its target occupations that it does not teach: 0.05 each, at most 0.4
 *   HIGH_AUTOMATION_EXPOSURE   a target occupation with high automation exposure: 0.2
 * The ISCO-08 major group → skill level table (ILO) is SKILL_LEVEL below: major groups 1 and 2 → skill
 * level 4, 3 → 3, 4 to 8 and the armed forces (0) → 2, 9 → 1.
 */

/** The weights of the update reasons (see the header). */
export const UPDATE_WEIGHTS = {
  deprecatedSkillEach: 0.2,
  deprecatedSkillMax: 0.4,
  revisionOverdue: 0.3,
  linksNeverReviewed: 0.2,
  losingDemandThreshold: -0.02,
  losingDemandPerFall: 5,
  losingDemandMax: 0.3,
  missingSkillEach: 0.05,
  missingSkillMax: 0.4,
  highAutomationExposure: 0.2,
} as const;

export interface SkillFacts {
  label: string;
  skillType: string | null;
  deprecated: boolean;
  deprecatedIn: string | null;
}

export interface DevelopOutline {
  skills: Array<{ uri: string; gapScore: number; demand: number; coverage: number }>;
  anchorOccupation: string;
  occupations: string[];
  suggestedEcts: number;
  suggestedEqfLevel: number;
  eqfReason: string;
  demand: number;
  trend: number | null;
  partlyCoveredBy: Array<{ id: string; skills: number }>;
  draftLearningOutcomes: string[];
  score: number;
  explanation: string;
}

/** ISCO-08 major group → skill level (ILO), and skill level → EQF level. */
const SKILL_LEVEL: Record<string, number> = {
  '0': 2,
  '1': 4,
  '2': 4,
  '3': 3,
  '4': 2,
  '5': 2,
  '6': 2,
  '7': 2,
  '8': 2,
  '9': 1,
};
const EQF_OF_SKILL_LEVEL: Record<number, number> = { 1: 2, 2: 4, 3: 5, 4: 6 };

export function developOutlines(
  gaps: SkillGap[],
  index: OccupationIndex,
  facts: (uri: string) => SkillFacts | null,
  options: { maxOutlines: number; maxSkills: number; occupationLabel: (uri: string) => string },
): DevelopOutline[] {
  const candidates = gaps
    .filter((g) => g.coverage < 0.5 && g.gapScore > 0 && !facts(g.skillUri)?.deprecated)
    .slice(0, 200);
  const used = new Set<string>();
  const outlines: DevelopOutline[] = [];
  for (const seed of candidates) {
    if (outlines.length >= options.maxOutlines) break;
    if (used.has(seed.skillUri)) continue;
    const anchor = seed.contributions[0]?.topOccupations[0]?.uri;
    if (!anchor) continue;
    const essential = new Set(index.byUri.get(anchor)?.essential ?? []);
    const group = [
      seed,
      ...candidates.filter((g) => g !== seed && !used.has(g.skillUri) && essential.has(g.skillUri)),
    ].slice(0, options.maxSkills);
    for (const g of group) used.add(g.skillUri);
    const groupUris = new Set(group.map((g) => g.skillUri));
    const nearby = new Set(group.flatMap((g) => g.contributions.flatMap((c) => c.topOccupations.map((o) => o.uri))));
    nearby.add(anchor);
    const occupations = [...nearby]
      .filter((uri) => {
        const needs = index.byUri.get(uri)?.essential ?? [];
        return needs.filter((s) => groupUris.has(s)).length >= Math.ceil(group.length / 2);
      })
      .sort((a, b) => (a === anchor ? -1 : b === anchor ? 1 : a < b ? -1 : 1));
    const major = index.byUri.get(anchor)?.iscoGroup?.slice(0, 1) ?? '';
    const skillLevel = SKILL_LEVEL[major] ?? 2;
    const eqf = EQF_OF_SKILL_LEVEL[skillLevel];
    const ects = Math.min(
      10,
      Math.max(
        1,
        Math.round(group.reduce((sum, g) => sum + (facts(g.skillUri)?.skillType === 'knowledge' ? 0.5 : 1), 0) * 2) / 2,
      ),
    );
    const offers = new Map<string, number>();
    for (const g of group) for (const o of g.coveringOffers) offers.set(o.id, (offers.get(o.id) ?? 0) + 1);
    const trends = group.filter((g) => g.trend !== null);
    const demand = Math.max(...group.map((g) => g.demand));
    const score = Math.round(group.reduce((sum, g) => sum + g.gapScore, 0) * 1e6) / 1e6;
    const label = (uri: string) => facts(uri)?.label ?? uri;
    outlines.push({
      skills: group.map((g) => ({ uri: g.skillUri, gapScore: g.gapScore, demand: g.demand, coverage: g.coverage })),
      anchorOccupation: anchor,
      occupations,
      suggestedEcts: ects,
      suggestedEqfLevel: eqf,
      eqfReason: `ISCO major group ${major} of "${options.occupationLabel(anchor)}" is ISCO skill level ${skillLevel}, which matches EQF ${eqf}`,
      demand,
      trend:
        trends.length === 0
          ? null
          : Math.round((trends.reduce((sum, g) => sum + g.trend!, 0) / trends.length) * 1e4) / 1e4,
      partlyCoveredBy: [...offers.entries()]
        .map(([id, skills]) => ({ id, skills }))
        .sort((a, b) => b.skills - a.skills || (a.id < b.id ? -1 : 1)),
      draftLearningOutcomes: group.map((g) =>
        facts(g.skillUri)?.skillType === 'knowledge'
          ? `DRAFT (to be rewritten): The learner can explain and apply ${label(g.skillUri)}.`
          : `DRAFT (to be rewritten): The learner is able to ${label(g.skillUri)}.`,
      ),
      score,
      explanation:
        `${group.length} skill(s) in demand and covered less than half, essential for "${options.occupationLabel(anchor)}", the occupation carrying most of the demand for "${label(seed.skillUri)}"` +
        `${occupations.length > 1 ? ` (also needed by ${occupations.length - 1} other occupation(s))` : ''}. ` +
        `Score = sum of their gap scores = ${score.toFixed(4)}. Size: ${ects} ECTS (1 per skill or competence, 0.5 per knowledge item); level: ${`EQF ${eqf}`}.` +
        `${offers.size > 0 ? ` Existing offers already cover part of it: ${[...offers.keys()].join(', ')}.` : ' No existing offer covers any of it.'}`,
    });
  }
  return outlines.sort((a, b) => b.score - a.score);
}

export interface OfferToReview {
  id: string;
  expectedRevisionDate: string | null;
  links: Array<{ skillUri: string; state: string }>;
  targetOccupations: string[];
}

export interface UpdateReason {
  code:
    | 'DEPRECATED_SKILL'
    | 'REVISION_OVERDUE'
    | 'LINKS_NEVER_REVIEWED'
    | 'LOSING_DEMAND'
    | 'MISSING_IN_DEMAND_SKILLS'
    | 'HIGH_AUTOMATION_EXPOSURE';
  detail: string;
  weight: number;
}

export interface UpdateRecommendation {
  offerId: string;
  reasons: UpdateReason[];
  score: number;
  explanation: string;
}

export function updateRecommendation(
  offer: OfferToReview,
  context: {
    today: string;
    facts: (uri: string) => SkillFacts | null;
    gapBySkill: Map<string, SkillGap>;
    /** Skills with a positive gap score, ranked: the "in demand" set. */
    inDemand: Set<string>;
    index: OccupationIndex;
    automation: (occupationUri: string) => { value: number; high: boolean } | null;
    occupationLabel: (uri: string) => string;
  },
): UpdateRecommendation | null {
  const reasons: UpdateReason[] = [];
  const taught = new Map<string, string>();
  for (const link of offer.links) if (link.state !== 'REJECTED') taught.set(link.skillUri, link.state);
  const label = (uri: string) => context.facts(uri)?.label ?? uri;

  const deprecated = [...taught.keys()].filter((uri) => context.facts(uri)?.deprecated);
  if (deprecated.length > 0) {
    reasons.push({
      code: 'DEPRECATED_SKILL',
      detail: `${deprecated.length} linked skill(s) no longer in the current ESCO release: ${deprecated.map((uri) => `"${label(uri)}" (deprecated in ${context.facts(uri)?.deprecatedIn ?? '?'})`).join(', ')}.`,
      weight: Math.min(UPDATE_WEIGHTS.deprecatedSkillMax, UPDATE_WEIGHTS.deprecatedSkillEach * deprecated.length),
    });
  }
  if (offer.expectedRevisionDate && offer.expectedRevisionDate < context.today) {
    reasons.push({
      code: 'REVISION_OVERDUE',
      detail: `The expected revision date ${offer.expectedRevisionDate} has passed (today ${context.today}).`,
      weight: UPDATE_WEIGHTS.revisionOverdue,
    });
  }
  if (taught.size > 0 && [...offer.links].every((link) => link.state === 'SUGGESTED')) {
    reasons.push({
      code: 'LINKS_NEVER_REVIEWED',
      detail: `None of its ${taught.size} skill link(s) has been reviewed by a curator: all are machine suggestions.`,
      weight: UPDATE_WEIGHTS.linksNeverReviewed,
    });
  }
  const trended = [...taught.keys()]
    .map((uri) => context.gapBySkill.get(uri))
    .filter((g): g is SkillGap => g !== undefined && g.trend !== null && g.demand > 0);
  if (trended.length > 0) {
    const weight = trended.reduce((sum, g) => sum + g.demand, 0);
    const trend = trended.reduce((sum, g) => sum + g.trend! * g.demand, 0) / weight;
    if (trend < UPDATE_WEIGHTS.losingDemandThreshold) {
      reasons.push({
        code: 'LOSING_DEMAND',
        detail: `Demand for its linked skills fell ${(Math.abs(trend) * 100).toFixed(1)}% (demand-weighted) against ${trended[0].trendPeriod}.`,
        weight: Math.min(
          UPDATE_WEIGHTS.losingDemandMax,
          Math.round(-trend * UPDATE_WEIGHTS.losingDemandPerFall * 1e4) / 1e4,
        ),
      });
    }
  }
  const missing = new Set<string>();
  for (const occupation of offer.targetOccupations) {
    for (const skill of context.index.byUri.get(occupation)?.essential ?? [])
      if (context.inDemand.has(skill) && !taught.has(skill)) missing.add(skill);
  }
  if (missing.size > 0) {
    const top = [...missing]
      .sort((a, b) => (context.gapBySkill.get(b)?.gapScore ?? 0) - (context.gapBySkill.get(a)?.gapScore ?? 0))
      .slice(0, 5);
    reasons.push({
      code: 'MISSING_IN_DEMAND_SKILLS',
      detail: `Its target occupations need ${missing.size} in-demand skill(s) it does not teach, such as ${top.map((uri) => `"${label(uri)}"`).join(', ')}.`,
      weight: Math.min(UPDATE_WEIGHTS.missingSkillMax, UPDATE_WEIGHTS.missingSkillEach * missing.size),
    });
  }
  const exposed = offer.targetOccupations
    .map((uri) => ({ uri, risk: context.automation(uri) }))
    .filter((o) => o.risk?.high);
  if (exposed.length > 0) {
    reasons.push({
      code: 'HIGH_AUTOMATION_EXPOSURE',
      detail: `Target occupation(s) with high automation exposure: ${exposed.map((o) => `"${context.occupationLabel(o.uri)}" (risk ${o.risk!.value.toFixed(2)})`).join(', ')}.`,
      weight: UPDATE_WEIGHTS.highAutomationExposure,
    });
  }
  if (reasons.length === 0) return null;
  const score = Math.round(reasons.reduce((sum, r) => sum + r.weight, 0) * 1e4) / 1e4;
  return {
    offerId: offer.id,
    reasons,
    score,
    explanation: `Score ${score.toFixed(2)} = ${reasons.map((r) => `${r.code} ${r.weight}`).join(' + ')}. ${reasons.map((r) => r.detail).join(' ')}`,
  };
}

/**
 * Whether an offer belongs in the update list of a slice: it reaches the slice's region (issued there,
 * nationally in its country, or online) and teaches a skill with demand in the slice or targets an
 * occupation with demand there. Asked for one provider, every offer of it belongs.
 */
export function offerInScope(
  offer: WhereOffered & { skills: string[]; targetOccupations: string[] },
  scope: {
    region: string | null;
    skillsInDemand: Set<string>;
    occupationsInDemand: Set<string>;
    provider: boolean;
  },
): boolean {
  if (scope.provider) return true;
  if (!offerReachesRegion(offer, scope.region)) return false;
  return (
    offer.skills.some((uri) => scope.skillsInDemand.has(uri)) ||
    offer.targetOccupations.some((uri) => scope.occupationsInDemand.has(uri))
  );
}
