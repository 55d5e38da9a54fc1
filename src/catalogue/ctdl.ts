import { ImportError } from '../errors.js';
import { durationHours } from './elm.js';
import type { MicroCredentialInput, ProviderInput, QualificationInput } from './model.js';
import {
  CTDL_SOURCE,
  KINDS,
  OWNERS,
  PLACES,
  QA,
  CTDL_MAPPED,
  CONDITION_READ,
  WHY,
  PROVIDER_TYPES,
  PARTICIPATION_FORM,
  COUNTRY_BY_NAME,
  COUNTRY_BY_GEONAMES,
  LANGUAGE_BY_NAME,
  RETIRED,
  type Kind,
} from './ctdl-vocabulary.js';

/**
 * Records of the US Credential Engine Registry in CTDL (Credential Transparency Description Language) JSON-LD, as the
 * registry stores them (one record a document, or an "@graph" of them; compact "ceterms:" keys), read as catalogue
 * input. Pure. The registry's older documentation draft (schema:name, schema:description, schema:url, ceterms:owner)
 * is read as the ceterms properties it stands for. A reference to another record resolves within the batch, by
 * ceterms:ctid or @id. The mapping:
 *
 *   ceterms:CredentialOrganization, ceterms:QACredentialOrganization → provider
 *     ctid → id · name → name · subjectWebpage → website · address addressCountry → country · agentType → type
 *     (four-year, two-year, postsecondary → HIGHER_EDUCATION; technical, vocational, job training → VET;
 *     government → PUBLIC_AUTHORITY; business → PRIVATE; any other or none → OTHER)
 *   degrees, diplomas, doctorates (ceterms:*Degree, *Diploma, *Doctorate, GeneralEducationDevelopment) → qualification
 *     ctid → id · name → title · description · the class → qualificationType · ownedBy (else owner, offeredBy) →
 *     awardingBody · jurisdiction, availableAt, else the awarding body's address → country · credentialStatusType →
 *     status (as below) · @id (else subjectWebpage) → sourceReference
 *   other credential classes (certificates, certifications, badges, licences, micro-credentials) and learning
 *   opportunities (ceterms:LearningOpportunityProfile, LearningOpportunity, Course, LearningProgram) → micro-credential
 *     ctid → id · name → title · description · ownedBy (else owner, offeredBy) → awardingBodies, and the first of
 *     them that is an organization record of the batch → providerId · jurisdiction (a GeoNames country) and
 *     availableAt, else the awarding bodies' addresses → issuerCountries · requires: its targetCompetency names, the
 *     competencies its targetAssessment assesses, and teaches → learningOutcomes; its experience, description and
 *     condition texts → prerequisites; its assessment's name → assessmentType · estimatedDuration in hours → workload
 *     in HOURS, any other → durationText · deliveryType → participationForm · inLanguage → languages · accreditedBy,
 *     approvedBy, recognizedBy, regulatedBy, processStandardsDescription → qualityAssurance · credentialStatusType →
 *     status (RETIRED when deprecated or ceased, else PUBLISHED) · subjectWebpage → furtherInformation · @id →
 *     sourceReference · sourceName "Credential Engine Registry (CTDL)"
 *   ceterms:AssessmentProfile → no record (an assessment is not an offer); one a credential requires gives its assessmentType
 *   any other type (e.g. ceterms:Agent) → a note
 * Never set: eqfLevel (a US credential has no EQF level), sectors (NAICS is not NACE), targetOccupations (O*NET and SOC
 * codes are not ESCO occupations). Every property not mapped is named in `notes`, a sentence each, with the reason (WHY).
 */

type Node = Record<string, unknown>;

export interface CtdlReading {
  providers: ProviderInput[];
  qualifications: QualificationInput[];
  microCredentials: MicroCredentialInput[];
  /** per kind, how to name record n in messages, e.g. "credential-3_import.json ceterms:Certificate 'ce-…'" */
  recordNames: { providers: string[]; qualifications: string[]; microCredentials: string[] };
  /** What the reader saw but could not map, one sentence each, naming the record, the CTDL property and why. */
  notes: string[];
}

/** One record of the batch: `label` is "<type> '<ctid>'", `name` the same led by its file. */
interface Entry {
  file: string;
  node: Node;
  type: string;
  kind: Kind;
  label: string;
  name: string;
}

