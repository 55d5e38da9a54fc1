import type { MicroCredential, MicroCredentialInput } from './model.js';

/**
 * Micro-credential offers to and from the European Learning Model (ELM v3), in the JSON shape of the
 * Commission's "uploadable" samples (European-Learning-Model repository, Credentials/JSON-LD Examples
 * (ELM v3)/Sample-MC-Annex1-unsigned-uploadable.json). Pure.
 *
 * Only elements whose ELM properties and controlled-vocabulary concepts that sample (or the ELM class
 * model, for awarding opportunities) confirms are mapped: title, description, awarding bodies and issuer
 * countries (as awarding opportunities), EQF level, ECTS credit points, volume of learning, learning outcomes
 * with their ESCO skills, online/blended mode, languages, entry requirements and, when reading a credential,
 * the assessment's title and the one supervision concept the sample shows. Both directions list what they
 * leave out, so nobody mistakes a partial mapping for a complete one.
 */

const EQF_SCHEME = { id: 'http://data.europa.eu/snb/eqf/25831c2', type: 'ConceptScheme' };
const ECTS_FRAMEWORK = {
  id: 'http://data.europa.eu/snb/education-credit/6fcec5c5af',
  type: 'Concept',
  inScheme: { id: 'http://data.europa.eu/snb/education-credit/25831c2', type: 'ConceptScheme' },
  prefLabel: { en: 'European Credit Transfer System' },
};
const ESCO_SKILLS_SCHEME = { id: 'http://data.europa.eu/esco/concept-scheme/skills', type: 'ConceptScheme' };
const LEARNING_MODE_SCHEME = { id: 'http://data.europa.eu/snb/learning-assessment/25831c2', type: 'ConceptScheme' };
/** The two modes whose concept URIs the Commission's sample shows; ONSITE and WORK_BASED are not mapped yet. */
const MODES: Record<string, { id: string; label: string }> = {
  ONLINE: { id: 'http://data.europa.eu/snb/learning-assessment/920fbb3cbe', label: 'Online' },
  BLENDED: { id: 'http://data.europa.eu/snb/learning-assessment/e92d221e4d', label: 'Blended' },
};
const SUPERVISION: Record<string, string> = {
  UNSUPERVISED_NO_IDENTITY_VERIFICATION: 'http://data.europa.eu/snb/supervision-verification/c598449d64',
};
const COUNTRY_AUTHORITY = 'http://publications.europa.eu/resource/authority/country';
const LANGUAGE_AUTHORITY_URI = 'http://publications.europa.eu/resource/authority/language';
/** ISO 3166 alpha-2 → the EU country authority table's alpha-3 codes, for the EU and EEA countries. */
const COUNTRIES: Record<string, [string, string]> = {
  AT: ['AUT', 'Austria'], BE: ['BEL', 'Belgium'], BG: ['BGR', 'Bulgaria'], HR: ['HRV', 'Croatia'], CY: ['CYP', 'Cyprus'],
  CZ: ['CZE', 'Czechia'], DK: ['DNK', 'Denmark'], EE: ['EST', 'Estonia'], FI: ['FIN', 'Finland'], FR: ['FRA', 'France'],
  DE: ['DEU', 'Germany'], GR: ['GRC', 'Greece'], HU: ['HUN', 'Hungary'], IE: ['IRL', 'Ireland'], IT: ['ITA', 'Italy'],
  LV: ['LVA', 'Latvia'], LT: ['LTU', 'Lithuania'], LU: ['LUX', 'Luxembourg'], MT: ['MLT', 'Malta'], NL: ['NLD', 'Netherlands'],
  PL: ['POL', 'Poland'], PT: ['PRT', 'Portugal'], RO: ['ROU', 'Romania'], SK: ['SVK', 'Slovakia'], SI: ['SVN', 'Slovenia'],
  ES: ['ESP', 'Spain'], SE: ['SWE', 'Sweden'], IS: ['ISL', 'Iceland'], LI: ['LIE', 'Liechtenstein'], NO: ['NOR', 'Norway'],
};
/** ISO 639-1 → the EU language authority table's codes, for the official EU languages. */
const LANGUAGE_AUTHORITY: Record<string, [string, string]> = {
  bg: ['BUL', 'Bulgarian'], cs: ['CES', 'Czech'], da: ['DAN', 'Danish'], de: ['DEU', 'German'], el: ['ELL', 'Greek'],
  en: ['ENG', 'English'], es: ['SPA', 'Spanish'], et: ['EST', 'Estonian'], fi: ['FIN', 'Finnish'], fr: ['FRA', 'French'],
  ga: ['GLE', 'Irish'], hr: ['HRV', 'Croatian'], hu: ['HUN', 'Hungarian'], it: ['ITA', 'Italian'], lt: ['LIT', 'Lithuanian'],
  lv: ['LAV', 'Latvian'], mt: ['MLT', 'Maltese'], nl: ['NLD', 'Dutch'], pl: ['POL', 'Polish'], pt: ['POR', 'Portuguese'],
  ro: ['RON', 'Romanian'], sk: ['SLK', 'Slovak'], sl: ['SLV', 'Slovenian'], sv: ['SWE', 'Swedish'],
};

