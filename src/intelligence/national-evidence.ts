import { PromiseMemo } from '../cache.js';
import type { ReferenceLists } from '../demand/reference.js';
import type { GraphClient } from '../graph/client.js';
import type { SourceCoverage } from './availability.js';
import { cachedSignalsFor } from './store.js';
import {
  type DemandMargin,
  type MajorGroupFit,
  type NationalShares,
  fitMajorGroup,
  minorGroupsFromKldb,
} from './national-split.js';
import type { DerivationOptions, OccupationIndex, SignalInput } from './skill-demand.js';

/**
 * The national evidence a slice's coarse figures are split by (national-split.ts states the fit), read
 * from the graph and fitted once per demand import, taxonomy, source, period and country.
 *
 * Which evidence a country has, finest and closest in kind first:
 *   1. employment by ISCO-08 minor group for the whole country (EU-LFS, France, Italy and the UK,
 *      2014–2018): any source with EMPLOYMENT figures at ISCO-3 without a sector for the country;
 *   2. registered vacancies by KldB 2010 group for the whole country (the German PES data), summed over
 *      its districts and taken to ISCO-08 minor groups through the BA's key (minorGroupsFromKldb).
 * Of a source, the latest period not after the figure's (else its earliest, and the margin says it lies
 * after). A country with neither keeps the proxy split, and the figure's method says so.
 */

export const NO_NATIONAL_EVIDENCE =
  'no national evidence finer than the major group for this country: the split follows the proxy';

export interface NationalEvidence {
  values: Map<string, number>;
  source: string;
  period: string;
  region: string;
  /** What the figures are, in words: "employment by ISCO-08 minor group". */
  what: string;
}

export interface FitInputs {
  /** The coarse source's figures of one country and period: sector → major group → published value. */
  coarse: Map<string, Map<string, number>>;
  coarseSource: string;
  country: string;
  period: string;
  evidence: NationalEvidence;
  index: OccupationIndex;
  derivation: Pick<DerivationOptions, 'occupationMix' | 'unitWeights'>;
}

/**
 * The prior of a minor group in a sector (national-split.ts, P[s,k]): the occupation mix's jobs of its
 * occupations in the sector's NACE section; for a section the mix lacks, the unit-group weights of its
 * unit groups (EU job ads), or, without weights, the number of its unit groups (an even split). Pure.
 */
export function proxyPrior(
  index: OccupationIndex,
  derivation: Pick<DerivationOptions, 'occupationMix' | 'unitWeights'>,
): (sector: string, minorGroup: string) => number {
  return (sector, minor) => {
    const units = index.unitGroupsUnder(minor);
    const mix = derivation.occupationMix?.bySection.get(sector.slice(0, 1));
    if (mix) {
      // A section of the mix: an occupation without jobs in it has none in the sector.
      return units.reduce(
        (sum, unit) => sum + index.byUnitGroup.get(unit)!.reduce((acc, o) => acc + (mix.get(o.uri) ?? 0), 0),
        0,
      );
    }
    const weights = derivation.unitWeights?.byUnitGroup;
    const weighted = weights ? units.reduce((sum, unit) => sum + (weights.get(unit) ?? 0), 0) : 0;
    return weighted > 0 ? weighted : units.length;
  };
}

/** Every major group of one country and period fitted: the splits of its coarse figures, keyed sector|major group. Pure. */
export function fitCountry(inputs: FitInputs): Map<string, NationalShares> {
  const { coarse, evidence, index, derivation } = inputs;
  const prior = proxyPrior(index, derivation);
  const margins = marginsOf(inputs);
  const majors = new Set([...coarse.values()].flatMap((byMajor) => [...byMajor.keys()]));
  const result = new Map<string, NationalShares>();
  for (const major of [...majors].sort()) {
    const minors = [...new Set(index.unitGroupsUnder(major).map((unit) => unit.slice(0, 3)))];
    const rows = new Map<string, number>();
    for (const [sector, byMajor] of coarse) if (byMajor.has(major)) rows.set(sector, byMajor.get(major)!);
    const fit = fitMajorGroup({
      rows,
      evidence: new Map(minors.map((k) => [k, evidence.values.get(k) ?? null])),
      prior,
    });
    if (!fit) continue;
    for (const [sector, minorShares] of fit.shares)
      result.set(`${sector}|${major}`, {
        minorShares,
        method: describeFit(inputs, major, sector, rows.size, minors.length, fit),
        margins,
      });
  }
  return result;
}

