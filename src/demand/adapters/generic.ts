import fs from 'node:fs';
import path from 'node:path';
import { ImportError } from '../../errors.js';
import {
  type DemandBatch,
  type DemandMetric,
  type DemandSignal,
  type DemandSource,
  type Reliability,
  type TargetKind,
  checkSignal,
} from '../model.js';
import type { ReferenceLists } from '../reference.js';
import { numberCell, readCsvRecords } from './csv.js';

/**
 * The documented generic format, for demand data without an adapter of its own (a PES vacancy
 * register, job-ad extracts, a forecast, a shortage list). Either
 *   - JSON: `{ "source": DemandSource, "signals": [ { metric, value, unit, period, region, sector?,
 *     targetKind, targetCode, flags?, reliability?, sampleSize? } ] }`, or
 *   - CSV with the columns metric,value,unit,period,region,sector,targetKind,targetCode and optionally
 *     flags (letters), reliability, sampleSize, and the source in a file beside it named
 *     `<name>.source.json`.
 * An empty value means "not published" and needs no reliability; LOW marks a figure the source flags
 * as unreliable. Examples: seeds/demand-example.json, seeds/demand-example.csv.
 */

const REQUIRED = ['metric', 'value', 'unit', 'period', 'region', 'sector', 'targetKind', 'targetCode'];

function readSource(raw: unknown, file: string): DemandSource {
  const source = raw as Partial<DemandSource> | undefined;
  const text = (field: keyof DemandSource, required = true): string | null => {
    const value = source?.[field];
    if (value == null || value === '') {
      if (required) throw new ImportError(`source.${field}: is required`, { file });
      return null;
    }
    if (typeof value !== 'string') throw new ImportError(`source.${field}: must be text`, { file });
    return value;
  };
  const retrievedOn = text('retrievedOn', false);
  if (retrievedOn !== null && !/^\d{4}-\d{2}-\d{2}$/.test(retrievedOn))
    throw new ImportError(`source.retrievedOn: must be a date YYYY-MM-DD (got '${retrievedOn}')`, { file });
  const id = text('id')!;
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(id))
    throw new ImportError(`source.id: letters, digits, '.', '_' and '-' only (got '${id}')`, { file });
  return {
    id,
    name: text('name')!,
    citation: text('citation')!,
    url: text('url', false),
    licence: text('licence')!,
    retrievedOn,
    flagMeanings: (source?.flagMeanings as Record<string, string> | undefined) ?? {},
  };
}

function signalFrom(
  values: Record<string, unknown>,
  source: DemandSource,
  file: string,
  line: number,
  number: (column: string) => number | null,
): DemandSignal {
  const text = (column: string) => (values[column] == null ? '' : String(values[column]).trim());
  const value = number('value');
  const flags = Array.isArray(values.flags) ? values.flags.map(String) : [...text('flags').replace(/\|/g, '')];
  const stated = text('reliability');
  return {
    sourceId: source.id,
    metric: text('metric') as DemandMetric,
    value,
    unit: text('unit'),
    period: text('period'),
    region: text('region'),
    sector: text('sector') || null,
    targetKind: text('targetKind') as TargetKind,
    targetCode: text('targetCode'),
    flags,
    reliability: value === null ? 'NOT_PUBLISHED' : ((stated || 'NORMAL') as Reliability),
    sampleSize: number('sampleSize'),
    file,
    line,
  };
}

export function readGenericDemand(file: string, refs: ReferenceLists): DemandBatch {
  const name = path.basename(file);
  if (!fs.existsSync(file)) throw new ImportError('file not found', { file: name });
  const signals: DemandSignal[] = [];
  let source: DemandSource;
  if (file.endsWith('.json')) {
    let document: { source?: unknown; signals?: unknown };
    try {
      document = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ImportError(`not valid JSON: ${(error as Error).message}`, { file: name });
    }
    source = readSource(document.source, name);
    if (!Array.isArray(document.signals)) throw new ImportError('"signals" must be a list', { file: name });
    document.signals.forEach((raw: Record<string, unknown>, index: number) => {
      // JSON has no lines; the record's position stands in for one (signals[0] is record 1).
      const number = (column: string) => {
        const value = raw[column];
        if (value == null || value === '') return null;
        if (typeof value !== 'number')
          throw new ImportError(`must be a number (got ${JSON.stringify(value)})`, {
            file: name,
            line: index + 1,
            column,
          });
        return value;
      };
      const signal = signalFrom(raw, source, name, index + 1, number);
      checkSignal(signal, refs);
      signals.push(signal);
    });
  } else if (file.endsWith('.csv')) {
    const sourceFile = file.replace(/\.csv$/, '.source.json');
    if (!fs.existsSync(sourceFile))
      throw new ImportError(
        `the source of a CSV is described in ${path.basename(sourceFile)} beside it, which is missing`,
        { file: name },
      );
    source = readSource(JSON.parse(fs.readFileSync(sourceFile, 'utf8')), path.basename(sourceFile));
    for (const { row, line } of readCsvRecords(file, REQUIRED)) {
      const signal = signalFrom(row, source, name, line, (column) =>
        numberCell(row[column] ?? '', { file: name, line, column }),
      );
      checkSignal(signal, refs);
      signals.push(signal);
    }
  } else {
    throw new ImportError('the generic demand format is a .json or .csv file', { file: name });
  }
  return { source, signals, skipped: [] };
}
