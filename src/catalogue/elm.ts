import { HUB_SPEC_PREFIX, NO_PREREQUISITES, NOTE_LEADS, SUPERVISION_TEXT } from './elm-export.js';
import {
  COUNTRIES,
  COUNTRY_AUTHORITY,
  ECTS_FRAMEWORK,
  LANGUAGE_AUTHORITY,
  LANGUAGE_AUTHORITY_URI,
  MODES,
  SUPERVISION,
} from './elm-vocabularies.js';
import type { MicroCredentialInput } from './model.js';
import { round } from '../numbers.js';

/**
 * Micro-credential offers read from European Learning Model (ELM v3) documents: a bare specification (what
 * `microCredential { elm }` exports, see elm-export.ts) or a European Digital Credential such as the
 * Commission's sample (Sample-MC-Annex1 in ../shared/data/elm-v3/samples). Pure.
 *
 * Read: title, description, awarding bodies and issuer countries (awarding opportunities, or in a credential
 * the awarding process), EQF level, ECTS credit points, volume of learning, learning outcomes with their ESCO
 * skills, mode, languages, entry requirements and, in a credential, the assessment's title and the supervision
 * concept the sample shows. What a document holds that is not read is listed per offer (`notRead`).
 */

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
  '@context',
  'id',
  'type',
  'title',
  'description',
  'learningOutcome',
  'eqfLevel',
  'creditPoint',
  'volumeOfLearning',
  'mode',
  'language',
  'entryRequirement',
  'awardingOpportunity',
  'additionalNote',
  'provenBy',
  'nqfLevel',
]);

const asList = (value: unknown): Node[] =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).filter(
    (item): item is Node => typeof item === 'object' && item !== null,
  );
const typesOf = (node: Node): string[] =>
  (Array.isArray(node.type) ? node.type : [node.type]).filter((type): type is string => typeof type === 'string');
const isA = (node: Node, types: string[]) => typesOf(node).some((type) => types.includes(type));

/** Every text of a language map, English first ({ en: ["a", "b"] } gives both). */
function literals(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  const languages = value as Record<string, unknown>;
  return [
    languages.en,
    ...Object.entries(languages)
      .filter(([language]) => language !== 'en')
      .map(([, text]) => text),
  ].flatMap((text) =>
    typeof text === 'string'
      ? [text]
      : Array.isArray(text)
        ? text.filter((t): t is string => typeof t === 'string')
        : [],
  );
}

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
function collect(
  root: unknown,
  types: string[],
  enclosing: string[],
  found: Array<{ node: Node; within: Node | null }> = [],
  within: Node | null = null,
) {
  if (Array.isArray(root)) {
    for (const item of root) collect(item, types, enclosing, found, within);
    return found;
  }
  if (typeof root !== 'object' || root === null) return found;
  const node = root as Node;
  if (isA(node, types)) found.push({ node, within });
  const next = isA(node, enclosing) ? node : within;
  for (const [key, value] of Object.entries(node))
    if (key !== '@context') collect(value, types, enclosing, found, next);
  return found;
}

/** The offer's id in the hub: our own export's id comes back unchanged; any other id is made safe for the catalogue. */
function offerId(specification: Node, index: number): string | null {
  const id = typeof specification.id === 'string' ? specification.id : null;
  if (!id) return null;
  if (id.startsWith(HUB_SPEC_PREFIX)) return id.slice(HUB_SPEC_PREFIX.length);
  const safe = id
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/[^A-Za-z0-9._:-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '');
  return safe.length > 0 ? `elm:${safe}`.slice(0, 200) : `elm:specification-${index + 1}`;
}

/**
 * Reads the micro-credential offers an ELM v3 JSON-LD document describes: a bare LearningAchievementSpecification
 * or Qualification (what `microCredential { elm }` exports), or a European Digital Credential, whose claims name
 * the specification, the awarding body and the assessment. Only what the document states is filled in.
 */