interface Batch {
  find: (reference: unknown) => Entry | undefined;
  note: (record: Entry, sentence: string) => void;
  /** Assessment records of the batch that a credential requires, with the credentials requiring them. */
  requiredBy: Map<Entry, string[]>;
}

const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const nodes = (value: unknown): Node[] => asList(value).filter(isNode);
const unique = <T>(values: Array<T | null>): T[] => [...new Set(values)].filter((value): value is T => value !== null);

/** A text, or a language map ({ "en-us": "…" }): the English value, else the first; the registry's "*** … MISSING ***" placeholders are no text. */
function text(value: unknown): string | null {
  const [first] = asList(value);
  const entries = isNode(first) ? Object.entries(first).filter(([, v]) => typeof v === 'string') : [];
  const chosen =
    typeof first === 'string' ? first : (entries.find(([language]) => /^en\b/i.test(language)) ?? entries[0])?.[1];
  const trimmed = typeof chosen === 'string' ? chosen.trim() : '';
  return trimmed === '' || /^\*{3}.*\*{3}$/.test(trimmed) ? null : trimmed;
}
const texts = (value: unknown) => unique(asList(value).map(text));
const nameOf = (node: Node) => text(node['ceterms:name']) ?? text(node['schema:name']);

/** Concepts (a CredentialAlignmentObject's targetNode such as "orgType:FourYear", or a bare term) as lower-case keys: "fouryear". */
function conceptKeys(value: unknown): string[] {
  return asList(value).flatMap((item) => {
    const target = isNode(item) ? (item['ceterms:targetNode'] ?? item['ceterms:targetNodeName']) : item;
    const term = isNode(target) ? target['@id'] : target;
    const key = typeof term === 'string' ? /([A-Za-z]+)$/.exec(term)?.[1] : undefined;
    return key ? [key.toLowerCase()] : [];
  });
}

/** The ways a record, or a reference to one, is named: its ctid, its @id, and the ctid that ends an @id. */
function referenceKeys(reference: unknown): string[] {
  const id = isNode(reference) ? reference['@id'] : reference;
  const ending = typeof id === 'string' ? id.split('/').pop() : undefined;
  const ctid = isNode(reference) ? reference['ceterms:ctid'] : undefined;
  const isCtid = typeof ending === 'string' && /^(ce-|urn:ctid:)?[0-9a-f]{8}-/i.test(ending);
  return unique([ctid, id, isCtid ? ending : null].map(text));
}

function recordsOf(file: string, body: unknown): Entry[] {
  const graph = nodes(isNode(body) && Array.isArray(body['@graph']) ? body['@graph'] : [body]);
  const typeOf = (node: Node) =>
    asList(node['@type']).find((t): t is string => typeof t === 'string' && t.startsWith('ceterms:'));
  if (!graph.some(typeOf))
    throw new ImportError('not CTDL: no record with a ceterms: "@type" (such as ceterms:Certification)', { file });
  return graph.map((node, index) => {
    const type = typeOf(node) ?? String(node['@type'] ?? 'untyped');
    const id = text(node['ceterms:ctid']) ?? text(node['@id']);
    const label = `${type}${id ? ` '${id}'` : ''}`;
    const name = `${file}${graph.length > 1 ? ` #${index + 1}` : ''} ${label}`;
    return { file, node, type, kind: KINDS.find(([pattern]) => pattern.test(type))?.[1] ?? 'other', label, name };
  });
}

/**
 * Reads a batch of CTDL documents (each file's parsed JSON) into providers, qualifications and micro-credentials.
 * Throws an ImportError for a document that is not CTDL, and for a record it maps that lacks its ctid or name.
 */
