import fs from 'node:fs';
import path from 'node:path';
import { ImportError } from '../../errors.js';
import { type DemandBatch, type DemandSignal, checkSignal, reliabilityOf } from '../model.js';
import type { ReferenceLists } from '../reference.js';
import { numberCell, readCsvRecords } from './csv.js';

/**
 * Eurostat LFS employment by NACE Rev.2 section × ISCO-08 major group × country (dataset lfsa_eisn2),
 * thousand persons, as the tidy CSV in `../shared/data/eurostat-lfsa_eisn2/`. Flags are kept letter by
 * letter (u low reliability, d definition differs, b break in series); an empty value is "not
 * published" (with flag u: suppressed as too unreliable), never zero.
 */

export const EUROSTAT_LFS_FILE = 'employment_nace_x_isco_by_country_2023_2024.csv';
const COLUMNS = ['nace_r2', 'isco08', 'geo_label', 'year', 'value_thousand_persons', 'flag', 'unit'];

/** The tables name countries in English; these are their Eurostat codes (Greece EL, United Kingdom UK). */
export const EUROSTAT_COUNTRY_CODES: Record<string, string> = {
  Austria: 'AT',
  Belgium: 'BE',
  'Bosnia and Herzegovina': 'BA',
  Bulgaria: 'BG',
  Croatia: 'HR',
  Cyprus: 'CY',
  Czechia: 'CZ',
  Denmark: 'DK',
  Estonia: 'EE',
  Finland: 'FI',
  France: 'FR',
  Germany: 'DE',
  Greece: 'EL',
  Hungary: 'HU',
  Iceland: 'IS',
  Ireland: 'IE',
  Italy: 'IT',
  Latvia: 'LV',
  Lithuania: 'LT',
  Luxembourg: 'LU',
  Malta: 'MT',
  Montenegro: 'ME',
  Netherlands: 'NL',
  'North Macedonia': 'MK',
  Norway: 'NO',
  Poland: 'PL',
  Portugal: 'PT',
  Romania: 'RO',
  Serbia: 'RS',
  Slovakia: 'SK',
  Slovenia: 'SI',
  Spain: 'ES',
  Sweden: 'SE',
  Switzerland: 'CH',
  Türkiye: 'TR',
  'United Kingdom': 'UK',
};

export const EUROSTAT_FLAGS: Record<string, string> = {
  u: 'low reliability',
  d: 'definition differs',
  b: 'break in time series',
};

export function readEurostatLfs(input: string, refs: ReferenceLists, retrievedOn: string | null): DemandBatch {
  const file = fs.existsSync(input) && fs.statSync(input).isDirectory() ? path.join(input, EUROSTAT_LFS_FILE) : input;
  const name = path.basename(file);
  const signals: DemandSignal[] = [];
  for (const { row, line } of readCsvRecords(file, COLUMNS)) {
    const at = (column: string) => ({ file: name, line, column });
    const region = EUROSTAT_COUNTRY_CODES[row.geo_label];
    if (!region) throw new ImportError(`unknown country '${row.geo_label}'`, at('geo_label'));
    const isco = /^OC(\d)$/.exec(row.isco08);
    if (!isco) throw new ImportError(`not an ISCO-08 major group such as OC3: '${row.isco08}'`, at('isco08'));
    if (row.unit !== 'Thousand persons')
      throw new ImportError(`unexpected unit '${row.unit}' (expected 'Thousand persons')`, at('unit'));
    const flags = [...row.flag.trim()];
    const unknownFlag = flags.find((flag) => !(flag in EUROSTAT_FLAGS));
    if (unknownFlag)
      throw new ImportError(
        `unknown flag '${unknownFlag}' (known: ${Object.keys(EUROSTAT_FLAGS).join(', ')})`,
        at('flag'),
      );
    const value = numberCell(row.value_thousand_persons, at('value_thousand_persons'));
    const signal: DemandSignal = {
      sourceId: 'eurostat-lfsa_eisn2',
      metric: 'EMPLOYMENT',
      value,
      unit: 'thousand persons',
      period: row.year,
      region,
      sector: row.nace_r2,
      targetKind: 'ISCO',
      targetCode: isco[1],
      flags,
      reliability: reliabilityOf(value, flags),
      sampleSize: null,
      file: name,
      line,
    };
    checkSignal(signal, refs, {
      period: 'year',
      region: 'geo_label',
      sector: 'nace_r2',
      targetCode: 'isco08',
      value: 'value_thousand_persons',
    });
    signals.push(signal);
  }
  return {
    source: {
      id: 'eurostat-lfsa_eisn2',
      name: 'Eurostat Labour Force Survey: employment by NACE Rev.2 section and ISCO-08 major group (lfsa_eisn2)',
      citation:
        'Eurostat, Employment by sex, age, occupation and economic activity (from 2008 onwards, NACE Rev. 2), lfsa_eisn2',
      url: 'https://ec.europa.eu/eurostat/databrowser/view/lfsa_eisn2/default/table',
      licence: 'Eurostat: reuse authorised with acknowledgement of the source',
      retrievedOn,
      flagMeanings: EUROSTAT_FLAGS,
    },
    signals,
    skipped: [],
  };
}