export interface ElmOutcome {
  id: string;
  text: string;
  stated: boolean;
  /** Only links a curator accepted or added: an export publishes confirmed claims, not suggestions. */
  confirmedSkills: Array<{ uri: string; preferredLabel: string }>;
}

export interface ElmExport {
  specification: Record<string, unknown>;
  unmapped: string[];
}

const text = (value: string) => ({ en: value });

export function toElmSpecification(credential: MicroCredential, outcomes: ElmOutcome[]): ElmExport {
  const unmapped: string[] = [];
  const spec: Record<string, unknown> = {
    id: `urn:skills-hub:learningAchievementSpecification:${credential.id}`,
    type: 'LearningAchievementSpecification',
    title: text(credential.title),
  };
  if (credential.description) spec.description = text(credential.description);

  const stated = outcomes.filter((outcome) => outcome.stated);
  if (stated.length > 0) {
    spec.learningOutcome = stated.map((outcome) => ({
      id: `urn:skills-hub:learningOutcome:${outcome.id}`,
      type: 'LearningOutcome',
      title: text(outcome.text),
      ...(outcome.confirmedSkills.length > 0
        ? {
            relatedESCOSkill: outcome.confirmedSkills.map((skill) => ({
              id: skill.uri,
              type: 'Concept',
              inScheme: ESCO_SKILLS_SCHEME,
              notation: 'Skill',
              prefLabel: text(skill.preferredLabel),
            })),
          }
        : {}),
    }));
  }

  if (credential.eqfLevel !== null) {
    spec.eqfLevel = { id: `http://data.europa.eu/snb/eqf/${credential.eqfLevel}`, type: 'Concept', inScheme: EQF_SCHEME, prefLabel: text(`Level ${credential.eqfLevel}`) };
  }
  if (credential.nationalLevel !== null) unmapped.push(`nationalLevel (${credential.nationalFramework ?? 'framework'} ${credential.nationalLevel}): needs the QDR concept URI`);

  if (credential.workloadUnit === 'ECTS' && credential.workloadValue !== null) {
    spec.creditPoint = { id: `urn:skills-hub:creditPoint:${credential.id}`, type: 'CreditPoint', framework: ECTS_FRAMEWORK, point: String(credential.workloadValue) };
  }
  if (credential.workloadHours !== null) spec.volumeOfLearning = `PT${credential.workloadHours}H`;

  if (credential.participationForm !== null) {
    const mode = MODES[credential.participationForm];
    if (mode) spec.mode = { id: mode.id, type: 'Concept', inScheme: LEARNING_MODE_SCHEME, prefLabel: text(mode.label) };
    else unmapped.push(`participationForm ${credential.participationForm}: concept URI not confirmed`);
  }

  const languages = (credential.languages ?? []).map((code) => LANGUAGE_AUTHORITY[code]);
  if (languages.length > 0) {
    spec.language = (credential.languages ?? []).flatMap((code, index) => {
      const entry = languages[index];
      if (!entry) {
        unmapped.push(`language ${code}: not an official EU language in the authority table used here`);
        return [];
      }
      return [{
        id: `${LANGUAGE_AUTHORITY_URI}/${entry[0]}`,
        type: 'Concept',
        inScheme: { id: LANGUAGE_AUTHORITY_URI, type: 'ConceptScheme' },
        notation: 'language',
        prefLabel: text(entry[1]),
      }];
    });
  }

  if (credential.prerequisites && credential.prerequisites.length > 0) {
    spec.entryRequirement = { id: `urn:skills-hub:note:entryRequirement:${credential.id}`, type: 'Note', noteLiteral: text(credential.prerequisites.join('; ')) };
  }

  const awardingBodies = credential.awardingBodies.map((name, index) => ({
    id: `urn:skills-hub:organisation:${credential.id}:${index + 1}`,
    type: 'Organisation',
    legalName: text(name),
  }));
  const countries = (credential.issuerCountries ?? []).flatMap((code) => {
    const entry = COUNTRIES[code];
    if (!entry) unmapped.push(`issuerCountries ${code}: not an EU or EEA country in the authority table used here`);
    return entry ? [{ code, entry }] : [];
  });
  // One awarding opportunity per issuer country (an opportunity has at most one location), or one without a location.
  spec.awardingOpportunity = (countries.length > 0 ? countries : [null]).map((country, index) => ({
    id: `urn:skills-hub:awardingOpportunity:${credential.id}:${index + 1}`,
    type: 'AwardingOpportunity',
    awardingBody: awardingBodies,
    ...(country
      ? {
          location: {
            id: `urn:skills-hub:location:${credential.id}:${country.code}`,
            type: 'Location',
            address: {
              id: `urn:skills-hub:address:${credential.id}:${country.code}`,
              type: 'Address',
              countryCode: {
                id: `${COUNTRY_AUTHORITY}/${country.entry[0]}`,
                type: 'Concept',
                inScheme: { id: COUNTRY_AUTHORITY, type: 'ConceptScheme' },
                notation: 'country',
                prefLabel: text(country.entry[1]),
              },
            },
          },
        }
      : {}),
  }));

  const stillUnmapped: Array<[string, unknown]> = [
    ['issuerRegions', credential.issuerRegions?.length ? credential.issuerRegions : null],
    ['assessmentType', credential.assessmentType],
    ['supervision', credential.supervision],
    ['qualityAssurance', credential.qualityAssurance],
    ['stackability', credential.stackability],
  ];
  for (const [element, value] of stillUnmapped) if (value !== null && value !== undefined) unmapped.push(`${element}: not mapped to ELM yet`);
  return { specification: spec, unmapped };
}

