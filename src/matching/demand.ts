import { PromiseMemo } from '../cache.js';
import { UserInputError } from '../errors.js';
import type { HubContext } from '../graphql/context.js';
import { referenceLists } from '../demand/reference.js';
import { readDemandSlice, unemployedBeside } from '../intelligence/demand-slice.js';
import { resolveRegion } from '../intelligence/slice.js';
import { deriveOccupationDemand, describeOccupationDemand } from '../intelligence/skill-demand.js';
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
    // The latest year with figures for this region (readDemandSlice's default). A known region without
    // figures only means no demand to weigh; an unknown one is the caller's mistake.
    const refs = referenceLists(context.referenceDir);
    const resolved = resolveRegion(region, refs);
    if (!resolved.ok) throw new UserInputError('region', resolved.reason);
    let slice: Awaited<ReturnType<typeof readDemandSlice>> | null = null;
    try {
      slice = await readDemandSlice(context, { region });
    } catch (error) {
      if (!(error instanceof UserInputError)) throw error;
    }
    if (!slice) return null;
    const { chosen, previous, index, derivation, period } = slice;
    const now = deriveOccupationDemand(chosen.signals, index, derivation);
    const before = previous ? deriveOccupationDemand(previous.signals, index, derivation) : null;
    const breakFlagged = [...chosen.signals, ...(previous?.signals ?? [])].some((s) => s.flags.includes('b'));
    const unit = chosen.signals[0]?.unit ?? '';
    const unemployed = unemployedBeside(slice);
    const byOccupation = new Map<string, OccupationDemandFacts>();
    for (const [uri, occupationDemand] of now) {
      const { demand, top } = occupationDemand;
      const earlier = before?.get(uri)?.demand ?? 0;
      const people = top ? unemployed.of(top.signal) : null;
      byOccupation.set(uri, {
        derivation: describeOccupationDemand(occupationDemand),
        vacanciesPerUnemployed: people && top?.signal.value != null ? round(top.signal.value / people, 2) : null,
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
