import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * Official code lists used to validate and roll up demand arguments: NUTS regions (2016 and 2021,
 * with the countries and statistical regions of non-EU countries), NACE Rev.2, and German districts
 * (Kreise, AGS) to NUTS 3. Read once from `../shared/data/reference/` (REFERENCE_DIR) and kept in
 * memory: a few thousand codes.
 *
 * The NUTS hierarchy is in the code itself (a region's parent is its code without the last
 * character; the first two letters are the country), so rolling a figure up is a prefix test.
 */

export interface Region {
  code: string;
  /** 0 country, 1–3 NUTS level. */
  level: number;
  country: string;
  label: string;
  /** The NUTS versions that list the code ('2016', '2021'); empty for countries outside NUTS. */
  versions: string[];
}

export interface Sector {
  code: string;
  /** 1 section (F), 2 division (F41), 3 group, 4 class. */
  level: number;
  name: string;
  parent: string | null;
}

export interface ReferenceLists {
  regions: Map<string, Region>;
  sectors: Map<string, Sector>;
  /** German district (5-digit AGS) → NUTS 3 code. */
  districtNuts3: Map<string, string>;
  /**
   * KldB 2010 3-digit group → ESCO occupations with a weight, from the Bundesagentur für Arbeit's
   * official KldB↔ESCO mapping: each job title (B ddddd-ddd) mapped to an occupation adds 1 for an
   * exact or close match and 0.5 for a broad or narrow one. Empty when the mapping is not beside the
   * code lists (../esco-national-crosswalks/).
   */
  kldbToEsco: Map<string, Map<string, number>>;
  /**
   * KldB 2010 3-digit group → ISCO-08 minor group (3 digits) → how many of the group's 5-digit codes the
   * Bundesagentur für Arbeit's official key (Umsteigeschlüssel, 2020 revision) maps there by its
   * recommended ISCO-08 unit group (Schwerpunkt 1). Empty when the key is not among the code lists.
   */
  kldbToIsco: Map<string, Map<string, number>>;
  /** KldB 2010 groups by name: the 1-digit areas (KLDB_AREAS) and, when the BA figures are beside the lists, the 3-digit groups. */
  kldbNames: Map<string, string>;
  /** Where each list came from, for evidence. */
  sources: Record<'nuts' | 'nace' | 'districts' | 'kldb' | 'kldbIsco' | 'kldbNames', string>;
}

/**
 * Countries a demand source reports that NUTS does not list (Bosnia and Herzegovina is in Eurostat's
 * LFS tables but neither a NUTS nor a statistical-region country).
 */
const COUNTRIES_OUTSIDE_NUTS: Region[] = [
  { code: 'BA', level: 0, country: 'BA', label: 'Bosnia and Herzegovina', versions: [] },
  // EU-wide figures (job-ad totals); no country lies "within" it by code, so they are never summed into a country.
  { code: 'EU', level: 0, country: 'EU', label: 'European Union (EU-wide figure)', versions: [] },
  // The US occupation mix by sector (a proxy used only to shape splits within a sector).
  { code: 'US', level: 0, country: 'US', label: 'United States (occupation-mix proxy)', versions: [] },
];

/**
 * Hanau (06415) has been a district of its own since 2026; the Destatis 2021 table does not list it.
 * Its area was part of Main-Kinzig-Kreis, NUTS 3 DE719.
 */
const DISTRICTS_AFTER_2021: Array<[string, string]> = [['06415', 'DE719']];

/**
 * The ten occupational areas (Berufsbereiche, 1 digit) of the Klassifikation der Berufe 2010, in the
 * Bundesagentur für Arbeit's English edition: the rows of a PES overview.
 */
export const KLDB_AREAS: ReadonlyArray<[string, string]> = [
  ['0', 'Military'],
  ['1', 'Agriculture, forestry, farming and gardening'],
  ['2', 'Production of raw materials and goods, and manufacturing'],
  ['3', 'Construction, architecture, surveying and technical building services'],
  ['4', 'Natural sciences, geography and informatics'],
  ['5', 'Traffic, logistics, safety and security'],
  ['6', 'Commercial services, trading, sales, the hotel business and tourism'],
  ['7', 'Business organisation, accounting, law and administration'],
  ['8', 'Health care, the social sector, teaching and education'],
  ['9', 'Philology, literature, humanities, social sciences, economics, media, art, culture and design'],
];

type CsvRow = Record<string, string>;
const readCsv = (file: string, delimiter = ','): CsvRow[] =>
  parse(fs.readFileSync(file), { columns: true, bom: true, delimiter, skip_empty_lines: true }) as CsvRow[];

