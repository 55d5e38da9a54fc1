import type { DemandSourcesQuery } from './gql/graphql';

/**
 * Choosing what a view asks for from what the data can answer (demandSources): the sources that have
 * sectors, their periods, regions and sectors with their names, for the pickers.
 */

export type Source = DemandSourcesQuery['demandSources'][number];

export interface SliceChoices {
  source: Source;
  periods: string[];
  regions: Array<{ code: string; name: string }>;
  sectors: Array<{ code: string; name: string }>;
}

/** Codes with their names, each once, by code (a code without a name is its own name). */
export const byCode = (list: Array<{ code: string; name?: string | null }>) =>
  [...new Map(list.map((c) => [c.code, { code: c.code, name: c.name ?? c.code }])).values()].sort((a, b) =>
    a.code.localeCompare(b.code),
  );

/** The choices of each source with sector figures, the one with the most sectors first. */
export function sliceChoices(sources: Source[]): SliceChoices[] {
  return sources
    .map((source) => {
      const withSectors = source.coverage.filter((c) => c.sectors.length > 0);
      return {
        source,
        periods: [...new Set(withSectors.flatMap((c) => c.periods))].sort().reverse(),
        regions: byCode(withSectors.flatMap((c) => c.regions)),
        // Sections only (F), not divisions (F41): the overview's rows.
        sectors: byCode(withSectors.flatMap((c) => c.sectors)).filter((s) => /^[A-U]$/.test(s.code)),
      };
    })
    .filter((c) => c.sectors.length > 0)
    .sort((a, b) => b.sectors.length - a.sectors.length);
}