export function fromCtdlDocuments(documents: Array<{ name: string; body: unknown }>): CtdlReading {
  const records = documents.flatMap(({ name, body }) => recordsOf(name, body));
  const byKey = new Map<string, Entry>();
  for (const record of records)
    for (const key of referenceKeys(record.node)) if (!byKey.has(key)) byKey.set(key, record);
  const reading: CtdlReading = {
    providers: [],
    qualifications: [],
    microCredentials: [],
    recordNames: { providers: [], qualifications: [], microCredentials: [] },
    notes: [],
  };
  const batch: Batch = {
    find: (reference) =>
      referenceKeys(reference).reduce<Entry | undefined>((hit, key) => hit ?? byKey.get(key), undefined),
    note: (record, sentence) => reading.notes.push(`${record.name}: ${sentence}`),
    requiredBy: new Map(),
  };

  for (const record of records) {
    if (record.kind === 'assessment' || record.kind === 'other') continue;
    const required = (field: string, value: string | null): string => {
      if (value !== null) return value;
      throw new ImportError(`${record.label}: ${field} is required (a record must have its ctid and name)`, {
        file: record.file,
        column: field,
      });
    };
    const id = required('ceterms:ctid', text(record.node['ceterms:ctid']));
    const name = required('ceterms:name', nameOf(record.node));
    for (const property of Object.keys(record.node))
      if (!CTDL_MAPPED[record.kind].has(property))
        batch.note(record, `${property} not read (${WHY[property] ?? 'the catalogue has no field for it'}).`);
    if (record.kind === 'provider') reading.providers.push(readProvider(record, id, name, batch));
    else if (record.kind === 'qualification') reading.qualifications.push(readQualification(record, id, name, batch));
    else reading.microCredentials.push(readOffer(record, id, name, batch));
    reading.recordNames[`${record.kind}s`].push(record.name);
  }

  for (const record of records) {
    const properties = Object.keys(record.node).join(', ');
    const requiredBy = batch.requiredBy.get(record);
    if (record.kind === 'assessment' && requiredBy)
      batch.note(record, `read only as the assessmentType of ${requiredBy.join(', ')}: ${properties}.`);
    else if (record.kind === 'assessment')
      batch.note(record, `not imported (an assessment, required by no credential of the batch): ${properties}.`);
    else if (record.kind === 'other')
      batch.note(record, `not imported (${record.type} is not a type this reader maps): ${properties}.`);
  }
  return reading;
}

/** Leaves out what is absent (null or an empty list), except awardingBodies, so validation names it. */
function compact<T extends object>(input: T): T {
  for (const [key, value] of Object.entries(input))
    if (value === null || (Array.isArray(value) && value.length === 0 && key !== 'awardingBodies'))
      delete input[key as keyof T];
  return input;
}

function readProvider(record: Entry, id: string, name: string, batch: Batch): ProviderInput {
  const keys = conceptKeys(record.node['ceterms:agentType']);
  const type = keys.map((key) => PROVIDER_TYPES.find(([pattern]) => pattern.test(key))?.[1]).find(Boolean);
  if (!type) batch.note(record, `type OTHER (ceterms:agentType: ${keys.join(', ') || 'none'}).`);
  return compact({
    id,
    name,
    type: type ?? 'OTHER',
    country: unique(nodes(record.node['ceterms:address']).map(placeCountry))[0] ?? null,
    website: text(record.node['ceterms:subjectWebpage']) ?? text(record.node['schema:url']),
  });
}

/** What qualifications and offers read alike: description, awarding bodies, countries, status and source. */
function readCredential(record: Entry, batch: Batch) {
  const { node } = record;
  batch.note(record, 'eqfLevel not set (a US credential is not referenced to the EQF, and none is guessed).');
  const owners = awardingBodies(record, batch);
  const places = unique(PLACES.flatMap((property) => countries(record, property, batch)));
  return {
    description: text(node['ceterms:description']) ?? text(node['schema:description']),
    owners,
    issuerCountries: places.length > 0 ? places : owners.countries,
    status: conceptKeys(node['ceterms:credentialStatusType']).some((key) => RETIRED.includes(key))
      ? 'RETIRED'
      : 'PUBLISHED',
    sourceName: CTDL_SOURCE,
    sourceReference: text(node['@id']) ?? text(node['ceterms:subjectWebpage']) ?? text(node['schema:url']),
  };
}

function readQualification(record: Entry, id: string, title: string, batch: Batch): QualificationInput {
  const { owners, issuerCountries, ...read } = readCredential(record, batch);
  const qualificationType = record.type.slice('ceterms:'.length).replace(/(?<=[a-z])(?=[A-Z])/g, ' ');
  return compact({
    id,
    title,
    qualificationType: qualificationType.toLowerCase(),
    awardingBody: owners.names.join('; ') || null,
    country: issuerCountries[0] ?? null,
    ...read,
  });
}

