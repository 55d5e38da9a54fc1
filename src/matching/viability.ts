import type { OccupationNeeds } from '../intelligence/skill-demand.js';
import { SKILL_LEVEL } from '../taxonomy/isco-levels.js';
import type { HeldCredit } from './held-credits.js';

/**
 * Which matches and transitions come first: viable ones before stretches, and moves down in skill level after
 * moves at the same or a higher level. Pure; used by occupation-fit.ts (matching) and transitions.ts.
 *
 *   viable      = skill fit (for a transition, its similarity) ≥ VIABLE_FIT 0.4: the person already has
 *                 two fifths of what the occupation needs, near matches counted in part. Below it, a stretch.
 *                 Chosen by reading matches: a forklift driver's paragraph fits warehouse order picker at 0.40
 *                 and warehouse worker at 0.34, moves a counsellor would call within reach, while ESCO's long
 *                 essential lists keep most real neighbours below 0.5 (docs/matching.md).
 *   skill level = the ILO skill level (1–4) of the occupation's ISCO-08 major group (src/taxonomy/isco-levels.ts:
 *                 9 elementary → 1; 4–8 clerical, service, trades, operators → 2; 3 technicians → 3; 1–2
 *                 managers, professionals → 4); unknown without an ISCO group.
 *   step down   = the occupation's skill level is below the person's: the highest level among the occupations
 *                 they hold or held (for a transition, the origin's). Unknown when either level is.
 *   grounded    = one of the occupation's sector- or occupation-specific essential skills (ESCO's reuse level)
 *                 is held or near-held with credit ≥ GROUNDING_CREDIT 0.5 (through ESCO's hierarchy or a
 *                 near-synonym), or it has none. Ungrounded, the fit rests on cross-sector skills alone ("stay
 *                 alert", "execute working instructions"), which hundreds of occupations share: a forklift
 *                 driver fitted leather measuring operator, 2 of whose 6 essential skills he has, both generic.
 *   order       = viable before stretch, always; within each, grounded before ungrounded; among viable ones,
 *                 same-or-higher level before step-downs (unless step-downs are asked for: then they mix in);
 *                 then the caller's order (score, fit).
 *                 Stretches, not yet within reach, keep the caller's order with step-downs flagged: demoted
 *                 there, a forklift driver's warehouse moves (fit 0.34–0.40, ISCO 9333 below 8344) fell
 *                 behind every same-level occupation sharing a generic skill, out of the first hundred.
 */

export const VIABLE_FIT = 0.4;
export const GROUNDING_CREDIT = 0.5;

export interface Placement {
  viable: boolean;
  /** The occupation's ILO skill level (1–4), null without an ISCO-08 group. */
  skillLevel: number | null;
  /** Below the person's skill level (false when either level is unknown). */
  stepDown: boolean;
  /** Some specific essential skill is held or near-held (or the occupation has none). */
  grounded: boolean;
}

/** Whether the person holds, or nearly holds (GROUNDING_CREDIT), one of the occupation's specific essential skills. */
export function isGrounded(needs: OccupationNeeds, credits: Map<string, HeldCredit>): boolean {
  const specific = needs.specific ?? [];
  return specific.length === 0 || specific.some((uri) => (credits.get(uri)?.credit ?? 0) >= GROUNDING_CREDIT);
}

export function skillLevelOf(iscoGroup: string | null | undefined): number | null {
  return iscoGroup ? (SKILL_LEVEL[iscoGroup.slice(0, 1)] ?? null) : null;
}

/** The person's level: the highest skill level among their occupations (null when none has one). */
export function personLevel(iscoGroups: Array<string | null | undefined>): number | null {
  const levels = iscoGroups.map(skillLevelOf).filter((level): level is number => level !== null);
  return levels.length > 0 ? Math.max(...levels) : null;
}

export function place(
  fit: number,
  iscoGroup: string | null | undefined,
  level: number | null,
  grounded = true,
): Placement {
  const skillLevel = skillLevelOf(iscoGroup);
  return {
    viable: fit >= VIABLE_FIT,
    skillLevel,
    stepDown: skillLevel !== null && level !== null && skillLevel < level,
    grounded,
  };
}

/** Negative when `a` goes before `b` by viability and level alone; 0 leaves it to the caller's order. */
export function comparePlacement(a: Placement, b: Placement, allowStepDown = false): number {
  if (a.viable !== b.viable) return a.viable ? -1 : 1;
  if (a.grounded !== b.grounded) return a.grounded ? -1 : 1;
  if (a.viable && !allowStepDown && a.stepDown !== b.stepDown) return a.stepDown ? 1 : -1;
  return 0;
}

/** The placement in sentences (empty for a viable move that is no step down). */
export function explainPlacement(p: Placement, level: number | null, allowStepDown: boolean): string[] {
  const parts: string[] = [];
  if (!p.viable)
    parts.push(
      `A stretch: the skill fit is below ${VIABLE_FIT}, so it comes after every viable one and demand does not lift it.`,
    );
  if (!p.grounded) parts.push(ungroundedSentence(p));
  if (p.stepDown) parts.push(stepDownSentence(p, level, allowStepDown));
  return parts;
}

/** A step down in words, and whether it moved in the order (viable ones only, unless step-downs are allowed). */
export function stepDownSentence(p: Placement, level: number | null, allowStepDown: boolean): string {
  return (
    `A step down: ISCO-08 skill level ${p.skillLevel} against the person's ${level}` +
    (allowStepDown || !p.viable ? '.' : '; ranked after the viable moves at the same or a higher level.')
  );
}

/** An ungrounded match or move in words. */
export const ungroundedSentence = (p: Placement) =>
  `Rests on cross-sector skills alone: none of its sector- or occupation-specific essential skills is held or nearly held, so it comes after the ${p.viable ? 'viable' : 'stretch'} ones that share one.`;
