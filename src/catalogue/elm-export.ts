import {
  COUNTRIES,
  COUNTRY_AUTHORITY,
  ECTS_FRAMEWORK,
  ELM_CONTEXT,
  EQF_SCHEME,
  ESCO_SKILLS_SCHEME,
  LANGUAGE_AUTHORITY,
  LANGUAGE_AUTHORITY_URI,
  LEARNING_MODE_SCHEME,
  MODES,
} from './elm-vocabularies.js';
import { isoCountryOfNuts } from '../regions.js';
import type { MicroCredential, SUPERVISION_VALUES } from './model.js';

/**
 * A micro-credential offer as an ELM v3 JSON-LD document, modelled as the Commission's sample micro-credential
 * models its qualification (Sample-MC-Annex1, in ../shared/data/elm-v3/samples), so that it conforms to the
 * EDC-generic-full shapes on its own and when placed in a credential's claim (`withoutContext`). Pure.
 *
 * Each Annex I element the offer holds, and where it goes:
 *   title, description                  → title, description
 *   EQF level                           → eqfLevel, on a Qualification (ELM defines it there); an offer without
 *                                         one is a LearningAchievementSpecification
 *   workload                            → creditPoint (ECTS, stated or converted) and volumeOfLearning (an
 *                                         xsd:duration: 97.5 h is PT97H30M)
 *   learning outcomes                   → learningOutcome, each with its curator-confirmed ESCO skills (relatedESCOSkill)
 *   awarding bodies, issuer country     → awardingOpportunity.awardingBody, each Organisation located (as ELM
 *   and region                            requires) where it is established when the offer says so (awardingBodyCountries),
 *                                         else in the issuer countries; each issuer country an awarding opportunity's
 *                                         location, its regions as the location's geographicName
 *   participation form                  → mode (online, blended, presential)
 *   languages                           → language (EU language authority table)
 *   prerequisites                       → entryRequirement (one Note, one line per prerequisite; "None" when the offer states none)
 *   type of assessment                  → provenBy, a LearningAssessmentSpecification with that title
 *   supervision and identity check, quality assurance, national level, stackability, further information
 *                                       → additionalNote, one Note each, its text led by the element's name:
 *                                         ELM has no property for them on a specification that conforms
 *                                         without concepts we cannot confirm offline (an Accreditation needs
 *                                         its accrediting agent; an NQF level the QDR concept)
 * `unmapped` lists, with the reason, every element the offer holds that the document does not carry.
 */

export interface ElmOutcome {
  id: string;
  text: string;
  stated: boolean;
  /** Only links a curator accepted or added: an export publishes confirmed claims, not suggestions. */
  confirmedSkills: Array<{ uri: string; preferredLabel: string }>;
}

export interface ElmExport {
  /** The JSON-LD document: its @context first, then the offer's Qualification or LearningAchievementSpecification. */
  specification: Record<string, unknown>;
  unmapped: string[];
}

export const HUB_SPEC_PREFIX = 'urn:skills-hub:learningAchievementSpecification:';

/** What a note of the export leads with, per element (the reader takes each note back by it). */
export const NOTE_LEADS = {
  supervision: 'Supervision and identity verification',
  qualityAssurance: 'Quality assurance',
  nationalLevel: 'National qualification level',
  stackability: 'Stackability',
  furtherInformation: 'Further information',
  workloadConversion: 'ECTS credit points converted',
} as const;

const text = (value: string) => ({ en: value });

/** The entry requirement of an offer that states it has none. */
export const NO_PREREQUISITES = 'None';

/** Hours as an xsd:duration: whole hours, minutes, and seconds only when needed (PT97H30M, not PT97.5H). */
export function hoursAsDuration(hours: number): string {
  const totalSeconds = Math.round(hours * 3600);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return `PT${h}H${m > 0 ? `${m}M` : ''}${s > 0 ? `${s}S` : ''}`;
}

