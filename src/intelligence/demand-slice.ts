import { referenceLists } from '../demand/reference.js';
import { UserInputError } from '../errors.js';
import type { HubContext } from '../graphql/context.js';
import { availability } from './availability.js';
import { nationalSplitFor } from './national-evidence.js';
import type { OfferSupply } from './gaps.js';
import type { DerivationOptions, OccupationIndex, SignalInput } from './skill-demand.js';
import {
  type RegionResolution,
  previousPeriod,
  resolveOccupationGroup,
  resolveRegion,
  resolveSector,
  selectSlice,
} from './slice.js';
import {
  type DemandSourceRow,
  cachedSplitWeights,
  cachedSignalsFor,
  demandSources,
  demandStamp,
  occupationIndex,
  offerSupply,
  qualificationSupply,
  sourceCoverages,
} from './store.js';
import { NO_CHANGE, type WhatIf, applyWhatIf } from './what-if.js';

/**
 * The demand figures behind one sector × region × period, as every skills-intelligence answer (and
 * matching's demand per occupation) reads them: arguments checked against the official code lists
 * (errors name the argument), the slice's source and metric chosen, the previous period's figures for
 * the trend, a what-if applied, and the derivation options (weights, occupation mix, KldB mapping).
 */

/** What every slice of a request reads once: the sources, the offers and qualification routes as supply, the occupation index. */
export interface SharedInputs {
  sources: DemandSourceRow[];
  offers: OfferSupply[];
  /** Qualification routes, supply of their own kind (gaps.ts). */
  routes: OfferSupply[];
  index: OccupationIndex;
}

const sharedPerRequest = new WeakMap<HubContext, Promise<SharedInputs>>();

/** Read once per request (the context is per request), however many fields ask. */
export function sharedInputs(context: HubContext): Promise<SharedInputs> {
  let shared = sharedPerRequest.get(context);
  if (!shared) {
    shared = Promise.all([
      demandSources(context.graph),
      offerSupply(context),
      qualificationSupply(context.graph),
      occupationIndex(context),
    ]).then(([sources, offers, routes, index]) => ({ sources, offers, routes, index }));
    sharedPerRequest.set(context, shared);
  }
  return shared;
}

/** The slice arguments every skills-intelligence question takes. */
export interface SliceArgs {
  sector?: string | null;
  region?: string | null;
  period?: string | null;
  metric?: string | null;
  /** ISCO:7, KLDB:32: only the demand of that occupation group. */
  occupationGroup?: string | null;
}

export interface DemandSlice {
  sector: string | null;
  region: Extract<RegionResolution, { ok: true }>;
  period: string;
  chosen: ReturnType<typeof selectSlice>;
  /** The same source's figures of the previous period, when comparable. */
  previous: { period: string; signals: SignalInput[] } | null;
  /** Every figure read for the region and periods (the chosen metric's and the others, e.g. UNEMPLOYED). */
  candidates: SignalInput[];
  hypothetical: ReturnType<typeof applyWhatIf>;
  /** Qualification routes as supply (a what-if changes offers only). */
  routes: OfferSupply[];
  index: OccupationIndex;
  derivation: DerivationOptions;
}

