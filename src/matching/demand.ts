import { PromiseMemo } from '../cache.js';
import { UserInputError } from '../errors.js';
import type { HubContext } from '../graphql/context.js';
import { readDemandSlice } from '../intelligence/demand-slice.js';
import { deriveOccupationDemand } from '../intelligence/skill-demand.js';
import { automationByOccupation, demandSources, demandStamp } from '../intelligence/store.js';
import { round } from '../numbers.js';
import type { OccupationDemandFacts } from './occupation-fit.js';

/**
 * Demand per occupation in a person's region, for matching: the region's figures of the latest period
 * (all sectors, the slice's default metric: vacancies, then job ads, then employment), spread to ESCO
 * occupations as skills intelligence spreads them, with the trend against the previous period.
 * Held per demand import, taxonomy release and region.
 */

const cache = new PromiseMemo<{ byOccupation: Map<string, OccupationDemandFacts>; note: string } | null>(64);

export async function occupationDemandIn(
  context: HubContext,
  region: string | null | undefined,
): Promise<{ byOccupation: Map<string, OccupationDemandFacts>; note: string } | null> {
  if (region == null || region === '') return null;
  const sources = await demandSources(context.graph);
  const key = `${demandStamp(sources)}|${context.taxonomy?.stamp ?? ''}|${region}`;
  return cache.get(key, async () => {
    // The latest year with figures for this region (the newest year of all sources may only cover other regions).
    const years = [...new Set(sources.flatMap((source) => source.periods))]
      .filter((p) => /^\d{4}$/.test(p))
      .sort()
      .reverse();
    let slice: Awaited<ReturnType<typeof readDemandSlice>> | null = null;
    for (const period of years) {
      try {
        slice = await readDemandSlice(context, { region, period });
        break;
      } catch (error) {
        // An unknown region is the caller's mistake; a year without figures for it only means: try the year before.
        if (!(error instanceof UserInputError && error.extensions.field === 'period')) throw error;
      }
    }
    if (!slice) return null;
    const { chosen, previous, index, derivation, period } = slice;
    const now = deriveOccupationDemand(chosen.signals, index, derivation);
    const before = previous ? deriveOccupationDemand(previous.signals, index, derivation) : null;
    const breakFlagged = [...chosen.signals, ...(previous?.signals ?? [])].some((s) => s.flags.includes('b'));
    const unit = chosen.signals[0]?.unit ?? '';
    const byOccupation = new Map<string, OccupationDemandFacts>();
    for (const [uri, { demand }] of now) {
      const earlier = before?.get(uri)?.demand ?? 0;
      byOccupation.set(uri, {
        value: round(demand, 4),
        unit,
        trend: before && !breakFlagged && earlier > 0 ? round((demand - earlier) / earlier, 4) : null,
        region: slice.region.code ?? region,
        period,
        source: chosen.sourceId ?? '',
      });
    }
    return {
      byOccupation,
      note: `${chosen.note}; ${slice.region.code}, ${period}${previous ? `, trend against ${previous.period}` : ''}`,
    };
  });
}

export async function automationExposure(context: HubContext): Promise<Map<string, { value: number; high: boolean }>> {
  return automationByOccupation(context.graph, demandStamp(await demandSources(context.graph)));
}
