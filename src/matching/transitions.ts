import { round } from '../numbers.js';
import { topN } from '../collections.js';
import type { OccupationIndex, OccupationNeeds } from '../intelligence/skill-demand.js';
import { type OccupationDemandFacts, type OccupationFit, candidateFits, fitOccupation } from './occupation-fit.js';
import { type SkillNeighbours, type HeldCredit, MATCH_CREDIT, heldCredits } from './held-credits.js';
import {
  type Placement,
  VIABLE_FIT,
  comparePlacement,
  isGrounded,
  place,
  skillLevelOf,
  stepDownSentence,
  ungroundedSentence,
} from './viability.js';

/**
 * Career transitions: from a current or past occupation, the occupations reachable with the least
 * retraining. Pure.
 *
 * Similarity A → B: a person from A is taken to hold A's essential skills (and, in part, the skills next
 * to them in ESCO, as in held-credits.ts) and, at ORIGIN_OPTIONAL_CREDIT 0.5, A's optional skills (people
 * in A often have them; A does not require them). B's skill fit for that person (0.8 × essential + 0.2 ×
 * optional coverage of B), plus the occupation hierarchy, is the similarity:
 *   similarity = min(1, skill fit + 0.1 if A and B share an ISCO-08 unit group
 *                                  + 0.1 if one is the other's broader ESCO occupation or they share one)
 * (HIERARCHY_BONUS). It is directional: a specialist's skills may cover a generalist occupation and not the
 * other way round. A transition is viable from similarity 0.4 (viability.ts VIABLE_FIT).
 *
 * Score = similarity × prospects, prospects = 1 + 0.1 when B's demand in the region grew against the
 * previous period, − 0.1 when it fell by more than 5%, − 0.1 when B's automation exposure is in the
 * study's high-risk category. So prospects reorder transitions of similar reach, never lift a far one
 * above a near one by much.
 *
 * Order (src/matching/viability.ts): viable moves first, then the rest; a viable step down in ISCO-08 skill
 * level below the origin's comes after the other viable moves, unless asked for; then by score.
 *
 * Nesta's Mapping Career Causeways uses a richer similarity (essential and optional skills, work
 * activities and context from O*NET); `npm run eval:transitions` compares our counts of viable
 * transitions with its counts per occupation.
 */

export const VIABLE_SIMILARITY = VIABLE_FIT;
export const ORIGIN_OPTIONAL_CREDIT = MATCH_CREDIT.ORIGIN_OPTIONAL;
export const HIERARCHY_BONUS = { sameUnitGroup: 0.1, escoHierarchy: 0.1 } as const;

/** What the occupation hierarchy adds between A and B (HIERARCHY_BONUS), with the reasons in words. */
export function hierarchyBonus(a: OccupationNeeds, b: OccupationNeeds): { bonus: number; reasons: string[] } {
  const reasons: string[] = [];
  let bonus = 0;
  if (a.iscoGroup && a.iscoGroup === b.iscoGroup) {
    bonus += HIERARCHY_BONUS.sameUnitGroup;
    reasons.push(`+${HIERARCHY_BONUS.sameUnitGroup} same ISCO-08 unit group ${a.iscoGroup}`);
  }
  const up = (n: OccupationNeeds) => n.broader ?? [];
  if (up(a).includes(b.uri) || up(b).includes(a.uri) || up(a).some((parent) => up(b).includes(parent))) {
    bonus += HIERARCHY_BONUS.escoHierarchy;
    reasons.push(`+${HIERARCHY_BONUS.escoHierarchy} next to each other in ESCO's occupation hierarchy`);
  }
  return { bonus: round(bonus, 2), reasons };
}

/** What a person from the occupation is taken to hold: its essential skills and their neighbours, its optional skills in part. */
export function originCredits(origin: OccupationNeeds, neighbours: SkillNeighbours): Map<string, HeldCredit> {
  const credits = heldCredits(origin.essential, neighbours);
  for (const uri of origin.optional)
    if ((credits.get(uri)?.credit ?? 0) < ORIGIN_OPTIONAL_CREDIT)
      credits.set(uri, { credit: ORIGIN_OPTIONAL_CREDIT, kind: 'ORIGIN_OPTIONAL', via: uri });
  return credits;
}

export interface Transition<D extends OccupationDemandFacts = OccupationDemandFacts> extends Placement {
  from: string;
  /** The origin's skill level, against which a step down is judged. */
  fromLevel: number | null;
  allowStepDown: boolean;
  to: string;
  similarity: number;
  /** B's skill fit for a person from A, before the hierarchy bonus. */
  skillFit: number;
  hierarchyBonus: number;
  hierarchyReasons: string[];
  fit: OccupationFit;
  demand: D | null;
  automation: { value: number; high: boolean } | null;
  prospects: number;
  score: number;
}