export async function readDemandSlice(
  context: HubContext,
  args: SliceArgs,
  whatIf: WhatIf | null = null,
  /** Several slices of one request (a dashboard's sectors) share these, and read every sector's figures in one go. */
  shared?: SharedInputs,
): Promise<DemandSlice> {
  const refs = referenceLists(context.referenceDir);
  const sector = resolveSector(args.sector, refs);
  if (!sector.ok) throw new UserInputError('sector', sector.reason);
  const region = resolveRegion(args.region, refs);
  if (!region.ok) throw new UserInputError('region', region.reason);
  const { sources, offers, routes, index } = shared ?? (await sharedInputs(context));
  const group = resolveOccupationGroup(
    args.occupationGroup,
    index,
    refs,
    (code) => context.taxonomy?.iscoGroupByCode(code)?.preferredLabel ?? null,
  );
  if (!group.ok) throw new UserInputError('occupationGroup', group.reason);
  // With shared inputs, every sector's figures of the region are read in one go (and held per import).
  if (args.period != null && !/^\d{4}(-\d{4})?$/.test(args.period))
    throw new UserInputError('period', `must be a year such as 2024 (got '${args.period}')`);
  // What the data can answer: the argument at fault named, or the slice's latest period when none is asked.
  const coverages = await sourceCoverages(context.graph, sources);
  const answerable = availability(coverages, {
    region: region.code,
    sector: sector.code,
    period: args.period ?? null,
    metric: args.metric ?? null,
  });
  if (!answerable.ok) throw new UserInputError(answerable.field, answerable.reason);
  const period = answerable.period;
  // Only the sources that can answer the slice are read (one index seek on source and period): a national
  // slice never scans the 1.6 million district figures of the German PES data, nor does a sector's (the PES data
  // has no sector). With shared inputs (a dashboard's sectors) every sector of the region is read at once: the
  // sectors of one region are answered by the same sources, so they share one read.
  const readSources = sources.filter((s) => answerable.sources.includes(s.id));
  const rolledUp = sources.filter((s) => s.rollups !== null).map((s) => s.id);
  const previousCandidates = [
    ...new Set(readSources.map((s) => previousPeriod(s.periods, period)).filter((p): p is string => p !== null)),
  ];
  const [candidates, [weights, mix]] = await Promise.all([
    cachedSignalsFor(
      context.graph,
      demandStamp(sources),
      {
        sources: readSources.map((s) => s.id),
        periods: [period, ...previousCandidates],
        region: region.code,
        sector: shared ? null : sector.code,
      },
      rolledUp,
    ),
    cachedSplitWeights(context.graph, demandStamp(sources)),
  ]);
  const query = { sector: sector.code, region: region.code, period, metric: args.metric ?? null };
  const chosen = selectSlice(candidates, query);
  if (chosen.signals.length === 0) {
    throw new UserInputError(
      'period',
      `no demand figures for ${[sector.code ? `sector ${sector.code}` : 'all sectors', region.code ?? 'all regions', period, args.metric].filter(Boolean).join(' × ')}; ` +
        `sources: ${sources.map((s) => `${s.id} (${s.periods.join(', ')})`).join('; ')}`,
    );
  }
  const sourcePeriods = sources.find((s) => s.id === chosen.sourceId)?.periods ?? [];
  const before = previousPeriod(sourcePeriods, period);
  const previous = before ? selectSlice(candidates, { ...query, period: before, metric: chosen.metric }) : null;
  const hypothetical = applyWhatIf(chosen.signals, offers, whatIf ?? NO_CHANGE, index);
  const comparable = previous && previous.sourceId === chosen.sourceId && previous.signals.length > 0 ? previous : null;
  // Inside a country, coarse figures are split by its own finer evidence first (both periods alike, so the trend compares like with like).
  const nationalSplit = await nationalSplitFor(
    context.graph,
    demandStamp(sources),
    coverages,
    [...chosen.signals, ...(comparable?.signals ?? [])],
    index,
    { occupationMix: mix, unitWeights: weights },
    refs,
    rolledUp,
  );
  return {
    sector: sector.code,
    region,
    period,
    chosen,
    previous: comparable ? { period: before!, signals: comparable.signals } : null,
    candidates,
    hypothetical,
    routes,
    index,
    derivation: {
      occupationFactor: hypothetical.occupationFactor,
      ...(group.group ? { occupationGroup: group.group } : {}),
      optionalWeight: 0.5,
      unitWeights: weights,
      occupationMix: mix,
      ...(nationalSplit ? { nationalSplit } : {}),
      nationalMappings:
        refs.kldbToEsco.size > 0
          ? { KLDB: { byGroup: refs.kldbToEsco, source: 'the Bundesagentur für Arbeit’s KldB↔ESCO mapping' } }
          : {},
    },
  };
}

/**
 * Vacancies meet the people available for them: the registered unemployed the slice's source publishes for
 * the same region, sector and target as each of its vacancy figures (at the same region level), looked up
 * by a figure (null when the slice is not vacancies or the source has no such figure); `any` says whether
 * the source has any such figure at all.
 */
export function unemployedBeside(slice: Pick<DemandSlice, 'chosen' | 'candidates' | 'period'>): {
  of: (figure: SignalInput) => number | null;
  any: boolean;
} {
  const { chosen, candidates, period } = slice;
  if (chosen.metric !== 'VACANCIES') return { of: () => null, any: false };
  const key = (s: SignalInput) => `${s.region}|${s.sector}|${s.targetKind}|${s.targetCode}`;
  const levels = new Set(chosen.signals.map((s) => s.regionLevel ?? s.region.length));
  const unemployed = new Map(
    candidates
      .filter(
        (s) =>
          s.sourceId === chosen.sourceId &&
          s.period === period &&
          s.metric === 'UNEMPLOYED' &&
          levels.has(s.regionLevel ?? s.region.length),
      )
      .map((s) => [key(s), s.value]),
  );
  return { of: (figure) => unemployed.get(key(figure)) ?? null, any: unemployed.size > 0 };
}
