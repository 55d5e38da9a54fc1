import type { WriteTransaction } from '../graph/client.js';

/**
 * Regional figures added up at import into every coarser region they lie in: a NUTS 3 figure into its
 * NUTS 2 region, its NUTS 1 region and its country (NUTS codes nest by prefix), per metric, period,
 * sector, target and the level of the figures added. A slice of Germany or Bavaria then reads a few
 * hundred sums (`DemandRollup` nodes) instead of adding up 230,000 district figures on each first
 * request. A rollup is what a slice would add up itself: the sum of the published values (null when
 * none is), how many figures it has and how many are published, their flags, whether any is of low
 * reliability, and the first figure's key and the first two regions (the evidence of a single figure).
 * Own calculations on the source's figures; they are never figures of their own (no query but the
 * slice read sees them), and they are rewritten with the source at each import.
 */

/** Region code lengths summed into: a country (2), NUTS 1 (3) and NUTS 2 (4). */
export const ROLLUP_LENGTHS = [2, 3, 4] as const;

/** Replaces the source's rollups with the sums of its current figures (inside an import's transaction); returns how many. */
export async function writeRollupsInTransaction(tx: WriteTransaction, sourceId: string): Promise<number> {
  await tx.run('MATCH (r:DemandRollup {sourceId: $sourceId}) DETACH DELETE r', { sourceId });
  let written = 0;
  for (const length of ROLLUP_LENGTHS) {
    const [{ count }] = (await tx.run(
      `MATCH (s:DemandSignal {sourceId: $sourceId}) WHERE s.period IS NOT NULL AND size(s.region) > $length AND s.metric <> 'OCCUPATION_MIX'
       WITH left(s.region, $length) AS region, s.metric AS metric, s.period AS period, s.sector AS sector,
            s.targetKind AS targetKind, s.targetCode AS targetCode, size(s.region) AS level, collect(s) AS figures
       CREATE (r:DemandRollup {sourceId: $sourceId, region: region, metric: metric, period: period, sector: sector,
               targetKind: targetKind, targetCode: targetCode, level: level, unit: head(figures).unit,
               firstKey: head(figures).key, regions: [f IN figures | f.region][..2],
               value: CASE WHEN any(f IN figures WHERE f.value IS NOT NULL)
                           THEN reduce(total = 0.0, f IN figures | total + coalesce(f.value, 0.0)) END,
               figures: size(figures), published: size([f IN figures WHERE f.value IS NOT NULL]),
               flags: reduce(all = [], f IN figures | all + [x IN coalesce(f.flags, []) WHERE NOT x IN all]),
               low: any(f IN figures WHERE f.reliability = 'LOW')})
       RETURN count(r) AS count`,
      { sourceId, length },
    )) as Array<{ count: number }>;
    written += Number(count);
  }
  return written;
}
