import type { DemandSourcesQuery } from './gql/graphql';

/**
 * Choosing what a view asks for from what the data can answer (demandSources): the sources with demand
 * figures by sector or by occupation group, their periods, regions (with those their figures add up to),
 * sectors and top occupation groups with their names, for the pickers.
 */

export type Source = DemandSourcesQuery['demandSources'][number];

export interface SliceChoices {
  source: Source;
  periods: string[];
  /** Regions with figures and the regions above them (a German district's Land and Germany), by code. */
  regions: Array<{ code: string; name: string }>;
  /** The codes of the regions with figures (without those above them). */
  withFigures: string[];
  sectors: Array<{ code: string; name: string }>;
  /** Top occupation groups (ISCO:7, KLDB:3): the rows for data without sectors. */
  groups: Array<{ code: string; name: string }>;
}

/** The metrics a dashboard cell ranks demand by (skillsDashboard's default order). */
const DEMAND_METRICS = ['VACANCIES', 'JOB_ADS', 'EMPLOYMENT'];

/** Codes with their names, each once, by code (a code without a name is its own name). */
export const byCode = (list: Array<{ code: string; name?: string | null }>) =>
  [...new Map(list.map((c) => [c.code, { code: c.code, name: c.name ?? c.code }])).values()].sort((a, b) =>
    a.code.localeCompare(b.code),
  );

/**
 * The choices of each source with demand figures in a region (EU-wide weights alone answer none): sector
 * sources first, the one with the most sectors first, then the sources by occupation group.
 */
export function sliceChoices(sources: Source[]): SliceChoices[] {
  return sources
    .map((source) => {
      const demand = source.coverage.filter((c) => DEMAND_METRICS.includes(c.metric));
      const withSectors = demand.filter((c) => c.sectors.length > 0);
      const rowsFrom = withSectors.length > 0 ? withSectors : demand;
      const own = byCode(rowsFrom.flatMap((c) => c.regions)).filter((r) => r.code !== 'EU');
      return {
        source,
        periods: [...new Set(rowsFrom.flatMap((c) => c.periods))].sort().reverse(),
        // By code, each region before those within it (DE1, DE11, DE111, …).
        regions: byCode([...own, ...rowsFrom.flatMap((c) => c.regionsAbove)]),
        withFigures: own.map((r) => r.code),
        // Sections only (F), not divisions (F41): the overview's rows.
        sectors: byCode(withSectors.flatMap((c) => c.sectors)).filter((s) => /^[A-U]$/.test(s.code)),
        groups: byCode(rowsFrom.flatMap((c) => c.occupationGroups)),
      };
    })
    .filter((c) => c.regions.length > 0 && (c.sectors.length > 0 || c.groups.length > 0))
    .sort((a, b) => b.sectors.length - a.sectors.length);
}