function placeCountry(place: Node): string | null {
  const name = text(place['ceterms:addressCountry']);
  if (name) return COUNTRY_BY_NAME[name.toLowerCase()] ?? (/^[A-Z]{2}$/.test(name) ? name : null);
  const geonames = /geonames\.org\/(\d+)/.exec(text(place['ceterms:geoURI']) ?? '')?.[1];
  return geonames ? (COUNTRY_BY_GEONAMES[geonames] ?? null) : null;
}

/** Countries of a record's jurisdictions (their main jurisdiction) or availableAt places; a note for what gives none. */
function countries(record: Entry, property: string, batch: Batch): string[] {
  const stated = nodes(record.node[property]);
  const places =
    property === 'ceterms:availableAt' ? stated : stated.flatMap((p) => nodes(p['ceterms:mainJurisdiction']));
  const found = unique(places.map(placeCountry));
  const global = stated.some((profile) => profile['ceterms:globalJurisdiction'] === true);
  if (stated.length > 0 && found.length === 0)
    batch.note(record, `${property} gives no issuer country (${global ? 'a global jurisdiction' : 'none named'}).`);
  for (const place of property === 'ceterms:availableAt' ? places.map(nameOf).filter(Boolean) : [])
    batch.note(record, `${property} '${place}' read for its country only (a place, not an awarding body).`);
  return found;
}

/** Who awards the record: ownedBy, else the older draft's owner, else offeredBy; the first organization of the batch among them is the provider. */
function awardingBodies(record: Entry, batch: Batch) {
  const stated = OWNERS.map((property) =>
    asList(record.node[property]).flatMap((reference) => {
      const found = batch.find(reference);
      const organization = found?.kind === 'provider' ? found : undefined;
      const embedded = isNode(reference) ? nameOf(reference) : null;
      const name = (organization && nameOf(organization.node)) ?? embedded;
      if (organization && embedded && embedded !== name)
        batch.note(record, `${property} '${embedded}' has the ctid of ${organization.name}: named '${name}'.`);
      const countries = nodes((organization?.node ?? (isNode(reference) ? reference : {}))['ceterms:address']);
      const id = referenceKeys(reference)[0];
      if (!name && id)
        batch.note(record, `${property} names its organization only by ${id}: kept as the awarding body.`);
      const providerId = organization ? text(organization.node['ceterms:ctid']) : null;
      return name || id ? [{ name: name ?? id, countries: countries.map(placeCountry), providerId }] : [];
    }),
  );
  const chosen = stated.find((owners) => owners.length > 0) ?? [];
  if (chosen.length === 0)
    batch.note(record, 'no awarding body: no ceterms:ownedBy, owner or offeredBy (none is guessed).');
  return {
    names: unique(chosen.map((owner) => owner.name)),
    countries: unique(chosen.flatMap((owner) => owner.countries)),
    providerId: stated.flat().find((owner) => owner.providerId)?.providerId ?? null,
  };
}

/** An alignment's competency: its targetNodeName, else the competency text of its target node. */
function competency(alignment: Node, record: Entry, batch: Batch): string | null {
  const name = text(alignment['ceterms:targetNodeName']);
  const target = isNode(alignment['ceterms:targetNode']) ? alignment['ceterms:targetNode'] : {};
  const competencyText = text(target['ceasn:competencyText']);
  if (name && competencyText && competencyText !== name)
    batch.note(
      record,
      `ceasn:competencyText '${competencyText}' not read (the outcome is the targetNodeName '${name}').`,
    );
  return name ?? competencyText;
}

/** The conditions a record requires: their texts (prerequisites), competencies (outcomes) and assessments. */
function readConditions(record: Entry, batch: Batch) {
  const outcomes = nodes(record.node['ceterms:teaches']).map((alignment) => competency(alignment, record, batch));
  const assessments: Array<string | null> = [];
  const prerequisites: string[] = [];
  const notRead = new Set<string>();
  for (const condition of nodes(record.node['ceterms:requires'])) {
    Object.keys(condition).forEach((key) => (CONDITION_READ.has(key) ? null : notRead.add(key)));
    prerequisites.push(...texts([condition['ceterms:experience'], condition['ceterms:description']]));
    prerequisites.push(...texts(condition['ceterms:condition']));
    outcomes.push(...nodes(condition['ceterms:targetCompetency']).map((a) => competency(a, record, batch)));
    for (const reference of asList(condition['ceterms:targetAssessment'])) {
      const inBatch = batch.find(reference);
      const assessment = isNode(reference) && nameOf(reference) ? reference : inBatch?.node;
      if (inBatch?.kind === 'assessment')
        batch.requiredBy.set(inBatch, [...(batch.requiredBy.get(inBatch) ?? []), record.name]);
      if (!assessment)
        batch.note(record, `ceterms:targetAssessment ${referenceKeys(reference)[0]} not read (not in the batch).`);
      else {
        assessments.push(nameOf(assessment));
        outcomes.push(...nodes(assessment['ceterms:assesses']).map((a) => competency(a, record, batch)));
      }
    }
  }
  if (notRead.size > 0) batch.note(record, `ceterms:requires: ${[...notRead].join(', ')} not read (${WHY.condition}).`);
  return { outcomes: unique(outcomes), assessments: unique(assessments), prerequisites: unique(prerequisites) };
}

