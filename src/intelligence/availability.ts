import type { CoverageEntry } from '../demand/coverage.js';
import { DEMAND_METRICS } from '../demand/model.js';
import { METRIC_PREFERENCE } from './slice.js';

/**
 * What the imported demand data can answer, and for a question it cannot, which argument is at fault
 * and why, in terms of the data. Pure: over each source's coverage (which metrics, periods, regions,
 * sectors and target grains it has figures for), recorded at import.
 *
 * A figure answers a question when its region lies within the asked region (NUTS and country codes
 * nest by prefix: DE212 answers DE2 and DE) and its sector within the asked sector (F43 answers F; a
 * figure without a sector answers only a question without one). Occupation mixes, EU-wide weights and
 * skill-level figures never answer a slice (they shape splits).
 *
 * The arguments are checked in the order a council narrows a question: metric (a known name), region
 * (some source has figures there), sector (some source with figures there has that sector at that
 * grain), metric (some of those sources have it), period (those sources have it). The first argument
 * no source can answer is named, with what the sources that came closest can answer instead. Without
 * a period, the answer is the latest year with figures for that slice (of a metric the slice would
 * choose: vacancies, job ads or employment, when it has one; METRIC_PREFERENCE in slice.ts).
 */

export interface SourceCoverage {
  id: string;
  name: string;
  entries: CoverageEntry[];
}

export interface AvailabilityQuery {
  region: string | null;
  sector: string | null;
  period: string | null;
  metric: string | null;
}

export type Availability =
  | { ok: true; period: string; periods: string[]; sources: string[] }
  | { ok: false; field: 'metric' | 'region' | 'sector' | 'period'; reason: string };

/** Metrics that are demand (OCCUPATION_MIX is a weight). */
const SLICE_METRICS = DEMAND_METRICS.filter((m) => m !== 'OCCUPATION_MIX');

const isYear = (period: string) => /^\d{4}$/.test(period);

/** Entries that can be the demand of a slice: no weights, no EU-wide figures, not only skill targets. */
function demandEntries(source: SourceCoverage): CoverageEntry[] {
  return source.entries
    .filter((e) => e.metric !== 'OCCUPATION_MIX' && e.targets.some((t) => t !== 'SKILL'))
    .map((e) => ({ ...e, regions: e.regions.filter((r) => r !== 'EU') }))
    .filter((e) => e.regions.length > 0);
}

const inRegion = (entry: CoverageEntry, region: string | null) =>
  region === null || entry.regions.some((r) => r.startsWith(region));
// Without a sector, a source's all-sector figures answer, or the sum of its sector figures (selectSlice).
const inSector = (entry: CoverageEntry, sector: string | null) =>
  sector === null || entry.sectors.some((s) => s?.startsWith(sector));

/** "2014–2024" for a run of years, else the list. */
export function periodRange(periods: string[]): string {
  const sorted = [...new Set(periods)].sort();
  const years = sorted.filter(isYear).map(Number);
  const consecutive = years.length === sorted.length && years.every((y, i) => i === 0 || y === years[i - 1] + 1);
  return consecutive && years.length > 2 ? `${years[0]}–${years[years.length - 1]}` : sorted.join(', ');
}