// ---- Reading ----------------------------------------------------------------------------------------

type Node = Record<string, unknown>;

export interface ElmStatedSkill {
  credentialId: string;
  /** The outcome's text, which is also how the catalogue identifies it. */
  outcome: string;
  skillUri: string;
}

export interface ElmReading {
  microCredentials: MicroCredentialInput[];
  /** ESCO skills the document itself relates to its outcomes: imported as links a curator added. */
  statedSkills: ElmStatedSkill[];
  /** Per offer: the ELM elements present in the document that this reader does not map. */
  notRead: string[];
}

const SPECIFICATION_TYPES = ['LearningAchievementSpecification', 'Qualification'];
const READ_PROPERTIES = new Set([
  '@context', 'id', 'type', 'title', 'description', 'learningOutcome', 'eqfLevel', 'creditPoint', 'volumeOfLearning', 'mode', 'language',
  'entryRequirement', 'awardingOpportunity',
]);
const HUB_SPEC_PREFIX = 'urn:skills-hub:learningAchievementSpecification:';

const asList = (value: unknown): Node[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).filter((item): item is Node => typeof item === 'object' && item !== null);
const typesOf = (node: Node): string[] => (Array.isArray(node.type) ? node.type : [node.type]).filter((type): type is string => typeof type === 'string');
const isA = (node: Node, types: string[]) => typesOf(node).some((type) => types.includes(type));

