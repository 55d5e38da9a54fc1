import type { GraphClient, WriteTransaction } from '../graph/client.js';

/**
 * What a demand source has figures for: per metric and period, the regions, the sectors (null: figures
 * without a sector) and the target grains (ISCO-1 … ISCO-4 by code length, KLDB-3, OCCUPATION, SKILL).
 * Recorded on the source at import (one aggregate over its figures), so the questions the data can
 * answer, and why it cannot answer one, are known without reading the figures again.
 */

export interface CoverageEntry {
  metric: string;
  period: string;
  regions: string[];
  sectors: Array<string | null>;
  targets: string[];
}

const COVERAGE_QUERY = `MATCH (s:DemandSignal {sourceId: $sourceId})
  WITH s.metric AS metric, s.period AS period, s.region AS region, coalesce(s.sector, '') AS sector,
       s.targetKind + CASE WHEN s.targetKind IN ['ISCO', 'KLDB'] THEN '-' + toString(size(s.targetCode)) ELSE '' END AS target
  WITH metric, period, collect(DISTINCT region) AS regions, collect(DISTINCT sector) AS sectors,
       collect(DISTINCT target) AS targets
  RETURN metric, period, regions, sectors, targets ORDER BY metric, period`;

type Row = { metric: string; period: string; regions: string[]; sectors: string[]; targets: string[] };

function toEntries(rows: Row[]): CoverageEntry[] {
  return rows.map((row) => ({
    metric: row.metric,
    period: row.period,
    regions: [...row.regions].sort(),
    sectors: row.sectors.map((s) => (s === '' ? null : s)).sort((a, b) => (a ?? '').localeCompare(b ?? '')),
    targets: [...row.targets].sort(),
  }));
}

/** The source's coverage as its figures in the graph give it (inside an import's transaction). */
export async function coverageInTransaction(tx: WriteTransaction, sourceId: string): Promise<CoverageEntry[]> {
  return toEntries((await tx.run(COVERAGE_QUERY, { sourceId })) as Row[]);
}

/** The same, read outside an import: for a source imported before coverage was recorded. */
export async function coverageFromFigures(graph: GraphClient, sourceId: string): Promise<CoverageEntry[]> {
  return toEntries(await graph.read<Row>(COVERAGE_QUERY, { sourceId }));
}
