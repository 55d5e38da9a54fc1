import type { HubContext } from '../../graphql/context.js';
import type { OccupationNeeds } from '../../intelligence/skill-demand.js';
import { occupationRelevanceTable } from '../../intelligence/relevance-table.js';
import { TRANSITION_FLOOR } from '../../intelligence/relevance.js';
import { isTarget, parseTowards } from '../towards.js';

export const TOWARDS_DESCRIPTION = `Aim at such roles only: DIGITAL or GREEN (occupations with digital or green relevance at least ${TRANSITION_FLOOR}) or an ISCO-08 group as ISCO:<1–4 digits> (e.g. ISCO:25); each still with its gap. Ask \`digitalRelevance\` or \`greenRelevance\` on the occupation for the figure.`;

/** The `towards` argument as a filter over occupations (undefined without one), the relevance table read once per release. */
export async function targetFilter(
  context: HubContext,
  value: string | null | undefined,
): Promise<((needs: OccupationNeeds) => boolean) | undefined> {
  const towards = parseTowards(value);
  if (!towards) return undefined;
  const relevance =
    towards.kind === 'GROUP'
      ? null
      : await occupationRelevanceTable(context, towards.kind === 'DIGITAL' ? 'digital' : 'green');
  return (needs) => isTarget(towards, needs, relevance);
}
