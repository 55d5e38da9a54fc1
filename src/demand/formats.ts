import { readGermanPes } from './adapters/de-ba.js';
import { readEuJobAds } from './adapters/eu-job-ads.js';
import { readEurostatLfs } from './adapters/eurostat-lfs.js';
import { readNestaAutomation, readNestaEuLfs } from './adapters/nesta.js';
import { readUsSectorMix } from './adapters/us-sector-mix.js';
import { readGenericDemand } from './adapters/generic.js';
import type { DemandBatch } from './model.js';
import type { ReferenceLists } from './reference.js';

/** The formats `npm run hub -- import demand <path> --format <name>` reads (docs/skills-intelligence.md). */
export interface DemandFormat {
  name: string;
  description: string;
  read(input: string, refs: ReferenceLists, options: { retrievedOn: string | null; years?: string[] }): DemandBatch[];
}

export const DEMAND_FORMATS: DemandFormat[] = [
  {
    name: 'eurostat-lfs',
    description:
      'Eurostat LFS employment by NACE section × ISCO major group × country (lfsa_eisn2), ../shared/data/eurostat-lfsa_eisn2',
    read: (input, refs, { retrievedOn }) => [readEurostatLfs(input, refs, retrievedOn)],
  },
  {
    name: 'de-ba',
    description:
      'German PES (Bundesagentur für Arbeit) registered vacancies and unemployed by district × KldB 2010 group × year, ../shared/data/de-ba-vacancies-unemployed (--years 2023,2024 to import some years)',
    read: (input, refs, options) => [readGermanPes(input, refs, options)],
  },
  {
    name: 'eu-job-ads',
    description:
      'EU online job-ad counts by ISCO-08 unit group, 2019–2020 (OJA v9), ../shared/data/eu-oja-isco4-2019-2020: weights within ISCO groups',
    read: (input, refs, { retrievedOn }) => [readEuJobAds(input, refs, retrievedOn)],
  },
  {
    name: 'eu-lfs-isco3',
    description:
      'EU-LFS employment by ISCO-08 3-digit group, FR/IT/UK and five regions, 2014–2018 (Nesta), ../shared/data/nesta-mapping-career-causeways',
    read: (input, refs, { retrievedOn }) => [readNestaEuLfs(input, refs, retrievedOn)],
  },
  {
    name: 'automation',
    description:
      'automation exposure per ESCO occupation and ISCO group (Nesta), ../shared/data/nesta-mapping-career-causeways: a risk signal, not demand',
    read: (input, refs, { retrievedOn }) => [readNestaAutomation(input, refs, retrievedOn)],
  },
  {
    name: 'us-sector-mix',
    description:
      'US BLS OEWS occupation mix by sector (May 2024) via the ESCO–O*NET crosswalk, ../shared/data/sector-occupation/us-bls-oews-natsector-2024: shapes splits within a sector',
    read: (input, refs, { retrievedOn }) => [readUsSectorMix(input, refs, retrievedOn)],
  },
  {
    name: 'generic',
    description: 'the documented generic JSON or CSV format (seeds/demand-example.json, seeds/demand-example.csv)',
    read: (input, refs) => [readGenericDemand(input, refs)],
  },
];

export function demandFormat(name: string | undefined): DemandFormat | undefined {
  return DEMAND_FORMATS.find((format) => format.name === name);
}
