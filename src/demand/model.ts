import { ImportError } from '../errors.js';
import type { ReferenceLists } from './reference.js';

/**
 * Labour-market demand as plain data. A signal is one published figure: a source's value of a metric
 * for a period, a geography, optionally a sector, and a target at whatever grain the source has (an
 * ISCO-08 group of any level, an ESCO occupation or skill, a national occupation code). A figure the
 * source did not publish is kept with `value: null` and reliability NOT_PUBLISHED, never as zero.
 */

export const DEMAND_METRICS = [
  'EMPLOYMENT',
  'VACANCIES',
  'JOB_ADS',
  'UNEMPLOYED',
  'FORECAST_CHANGE',
  'SHORTAGE',
  'AUTOMATION_RISK',
  'EMPLOYER_NEED',
  // Jobs by occupation within a sector from a proxy source: shapes splits, never counted as demand.
  'OCCUPATION_MIX',
] as const;
export type DemandMetric = (typeof DEMAND_METRICS)[number];

/** ISCO: an ISCO-08 group code of 1–4 digits; OCCUPATION/SKILL: an ESCO URI; KLDB: a German KldB 2010 group (3–5 digits). */
export const TARGET_KINDS = ['ISCO', 'OCCUPATION', 'SKILL', 'KLDB'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const RELIABILITY = ['NORMAL', 'LOW', 'NOT_PUBLISHED'] as const;
export type Reliability = (typeof RELIABILITY)[number];

export interface DemandSource {
  /** Stable id: an import replaces this source's signals for the periods it brings. */
  id: string;
  name: string;
  citation: string;
  url: string | null;
  licence: string;
  /** When the data was retrieved from its publisher (YYYY-MM-DD), if known. */
  retrievedOn: string | null;
  /** What each flag letter means in this source (e.g. u → low reliability). */
  flagMeanings: Record<string, string>;
}

export interface DemandSignal {
  sourceId: string;
  metric: DemandMetric;
  /** null: not published by the source (see reliability and flags). */
  value: number | null;
  unit: string;
  /** A year ('2024') or a span of years ('2019-2020'). */
  period: string;
  /** A country (ISO/Eurostat code such as FR or EL) or a NUTS 1–3 code. */
  region: string;
  /** A NACE Rev.2 section (F) or division (F41), or null when the figure covers every sector. */
  sector: string | null;
  targetKind: TargetKind;
  targetCode: string;
  /** The source's own flags, one letter each (Eurostat: u, d, b). */
  flags: string[];
  reliability: Reliability;
  sampleSize: number | null;
  /** Where the figure was read: file and line. */
  file: string;
  line: number;
}

export interface DemandBatch {
  source: DemandSource;
  signals: DemandSignal[];
  /** Rows read but deliberately not kept, with why (e.g. an aggregate row). */
  skipped: Array<{ reason: string; count: number }>;
}

/** One signal per source, metric, period, region, sector and target: re-importing replaces it in place. */
export function signalKey(
  signal: Pick<DemandSignal, 'sourceId' | 'metric' | 'period' | 'region' | 'sector' | 'targetKind' | 'targetCode'>,
): string {
  return [
    signal.sourceId,
    signal.metric,
    signal.period,
    signal.region,
    signal.sector ?? '*',
    signal.targetKind,
    signal.targetCode,
  ].join('|');
}

const PERIOD = /^\d{4}(-\d{4})?$/;
const ESCO_URI = {
  OCCUPATION: /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/,
  SKILL: /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/,
};

/**
 * Checks a signal against the code lists and the model; throws an ImportError naming the file, line,
 * column and reason. Pure apart from the code lists it is given.
 */
export function checkSignal(
  signal: DemandSignal,
  refs: ReferenceLists,
  columns: Partial<Record<keyof DemandSignal, string>> = {},
): void {
  const fail = (field: keyof DemandSignal, reason: string): never => {
    throw new ImportError(reason, { file: signal.file, line: signal.line, column: columns[field] ?? field });
  };
  if (!DEMAND_METRICS.includes(signal.metric))
    fail('metric', `unknown metric '${signal.metric}' (one of ${DEMAND_METRICS.join(', ')})`);
  if (
    signal.value !== null &&
    (!Number.isFinite(signal.value) || (signal.value < 0 && signal.metric !== 'FORECAST_CHANGE'))
  ) {
    fail(
      'value',
      `must be a number${signal.metric === 'FORECAST_CHANGE' ? '' : ' ≥ 0'}, or empty when not published (got '${signal.value}')`,
    );
  }
  if (!PERIOD.test(signal.period))
    fail('period', `must be a year such as 2024 or a span such as 2019-2020 (got '${signal.period}')`);
  if (!refs.regions.has(signal.region))
    fail('region', `unknown region '${signal.region}': not a country or NUTS 2016/2021 code`);
  if (signal.sector !== null && !refs.sectors.has(signal.sector))
    fail('sector', `unknown NACE Rev.2 code '${signal.sector}'`);
  if (!TARGET_KINDS.includes(signal.targetKind))
    fail('targetKind', `unknown target kind '${signal.targetKind}' (one of ${TARGET_KINDS.join(', ')})`);
  const code = signal.targetCode;
  const validTarget =
    signal.targetKind === 'ISCO'
      ? /^\d{1,4}$/.test(code)
      : signal.targetKind === 'KLDB'
        ? /^\d{3,5}$/.test(code)
        : ESCO_URI[signal.targetKind].test(code);
  if (!validTarget) fail('targetCode', `not a valid ${signal.targetKind} code: '${code}'`);
  if (!RELIABILITY.includes(signal.reliability)) fail('reliability', `unknown reliability '${signal.reliability}'`);
  if (signal.value === null && signal.reliability !== 'NOT_PUBLISHED')
    fail('value', 'a figure without a value must be marked NOT_PUBLISHED');
}

/** The reliability a flagged Eurostat-style figure has: no value → NOT_PUBLISHED, flag u → LOW, else NORMAL. */
export function reliabilityOf(value: number | null, flags: string[]): Reliability {
  if (value === null) return 'NOT_PUBLISHED';
  return flags.includes('u') ? 'LOW' : 'NORMAL';
}
