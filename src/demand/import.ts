import { createHash } from 'node:crypto';
import { ImportError } from '../errors.js';
import type { GraphClient } from '../graph/client.js';
import { type DemandBatch, type DemandSignal, signalKey } from './model.js';

/**
 * Writes a batch of demand signals in one transaction: either every signal of the batch is in the
 * graph afterwards, or nothing changed. Idempotent per source and period: the batch replaces the
 * source's signals for the periods it brings (a figure it no longer has is removed; other periods of
 * the source are kept), and re-importing the same data changes nothing.
 */

export interface DemandImportProgress {
  phase: string;
  done: number;
  total: number;
}

export interface DemandImportSummary {
  sourceId: string;
  sourceName: string;
  periods: string[];
  signals: number;
  published: number;
  notPublished: number;
  lowReliability: number;
  /** How many figures carry each flag letter. */
  flags: Record<string, number>;
  /** Signals of these periods that the source had before and this batch no longer has. */
  removed: number;
  skipped: DemandBatch['skipped'];
  durationMs: number;
}

const BATCH_SIZE = 5000;

/** The graph properties of a signal (its key included); a null value is left out, so "not published" stays absent. */
function signalProperties(signal: DemandSignal) {
  return {
    key: signalKey(signal),
    sourceId: signal.sourceId,
    metric: signal.metric,
    value: signal.value,
    unit: signal.unit,
    period: signal.period,
    region: signal.region,
    sector: signal.sector,
    targetKind: signal.targetKind,
    targetCode: signal.targetCode,
    flags: signal.flags,
    reliability: signal.reliability,
    sampleSize: signal.sampleSize,
    file: signal.file,
    line: signal.line,
  };
}

/** A hash of everything the batch says: the stamp that tells cached derivations the demand changed. */
export function batchContentHash(batch: DemandBatch): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(batch.source));
  for (const signal of batch.signals) hash.update(JSON.stringify(signalProperties(signal)));
  return hash.digest('hex').slice(0, 24);
}

/**
 * Imports the batches (one per source a format reads) in one transaction: all of them or nothing.
 * Checks for duplicate figures before writing anything.
 */
export async function importDemand(
  graph: GraphClient,
  batches: DemandBatch[],
  onProgress: (progress: DemandImportProgress) => void = () => {},
): Promise<DemandImportSummary[]> {
  const started = Date.now();
  const prepared = batches.map((batch) => {
    const rows = batch.signals.map(signalProperties);
    const lineOfKey = new Map<string, number>();
    for (const row of rows) {
      const first = lineOfKey.get(row.key);
      if (first !== undefined) {
        throw new ImportError(`the same figure as line ${first} (source, metric, period, region, sector and target: ${row.key})`, { file: row.file, line: row.line });
      }
      lineOfKey.set(row.key, row.line);
    }
    return { batch, rows, keys: lineOfKey, periods: [...new Set(rows.map((row) => row.period))].sort() };
  });

  const removedPerBatch = await graph.writeTransaction(async (tx) => {
    const removed: number[] = [];
    for (const { batch, rows, keys, periods } of prepared) {
      const { source } = batch;
      const existing = (await tx.run('MATCH (s:DemandSignal {sourceId: $sourceId}) WHERE s.period IN $periods RETURN s.key AS key', {
        sourceId: source.id,
        periods,
      })) as Array<{ key: string }>;
      const stale = existing.map((row) => row.key).filter((key) => !keys.has(key));
      for (let start = 0; start < stale.length; start += BATCH_SIZE) {
        await tx.run('UNWIND $keys AS key MATCH (s:DemandSignal {key: key}) DELETE s', { keys: stale.slice(start, start + BATCH_SIZE) });
        onProgress({ phase: `${source.id}: removing figures the source no longer has`, done: Math.min(start + BATCH_SIZE, stale.length), total: stale.length });
      }
      for (let start = 0; start < rows.length; start += BATCH_SIZE) {
        await tx.run('UNWIND $rows AS row MERGE (s:DemandSignal {key: row.key}) SET s += row', { rows: rows.slice(start, start + BATCH_SIZE) });
        onProgress({ phase: `${source.id} signals`, done: Math.min(start + BATCH_SIZE, rows.length), total: rows.length });
      }
      const [{ allPeriods }] = (await tx.run(
        'MATCH (s:DemandSignal {sourceId: $sourceId}) WITH DISTINCT s.period AS period ORDER BY period RETURN collect(period) AS allPeriods',
        { sourceId: source.id },
      )) as Array<{ allPeriods: string[] }>;
      await tx.run(
        `MERGE (src:DemandSource {id: $id})
         ON CREATE SET src.firstImportedAt = datetime()
         SET src += $props`,
        {
          id: source.id,
          props: {
            name: source.name,
            citation: source.citation,
            url: source.url,
            licence: source.licence,
            retrievedOn: source.retrievedOn,
            flagMeanings: Object.entries(source.flagMeanings).map(([flag, meaning]) => `${flag}: ${meaning}`),
            periods: allPeriods,
            contentHash: batchContentHash(batch),
          },
        },
      );
      removed.push(stale.length);
    }
    onProgress({ phase: 'commit', done: 1, total: 1 });
    return removed;
  });

  return prepared.map(({ batch, rows, periods }, index) => {
    const flags: Record<string, number> = {};
    for (const signal of batch.signals) for (const flag of signal.flags) flags[flag] = (flags[flag] ?? 0) + 1;
    return {
      sourceId: batch.source.id,
      sourceName: batch.source.name,
      periods,
      signals: rows.length,
      published: batch.signals.filter((s) => s.value !== null).length,
      notPublished: batch.signals.filter((s) => s.value === null).length,
      lowReliability: batch.signals.filter((s) => s.reliability === 'LOW').length,
      flags,
      removed: removedPerBatch[index],
      skipped: batch.skipped,
      durationMs: Date.now() - started,
    };
  });
}
