import fs from 'node:fs';
import path from 'node:path';
import { ImportError } from '../../errors.js';
import { type DemandBatch, type DemandSignal, checkSignal } from '../model.js';
import type { ReferenceLists } from '../reference.js';
import { numberCell, readCsvRecords } from './csv.js';

/**
 * Two sources from Nesta's Mapping Career Causeways (MIT, 2021), in ../shared/data/nesta-mapping-career-causeways:
 * - EU-LFS employment by ISCO-08 3-digit group, 2014–2018, for France, Italy and the UK and five of
 *   their regions (a real annual series, for trends). Cells from 20 or fewer respondents are masked
 *   with 'x' upstream: kept as not published.
 * - Automation exposure (a risk score: higher = more exposed; a risk signal, not demand) per ESCO
 *   occupation and per ISCO unit and minor group, with the study's category (flag H high, L low risk).
 */

const CITATION =
  'Nesta, Mapping Career Causeways (2021), github.com/nestauk/mapping-career-causeways; EU-LFS microdata as aggregated by Nesta';
const NATIONAL: Record<string, string> = { fra: 'FR', ita: 'IT', uk: 'UK' };
/** The region in the file name is the LFS code: a NUTS 2016 code without its country prefix (UK: NUTS 1). */
const REGIONAL: Record<string, string> = { '10': 'FR10', C4: 'ITC4', I4: 'ITI4', I0: 'UKI', M0: 'UKM' };
const YEARS = ['2014', '2015', '2016', '2017', '2018'];

export function readNestaEuLfs(dir: string, refs: ReferenceLists, retrievedOn: string | null): DemandBatch {
  const base = path.join(dir, 'demographic_analysis');
  if (!fs.existsSync(base))
    throw new ImportError('expected the nesta-mapping-career-causeways folder (with demographic_analysis/)', {
      file: path.basename(dir),
    });
  const files: Array<{ file: string; region: string }> = [
    ...Object.entries(NATIONAL).map(([prefix, region]) => ({
      file: path.join(base, 'national_count_isco', `${prefix}_breakdown_by_isco_w_risk.csv`),
      region,
    })),
    ...Object.entries(REGIONAL).map(([code, region]) => ({
      file: path.join(base, 'regional_count_isco', `${code}_breakdown_by_isco.csv`),
      region,
    })),
  ];
  const signals: DemandSignal[] = [];
  for (const { file, region } of files) {
    const name = path.basename(file);
    for (const { row, line } of readCsvRecords(file, ['isco_code', ...YEARS])) {
      if (!/^\d{3}$/.test(row.isco_code))
        throw new ImportError(`not an ISCO-08 minor group: '${row.isco_code}'`, {
          file: name,
          line,
          column: 'isco_code',
        });
      for (const year of YEARS) {
        const value = numberCell(row[year], { file: name, line, column: year }, ['', 'x']);
        const signal: DemandSignal = {
          sourceId: 'nesta-eu-lfs-isco3',
          metric: 'EMPLOYMENT',
          value,
          unit: 'thousand persons',
          period: year,
          region,
          sector: null,
          targetKind: 'ISCO',
          targetCode: row.isco_code,
          flags: value === null ? ['x'] : [],
          reliability: value === null ? 'NOT_PUBLISHED' : 'NORMAL',
          sampleSize: null,
          file: name,
          line,
        };
        checkSignal(signal, refs, { period: year, targetCode: 'isco_code', value: year });
        signals.push(signal);
      }
    }
  }
  return {
    source: {
      id: 'nesta-eu-lfs-isco3',
      name: 'EU-LFS employment by ISCO-08 3-digit group, France, Italy and the UK, 2014–2018 (national and five regions)',
      citation: CITATION,
      url: 'https://github.com/nestauk/mapping-career-causeways',
      licence: 'MIT (Nesta); EU-LFS aggregates',
      retrievedOn,
      flagMeanings: { x: 'masked upstream: 20 or fewer respondents' },
    },
    signals,
    skipped: [],
  };
}

export function readNestaAutomation(dir: string, refs: ReferenceLists, retrievedOn: string | null): DemandBatch {
  const base = path.join(dir, 'automation_risk');
  if (!fs.existsSync(base))
    throw new ImportError('expected the nesta-mapping-career-causeways folder (with automation_risk/)', {
      file: path.basename(dir),
    });
  const signals: DemandSignal[] = [];
  const flagsOf = (category: string) => (category === 'High risk' ? ['H'] : category === 'Low risk' ? ['L'] : []);
  const add = (file: string, targetKind: 'ISCO' | 'OCCUPATION', targetColumn: string) => {
    const name = path.basename(file);
    for (const { row, line } of readCsvRecords(file, [targetColumn, 'risk', 'risk_category'])) {
      const value = numberCell(row.risk, { file: name, line, column: 'risk' });
      const signal: DemandSignal = {
        sourceId: 'nesta-automation-risk',
        metric: 'AUTOMATION_RISK',
        value,
        unit: 'automation risk score (Nesta; higher = more exposed)',
        period: '2021',
        region: 'EU',
        sector: null,
        targetKind,
        targetCode: row[targetColumn],
        flags: flagsOf(row.risk_category),
        reliability: value === null ? 'NOT_PUBLISHED' : 'NORMAL',
        sampleSize: null,
        file: name,
        line,
      };
      checkSignal(signal, refs, { targetCode: targetColumn, value: 'risk' });
      signals.push(signal);
    }
  };
  add(path.join(base, 'mcc_risk_All_occupations.csv'), 'OCCUPATION', 'concept_uri');
  add(path.join(base, 'mcc_risk_ISCO_4digit.csv'), 'ISCO', 'isco_code');
  add(path.join(base, 'mcc_risk_ISCO_3digit.csv'), 'ISCO', 'isco_code');
  return {
    source: {
      id: 'nesta-automation-risk',
      name: 'Automation exposure per ESCO occupation and ISCO group (Nesta, Mapping Career Causeways)',
      citation: CITATION,
      url: 'https://github.com/nestauk/mapping-career-causeways',
      licence: 'MIT (Nesta)',
      retrievedOn,
      flagMeanings: { H: 'high risk category in the study', L: 'low risk category in the study' },
    },
    signals,
    skipped: [],
  };
}
