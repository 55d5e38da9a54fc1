import { UserInputError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import type { HubContext } from '../../graphql/context.js';
import { sharedInputs } from '../demand-slice.js';
import { skillGapsOnce } from './gap-reads.js';
import { type GapRow, SkillGapRef } from './gaps.js';

/**
 * `SkillGap.demandSeries`: a skill's demand over the periods of its slice's source, for a trend chart longer
 * than the two periods `trend` compares. Each point is the same slice asked for that period (skillGapsOnce:
 * held per demand import, and read once per request whatever the number of rows), kept only when the
 * same source answers it; the skill's demand there, 0 when it had none.
 */

export const SERIES_PERIODS = 6;

interface DemandPoint {
  period: string;
  demand: number;
}

const DemandPointRef = builder.objectRef<DemandPoint>('DemandPoint').implement({
  description: 'A skill’s derived demand in one period.',
  fields: (t) => ({
    period: t.exposeString('period', { description: 'The period.' }),
    demand: t.exposeFloat('demand', { description: 'Derived demand in the slice’s unit.' }),
  }),
});

export async function demandSeries(context: HubContext, row: GapRow): Promise<DemandPoint[]> {
  const { sources } = await sharedInputs(context);
  const source = sources.find((s) => s.id === row.slice.source);
  if (!source) return [];
  const periods = source.periods
    .filter((p) => p <= row.slice.period)
    .sort()
    .slice(-SERIES_PERIODS);
  const points = await Promise.all(
    periods.map(async (period) => {
      try {
        const { slice, gaps } = await skillGapsOnce(context, { ...row.slice.asked, period });
        if (slice.source !== row.slice.source) return null;
        return { period, demand: gaps.find((g) => g.skillUri === row.skillUri)?.demand ?? 0 };
      } catch (error) {
        // A period the data cannot answer for this slice (a region without figures that year) is left out.
        if (error instanceof UserInputError) return null;
        throw error;
      }
    }),
  );
  return points.filter((p): p is DemandPoint => p !== null);
}

builder.objectFields(SkillGapRef, (t) => ({
  demandSeries: t.field({
    type: [DemandPointRef],
    description: `The skill’s demand in each period of the slice’s source up to the slice’s period (the last ${SERIES_PERIODS} at most), oldest first, derived the same way in the slice’s unit (0 when the skill had none then); a period the source does not answer for the slice is left out, and a break in series is not marked (see trendNote).`,
    resolve: (g, _a, context) => demandSeries(context, g),
  }),
}));
