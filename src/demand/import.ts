import { createHash } from 'node:crypto';
import { ImportError } from '../errors.js';
import type { GraphClient, WriteTransaction } from '../graph/client.js';
import { coverageInTransaction } from './coverage.js';
import { writeRollups } from './rollups.js';
import { type DemandBatch, type DemandSignal, signalKey } from './model.js';

/**
 * Writes demand signals: every row read and checked before anything is written, then written in one
 * transaction (or, for very large sources, one transaction per group of whole periods). Idempotent per
 * source and period: a batch replaces the source's signals for the periods it brings (a figure it no
 * longer has is removed; other periods of the source are kept), and re-importing the same data
 * changes nothing.
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
 * A transaction holds at most this many figures (Neo4j keeps a transaction's changes in memory; the
 * German PES data has 1.6 million). Smaller imports are one transaction; a larger one is written one
 * group of whole periods at a time, so each period is replaced all at once.
 */
export const MAX_FIGURES_PER_TRANSACTION = 150_000;

interface PreparedBatch {
  batch: DemandBatch;
  rows: ReturnType<typeof signalProperties>[];
  keys: Map<string, number>;
  periods: string[];
}

/** The periods of a batch in groups of at most `max` figures (a single period larger than that stays whole). */
export function periodGroups(rows: Array<{ period: string }>, max: number): string[][] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.period, (counts.get(row.period) ?? 0) + 1);
  const groups: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const [period, count] of [...counts.entries()].sort()) {
    if (current.length > 0 && size + count > max) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(period);
    size += count;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Replaces the source's figures for `periods` with `rows` (those of these periods), inside the caller's transaction; returns how many were removed. */
async function replacePeriods(
  tx: WriteTransaction,
  prepared: PreparedBatch,
  periods: string[],
  onProgress: (progress: DemandImportProgress) => void,
): Promise<number> {
  const { source } = prepared.batch;
  const rows = prepared.rows.filter((row) => periods.includes(row.period));
  const existing = (await tx.run(
    'MATCH (s:DemandSignal {sourceId: $sourceId}) WHERE s.period IN $periods RETURN s.key AS key',
    { sourceId: source.id, periods },
  )) as Array<{ key: string }>;
  const stale = existing.map((row) => row.key).filter((key) => !prepared.keys.has(key));
  const label = `${source.id} ${periods.length === 1 ? periods[0] : `${periods[0]}–${periods[periods.length - 1]}`}`;
  for (let start = 0; start < stale.length; start += BATCH_SIZE) {
    await tx.run('UNWIND $keys AS key MATCH (s:DemandSignal {key: key}) DELETE s', {
      keys: stale.slice(start, start + BATCH_SIZE),
    });
    onProgress({
      phase: `${label}: removing figures the source no longer has`,
      done: Math.min(start + BATCH_SIZE, stale.length),
      total: stale.length,
    });
  }
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    await tx.run('UNWIND $rows AS row MERGE (s:DemandSignal {key: row.key}) SET s += row', {
      rows: rows.slice(start, start + BATCH_SIZE),
    });
    onProgress({ phase: `${label} figures`, done: Math.min(start + BATCH_SIZE, rows.length), total: rows.length });
  }
  return stale.length;
}

async function recordSource(tx: WriteTransaction, batch: DemandBatch): Promise<void> {
  const { source } = batch;
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
        coverage: JSON.stringify(await coverageInTransaction(tx, source.id)),
        // Null until the sums of the new figures are written (writeRollups): slices add up the figures meanwhile.
        rollups: null,
        contentHash: batchContentHash(batch),
      },
    },
  );
}

/**
 * Imports the batches (one per source a format reads). Every row is read and checked, and duplicate
 * figures refused, before anything is written. Up to MAX_FIGURES_PER_TRANSACTION figures in all, the
 * whole import is one transaction; beyond that, each group of periods is (see periodGroups).
 */
export async function importDemand(
  graph: GraphClient,
  batches: DemandBatch[],
  onProgress: (progress: DemandImportProgress) => void = () => {},
): Promise<DemandImportSummary[]> {
  const started = Date.now();
  const prepared: PreparedBatch[] = batches.map((batch) => {
    const rows = batch.signals.map(signalProperties);
    const lineOfKey = new Map<string, number>();
    for (const row of rows) {
      const first = lineOfKey.get(row.key);
      if (first !== undefined) {
        throw new ImportError(
          `the same figure as line ${first} (source, metric, period, region, sector and target: ${row.key})`,
          { file: row.file, line: row.line },
        );
      }
      lineOfKey.set(row.key, row.line);
    }
    return { batch, rows, keys: lineOfKey, periods: [...new Set(rows.map((row) => row.period))].sort() };
  });

  const removed = prepared.map(() => 0);
  const total = prepared.reduce((sum, p) => sum + p.rows.length, 0);
  if (total <= MAX_FIGURES_PER_TRANSACTION) {
    await graph.writeTransaction(async (tx) => {
      for (const [i, batch] of prepared.entries()) {
        removed[i] = await replacePeriods(tx, batch, batch.periods, onProgress);
        await recordSource(tx, batch.batch);
      }
      onProgress({ phase: 'commit', done: 1, total: 1 });
    });
  } else {
    for (const [i, batch] of prepared.entries()) {
      const groups = periodGroups(batch.rows, MAX_FIGURES_PER_TRANSACTION);
      for (const [g, periods] of groups.entries()) {
        await graph.writeTransaction(async (tx) => {
          removed[i] += await replacePeriods(tx, batch, periods, onProgress);
          if (g === groups.length - 1) await recordSource(tx, batch.batch);
        });
        onProgress({
          phase: `${batch.batch.source.id}: committed ${periods.join(', ')}`,
          done: g + 1,
          total: groups.length,
        });
      }
    }
  }

  for (const { batch, periods } of prepared) {
    onProgress({ phase: `${batch.source.id}: regional sums`, done: 0, total: periods.length });
    await writeRollups(graph, batch.source.id, periods);
  }

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
      removed: removed[index],
      skipped: batch.skipped,
      durationMs: Date.now() - started,
    };
  });
}