function names(sources: SourceCoverage[]): string {
  const list = sources.map((s) => s.name);
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** How a source's regions read: "countries (FR, DE, …)" or "NUTS 3 regions and countries". */
function regionGrain(entries: CoverageEntry[], country: string | null): string {
  const regions = [...new Set(entries.flatMap((e) => e.regions))].filter(
    (r) => country === null || r.startsWith(country),
  );
  const levels = [...new Set(regions.map((r) => r.length))].sort();
  const word = (length: number) => (length === 2 ? 'countries' : `NUTS ${length - 2} regions`);
  const shown = regions.sort().slice(0, 6);
  return `${levels.map(word).join(' and ')} (${shown.join(', ')}${regions.length > shown.length ? ', …' : ''})`;
}

/** How a source's sectors read, those of the asked section first: "sections: F", "divisions: F41, F42, F43". */
function sectorGrain(entries: CoverageEntry[], asked: string): string {
  const all = [...new Set(entries.flatMap((e) => e.sectors))].filter((s): s is string => s !== null).sort();
  const sameSection = all.filter((s) => s[0] === asked[0]);
  const sectors = sameSection.length > 0 ? sameSection : all;
  const levels = [...new Set(sectors.map((s) => s.length))].sort();
  const word = (length: number) => ['sections', 'divisions', 'groups', 'classes'][length - 1] ?? 'codes';
  const shown = sectors.slice(0, 8);
  return `${levels.map(word).join(' and ')}: ${shown.join(', ')}${sectors.length > shown.length ? ', …' : ''}`;
}

export function availability(sources: SourceCoverage[], query: AvailabilityQuery): Availability {
  if (query.metric !== null && !SLICE_METRICS.includes(query.metric as (typeof SLICE_METRICS)[number]))
    return {
      ok: false,
      field: 'metric',
      reason: `unknown metric '${query.metric}' (one of ${SLICE_METRICS.join(', ')})`,
    };
  const withEntries = sources
    .map((source) => ({ ...source, entries: demandEntries(source) }))
    .filter((source) => source.entries.length > 0);
  if (withEntries.length === 0)
    return { ok: false, field: 'period', reason: 'no demand data imported yet (npm run hub -- import demand …)' };

  const narrow = (list: SourceCoverage[], keep: (e: CoverageEntry) => boolean) =>
    list.map((s) => ({ ...s, entries: s.entries.filter(keep) })).filter((s) => s.entries.length > 0);

  const inRegionSources = narrow(withEntries, (e) => inRegion(e, query.region));
  if (inRegionSources.length === 0) {
    const country = query.region!.slice(0, 2);
    const sameCountry = narrow(withEntries, (e) => inRegion(e, country));
    return {
      ok: false,
      field: 'region',
      reason:
        sameCountry.length > 0
          ? `no figures for ${query.region}: ${sameCountry.map((s) => `${s.name} gives ${regionGrain(s.entries, country)}`).join('; ')}`
          : `no figures for ${query.region} or anywhere in ${country}; figures exist for ${withEntries.map((s) => `${s.name}: ${regionGrain(s.entries, null)}`).join('; ')}`,
    };
  }
  const where = query.region ?? 'all regions';

  const inSectorSources = narrow(inRegionSources, (e) => inSector(e, query.sector));
  if (inSectorSources.length === 0) {
    const withSectors = inRegionSources.filter((s) => s.entries.some((e) => e.sectors.some((x) => x !== null)));
    const without = inRegionSources.filter((s) => !withSectors.includes(s));
    // A coarser region that has the sector (Eurostat's national figures for a German district).
    const country = query.region?.slice(0, 2) ?? null;
    const coarser =
      country !== null && country !== query.region
        ? narrow(withEntries, (e) => inRegion(e, country) && inSector(e, query.sector)).filter(
            (s) => !inRegionSources.some((r) => r.id === s.id),
          )
        : [];
    const parts = [
      withSectors.length > 0
        ? `${withSectors.length === 1 ? 'the only source with sectors for ' + where + ' is' : 'the sources with sectors for ' + where + ' are'} ${withSectors.map((s) => `${s.name}, which gives ${sectorGrain(s.entries, query.sector!)}`).join('; ')}`
        : null,
      without.length > 0 ? `${names(without)} ${without.length === 1 ? 'has' : 'have'} no sector` : null,
      coarser.length > 0
        ? `${names(coarser)} ${coarser.length === 1 ? 'has' : 'have'} ${query.sector} for ${country} as a whole`
        : null,
    ].filter(Boolean);
    return { ok: false, field: 'sector', reason: `${query.sector}: ${parts.join('; ')}` };
  }
  const slice = [query.sector ? `sector ${query.sector}` : 'all sectors', where].join(' × ');

  const ofMetric = query.metric === null ? inSectorSources : narrow(inSectorSources, (e) => e.metric === query.metric);
  if (ofMetric.length === 0) {
    const metrics = (s: SourceCoverage) => [...new Set(s.entries.map((e) => e.metric))].sort().join(', ');
    return {
      ok: false,
      field: 'metric',
      reason: `no ${query.metric} figures for ${slice}: ${inSectorSources.map((s) => `${s.name} gives ${metrics(s)}`).join('; ')}`,
    };
  }

  const periods = [...new Set(ofMetric.flatMap((s) => s.entries.map((e) => e.period)))].sort();
  if (query.period !== null && !periods.includes(query.period)) {
    return {
      ok: false,
      field: 'period',
      reason: `no figures for ${slice} in ${query.period}: ${ofMetric.map((s) => `${s.name} has ${periodRange(s.entries.map((e) => e.period))}`).join('; ')}`,
    };
  }
  // The default: the latest year with a demand metric the slice would choose (vacancies, job ads, employment).
  const preferred = narrow(ofMetric, (e) => METRIC_PREFERENCE.includes(e.metric));
  const basis = query.metric === null && preferred.length > 0 ? preferred : ofMetric;
  const basisYears = [...new Set(basis.flatMap((s) => s.entries.map((e) => e.period)))].filter(isYear).sort();
  const period = query.period ?? basisYears.pop() ?? periods[periods.length - 1];
  return {
    ok: true,
    period,
    periods,
    sources: ofMetric.filter((s) => s.entries.some((e) => e.period === period)).map((s) => s.id),
  };
}

/** A source's coverage per metric, over all its periods: what the discovery query lists. */
export interface MetricCoverage {
  metric: string;
  periods: string[];
  regions: string[];
  /** NACE codes with figures. */
  sectors: string[];
  /** Whether it has figures without a sector (all sectors). */
  allSectors: boolean;
  targets: string[];
}

export function coverageByMetric(entries: CoverageEntry[]): MetricCoverage[] {
  const metrics = [...new Set(entries.map((e) => e.metric))].sort();
  return metrics.map((metric) => {
    const of = entries.filter((e) => e.metric === metric);
    const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
    return {
      metric,
      periods: sorted(of.map((e) => e.period)),
      regions: sorted(of.flatMap((e) => e.regions)),
      sectors: sorted(of.flatMap((e) => e.sectors).filter((s): s is string => s !== null)),
      allSectors: of.some((e) => e.sectors.includes(null)),
      targets: sorted(of.flatMap((e) => e.targets)),
    };
  });
}