function marginsOf({ coarseSource, country, period, evidence }: FitInputs): DemandMargin[] {
  const year = (p: string) => Number(p.slice(0, 4));
  return [
    { role: 'sector × ISCO-08 major group', source: coarseSource, period, region: country, yearsBefore: 0 },
    {
      role: `${evidence.what} within each major group, all sectors`,
      source: evidence.source,
      period: evidence.period,
      region: evidence.region,
      yearsBefore: year(period) - year(evidence.period),
    },
  ];
}

function describeFit(
  inputs: FitInputs,
  major: string,
  sector: string,
  sectors: number,
  minors: number,
  fit: MajorGroupFit,
): string {
  const { coarseSource, country, period, evidence, derivation } = inputs;
  const age = Number(period.slice(0, 4)) - Number(evidence.period.slice(0, 4));
  const when =
    age === 0 ? 'the same year' : age > 0 ? `${age} year${age === 1 ? '' : 's'} older` : `${-age} years later`;
  const priorName = derivation.occupationMix ? derivation.occupationMix.source : 'the unit-group weights';
  const notes = [
    fit.pooled.length > 0
      ? `${fit.pooled.length} minor group(s) without a published national figure (${fit.pooled.join(', ')}) keep the proxy's share`
      : '',
    fit.flatColumns.length > 0 ? `flat prior for minor group(s) ${fit.flatColumns.join(', ')} (none in the proxy)` : '',
    fit.flatRows.includes(sector) ? `flat prior for sector ${sector} (none of the group in the proxy)` : '',
    fit.converged ? '' : `the fit stopped after ${fit.iterations} iterations before every margin was met`,
  ].filter(Boolean);
  return (
    `ISCO major group ${major} in sector ${sector}, ${country} ${period}: over its ${minors} minor groups by fitting ${priorName} ` +
    `to the national margins in ${fit.iterations} iteration(s): sector × major group from ${coarseSource} ${period} ` +
    `(this figure and ${sectors - 1} other sector(s), kept exactly) and ${evidence.what} in ${evidence.region} (${evidence.source}; its ${evidence.period} figures, ${when})` +
    (notes.length > 0 ? `; ${notes.join('; ')}` : '')
  );
}

/** The latest period of `periods` not after `period`, else the earliest. */
export function closestPeriod(periods: string[], period: string): string | null {
  const years = periods.filter((p) => /^\d{4}$/.test(p)).sort();
  return years.filter((p) => p <= period).pop() ?? years[0] ?? null;
}

type Found = { sourceId: string; name: string; period: string; kind: 'ISCO-3' | 'KLDB-3' };

/** Which evidence a country has (see the header), from the sources' coverage alone. */
export function evidenceSourceFor(coverages: SourceCoverage[], country: string, period: string): Found | null {
  for (const kind of ['ISCO-3', 'KLDB-3'] as const) {
    for (const source of coverages) {
      const periods = source.entries
        .filter((e) =>
          kind === 'ISCO-3'
            ? e.metric === 'EMPLOYMENT' &&
              e.targets.includes('ISCO-3') &&
              e.sectors.includes(null) &&
              e.regions.includes(country)
            : e.metric === 'VACANCIES' && e.targets.includes('KLDB-3') && e.regions.some((r) => r.startsWith(country)),
        )
        .map((e) => e.period);
      const chosen = closestPeriod(periods, period);
      if (chosen) return { sourceId: source.id, name: source.name, period: chosen, kind };
    }
  }
  return null;
}

/**
 * A source's figures of one country and period, every sector, through the slice read (store.ts signalsFor:
 * the figures below the country added up, from the rollups written at import where the source has them),
 * at the coarsest region level it has: the national figures, or the sum of its regional ones.
 */
async function countryFigures(
  graph: GraphClient,
  stamp: string,
  sourceId: string,
  period: string,
  country: string,
  rolledUp: string[],
): Promise<SignalInput[]> {
  const figures = (
    await cachedSignalsFor(
      graph,
      stamp,
      { sources: [sourceId], periods: [period], region: country, sector: null },
      rolledUp,
    )
  ).filter((s) => s.value !== null);
  const coarsest = Math.min(...figures.map((s) => s.regionLevel ?? s.region.length));
  return figures.filter((s) => (s.regionLevel ?? s.region.length) === coarsest);
}