export function readReferenceLists(dir: string): ReferenceLists {
  const regions = new Map<string, Region>();
  for (const version of ['2016', '2021']) {
    for (const row of readCsv(path.join(dir, 'nuts', `nuts${version}_codes.csv`))) {
      const code = row.code.trim();
      const known = regions.get(code);
      if (known) {
        known.versions.push(version);
        if (version === '2021') known.label = row.label; // the newer label
        continue;
      }
      regions.set(code, {
        code,
        level: Number(row.level),
        country: row.country_code,
        label: row.label,
        versions: [version],
      });
      if (!regions.has(row.country_code)) {
        regions.set(row.country_code, {
          code: row.country_code,
          level: 0,
          country: row.country_code,
          label: row.country_code,
          versions: [],
        });
      }
    }
  }
  for (const country of COUNTRIES_OUTSIDE_NUTS) if (!regions.has(country.code)) regions.set(country.code, country);

  const sectors = new Map<string, Sector>();
  for (const row of readCsv(path.join(dir, 'nace-rev2', 'nace_r2.csv'))) {
    const level = Number(row.level);
    if (level < 1) continue; // Eurostat aggregates such as TOTAL or B-E, not codes an offer or a signal carries
    sectors.set(row.code, { code: row.code, level, name: row.name, parent: row.parent === 'NULL' ? null : row.parent });
  }

  const districtNuts3 = new Map<string, string>();
  for (const row of readCsv(path.join(dir, 'de-kreise-nuts3', 'kreise_2021_nuts3.csv')))
    districtNuts3.set(row.ags5, row.nuts3_code);
  for (const [ags, nuts3] of DISTRICTS_AFTER_2021) if (!districtNuts3.has(ags)) districtNuts3.set(ags, nuts3);

  const kldbNames = new Map<string, string>(KLDB_AREAS);
  const groupFile = path.join(dir, '..', 'de-ba-vacancies-unemployed', 'occupational_group_codes.csv');
  if (fs.existsSync(groupFile))
    for (const row of readCsv(groupFile)) if (/^\d{3}$/.test(row.code)) kldbNames.set(row.code, row.name);

  const kldbToEsco = new Map<string, Map<string, number>>();
  const mappingFile = path.join(dir, '..', 'esco-national-crosswalks', 'DE_mapping_18.05.22.csv');
  if (fs.existsSync(mappingFile)) {
    const rows = parse(fs.readFileSync(mappingFile), {
      columns: true,
      bom: true,
      from_line: 17,
      skip_empty_lines: true,
    }) as CsvRow[];
    for (const row of rows) {
      const id = row['Classification 2 ID'] ?? '';
      const uri = row['Classification 1 URI'] ?? '';
      // 'B 01104-104' is a KldB job title; 'BE 3324' an ISCO fallback; an ISCO group URI is not an occupation.
      if (!/^B \d{5}-\d{3}$/.test(id) || !uri.includes('/esco/occupation/')) continue;
      const group = id.slice(2, 5);
      const weight = /exactMatch|closeMatch/.test(row['Mapping relation']) ? 1 : 0.5;
      const occupations = kldbToEsco.get(group) ?? new Map<string, number>();
      occupations.set(uri, (occupations.get(uri) ?? 0) + weight);
      kldbToEsco.set(group, occupations);
    }
  }

  const kldbToIsco = new Map<string, Map<string, number>>();
  const keyFile = path.join(dir, 'kldb2010-isco08', 'kldb2010_isco08.csv');
  if (fs.existsSync(keyFile))
    for (const row of readCsv(keyFile)) {
      if (row.schwerpunkt_1_or_alternative_rank !== '1' || !/^\d{5}$/.test(row.kldb2010_5)) continue;
      const group = row.kldb2010_5.slice(0, 3);
      const minor = row.isco08_4.slice(0, 3);
      const targets = kldbToIsco.get(group) ?? new Map<string, number>();
      targets.set(minor, (targets.get(minor) ?? 0) + 1);
      kldbToIsco.set(group, targets);
    }

  return {
    regions,
    sectors,
    districtNuts3,
    kldbToEsco,
    kldbToIsco,
    kldbNames,
    sources: {
      nuts: 'Eurostat NUTS 2016 and 2021 code lists (CC BY 4.0, "Source: Eurostat")',
      nace: 'Eurostat NACE Rev.2 code list (CC BY 4.0)',
      districts: 'Destatis, Kreise 31.12.2021 with NUTS 3 codes (reuse with source named); Hanau 06415 → DE719',
      kldb: 'Bundesagentur für Arbeit, KldB 2010 ↔ ESCO mapping (DE_mapping_18.05.22, ESCO 1.0.3; CC BY 4.0)',
      kldbIsco:
        'Statistik der Bundesagentur für Arbeit, Umsteigeschlüssel KldB 2010 (2020) → ISCO-08, recommended codes',
      kldbNames:
        'Bundesagentur für Arbeit, KldB 2010: occupational areas (English edition) and 3-digit group names (BA figures, occupational_group_codes)',
    },
  };
}

let cached: { dir: string; lists: ReferenceLists } | undefined;

/** The reference lists of `dir`, read on first use. */
export function referenceLists(dir: string): ReferenceLists {
  if (cached?.dir !== dir) cached = { dir, lists: readReferenceLists(dir) };
  return cached.lists;
}

/** The region and every region above it, most specific first: DE212 → DE212, DE21, DE2, DE. */
export function regionAncestry(code: string): string[] {
  const chain: string[] = [];
  for (let length = code.length; length >= 2; length -= 1) chain.push(code.slice(0, length));
  return chain;
}

/** Whether a signal's region lies within (or is) the asked region (NUTS codes nest by prefix). */
export function regionWithin(signalRegion: string, askedRegion: string): boolean {
  return signalRegion.startsWith(askedRegion);
}

/** The NACE section of a code: F41 → F, F → F. */
export function naceSection(code: string): string {
  return code.slice(0, 1);
}