export function fromElmDocument(document: unknown): ElmReading {
  const root =
    typeof document === 'object' && document !== null && 'credential' in document
      ? (document as Node).credential
      : document;
  const reading: ElmReading = { microCredentials: [], statedSkills: [], notRead: [] };
  const seen = new Set<Node>();
  collect(root, SPECIFICATION_TYPES, ['LearningAchievement']).forEach(
    ({ node: specification, within: claim }, index) => {
      if (seen.has(specification)) return;
      seen.add(specification);
      const notRead = Object.keys(specification).filter((key) => !READ_PROPERTIES.has(key));
      const input = readSpecification(specification, claim, notRead);
      input.id = offerId(specification, index);
      // The hub's own export names no outside source: the offer keeps the source the catalogue records for it.
      if (typeof specification.id === 'string' && specification.id.startsWith(HUB_SPEC_PREFIX)) {
        delete input.sourceName;
        delete input.sourceReference;
      }
      reading.microCredentials.push(input);
      if (notRead.length > 0) {
        reading.notRead.push(
          `ELM ${typesOf(specification).join('/')} '${typeof specification.id === 'string' ? specification.id : index + 1}': not read: ${notRead.join(', ')}`,
        );
      }
      for (const outcome of asList(specification.learningOutcome)) {
        const text = literal(outcome.title);
        if (!input.id || !text) continue;
        for (const skill of asList(outcome.relatedESCOSkill)) {
          if (typeof skill.id === 'string')
            reading.statedSkills.push({ credentialId: input.id, outcome: text, skillUri: skill.id });
        }
      }
    },
  );
  return reading;
}