export function rankTransitions<D extends OccupationDemandFacts>(
  from: string,
  index: OccupationIndex,
  neighbours: SkillNeighbours,
  context: {
    demand: Map<string, D> | null;
    automation: (uri: string) => { value: number; high: boolean } | null;
    allowStepDown?: boolean;
    /** Only these targets are offered (towards.ts). */
    only?: (needs: OccupationNeeds) => boolean;
  },
  first = Number.POSITIVE_INFINITY,
): Array<Transition<D>> {
  const origin = index.byUri.get(from);
  if (!origin) return [];
  const fromLevel = skillLevelOf(origin.iscoGroup);
  const allowStepDown = context.allowStepDown ?? false;
  const credits = originCredits(origin, neighbours);
  // Scores from the coverage figures for every occupation; the skill lists only for the `first` shown.
  const scored: Array<{
    needs: OccupationNeeds;
    similarity: number;
    prospects: number;
    score: number;
    placement: Placement;
    hierarchy: { bonus: number; reasons: string[] };
  }> = [];
  for (const quick of candidateFits(index, credits)) {
    const { needs } = quick;
    if (needs.uri === from || (context.only && !context.only(needs))) continue;
    const demand = context.demand?.get(needs.uri) ?? null;
    const prospects =
      1 +
      (demand?.trend == null ? 0 : demand.trend > 0 ? 0.1 : demand.trend < -0.05 ? -0.1 : 0) -
      (context.automation(needs.uri)?.high ? 0.1 : 0);
    const hierarchy = hierarchyBonus(origin, needs);
    const similarity = round(Math.min(1, quick.skillFit + hierarchy.bonus), 4);
    scored.push({
      needs,
      similarity,
      prospects: round(prospects, 2),
      score: round(similarity * prospects, 4),
      placement: place(similarity, needs.iscoGroup, fromLevel, isGrounded(needs, credits)),
      hierarchy,
    });
  }
  const ranked = topN(
    scored,
    first,
    (a, b) =>
      comparePlacement(a.placement, b.placement, allowStepDown) ||
      b.score - a.score ||
      b.similarity - a.similarity ||
      (a.needs.uri < b.needs.uri ? -1 : 1),
  );
  return ranked.map(({ needs, similarity, prospects, score, placement, hierarchy }) => {
    const fit = fitOccupation(needs, credits);
    return {
      ...placement,
      from,
      fromLevel,
      allowStepDown,
      to: needs.uri,
      similarity,
      skillFit: fit.skillFit,
      hierarchyBonus: hierarchy.bonus,
      hierarchyReasons: hierarchy.reasons,
      fit,
      demand: context.demand?.get(needs.uri) ?? null,
      automation: context.automation(needs.uri),
      prospects,
      score,
    };
  });
}

export function explainTransition(t: Transition, label: (uri: string) => string): string {
  const full = t.fit.matchedEssential.filter((m) => m.kind === 'EXACT').length;
  const parts = [
    `From "${label(t.from)}": ${full} of the ${t.fit.essentialCount} essential skills of "${label(t.to)}" are already there` +
      (t.fit.nearEssential.length > 0 ? ` and ${t.fit.nearEssential.length} more nearly` : '') +
      `; similarity ${t.similarity.toFixed(2)} (skill fit ${t.skillFit.toFixed(2)} = 0.8 × essential ${pct(t.fit.essentialCoverage)} + 0.2 × optional ${pct(t.fit.optionalCoverage)}` +
      (t.hierarchyReasons.length > 0 ? `; ${t.hierarchyReasons.join('; ')}` : '') +
      `)${t.viable ? ', a viable move' : ''}.`,
  ];
  const toLearn = t.fit.missingEssential.length;
  if (toLearn > 0)
    parts.push(
      `To add: ${toLearn} essential skill(s), such as ${t.fit.missingEssential
        .slice(0, 3)
        .map((uri) => `"${label(uri)}"`)
        .join(', ')}.`,
    );
  const adjustments: string[] = [];
  if (t.demand?.trend != null && t.demand.trend > 0)
    adjustments.push(`+0.1 demand in ${t.demand.region} up ${pct(t.demand.trend)}`);
  if (t.demand?.trend != null && t.demand.trend < -0.05)
    adjustments.push(`−0.1 demand in ${t.demand.region} down ${pct(-t.demand.trend)}`);
  if (t.automation?.high) adjustments.push(`−0.1 high automation exposure (${t.automation.value.toFixed(2)})`);
  parts.push(
    `Score = similarity × prospects ${t.prospects.toFixed(2)}${adjustments.length > 0 ? ` (${adjustments.join(', ')})` : ''} = ${t.score.toFixed(2)}.`,
  );
  if (!t.grounded) parts.push(ungroundedSentence(t));
  if (t.stepDown) parts.push(stepDownSentence(t, t.fromLevel, t.allowStepDown));
  return parts.join(' ');
}

const pct = (value: number) => `${Math.round(value * 1000) / 10}%`;