/** A language map ({ en: "…", es: "…" }) or a Note's noteLiteral: English first, else the first language given. */
function literal(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return null;
  const map = (value as Node).noteLiteral ?? value;
  if (typeof map !== 'object' || map === null) return typeof map === 'string' ? map : null;
  const languages = map as Record<string, unknown>;
  const chosen = languages.en ?? Object.values(languages)[0];
  return typeof chosen === 'string' ? chosen : null;
}

function conceptId(value: unknown): string | null {
  const [node] = asList(value);
  return node && typeof node.id === 'string' ? node.id : null;
}

/** Every node of a type, depth first, with the nearest enclosing node of `enclosing` types (a claim). */
function collect(root: unknown, types: string[], enclosing: string[], found: Array<{ node: Node; within: Node | null }> = [], within: Node | null = null) {
  if (Array.isArray(root)) {
    for (const item of root) collect(item, types, enclosing, found, within);
    return found;
  }
  if (typeof root !== 'object' || root === null) return found;
  const node = root as Node;
  if (isA(node, types)) found.push({ node, within });
  const next = isA(node, enclosing) ? node : within;
  for (const [key, value] of Object.entries(node)) if (key !== '@context') collect(value, types, enclosing, found, next);
  return found;
}

/** The offer's id in the hub: our own export's id comes back unchanged; any other id is made safe for the catalogue. */
function offerId(specification: Node, index: number): string | null {
  const id = typeof specification.id === 'string' ? specification.id : null;
  if (!id) return null;
  if (id.startsWith(HUB_SPEC_PREFIX)) return id.slice(HUB_SPEC_PREFIX.length);
  const safe = id.replace(/^[a-z]+:\/\//i, '').replace(/[^A-Za-z0-9._:-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return safe.length > 0 ? `elm:${safe}`.slice(0, 200) : `elm:specification-${index + 1}`;
}

/**
 * Reads the micro-credential offers an ELM v3 JSON-LD document describes: a bare LearningAchievementSpecification
 * or Qualification (what `microCredential { elm }` exports), or a European Digital Credential, whose claims name
 * the specification, the awarding body and the assessment. Only what the document states is filled in.
 */
export function fromElmDocument(document: unknown): ElmReading {
  const root = typeof document === 'object' && document !== null && 'credential' in document ? (document as Node).credential : document;
  const reading: ElmReading = { microCredentials: [], statedSkills: [], notRead: [] };
  const seen = new Set<Node>();
  collect(root, SPECIFICATION_TYPES, ['LearningAchievement']).forEach(({ node: specification, within: claim }, index) => {
    if (seen.has(specification)) return;
    seen.add(specification);
    const notRead = Object.keys(specification).filter((key) => !READ_PROPERTIES.has(key));
    const input = readSpecification(specification, claim, notRead);
    input.id = offerId(specification, index);
    reading.microCredentials.push(input);
    if (notRead.length > 0) {
      reading.notRead.push(`ELM ${typesOf(specification).join('/')} '${typeof specification.id === 'string' ? specification.id : index + 1}': not read: ${notRead.join(', ')}`);
    }
    for (const outcome of asList(specification.learningOutcome)) {
      const text = literal(outcome.title);
      if (!input.id || !text) continue;
      for (const skill of asList(outcome.relatedESCOSkill)) {
        if (typeof skill.id === 'string') reading.statedSkills.push({ credentialId: input.id, outcome: text, skillUri: skill.id });
      }
    }
  });
  return reading;
}

const COUNTRY_BY_URI = new Map<string, string>(Object.entries(COUNTRIES).map(([iso, [code]]) => [`${COUNTRY_AUTHORITY}/${code}`, iso]));
const LANGUAGE_BY_URI = new Map<string, string>(Object.entries(LANGUAGE_AUTHORITY).map(([iso, [code]]) => [`${LANGUAGE_AUTHORITY_URI}/${code}`, iso]));
const PARTICIPATION_FORM_BY_URI = new Map<string, string>(Object.entries(MODES).map(([form, concept]) => [concept.id, form]));
const SUPERVISION_BY_URI = new Map<string, string>(Object.entries(SUPERVISION).map(([value, uri]) => [uri, value]));

/** The offer's elements, as catalogue input (absent ones left out); concepts outside the mapped vocabularies go to `notRead`. */
function readSpecification(specification: Node, claim: Node | null, notRead: string[]): MicroCredentialInput {
  const fromVocabulary = (uri: string | null, vocabulary: Map<string, string>, element: string): string | null => {
    if (uri === null) return null;
    const value = vocabulary.get(uri);
    if (value === undefined) notRead.push(`${element} ${uri}`);
    return value ?? null;
  };

  // Awarding bodies: from the specification's awarding opportunities, and in a credential from the claim's awarding process.
  const opportunities = asList(specification.awardingOpportunity);
  const organisations = [...opportunities.flatMap((opportunity) => asList(opportunity.awardingBody)), ...asList(claim?.awardedBy).flatMap((process) => asList(process.awardingBody))];
  const awardingBodies = new Set(organisations.map((organisation) => literal(organisation.legalName) ?? literal(organisation.prefLabel) ?? literal(organisation.altLabel)));
  // Issuer countries: where the offer is awarded, else (in a credential) where its awarding body is.
  const awardedAt = opportunities.flatMap((opportunity) => asList(opportunity.location));
  const locations = awardedAt.length > 0 ? awardedAt : organisations.flatMap((organisation) => asList(organisation.location));
  const countries = new Set(locations.map((location) => fromVocabulary(conceptId(asList(location.address)[0]?.countryCode), COUNTRY_BY_URI, 'country')));

  // In a credential, the claim's assessments say how it was assessed and supervised.
  const assessments = claim ? collect(claim, ['LearningAssessment'], []).map(({ node }) => node) : [];
  const assessmentTitles = assessments.map((assessment) => literal(asList(assessment.specifiedBy)[0]?.title) ?? literal(assessment.title));
  const supervisionUri = assessments.map((assessment) => conceptId(assessment.idVerification)).find((uri) => uri !== null) ?? null;

  const ects = asList(specification.creditPoint).find((point) => conceptId(point.framework) === ECTS_FRAMEWORK.id);
  const hours = typeof specification.volumeOfLearning === 'string' ? /^PT(\d+(?:\.\d+)?)H$/.exec(specification.volumeOfLearning)?.[1] : undefined;
  const eqfLevel = conceptId(specification.eqfLevel)?.match(/\/eqf\/(\d)$/)?.[1];
  const entryRequirements = asList(specification.entryRequirement).map(literal);
  const present = <T>(values: Iterable<T | null>): T[] => [...values].filter((value): value is T => value !== null);

  const input: MicroCredentialInput = {
    title: literal(specification.title),
    description: literal(specification.description),
    awardingBodies: present(awardingBodies),
    issuerCountries: present(countries),
    learningOutcomes: present(asList(specification.learningOutcome).map((outcome) => literal(outcome.title))),
    eqfLevel: eqfLevel ? Number(eqfLevel) : null,
    workloadValue: ects ? Number(ects.point) : hours ? Number(hours) : null,
    workloadUnit: ects ? 'ECTS' : hours ? 'HOURS' : null,
    participationForm: fromVocabulary(conceptId(specification.mode), PARTICIPATION_FORM_BY_URI, 'mode'),
    languages: present(asList(specification.language).map((concept) => fromVocabulary(conceptId(concept), LANGUAGE_BY_URI, 'language'))),
    prerequisites: present(entryRequirements),
    assessmentType: present(assessmentTitles).join('; ') || null,
    supervision: fromVocabulary(supervisionUri, SUPERVISION_BY_URI, 'idVerification'),
    sourceName: 'European Learning Model (ELM v3) document',
    sourceReference: typeof specification.id === 'string' ? specification.id : null,
  };
  // Absent stays absent (not specified); awardingBodies stays even when empty, so validation names it.
  for (const key of Object.keys(input) as Array<keyof MicroCredentialInput>) {
    const value = input[key];
    if (value === null || (Array.isArray(value) && value.length === 0 && key !== 'awardingBodies')) delete input[key];
  }
  return input;
}