const COUNTRY_BY_URI = new Map<string, string>(
  Object.entries(COUNTRIES).map(([iso, [code]]) => [`${COUNTRY_AUTHORITY}/${code}`, iso]),
);
const LANGUAGE_BY_URI = new Map<string, string>(
  Object.entries(LANGUAGE_AUTHORITY).map(([iso, [code]]) => [`${LANGUAGE_AUTHORITY_URI}/${code}`, iso]),
);
const PARTICIPATION_FORM_BY_URI = new Map<string, string>(
  Object.entries(MODES).map(([form, concept]) => [concept.id, form]),
);
const SUPERVISION_BY_TEXT = new Map<string, string>(
  Object.entries(SUPERVISION_TEXT).map(([value, text]) => [text, value]),
);
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
  const specifiedBodies = opportunities.flatMap((opportunity) => asList(opportunity.awardingBody));
  const claimBodies = asList(claim?.awardedBy).flatMap((process) => asList(process.awardingBody));
  const awardingBodies = new Set(
    [...specifiedBodies, ...claimBodies].map(
      (organisation) =>
        literal(organisation.legalName) ?? literal(organisation.prefLabel) ?? literal(organisation.altLabel),
    ),
  );
  const countryOf = (location: Node) =>
    fromVocabulary(conceptId(asList(location.address)[0]?.countryCode), COUNTRY_BY_URI, 'country');
  // Issuer countries: where the offer is awarded, else (in a credential) where its awarding body is.
  const awardedAt = opportunities.flatMap((opportunity) => asList(opportunity.location));
  const locations =
    awardedAt.length > 0 ? awardedAt : claimBodies.flatMap((organisation) => asList(organisation.location));
  const countries = new Set(locations.map(countryOf));
  // Where the specification's awarding bodies are established: kept only when that is not where the offer is issued.
  const bodyCountries = new Set(
    specifiedBodies.flatMap((organisation) => asList(organisation.location)).map(countryOf),
  );
  const bodiesWhereIssued =
    bodyCountries.size === countries.size && [...bodyCountries].every((country) => countries.has(country));

  // In a credential, the claim's assessments say how it was assessed and supervised.
  const assessments = claim ? collect(claim, ['LearningAssessment'], []).map(({ node }) => node) : [];
  const assessmentTitles = assessments.map(
    (assessment) => literal(asList(assessment.specifiedBy)[0]?.title) ?? literal(assessment.title),
  );
  const supervisionUri =
    assessments.map((assessment) => conceptId(assessment.idVerification)).find((uri) => uri !== null) ?? null;

  const hours =
    typeof specification.volumeOfLearning === 'string' ? durationHours(specification.volumeOfLearning) : null;
  // Credit points the document itself says were converted from hours are not the stated workload.
  const converted =
    hours !== null &&
    asList(specification.additionalNote).some((note) => literal(note)?.startsWith(`${NOTE_LEADS.workloadConversion}:`));
  const ects = converted
    ? undefined
    : asList(specification.creditPoint).find((point) => conceptId(point.framework) === ECTS_FRAMEWORK.id);
  const eqfLevel = conceptId(specification.eqfLevel)?.match(/\/eqf\/(\d)$/)?.[1];
  // One prerequisite a line (ELM allows one entry-requirement note).
  const entryRequirements = asList(specification.entryRequirement)
    .flatMap((note) => (literal(note) ?? '').split('\n'))
    .map((line) => line.trim() || null);
  const noPrerequisites =
    entryRequirements.length === 1 && entryRequirements[0]?.toLowerCase() === NO_PREREQUISITES.toLowerCase();
  // Issuer regions: the NUTS codes our exports write as a location's geographic name.
  const regions = new Set(
    locations
      .flatMap((location) => literals(location.geographicName))
      .map((name) => /^NUTS ([A-Z]{2}[0-9A-Z]{0,3})$/.exec(name)?.[1] ?? null),
  );
  // Annex I elements ELM has no specification property for, as our exports write them: a note each, led by the element's name.
  const notes = asList(specification.additionalNote)
    .map((note) => literal(note))
    .filter((note): note is string => note !== null);
  const noteOf = (lead: string) => notes.find((note) => note.startsWith(`${lead}: `))?.slice(lead.length + 2) ?? null;
  for (const note of notes)
    if (!Object.values(NOTE_LEADS).some((lead) => note.startsWith(`${lead}: `)))
      notRead.push(`additionalNote "${note.slice(0, 60)}"`);
  const supervisionNote = noteOf(NOTE_LEADS.supervision);
  const nationalLevel = /^(.*?)(?: level (\S+)| \(level not stated\))$/.exec(noteOf(NOTE_LEADS.nationalLevel) ?? '');
  // A national level as the sample states it: a QDR concept whose label names framework and level ("RQF Level 6").
  const nqfLabel =
    asList(specification.nqfLevel)
      .map((concept) => literal(concept.prefLabel))
      .find((label) => label !== null) ?? null;
  const nqfLevel = /^(.+?) level (\S+)$/i.exec(nqfLabel ?? '');
  if (asList(specification.nqfLevel).length > 0 && !nqfLevel)
    notRead.push(
      `nqfLevel ${conceptId(specification.nqfLevel) ?? ''} ("${nqfLabel ?? ''}": no framework and level in its label)`,
    );
  const stackable = /^stackable(?: into (.+))?$/s.exec(noteOf(NOTE_LEADS.stackability) ?? '');
  const present = <T>(values: Iterable<T | null>): T[] => [...values].filter((value): value is T => value !== null);

  const input: MicroCredentialInput = {
    title: literal(specification.title),
    description: literal(specification.description),
    awardingBodies: present(awardingBodies),
    awardingBodyCountries: bodiesWhereIssued ? [] : present(bodyCountries),
    issuerCountries: present(countries),
    learningOutcomes: present(asList(specification.learningOutcome).map((outcome) => literal(outcome.title))),
    eqfLevel: eqfLevel ? Number(eqfLevel) : null,
    workloadValue: ects ? Number(ects.point) : hours,
    workloadUnit: ects ? 'ECTS' : hours !== null ? 'HOURS' : null,
    participationForm: fromVocabulary(conceptId(specification.mode), PARTICIPATION_FORM_BY_URI, 'mode'),
    languages: present(
      asList(specification.language).map((concept) => fromVocabulary(conceptId(concept), LANGUAGE_BY_URI, 'language')),
    ),
    prerequisites: noPrerequisites ? [] : present(entryRequirements),
    assessmentType:
      present(assessmentTitles).join('; ') ||
      present(asList(specification.provenBy).map((spec) => literal(spec.title))).join('; ') ||
      null,
    supervision:
      fromVocabulary(supervisionUri, SUPERVISION_BY_URI, 'idVerification') ??
      (supervisionNote ? (SUPERVISION_BY_TEXT.get(supervisionNote) ?? null) : null),
    issuerRegions: present(regions),
    qualityAssurance: noteOf(NOTE_LEADS.qualityAssurance),
    furtherInformation: noteOf(NOTE_LEADS.furtherInformation),
    nationalFramework: nationalLevel?.[1] ?? nqfLevel?.[1] ?? null,
    nationalLevel: nationalLevel?.[2] ?? nqfLevel?.[2] ?? null,
    stackability: stackable ? 'STACKABLE' : noteOf(NOTE_LEADS.stackability) === 'stand-alone' ? 'STANDALONE' : null,
    stacksInto: stackable?.[1]?.split('\n') ?? null,
    sourceName: 'European Learning Model (ELM v3) document',
    sourceReference: typeof specification.id === 'string' ? specification.id : null,
  };
  // Absent stays absent (not specified); awardingBodies stays even when empty, so validation names it.
  for (const key of Object.keys(input) as Array<keyof MicroCredentialInput>) {
    const value = input[key];
    if (
      value === null ||
      (Array.isArray(value) &&
        value.length === 0 &&
        key !== 'awardingBodies' &&
        !(key === 'prerequisites' && noPrerequisites))
    )
      delete input[key];
  }
  return input;
}

/** Hours of an xsd:duration of hours, minutes and seconds (PT97H30M → 97.5; the sample's PT60H → 60); null for any other form. */
export function durationHours(duration: string): number | null {
  const parts = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(duration);
  if (!parts || duration === 'PT') return null;
  const [, h, m, s] = parts;
  return round(Number(h ?? 0) + Number(m ?? 0) / 60 + Number(s ?? 0) / 3600, 4);
}
