import { type WhereOffered, offerReachesRegion, type SkillGap } from './gaps.js';
import { GROUPING_WEIGHTS, groupSkills } from './outline-grouping.js';
import type { OccupationIndex } from './skill-demand.js';
import { type CarvedUnit, type RouteDuties, carveFromRoutes } from './standard-units.js';

/**
 * What micro-credentials a council should commission (develop) and which existing ones need revising
 * (update), from a gap ranking. Pure.
 *
 * Develop. Skills in demand and covered less than half (coverage < 0.5, not deprecated; the first 200
 * by gap) are grouped into outlines of skills taught together (outline-grouping.ts: demand-weighted
 * co-requirement by the slice's occupations, a shared ESCO skill group or an ESCO skill–skill relation;
 * knowledge joins the competences that use it), at most `maxSkills` (6 in the API) each. An outline
 * serves the occupations with demand in the slice that need at least two thirds of its skills
 * (essential or optional), at a level within one of the outline's: its EQF level is the
 * demand-weighted median of those occupations' levels (ISCO-08 major group → ILO skill level → EQF).
 * Its size is 1 ECTS per skill or competence and 0.5 per knowledge item (between 1 and 10). Learning
 * outcomes are drafted from the ESCO labels, to be rewritten by people. Score = the sum of its skills'
 * gap scores. When an existing qualification route reaching the region teaches its skills through its
 * duties, the outline names the duties it could be carved from (standard-units.ts: the stackable path).
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

/** Size of an outline: ECTS per skill or competence and per knowledge item, and the bounds. */
export const OUTLINE_SIZE = { perCompetence: 1, perKnowledge: 0.5, min: 1, max: 10 } as const;

export interface SkillFacts {
  label: string;
  skillType: string | null;
  deprecated: boolean;
  deprecatedIn: string | null;
}

export interface DevelopOutline {
  skills: Array<{ uri: string; gapScore: number; demand: number; coverage: number }>;
  anchorOccupation: string;
  /** When most of its served demand is an earlier outline's too: that outline's anchor and the share (a module of one programme). */
  sameAudienceAs: { anchor: string; share: number } | null;
  /** Served occupations, the anchor first, then by demand in the slice. */
  occupations: string[];
  /** Occupations that need most of it at a level more than one away from the outline's, by demand. */
  otherLevelOccupations: string[];
  suggestedEcts: number;
  ectsReason: string;
  suggestedEqfLevel: number;
  eqfReason: string;
  /** Mean affinity over its pairs of skills (outline-grouping.ts). */
  cohesion: number;
  demand: number;
  trend: number | null;
  partlyCoveredBy: Array<{ id: string; skills: number }>;
  /** Duties of existing qualification routes that teach its skills: what it could be carved from. */
  carvedFrom: CarvedUnit[];
  draftLearningOutcomes: string[];
  score: number;
  explanation: string;
}

