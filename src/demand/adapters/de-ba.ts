import fs from 'node:fs';
import path from 'node:path';
import { ImportError } from '../../errors.js';
import { type DemandBatch, type DemandMetric, type DemandSignal, checkSignal } from '../model.js';
import type { ReferenceLists } from '../reference.js';
import { numberCell, readCsvRecords } from './csv.js';

/**
 * German public employment service statistics (Statistik der Bundesagentur für Arbeit, via
 * RegioHub/badata): registered vacancies (`jobs.csv`, annual average stock) and registered unemployed
 * (`unemployed_total.csv`, annual average) by district (AGS Kreis → NUTS 3) × KldB 2010 occupational
 * group (3 digits) × year. Both are demand-side evidence at regional occupation grain, and their
 * ratio, vacancies per unemployed person, is a shortage indicator.
 *
 * `NA` is missing: as a value it is kept as "not published" (106 district-years have no unemployed
 * figure for any group); rows without a district or without a target occupation ("ohne Angabe zum
 * Zielberuf") cannot be placed and are counted, not kept.
 */

const FILES: Array<{ file: string; metric: DemandMetric; unit: string }> = [
  { file: 'jobs.csv', metric: 'VACANCIES', unit: 'registered vacancies (annual average stock)' },
  { file: 'unemployed_total.csv', metric: 'UNEMPLOYED', unit: 'registered unemployed persons (annual average)' },
];

export function readGermanPes(
  dir: string,
  refs: ReferenceLists,
  options: { retrievedOn: string | null; years?: string[] },
): DemandBatch {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new ImportError('expected the folder holding jobs.csv and unemployed_total.csv', {
      file: path.basename(dir),
    });
  // Keyed by metric, year, NUTS 3 and group: two districts in one NUTS 3 region (Hanau, a district
  // of its own since 2026, lies in Main-Kinzig-Kreis's DE719) are added up into it.
  const byKey = new Map<string, DemandSignal>();
  let merged = 0;
  let withoutDistrict = 0;
  let withoutOccupation = 0;
  for (const { file, metric, unit } of FILES) {
    const full = path.join(dir, file);
    for (const { row, line } of readCsvRecords(full, ['region', 'occupational_group', 'year', 'total'])) {
      if (options.years && !options.years.includes(row.year)) continue;
      if (row.region === 'NA') {
        withoutDistrict += 1;
        continue;
      }
      if (row.occupational_group === 'NA') {
        withoutOccupation += 1;
        continue;
      }
      const region = refs.districtNuts3.get(row.region);
      if (!region) throw new ImportError(`unknown district (AGS) '${row.region}'`, { file, line, column: 'region' });
      if (!/^\d{3}$/.test(row.occupational_group))
        throw new ImportError(`not a KldB 2010 3-digit group: '${row.occupational_group}'`, {
          file,
          line,
          column: 'occupational_group',
        });
      const value = numberCell(row.total, { file, line, column: 'total' }, ['', 'NA']);
      const signal: DemandSignal = {
        sourceId: 'de-ba-vacancies-unemployed',
        metric,
        value: value === null ? null : Math.round(value * 1e4) / 1e4,
        unit,
        period: row.year,
        region,
        sector: null,
        targetKind: 'KLDB',
        targetCode: row.occupational_group,
        flags: [],
        reliability: value === null ? 'NOT_PUBLISHED' : 'NORMAL',
        sampleSize: null,
        file,
        line,
      };
      checkSignal(signal, refs, { period: 'year', region: 'region', targetCode: 'occupational_group', value: 'total' });
      const key = `${metric}|${row.year}|${region}|${row.occupational_group}`;
      const earlier = byKey.get(key);
      if (!earlier) {
        byKey.set(key, signal);
        continue;
      }
      // A part not published leaves the sum not published: a partial sum would read as the whole.
      merged += 1;
      earlier.value =
        earlier.value === null || signal.value === null ? null : Math.round((earlier.value + signal.value) * 1e4) / 1e4;
      if (earlier.value === null) earlier.reliability = 'NOT_PUBLISHED';
    }
  }
  return {
    source: {
      id: 'de-ba-vacancies-unemployed',
      name: 'Bundesagentur für Arbeit: registered vacancies and unemployed by district × KldB 2010 group (annual averages)',
      citation:
        '© Statistik der Bundesagentur für Arbeit; via RegioHub/badata (commit 2d6c618), jobs.rda and unemployed_total.rda converted unchanged',
      url: 'https://statistik.arbeitsagentur.de',
      licence: '© Statistik der Bundesagentur für Arbeit, reuse with the source named',
      retrievedOn: options.retrievedOn,
      flagMeanings: {},
    },
    signals: [...byKey.values()],
    skipped: [
      {
        reason:
          'district figures added into the NUTS 3 region of another district (Hanau 06415 into DE719, Main-Kinzig-Kreis)',
        count: merged,
      },
      { reason: 'no district (region NA)', count: withoutDistrict },
      {
        reason: 'no target occupation stated (occupational group NA, "ohne Angabe zum Zielberuf")',
        count: withoutOccupation,
      },
    ].filter((entry) => entry.count > 0),
  };
}
