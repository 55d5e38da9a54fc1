import { UserInputError } from '../errors.js';
import type { OccupationNeeds } from '../intelligence/skill-demand.js';
import { TRANSITION_FLOOR } from '../intelligence/relevance.js';

/**
 * A target for matching and transitions: aim them at digital or green roles, or at an ISCO-08 group. Pure.
 *
 *   DIGITAL, GREEN  occupations whose digital (green) relevance is at least TRANSITION_FLOOR 0.5: the mean
 *                   relevance of their skills, essential weighted 1 and optional 0.5
 *                   (src/intelligence/relevance.ts); 120 and 32 occupations of ESCO 1.1.1
 *   ISCO:<code>     occupations whose ISCO-08 unit group starts with the code (1 to 4 digits: "ISCO:25",
 *                   ICT professionals; "ISCO:2221", nursing professionals)
 * Everything else about the ranking stays: viable before stretch, viable step-downs after, the gap to each.
 */

export type Towards = { kind: 'DIGITAL' | 'GREEN' } | { kind: 'GROUP'; prefix: string };

export function parseTowards(value: string | null | undefined): Towards | null {
  if (value == null) return null;
  const text = value.trim();
  if (text === 'DIGITAL' || text === 'GREEN') return { kind: text };
  const group = /^ISCO:(\d{1,4})$/.exec(text);
  if (group) return { kind: 'GROUP', prefix: group[1] };
  throw new UserInputError(
    'towards',
    `must be DIGITAL, GREEN or an ISCO-08 group as ISCO:<1–4 digits> (e.g. ISCO:25), got '${value}'`,
  );
}

/** Whether an occupation is a target; `relevance` is the occupation's digital or green relevance table for those kinds. */
export function isTarget(
  towards: Towards,
  needs: OccupationNeeds,
  relevance: ReadonlyMap<string, number> | null,
): boolean {
  if (towards.kind === 'GROUP') return (needs.iscoGroup ?? '').startsWith(towards.prefix);
  return (relevance?.get(needs.uri) ?? 0) >= TRANSITION_FLOOR;
}