export interface DevelopContext {
  maxOutlines: number;
  maxSkills: number;
  occupationLabel: (uri: string) => string;
  /** Demand of each occupation in the slice (deriveOccupationDemand). */
  occupationDemand: Map<string, number>;
  /** The skill's most specific ESCO skill group (level 3), or null. */
  groupOf: (skillUri: string) => string | null;
  /** Whether ESCO relates two skills (either way). */
  related: (a: string, b: string) => boolean;
  /** The ranking the gaps come in when not by gap score (ranking.ts): seeds follow it, scores sum its rank scores. */
  rankBy?: 'SHORTAGE' | 'SPECIFICITY';
  /** Qualification routes with duties, and the slice's region they must reach (standard-units.ts). */
  routeDuties?: RouteDuties[];
  region?: string | null;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;
const quoteList = (labels: string[], max = 3) =>
  labels
    .slice(0, max)
    .map((l) => `"${l}"`)
    .join(', ') + (labels.length > max ? ` and ${labels.length - max} more` : '');

export function developOutlines(
  gaps: Array<SkillGap & { rankScore?: number }>,
  index: OccupationIndex,
  facts: (uri: string) => SkillFacts | null,
  options: DevelopContext,
): DevelopOutline[] {
  const candidates = gaps
    .filter((g) => g.coverage < 0.5 && g.gapScore > 0 && !facts(g.skillUri)?.deprecated)
    .slice(0, 200);
  const gapOf = new Map(candidates.map((g) => [g.skillUri, g]));
  const rank = new Map(candidates.map((g, i) => [g.skillUri, i]));
  const knowledge = (uri: string) => facts(uri)?.skillType === 'knowledge';
  const label = (uri: string) => facts(uri)?.label ?? uri;
  const groups = groupSkills({
    candidates: candidates.map((g) => ({ uri: g.skillUri, knowledge: knowledge(g.skillUri) })),
    index,
    occupationDemand: options.occupationDemand,
    groupOf: options.groupOf,
    related: options.related,
    maxOutlines: options.maxOutlines,
    maxSkills: options.maxSkills,
  });
  const outlines = groups.map((group): DevelopOutline => {
    const members = group.skills
      .map((uri) => gapOf.get(uri)!)
      .sort((a, b) => rank.get(a.skillUri)! - rank.get(b.skillUri)!);
    const knowledgeItems = members.filter((g) => knowledge(g.skillUri)).length;
    const competences = members.length - knowledgeItems;
    const raw = competences * OUTLINE_SIZE.perCompetence + knowledgeItems * OUTLINE_SIZE.perKnowledge;
    const ects = Math.min(OUTLINE_SIZE.max, Math.max(OUTLINE_SIZE.min, Math.round(raw * 2) / 2));
    const ectsReason =
      `${competences} skill(s) or competence(s) × ${OUTLINE_SIZE.perCompetence} ECTS + ${knowledgeItems} knowledge item(s) × ${OUTLINE_SIZE.perKnowledge} ECTS = ${raw} ECTS` +
      (ects !== raw ? `, kept within ${OUTLINE_SIZE.min}–${OUTLINE_SIZE.max}: ${ects} ECTS` : '');

    const served = group.served;
    const servedDemand = served.reduce((sum, o) => sum + o.demand, 0);
    const needingDemand = servedDemand + group.otherLevels.reduce((sum, o) => sum + o.demand, 0);
    const atLevel = new Map<number, { count: number; demand: number }>();
    for (const o of [...served, ...group.otherLevels]) {
      const entry = atLevel.get(o.eqf) ?? { count: 0, demand: 0 };
      entry.count += 1;
      entry.demand += o.demand;
      atLevel.set(o.eqf, entry);
    }
    const needingCount = served.length + group.otherLevels.length;
    const levels = [...atLevel]
      .sort(([x], [y]) => x - y)
      .map(([eqf, e]) => `${e.count} at EQF ${eqf} (${percent(needingDemand > 0 ? e.demand / needingDemand : 0)})`)
      .join(', ');
    const reach =
      GROUPING_WEIGHTS.levelReach === 0 ? `EQF ${group.eqf}` : `EQF ${group.eqf} ± ${GROUPING_WEIGHTS.levelReach}`;
    const versions = [...new Set(group.otherLevels.map((o) => o.eqf))]
      .sort((x, y) => x - y)
      .map((eqf) => {
        const at = group.otherLevels.filter((o) => o.eqf === eqf);
        return `at EQF ${eqf} the other ${at.length} (${quoteList(at.map((o) => options.occupationLabel(o.uri)))})`;
      });
    const eqfReason =
      `EQF ${group.eqf}: the demand-weighted median of the levels of the ${needingCount} occupation(s) needing at least ${group.servedNeeds} of its ${members.length} skills ` +
      `(each at the EQF level matching the ILO skill level of its ISCO-08 major group), by their demand in the slice: ${levels}. ` +
      `It serves the ${served.length} at ${reach}` +
      (versions.length > 0 ? `; a version at another level would serve ${versions.join('; ')}` : '') +
      '.';

    const occupations = [group.anchor, ...served.map((o) => o.uri).filter((uri) => uri !== group.anchor)];
    const offers = new Map<string, number>();
    for (const g of members) for (const o of g.coveringOffers) offers.set(o.id, (offers.get(o.id) ?? 0) + 1);
    const trends = members.filter((g) => g.trend !== null);
    const demand = Math.max(...members.map((g) => g.demand));
    const score =
      Math.round(members.reduce((sum, g) => sum + (options.rankBy ? (g.rankScore ?? 0) : g.gapScore), 0) * 1e6) / 1e6;
    const cohesion = Math.round(group.cohesion * 1e4) / 1e4;
    const seed = group.skills[0];
    const anchorDemand = served.find((o) => o.uri === group.anchor)?.demand ?? 0;
    const carvedFrom = carveFromRoutes(
      members.map((g) => g.skillUri),
      options.routeDuties ?? [],
      (where) => offerReachesRegion({ ...where, participationForm: null }, options.region ?? null),
    );
    return {
      skills: members.map((g) => ({ uri: g.skillUri, gapScore: g.gapScore, demand: g.demand, coverage: g.coverage })),
      anchorOccupation: group.anchor,
      sameAudienceAs: group.sameAudienceAs
        ? { anchor: group.sameAudienceAs.anchor, share: Math.round(group.sameAudienceAs.share * 1e4) / 1e4 }
        : null,
      occupations,
      otherLevelOccupations: group.otherLevels.map((o) => o.uri),
      suggestedEcts: ects,
      ectsReason,
      suggestedEqfLevel: group.eqf,
      eqfReason,
      cohesion,
      demand,
      trend:
        trends.length === 0
          ? null
          : Math.round((trends.reduce((sum, g) => sum + g.trend!, 0) / trends.length) * 1e4) / 1e4,
      partlyCoveredBy: [...offers.entries()]
        .map(([id, skills]) => ({ id, skills }))
        .sort((a, b) => b.skills - a.skills || (a.id < b.id ? -1 : 1)),
      carvedFrom,
      draftLearningOutcomes: members.map((g) =>
        knowledge(g.skillUri)
          ? `DRAFT (to be rewritten): The learner can explain and apply ${label(g.skillUri)}.`
          : `DRAFT (to be rewritten): The learner is able to ${label(g.skillUri)}.`,
      ),
      score,
      explanation:
        `${members.length} skills in demand and covered less than half, grouped from "${label(seed)}" (${options.rankBy ? `the first by ${options.rankBy.toLowerCase()}` : 'the largest gap'} not yet in an outline${knowledge(seed) ? ', a knowledge item: no competence was left to start one' : ''}): ` +
        `cohesion ${cohesion.toFixed(2)}, the mean over its ${group.pairs} pair(s) of the share of the slice's demand needing either skill that needs both` +
        `${group.linkedPairs > 0 ? ` (raised to ${GROUPING_WEIGHTS.linkedAffinity} for the ${group.linkedPairs} pair(s) sharing an ESCO skill group or related in ESCO)` : ''}` +
        `${knowledgeItems > 0 ? `; its ${knowledgeItems} knowledge item(s) joined the competences that use them` : ''}. ` +
        `Serves ${served.length} occupation(s) needing at least ${group.servedNeeds} of the ${members.length} skills at ${reach}, ` +
        `anchored on "${options.occupationLabel(group.anchor)}" (${percent(servedDemand > 0 ? anchorDemand / servedDemand : 0)} of their demand in the slice)` +
        `${served.length > 1 ? `, with ${quoteList(occupations.slice(1).map(options.occupationLabel))}` : ''}. ` +
        (group.sameAudienceAs
          ? `${percent(group.sameAudienceAs.share)} of that demand is also served by the outline anchored on "${options.occupationLabel(group.sameAudienceAs.anchor)}": read the two as modules of one programme. `
          : '') +
        `Score = sum of their ${options.rankBy ? `${options.rankBy.toLowerCase()} rank scores` : 'gap scores'} = ${score.toFixed(4)}. Size: ${ectsReason}. Level: ${eqfReason}` +
        `${offers.size > 0 ? ` Existing offers already cover part of it: ${[...offers.keys()].join(', ')}.` : ' No existing offer covers any of it.'}` +
        carvedFrom
          .map(
            (unit) =>
              ` It could be carved from "${unit.title}" (${unit.qualificationId}${unit.eqfLevel !== null ? `, EQF ${unit.eqfLevel}${unit.eqfLevel !== group.eqf ? `: its units are taught at that level, the outline's is ${group.eqf}` : ''}` : ''}), whose duties teach ${unit.skills.length} of its ${members.length} skills: ${unit.duties
                .map(
                  (d) =>
                    `"${d.text.length > 80 ? `${d.text.slice(0, 77)}…` : d.text}" (${quoteList(d.skills.map(label), 2)})`,
                )
                .join('; ')}.`,
          )
          .join(''),
    };
  });
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