export function toElmSpecification(credential: MicroCredential, outcomes: ElmOutcome[]): ElmExport {
  const unmapped: string[] = [];
  const id = credential.id;
  const spec: Record<string, unknown> = {
    '@context': ELM_CONTEXT,
    id: `${HUB_SPEC_PREFIX}${id}`,
    type: credential.eqfLevel !== null ? 'Qualification' : 'LearningAchievementSpecification',
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
    spec.eqfLevel = {
      id: `http://data.europa.eu/snb/eqf/${credential.eqfLevel}`,
      type: 'Concept',
      inScheme: EQF_SCHEME,
      prefLabel: text(`Level ${credential.eqfLevel}`),
    };
  }

  if (credential.workloadEcts !== null) {
    spec.creditPoint = {
      id: `urn:skills-hub:creditPoint:${id}`,
      type: 'CreditPoint',
      framework: ECTS_FRAMEWORK,
      point: String(credential.workloadEcts),
    };
  }
  if (credential.workloadHours !== null) spec.volumeOfLearning = hoursAsDuration(credential.workloadHours);

  if (credential.participationForm !== null) {
    const mode = MODES[credential.participationForm];
    if (mode) spec.mode = { id: mode.id, type: 'Concept', inScheme: LEARNING_MODE_SCHEME, prefLabel: text(mode.label) };
    else
      unmapped.push(
        `participationForm ${credential.participationForm}: the mode-of-learning scheme has no concept for it`,
      );
  }

  const languages = (credential.languages ?? []).flatMap((code) => {
    const entry = LANGUAGE_AUTHORITY[code];
    if (!entry) unmapped.push(`language ${code}: not an official EU language in the authority table used here`);
    return entry ? [authorityConcept(LANGUAGE_AUTHORITY_URI, entry, 'language')] : [];
  });
  if (languages.length > 0) spec.language = languages;

  // An empty list is a statement (no prerequisites), unlike an absent one (not specified).
  if (credential.prerequisites) {
    spec.entryRequirement = {
      id: `urn:skills-hub:note:entryRequirement:${id}`,
      type: 'Note',
      noteLiteral: text(credential.prerequisites.length > 0 ? credential.prerequisites.join('\n') : NO_PREREQUISITES),
    };
  }

  if (credential.assessmentType) {
    spec.provenBy = {
      id: `urn:skills-hub:learningAssessmentSpecification:${id}`,
      type: 'LearningAssessmentSpecification',
      title: text(credential.assessmentType),
    };
  }

  // Where the offer is issued: one Location per issuer country, its regions (NUTS) as geographic names.
  const locations = (credential.issuerCountries ?? []).flatMap((code) => {
    const location = countryLocation(`${id}:${code}`, code, 'issuerCountries', unmapped);
    if (!location) return [];
    const regions = (credential.issuerRegions ?? []).filter((region) => isoCountryOfNuts(region) === code);
    return [
      regions.length > 0
        ? {
            ...location,
            geographicName: {
              en: regions.length === 1 ? `NUTS ${regions[0]}` : regions.map((region) => `NUTS ${region}`),
            },
          }
        : location,
    ];
  });
  const exportedCountries = (credential.issuerCountries ?? []).filter((code) => COUNTRIES[code]);
  for (const region of credential.issuerRegions ?? []) {
    if (!exportedCountries.includes(isoCountryOfNuts(region)))
      unmapped.push(`issuerRegions ${region}: not within an exported issuer country`);
  }
  // Where the awarding bodies are: where they are established when the offer says so (an international body
  // awarding in many countries), else where the offer is issued.
  const bodyLocations = credential.awardingBodyCountries
    ? credential.awardingBodyCountries.flatMap(
        (code) => countryLocation(`${id}:body:${code}`, code, 'awardingBodyCountries', unmapped) ?? [],
      )
    : locations;
  if (bodyLocations.length === 0 && credential.awardingBodies.length > 0) {
    unmapped.push(
      'awarding body location: the offer names no EU or EEA country where its awarding bodies are established or where it is issued, and ELM requires each awarding body to have a location',
    );
  }
  const awardingBodies = credential.awardingBodies.map((name, index) => ({
    id: `urn:skills-hub:organisation:${id}:${index + 1}`,
    type: 'Organisation',
    legalName: text(name),
    ...(bodyLocations.length > 0 ? { location: bodyLocations } : {}),
  }));
  // One awarding opportunity per issuer country (an opportunity has at most one location), or one without.
  spec.awardingOpportunity = (locations.length > 0 ? locations : [null]).map((location, index) => ({
    id: `urn:skills-hub:awardingOpportunity:${id}:${index + 1}`,
    type: 'AwardingOpportunity',
    awardingBody: awardingBodies,
    ...(location ? { location } : {}),
  }));

  const notes: Array<[lead: string, value: string | null]> = [
    [
      NOTE_LEADS.supervision,
      credential.supervision
        ? (SUPERVISION_TEXT[credential.supervision as keyof typeof SUPERVISION_TEXT] ?? credential.supervision)
        : null,
    ],
    [NOTE_LEADS.qualityAssurance, credential.qualityAssurance],
    [NOTE_LEADS.nationalLevel, nationalLevelText(credential)],
    [NOTE_LEADS.stackability, stackabilityText(credential)],
    [NOTE_LEADS.furtherInformation, credential.furtherInformation],
    [
      NOTE_LEADS.workloadConversion,
      credential.workloadEcts !== null && credential.workloadUnit !== 'ECTS' ? credential.workloadConversion : null,
    ],
  ];
  const additionalNotes = notes.flatMap(([lead, value], index) =>
    value
      ? [{ id: `urn:skills-hub:note:${id}:${index + 1}`, type: 'Note', noteLiteral: text(`${lead}: ${value}`) }]
      : [],
  );
  if (additionalNotes.length > 0) spec.additionalNote = additionalNotes;

  return { specification: spec, unmapped };
}

