import fs from 'node:fs';
import path from 'node:path';
import { ImportError } from '../../errors.js';
import { type DemandBatch, type DemandSignal, checkSignal } from '../model.js';
import type { ReferenceLists } from '../reference.js';
import { numberCell, readCsvRecords } from './csv.js';

/**
 * The occupation mix inside a sector, from US BLS OEWS (May 2024, NAICS sector × detailed SOC 2018
 * occupation, employees), carried to ESCO occupations through the official ESCO–O*NET crosswalk. No
 * European NACE × detailed-occupation matrix is published, so this US proxy is used only to shape how
 * a European figure for a sector and an ISCO major group spreads over the occupations inside it,
 * never as demand (metric OCCUPATION_MIX, region US).
 *
 * Following the file's SOURCE.txt: detailed rows only (the others are subtotals); "**" (not released)
 * left out, since only shares within a sector are used; NAICS sectors mapped to NACE sections where the
 * match is close (several NAICS sectors may feed one section); a SOC code's jobs split evenly over its
 * ESCO matches of any match type (7-character SOC match, else the 6-character OEWS aggregate); crosswalk
 * rows that point at an ISCO group rather than an occupation are left out.
 */

export const US_SECTOR_MIX_FILE = 'natsector_M2024_dl.derived.csv';
const CROSSWALK = path.join('esco-national-crosswalks', 'crosswalk_esco_onet.csv');

/** NAICS 2022 sector → NACE Rev.2 section, where the sector falls mostly in one section (SOURCE.txt, "JOIN" 2). */
export const NAICS_TO_NACE: Record<string, string> = {
  '11': 'A',
  '21': 'B',
  '22': 'D',
  '23': 'F',
  '31': 'C',
  '42': 'G',
  '44': 'G',
  '48': 'H',
  '51': 'J',
  '52': 'K',
  '53': 'L',
  '54': 'M',
  '56': 'N',
  '61': 'P',
  '62': 'Q',
  '71': 'R',
  '72': 'I',
  '81': 'S',
  '99': 'O',
};

/** `input`: the folder (or file) of the BLS table; the crosswalk is read from `esco-national-crosswalks/` beside its parent folder. */
export function readUsSectorMix(input: string, refs: ReferenceLists, retrievedOn: string | null): DemandBatch {
  const file = fs.existsSync(input) && fs.statSync(input).isDirectory() ? path.join(input, US_SECTOR_MIX_FILE) : input;
  const name = path.basename(file);
  const crosswalkFile = path.resolve(path.dirname(file), '..', '..', CROSSWALK);
  if (!fs.existsSync(crosswalkFile))
    throw new ImportError(`the ESCO–O*NET crosswalk is needed beside the data: ${crosswalkFile} not found`, {
      file: name,
    });

  // SOC (7 characters, "47-2111") → ESCO occupation URIs.
  const escoOfSoc = new Map<string, Set<string>>();
  for (const { row } of readCsvRecords(crosswalkFile, ['O*NET Id', 'ESCO or ISCO URI', 'Type of Match'], {
    skipLines: 16,
  })) {
    const uri = row['ESCO or ISCO URI'];
    if (!uri.includes('/esco/occupation/')) continue;
    const soc = row['O*NET Id'].slice(0, 7);
    const set = escoOfSoc.get(soc) ?? new Set<string>();
    set.add(uri);
    escoOfSoc.set(soc, set);
  }
  const matchesOf = (soc: string): string[] => {
    const exact = escoOfSoc.get(soc);
    if (exact) return [...exact].sort();
    // OEWS aggregates such as 51-2090 stand for several SOC codes (51-2092, 51-2099): their union.
    const prefix = soc.slice(0, 6);
    const union = new Set<string>();
    for (const [code, uris] of escoOfSoc) if (code.startsWith(prefix)) for (const uri of uris) union.add(uri);
    return [...union].sort();
  };

  const jobs = new Map<string, Map<string, { value: number; line: number }>>();
  let unreleased = 0;
  let unmatched = 0;
  let otherSectors = 0;
  for (const { row, line } of readCsvRecords(file, ['AREA', 'NAICS', 'OCC_CODE', 'O_GROUP', 'TOT_EMP'])) {
    if (row.O_GROUP !== 'detailed' || row.AREA !== '99') continue;
    const section = NAICS_TO_NACE[row.NAICS];
    if (!section) {
      otherSectors += 1;
      continue;
    }
    if (row.TOT_EMP === '**') {
      unreleased += 1;
      continue;
    }
    const value = numberCell(row.TOT_EMP.replace(/,/g, ''), { file: name, line, column: 'TOT_EMP' });
    const matches = matchesOf(row.OCC_CODE);
    if (value === null || matches.length === 0) {
      unmatched += 1;
      continue;
    }
    const bySector = jobs.get(section) ?? new Map<string, { value: number; line: number }>();
    for (const uri of matches) {
      const entry = bySector.get(uri) ?? { value: 0, line };
      entry.value += value / matches.length;
      bySector.set(uri, entry);
    }
    jobs.set(section, bySector);
  }

  const signals: DemandSignal[] = [];
  for (const [section, byOccupation] of [...jobs.entries()].sort()) {
    for (const [uri, { value, line }] of [...byOccupation.entries()].sort()) {
      const signal: DemandSignal = {
        sourceId: 'us-bls-oews-natsector-2024',
        metric: 'OCCUPATION_MIX',
        value: Math.round(value * 100) / 100,
        unit: 'US employees (jobs) allocated to the ESCO occupation',
        period: '2024',
        region: 'US',
        sector: section,
        targetKind: 'OCCUPATION',
        targetCode: uri,
        flags: [],
        reliability: 'NORMAL',
        sampleSize: null,
        file: name,
        line,
      };
      checkSignal(signal, refs);
      signals.push(signal);
    }
  }
  return {
    source: {
      id: 'us-bls-oews-natsector-2024',
      name: 'US occupation mix by sector (BLS OEWS May 2024, NAICS sector × SOC 2018, via the ESCO–O*NET crosswalk): a proxy to shape splits within a sector',
      citation:
        'Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2024; ESCO–O*NET crosswalk (ESCO secretariat and US DOL/ETA, Sep 2022)',
      url: 'https://www.bls.gov/oes/special-requests/oesm24in4.zip',
      licence: 'US federal government work (public domain); crosswalk: ESCO mapping publication (CC BY 4.0)',
      retrievedOn,
      flagMeanings: {},
    },
    signals,
    skipped: [
      { reason: 'employment not released by BLS (**)', count: unreleased },
      { reason: 'SOC occupation without an ESCO occupation in the crosswalk', count: unmatched },
      { reason: 'NAICS sector without a close NACE section (55 management of companies)', count: otherSectors },
    ].filter((entry) => entry.count > 0),
  };
}