/** An estimated duration: in hours, a workload; otherwise in words ("2 years", "1 year to 2 years"). */
function readDuration(record: Entry) {
  const profiles = nodes(record.node['ceterms:estimatedDuration']);
  const exact = profiles.map((profile) => text(profile['ceterms:exactDuration'])).find(Boolean);
  const hours = exact ? durationHours(exact) : null;
  const words = profiles.map((profile) => {
    const [exactly, least, most] = ['exact', 'minimum', 'maximum'].map((e) => inWords(profile[`ceterms:${e}Duration`]));
    return exactly ?? (least && most ? `${least} to ${most}` : null);
  });
  return { hours, text: hours === null ? unique(words).join('; ') || null : null };
}

function readOffer(record: Entry, id: string, title: string, batch: Batch): MicroCredentialInput {
  const { node } = record;
  const { owners, ...read } = readCredential(record, batch);
  const conditions = readConditions(record, batch);
  const duration = readDuration(record);
  const delivery = conceptKeys(node['ceterms:deliveryType']);
  const forms = unique(delivery.map((key) => PARTICIPATION_FORM[key] ?? null));
  const otherDelivery = delivery.filter((key) => !PARTICIPATION_FORM[key]);
  if (otherDelivery.length > 0)
    batch.note(record, `ceterms:deliveryType ${otherDelivery.join(', ')} not read (no participation form).`);
  const languages = texts(node['ceterms:inLanguage']).map((language) => {
    const code = LANGUAGE_BY_NAME[language.toLowerCase()] ?? /^([a-z]{2})(-|$)/i.exec(language)?.[1]?.toLowerCase();
    if (!code) batch.note(record, `ceterms:inLanguage '${language}' not read (no ISO 639-1 code known).`);
    return code ?? null;
  });
  const qualityAssurance = QA.map((property) => {
    const verb = property.slice('ceterms:'.length).replace(/By$/, ' by');
    const bodies = unique(asList(node[property]).map((r) => nameOf(batch.find(r)?.node ?? (isNode(r) ? r : {}))));
    return bodies.length > 0 ? `${verb} ${bodies.join(', ')}` : null;
  });
  return compact({
    id,
    title,
    ...read,
    providerId: owners.providerId,
    awardingBodies: owners.names,
    learningOutcomes: conditions.outcomes,
    prerequisites: conditions.prerequisites,
    assessmentType: conditions.assessments.join('; ') || null,
    workloadValue: duration.hours,
    workloadUnit: duration.hours !== null ? 'HOURS' : null,
    durationText: duration.text,
    participationForm: forms.length > 1 ? 'BLENDED' : (forms[0] ?? null),
    languages: unique(languages),
    qualityAssurance:
      unique([...qualityAssurance, text(node['ceterms:processStandardsDescription'])]).join('\n') || null,
    furtherInformation: text(node['ceterms:subjectWebpage']) ?? text(node['schema:url']),
  });
}

/** An ISO 8601 duration in words (P2Y → "2 years", P1Y6M → "1 year 6 months"); null for any other form. */
function inWords(duration: unknown): string | null {
  const iso = /^P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?)?$/;
  const parts = iso.exec(text(duration) ?? '');
  const units = ['year', 'month', 'week', 'day', 'hour', 'minute'];
  const words = (parts ?? []).slice(1).flatMap((value, index) => {
    const amount = Number(value);
    return value === undefined ? [] : [`${amount} ${units[index]}${amount === 1 ? '' : 's'}`];
  });
  return words.length > 0 ? words.join(' ') : null;
}