function evidenceOf(found: Found, country: string, figures: SignalInput[], refs: ReferenceLists): NationalEvidence {
  if (found.kind === 'ISCO-3')
    return {
      values: new Map(
        figures
          .filter(
            (s) =>
              s.metric === 'EMPLOYMENT' && s.targetKind === 'ISCO' && s.targetCode.length === 3 && s.sector === null,
          )
          .map((s) => [s.targetCode, s.value!]),
      ),
      source: found.name,
      period: found.period,
      region: country,
      what: 'employment by ISCO-08 minor group',
    };
  const kldb = figures
    .filter((s) => s.metric === 'VACANCIES' && s.targetKind === 'KLDB' && s.sector === null)
    .map((s) => [s.targetCode, s.value!] as const);
  return {
    values: minorGroupsFromKldb(new Map(kldb), refs.kldbToIsco),
    source: found.name,
    period: found.period,
    region: country,
    what: 'registered vacancies by ISCO-08 minor group (KldB 2010 groups through the BA key, each spread evenly over its 5-digit codes)',
  };
}

/** The coarse source's figures of one country and period: sector (a NACE section) → major group → value. */
function coarseOf(figures: SignalInput[]): Map<string, Map<string, number>> {
  const coarse = new Map<string, Map<string, number>>();
  for (const s of figures) {
    if (s.targetKind !== 'ISCO' || s.targetCode.length !== 1 || s.sector === null || s.sector.length !== 1) continue;
    const bySector = coarse.get(s.sector) ?? new Map<string, number>();
    bySector.set(s.targetCode, s.value!);
    coarse.set(s.sector, bySector);
  }
  return coarse;
}

const fits = new WeakMap<OccupationIndex, PromiseMemo<Map<string, NationalShares> | null>>();

/**
 * The national split for a slice's figures (and its previous period's), ready for the derivation:
 * undefined when none of them is a coarse figure of a country (an ISCO major group with a sector).
 * Round trips: two slice reads per country and period with evidence (held like any slice's), once per demand import.
 */
export async function nationalSplitFor(
  graph: GraphClient,
  stamp: string,
  coverages: SourceCoverage[],
  figures: SignalInput[],
  index: OccupationIndex,
  derivation: Pick<DerivationOptions, 'occupationMix' | 'unitWeights'>,
  refs: ReferenceLists,
  /** The sources with rollups (DemandSourceRow.rollups set). */
  rolledUp: string[],
): Promise<DerivationOptions['nationalSplit']> {
  const coarse = figures.filter(
    (s) => s.targetKind === 'ISCO' && s.targetCode.length === 1 && s.sector !== null && s.region.length === 2,
  );
  if (coarse.length === 0) return undefined;
  let memo = fits.get(index);
  if (!memo) fits.set(index, (memo = new PromiseMemo(512)));
  const held = memo;
  const keys = [...new Set(coarse.map((s) => `${s.sourceId}|${s.period}|${s.region}`))];
  const fitted = new Map(
    await Promise.all(
      keys.map(async (key) => {
        const [sourceId, period, country] = key.split('|');
        const found = evidenceSourceFor(coverages, country, period);
        const shares = found
          ? await held.get(`${stamp}|${key}|${found.sourceId}|${found.period}`, async () => {
              const [coarseFigures, evidenceFigures] = await Promise.all([
                countryFigures(graph, stamp, sourceId, period, country, rolledUp),
                countryFigures(graph, stamp, found.sourceId, found.period, country, rolledUp),
              ]);
              const sourceName = coverages.find((c) => c.id === sourceId)?.name ?? sourceId;
              return fitCountry({
                coarse: coarseOf(coarseFigures),
                coarseSource: sourceName,
                country,
                period,
                evidence: evidenceOf(found, country, evidenceFigures, refs),
                index,
                derivation,
              });
            })
          : null;
        return [key, shares] as const;
      }),
    ),
  );
  return (signal) =>
    fitted.get(`${signal.sourceId}|${signal.period}|${signal.region}`)?.get(`${signal.sector}|${signal.targetCode}`) ??
    NO_NATIONAL_EVIDENCE;
}