/** The document without its @context, to place inside a credential that has one (as the sample's claim holds its qualification). */
export function withoutContext(specification: Record<string, unknown>): Record<string, unknown> {
  const { '@context': _context, ...rest } = specification;
  return rest;
}

/** The four values of Annex I, in its words. */
export const SUPERVISION_TEXT: Record<(typeof SUPERVISION_VALUES)[number], string> = {
  UNSUPERVISED_NO_IDENTITY_VERIFICATION: 'unsupervised with no identity verification',
  SUPERVISED_NO_IDENTITY_VERIFICATION: 'supervised with no identity verification',
  SUPERVISED_ONLINE: 'supervised online or onsite with identity verification (online)',
  ONSITE_WITH_IDENTITY_VERIFICATION: 'supervised onsite with identity verification',
};

function nationalLevelText(credential: MicroCredential): string | null {
  if (credential.nationalLevel !== null)
    return `${credential.nationalFramework ?? 'national framework'} level ${credential.nationalLevel}`;
  return credential.nationalFramework !== null ? `${credential.nationalFramework} (level not stated)` : null;
}

function stackabilityText(credential: MicroCredential): string | null {
  if (credential.stackability === null) return null;
  const into =
    credential.stacksInto && credential.stacksInto.length > 0 ? ` into ${credential.stacksInto.join('\n')}` : '';
  return credential.stackability === 'STACKABLE'
    ? `stackable${into}`
    : credential.stackability === 'STANDALONE'
      ? 'stand-alone'
      : `${credential.stackability.toLowerCase()}${into}`;
}

/** A Location in one country of the authority table, or null (and the reason in `unmapped`) for a country outside it. */
function countryLocation(key: string, code: string, element: string, unmapped: string[]) {
  const entry = COUNTRIES[code];
  if (!entry) {
    unmapped.push(`${element} ${code}: not an EU or EEA country in the authority table used here`);
    return null;
  }
  return {
    id: `urn:skills-hub:location:${key}`,
    type: 'Location',
    address: {
      id: `urn:skills-hub:address:${key}`,
      type: 'Address',
      countryCode: authorityConcept(COUNTRY_AUTHORITY, entry, 'country'),
    },
  };
}

/** A concept of an EU authority table (country, language), as the Commission's sample writes one. */
function authorityConcept(authority: string, [code, label]: [string, string], notation: string) {
  return {
    id: `${authority}/${code}`,
    type: 'Concept',
    inScheme: { id: authority, type: 'ConceptScheme' },
    notation,
    prefLabel: text(label),
  };
}
