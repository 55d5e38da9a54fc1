import type { GraphClient, WriteTransaction } from '../graph/client.js';

/**
 * National totals of a source's regional figures by occupation group: for each metric, period, country
 * and KldB or ISCO group, the sum of its published figures below country level (the German PES data's
 * 401 districts summed to Germany) and how many were summed. Recorded on the source at import, so the
 * national structure that splits coarse figures (src/intelligence/national-evidence.ts) is one small
 * read rather than an aggregate over a million figures. Own calculations on the source's figures.
 */

export interface NationalTotal {
  metric: string;
  period: string;
  country: string;
  /** KLDB or ISCO and the group's code: KLDB:321. */
  target: string;
  value: number;
  /** How many published regional figures were added into it. */
  figures: number;
}

const TOTALS_QUERY = `MATCH (s:DemandSignal {sourceId: $sourceId})
  WHERE size(s.region) > 2 AND s.targetKind IN ['KLDB', 'ISCO'] AND s.value IS NOT NULL AND s.sector IS NULL
  WITH s.metric AS metric, s.period AS period, substring(s.region, 0, 2) AS country,
       s.targetKind + ':' + s.targetCode AS target, sum(s.value) AS value, count(*) AS figures
  RETURN metric, period, country, target, value, figures ORDER BY metric, period, country, target`;

const toTotals = (rows: NationalTotal[]) =>
  rows.map((row) => ({ ...row, value: Math.round(row.value * 1e4) / 1e4, figures: Number(row.figures) }));

/** The source's national totals as its figures in the graph give them (inside an import's transaction). */
export async function nationalTotalsInTransaction(tx: WriteTransaction, sourceId: string): Promise<NationalTotal[]> {
  return toTotals((await tx.run(TOTALS_QUERY, { sourceId })) as unknown as NationalTotal[]);
}

/** The same, read outside an import: for a source imported before national totals were recorded. */
export async function nationalTotalsFromFigures(graph: GraphClient, sourceId: string): Promise<NationalTotal[]> {
  return toTotals(await graph.read<NationalTotal>(TOTALS_QUERY, { sourceId }));
}
