import fs from 'node:fs';
import path from 'node:path';
import { ImportError } from '../../errors.js';
import { type DemandBatch, type DemandSignal, checkSignal } from '../model.js';
import type { ReferenceLists } from '../reference.js';
import { numberCell, readCsvRecords } from './csv.js';

/**
 * Online job advertisements in the EU by ISCO-08 unit group, 2019–2020 pooled (Eurostat/Cedefop Web
 * Intelligence Hub, OJA v9, as published with eurostat/oja_hhi). EU totals only, so the hub uses them
 * as weights: how demand for a coarse ISCO group spreads over its unit groups.
 */

export const EU_JOB_ADS_FILE = 'oja_isco4_eu_2019_2020.csv';

export function readEuJobAds(input: string, refs: ReferenceLists, retrievedOn: string | null): DemandBatch {
  const file = fs.existsSync(input) && fs.statSync(input).isDirectory() ? path.join(input, EU_JOB_ADS_FILE) : input;
  const name = path.basename(file);
  const signals: DemandSignal[] = [];
  for (const { row, line } of readCsvRecords(file, ['isco08_4d', 'n_ads_2019_2020_EU'])) {
    if (!/^\d{4}$/.test(row.isco08_4d))
      throw new ImportError(`not an ISCO-08 unit group code: '${row.isco08_4d}'`, {
        file: name,
        line,
        column: 'isco08_4d',
      });
    const value = numberCell(row.n_ads_2019_2020_EU, { file: name, line, column: 'n_ads_2019_2020_EU' });
    const signal: DemandSignal = {
      sourceId: 'eu-oja-isco4-2019-2020',
      metric: 'JOB_ADS',
      value,
      unit: 'online job advertisements',
      period: '2019-2020',
      region: 'EU',
      sector: null,
      targetKind: 'ISCO',
      targetCode: row.isco08_4d,
      flags: [],
      reliability: value === null ? 'NOT_PUBLISHED' : 'NORMAL',
      sampleSize: null,
      file: name,
      line,
    };
    checkSignal(signal, refs, { targetCode: 'isco08_4d', value: 'n_ads_2019_2020_EU' });
    signals.push(signal);
  }
  return {
    source: {
      id: 'eu-oja-isco4-2019-2020',
      name: 'Online job advertisements in the EU by ISCO-08 unit group, 2019–2020 (Web Intelligence Hub OJA v9)',
      citation:
        'Eurostat, eurostat/oja_hhi, Results/online_annex_oja_hhi_05Nov2021.xlsx, sheet "Figure 10" (commit f29251e, 18 Jan 2022); data: Eurostat/Cedefop Web Intelligence Hub, OJA v9',
      url: 'https://github.com/eurostat/oja_hhi',
      licence: 'EUPL 1.2',
      retrievedOn,
      flagMeanings: {},
    },
    signals,
    skipped: [],
  };
}
