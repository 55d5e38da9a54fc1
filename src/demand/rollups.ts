import type { GraphClient } from '../graph/client.js';

/**
 * Regional figures added up at import into every coarser region they lie in: a NUTS 3 figure into its
 * NUTS 2 region, its NUTS 1 region and its country (NUTS codes nest by prefix), per metric, period,
 * sector, target and the level of the figures added. A slice of Germany or Bavaria then reads a few
 * hundred sums (`DemandRollup` nodes) instead of adding up 230,000 district figures on each first
 * request. A rollup is what a slice would add up itself: the sum of the published values (null when
 * none is), how many figures it has and how many are published, their flags, whether any is of low
 * reliability, and the first figure's key and the first two regions (the evidence of a single figure).
 * Own calculations on the source's figures; they are never figures of their own (no query but the
 * slice read sees them).
 *
 * They are written after the figures, one transaction per period imported (a single transaction with the
 * 1.6 million PES figures would pass Neo4j's transaction memory limit). Until the last one commits, the
 * source's `rollups` count is null, and slices add up the figures themselves: never a stale sum.
 */

/** Region code lengths summed into: a country (2), NUTS 1 (3) and NUTS 2 (4). */
export const ROLLUP_LENGTHS = [2, 3, 4] as const;

/**
 * Replaces the source's rollups of these periods with the sums of its current figures and records how many
 * it has in all on the source; returns that count. The source's `rollups` must be null while this runs.
 */
export async function writeRollups(graph: GraphClient, sourceId: string, periods: string[]): Promise<number> {
  for (const period of periods)
    await graph.writeTransaction(async (tx) => {
      await tx.run('MATCH (r:DemandRollup {sourceId: $sourceId, period: $period}) DETACH DELETE r', {
        sourceId,
        period,
      });
      for (const length of ROLLUP_LENGTHS)
        await tx.run(
          `MATCH (s:DemandSignal {sourceId: $sourceId, period: $period}) WHERE size(s.region) > $length AND s.metric <> 'OCCUPATION_MIX'
           WITH left(s.region, $length) AS region, s.metric AS metric, s.sector AS sector,
                s.targetKind AS targetKind, s.targetCode AS targetCode, size(s.region) AS level, collect(s) AS figures
           CREATE (:DemandRollup {sourceId: $sourceId, region: region, metric: metric, period: $period, sector: sector,
                   targetKind: targetKind, targetCode: targetCode, level: level, unit: head(figures).unit,
                   firstKey: head(figures).key, regions: [f IN figures | f.region][..2],
                   value: CASE WHEN any(f IN figures WHERE f.value IS NOT NULL)
                               THEN reduce(total = 0.0, f IN figures | total + coalesce(f.value, 0.0)) END,
                   figures: size(figures), published: size([f IN figures WHERE f.value IS NOT NULL]),
                   flags: reduce(all = [], f IN figures | all + [x IN coalesce(f.flags, []) WHERE NOT x IN all]),
                   low: any(f IN figures WHERE f.reliability = 'LOW')})`,
          { sourceId, period, length },
        );
    });
  const [{ count }] = await graph.write<{ count: number }>(
    `MATCH (src:DemandSource {id: $sourceId})
     CALL (src) { MATCH (r:DemandRollup {sourceId: $sourceId}) RETURN count(r) AS count }
     SET src.rollups = count RETURN count`,
    { sourceId },
  );
  return Number(count);
}
