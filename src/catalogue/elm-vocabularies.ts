/**
 * The controlled vocabularies of ELM v3 exports and imports: the concept and scheme URIs the Commission's
 * sample micro-credential uses (EQF, ECTS, ESCO skills, mode of learning and assessment, supervision and
 * identity verification, the EU country and language authority tables), and the mappings between them and
 * the catalogue's own codes.
 */

export const EQF_SCHEME = { id: 'http://data.europa.eu/snb/eqf/25831c2', type: 'ConceptScheme' };
export const ECTS_FRAMEWORK = {
  id: 'http://data.europa.eu/snb/education-credit/6fcec5c5af',
  type: 'Concept',
  inScheme: { id: 'http://data.europa.eu/snb/education-credit/25831c2', type: 'ConceptScheme' },
  prefLabel: { en: 'European Credit Transfer System' },
};
export const ESCO_SKILLS_SCHEME = { id: 'http://data.europa.eu/esco/concept-scheme/skills', type: 'ConceptScheme' };
export const LEARNING_MODE_SCHEME = {
  id: 'http://data.europa.eu/snb/learning-assessment/25831c2',
  type: 'ConceptScheme',
};
/**
 * Modes of learning and assessment: online and blended as the Commission's sample shows them, on-site as the
 * scheme's "Presential" concept; WORK_BASED has no concept of its own in the scheme and is not mapped.
 */
export const MODES: Record<string, { id: string; label: string }> = {
  ONLINE: { id: 'http://data.europa.eu/snb/learning-assessment/920fbb3cbe', label: 'Online' },
  BLENDED: { id: 'http://data.europa.eu/snb/learning-assessment/e92d221e4d', label: 'Blended' },
  ONSITE: { id: 'http://data.europa.eu/snb/learning-assessment/9191af2ed9', label: 'Presential' },
};
export const SUPERVISION: Record<string, string> = {
  UNSUPERVISED_NO_IDENTITY_VERIFICATION: 'http://data.europa.eu/snb/supervision-verification/c598449d64',
};
export const COUNTRY_AUTHORITY = 'http://publications.europa.eu/resource/authority/country';
export const LANGUAGE_AUTHORITY_URI = 'http://publications.europa.eu/resource/authority/language';
/** ISO 3166 alpha-2 → the EU country authority table's alpha-3 codes, for the EU and EEA countries. */
export const COUNTRIES: Record<string, [string, string]> = {
  AT: ['AUT', 'Austria'],
  BE: ['BEL', 'Belgium'],
  BG: ['BGR', 'Bulgaria'],
  HR: ['HRV', 'Croatia'],
  CY: ['CYP', 'Cyprus'],
  CZ: ['CZE', 'Czechia'],
  DK: ['DNK', 'Denmark'],
  EE: ['EST', 'Estonia'],
  FI: ['FIN', 'Finland'],
  FR: ['FRA', 'France'],
  DE: ['DEU', 'Germany'],
  GR: ['GRC', 'Greece'],
  HU: ['HUN', 'Hungary'],
  IE: ['IRL', 'Ireland'],
  IT: ['ITA', 'Italy'],
  LV: ['LVA', 'Latvia'],
  LT: ['LTU', 'Lithuania'],
  LU: ['LUX', 'Luxembourg'],
  MT: ['MLT', 'Malta'],
  NL: ['NLD', 'Netherlands'],
  PL: ['POL', 'Poland'],
  PT: ['PRT', 'Portugal'],
  RO: ['ROU', 'Romania'],
  SK: ['SVK', 'Slovakia'],
  SI: ['SVN', 'Slovenia'],
  ES: ['ESP', 'Spain'],
  SE: ['SWE', 'Sweden'],
  IS: ['ISL', 'Iceland'],
  LI: ['LIE', 'Liechtenstein'],
  NO: ['NOR', 'Norway'],
};
/** ISO 639-1 → the EU language authority table's codes, for the official EU languages. */
export const LANGUAGE_AUTHORITY: Record<string, [string, string]> = {
  bg: ['BUL', 'Bulgarian'],
  cs: ['CES', 'Czech'],
  da: ['DAN', 'Danish'],
  de: ['DEU', 'German'],
  el: ['ELL', 'Greek'],
  en: ['ENG', 'English'],
  es: ['SPA', 'Spanish'],
  et: ['EST', 'Estonian'],
  fi: ['FIN', 'Finnish'],
  fr: ['FRA', 'French'],
  ga: ['GLE', 'Irish'],
  hr: ['HRV', 'Croatian'],
  hu: ['HUN', 'Hungarian'],
  it: ['ITA', 'Italian'],
  lt: ['LIT', 'Lithuanian'],
  lv: ['LAV', 'Latvian'],
  mt: ['MLT', 'Maltese'],
  nl: ['NLD', 'Dutch'],
  pl: ['POL', 'Polish'],
  pt: ['POR', 'Portuguese'],
  ro: ['RON', 'Romanian'],
  sk: ['SLK', 'Slovak'],
  sl: ['SLV', 'Slovenian'],
  sv: ['SWE', 'Swedish'],
};

/** The JSON-LD contexts of an ELM document, as the Commission's sample names them (W3C Verifiable Credentials v1, then ELM's). */
export const ELM_CONTEXT = ['https://www.w3.org/2018/credentials/v1', 'http://data.europa.eu/snb/model/context/edc-ap'];
