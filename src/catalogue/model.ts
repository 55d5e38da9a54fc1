import { WORKLOAD_UNITS } from './units.js';

/**
 * The micro-credential catalogue as plain data: its vocabularies, its input and validated records. One
 * validator (validation.ts) serves the GraphQL mutations and the bulk import alike, so both give the same
 * per-record, per-field errors.
 *
 * Annex I of the Council Recommendation (2022) lists what a micro-credential states. Learner identity,
 * date of issuing and grade belong to an issued credential; everything else describes the offer.
 * Real catalogues are incomplete, so an absent element is accepted and reported by the completeness
 * check, not refused: "not specified" (absent) is kept apart from "not applicable" (declared in
 * `notApplicable`) and from "no" (an explicit value such as `false` or an empty list).
 */

export const PROVIDER_TYPES = [
  'HIGHER_EDUCATION',
  'VET',
  'EMPLOYER',
  'SOCIAL_PARTNER',
  'PRIVATE',
  'PUBLIC_EMPLOYMENT_SERVICE',
  'PUBLIC_AUTHORITY',
  'OTHER',
] as const;
export const ACCREDITATION_STATUSES = ['ACCREDITED', 'NOT_ACCREDITED', 'NOT_SPECIFIED'] as const;
export const PARTICIPATION_FORMS = ['ONLINE', 'ONSITE', 'BLENDED', 'WORK_BASED'] as const;
/** Annex I: supervision and identity verification during assessment, four fixed values. */
export const SUPERVISION_VALUES = [
  'UNSUPERVISED_NO_IDENTITY_VERIFICATION',
  'SUPERVISED_NO_IDENTITY_VERIFICATION',
  'SUPERVISED_ONLINE',
  'ONSITE_WITH_IDENTITY_VERIFICATION',
] as const;
export const STACKABILITY_VALUES = ['STANDALONE', 'STACKABLE'] as const;
export const OFFER_STATUSES = ['DRAFT', 'PUBLISHED', 'RETIRED'] as const;
export const WORKLOAD_UNIT_CODES = WORKLOAD_UNITS.map((unit) => unit.code);
export const QF_EHEA_CYCLES = ['SHORT', 'FIRST', 'SECOND', 'THIRD'] as const;

export const MANDATORY_ELEMENTS = [
  'TITLE',
  'ISSUER_COUNTRY',
  'AWARDING_BODY',
  'LEARNING_OUTCOMES',
  'WORKLOAD',
  'LEVEL',
  'ASSESSMENT_TYPE',
  'PARTICIPATION_FORM',
  'QUALITY_ASSURANCE',
] as const;
export const OPTIONAL_ELEMENTS = ['PREREQUISITES', 'SUPERVISION', 'STACKABILITY', 'FURTHER_INFORMATION'] as const;
export type AnnexElement = (typeof MANDATORY_ELEMENTS)[number] | (typeof OPTIONAL_ELEMENTS)[number];
/** Annex I makes the level mandatory only "if applicable"; no other mandatory element can be declared not applicable. */
export const MAY_BE_NOT_APPLICABLE: AnnexElement[] = ['LEVEL', ...OPTIONAL_ELEMENTS];

export interface ProviderInput {
  id?: string | null;
  name?: string | null;
  type?: string | null;
  country?: string | null;
  region?: string | null;
  accreditationStatus?: string | null;
  /** The public register that lists the provider (e.g. DEQAR, a national register). */
  accreditationRegister?: string | null;
  registerId?: string | null;
  website?: string | null;
}

export interface Provider {
  id: string;
  name: string;
  type: (typeof PROVIDER_TYPES)[number];
  country: string | null;
  region: string | null;
  accreditationStatus: (typeof ACCREDITATION_STATUSES)[number];
  accreditationRegister: string | null;
  registerId: string | null;
  website: string | null;
}

export interface RecognitionInput {
  recognisedBy?: string | null;
  purpose?: string | null;
  date?: string | null;
}

/** Who recognises a micro-credential, and for what (credit towards a qualification, a licence, hiring…). */
export interface Recognition {
  recognisedBy: string;
  purpose: string;
  date: string | null;
}

export const QUALIFICATION_OUTCOME_KINDS = ['SKILL', 'KNOWLEDGE', 'BEHAVIOUR', 'OUTCOME'] as const;
export const QUALIFICATION_STATUSES = ['PUBLISHED', 'RETIRED'] as const;

export interface QualificationOutcomeInput {
  /** The source's own id of the statement (kept, so a re-import matches it); default: from the text. */
  id?: string | null;
  /** What the statement is: a skill, knowledge, behaviour (IfATE's three), or an outcome of no stated kind. */
  kind?: string | null;
  text?: string | null;
  /** Whether the source marks it as core (every option of the qualification requires it). */
  core?: boolean | null;
}

export interface QualificationOutcome {
  id: string;
  kind: (typeof QUALIFICATION_OUTCOME_KINDS)[number];
  text: string;
  core: boolean | null;
}

export interface QualificationDutyInput {
  id?: string | null;
  text?: string | null;
  core?: boolean | null;
  /** The ids of the learning outcomes the source maps to the duty. */
  outcomes?: string[] | null;
}

/** A duty of the occupation a standard trains for, with the statements the source maps to it: a unit a micro-credential can be carved from. */
export interface QualificationDuty {
  id: string;
  text: string;
  core: boolean | null;
  outcomes: string[];
}

export interface QualificationInput {
  id?: string | null;
  title?: string | null;
  country?: string | null;
  eqfLevel?: number | null;
  nationalLevel?: string | null;
  nationalFramework?: string | null;
  awardingBody?: string | null;
  sourceName?: string | null;
  sourceReference?: string | null;
  /** E.g. "apprenticeship standard". */
  qualificationType?: string | null;
  description?: string | null;
  /** NUTS codes of the regions where it is awarded (IfATE standards: England's nine NUTS 1 regions). */
  issuerRegions?: string[] | null;
  durationMonths?: number | null;
  /** The sector route or field the source files it under. */
  route?: string | null;
  jobRoles?: string[] | null;
  targetOccupations?: string[] | null;
  /** How eqfLevel was derived from nationalLevel, when it was. */
  eqfConversion?: string | null;
  /** Its size in hours of learning (Ofqual: total qualification time), and what those hours are. */
  workloadHours?: number | null;
  workloadBasis?: string | null;
  status?: string | null;
  learningOutcomes?: QualificationOutcomeInput[] | null;
  duties?: QualificationDutyInput[] | null;
}

/**
 * A full or partial qualification: a target micro-credentials can stack into and, when it states what it
 * teaches (its learning outcomes, or a description that stands in for them), supply of its own kind: a
 * long route to the skills, not a micro-credential.
 */
export interface Qualification {
  id: string;
  title: string;
  country: string | null;
  eqfLevel: number | null;
  nationalLevel: string | null;
  nationalFramework: string | null;
  awardingBody: string | null;
  sourceName: string | null;
  sourceReference: string | null;
  qualificationType: string | null;
  description: string | null;
  issuerRegions: string[] | null;
  durationMonths: number | null;
  route: string | null;
  jobRoles: string[] | null;
  targetOccupations: string[] | null;
  eqfConversion: string | null;
  workloadHours: number | null;
  workloadBasis: string | null;
  status: (typeof QUALIFICATION_STATUSES)[number];
  learningOutcomes: QualificationOutcome[] | null;
  duties: QualificationDuty[] | null;
}

export interface MicroCredentialInput {
  id?: string | null;
  title?: string | null;
  description?: string | null;
  providerId?: string | null;
  awardingBodies?: string[] | null;
  awardingBodyCountries?: string[] | null;
  issuerCountries?: string[] | null;
  issuerRegions?: string[] | null;
  learningOutcomes?: string[] | null;
  workloadValue?: number | null;
  workloadUnit?: string | null;
  eqfLevel?: number | null;
  nationalLevel?: string | null;
  nationalFramework?: string | null;
  qfEheaCycle?: string | null;
  assessmentType?: string | null;
  participationForm?: string | null;
  qualityAssurance?: string | null;
  prerequisites?: string[] | null;
  supervision?: string | null;
  stackability?: string | null;
  stacksInto?: string[] | null;
  furtherInformation?: string | null;
  languages?: string[] | null;
  durationText?: string | null;
  costAmount?: number | null;
  costCurrency?: string | null;
  voucherEligible?: boolean | null;
  ilaEligible?: boolean | null;
  sectors?: string[] | null;
  targetOccupations?: string[] | null;
  expectedRevisionDate?: string | null;
  validUntil?: string | null;
  status?: string | null;
  notApplicable?: string[] | null;
  recognitions?: RecognitionInput[] | null;
  sourceName?: string | null;
  sourceReference?: string | null;
}

/** A validated offer: absent elements are null (not specified); lists are [] only when the input said so. */
export interface MicroCredential {
  id: string;
  title: string;
  description: string | null;
  providerId: string | null;
  awardingBodies: string[];
  /** Where the awarding bodies are established, when that is not where the offer is issued (an international body). */
  awardingBodyCountries: string[] | null;
  issuerCountries: string[] | null;
  issuerRegions: string[] | null;
  learningOutcomes: string[] | null;
  workloadValue: number | null;
  workloadUnit: string | null;
  workloadHours: number | null;
  workloadEcts: number | null;
  workloadConversion: string | null;
  eqfLevel: number | null;
  nationalLevel: string | null;
  nationalFramework: string | null;
  qfEheaCycle: string | null;
  assessmentType: string | null;
  participationForm: string | null;
  qualityAssurance: string | null;
  prerequisites: string[] | null;
  supervision: string | null;
  stackability: string | null;
  stacksInto: string[] | null;
  furtherInformation: string | null;
  languages: string[] | null;
  durationText: string | null;
  costAmount: number | null;
  costCurrency: string | null;
  voucherEligible: boolean | null;
  ilaEligible: boolean | null;
  sectors: string[] | null;
  targetOccupations: string[] | null;
  expectedRevisionDate: string | null;
  validUntil: string | null;
  status: (typeof OFFER_STATUSES)[number];
  notApplicable: AnnexElement[];
  recognitions: Recognition[];
  sourceName: string | null;
  sourceReference: string | null;
}

/** Every field of a validated record, so records read back from the graph can be completed with nulls. */
export const PROVIDER_FIELDS = [
  'id',
  'name',
  'type',
  'country',
  'region',
  'accreditationStatus',
  'accreditationRegister',
  'registerId',
  'website',
] as const satisfies readonly (keyof Provider)[];
export const MICRO_CREDENTIAL_FIELDS = [
  'id',
  'title',
  'description',
  'providerId',
  'awardingBodies',
  'awardingBodyCountries',
  'issuerCountries',
  'issuerRegions',
  'learningOutcomes',
  'workloadValue',
  'workloadUnit',
  'workloadHours',
  'workloadEcts',
  'workloadConversion',
  'eqfLevel',
  'nationalLevel',
  'nationalFramework',
  'qfEheaCycle',
  'assessmentType',
  'participationForm',
  'qualityAssurance',
  'prerequisites',
  'supervision',
  'stackability',
  'stacksInto',
  'furtherInformation',
  'languages',
  'durationText',
  'costAmount',
  'costCurrency',
  'voucherEligible',
  'ilaEligible',
  'sectors',
  'targetOccupations',
  'expectedRevisionDate',
  'validUntil',
  'status',
  'notApplicable',
  'recognitions',
  'sourceName',
  'sourceReference',
] as const satisfies readonly (keyof MicroCredential)[];
export const QUALIFICATION_FIELDS = [
  'id',
  'title',
  'country',
  'eqfLevel',
  'nationalLevel',
  'nationalFramework',
  'awardingBody',
  'sourceName',
  'sourceReference',
  'qualificationType',
  'description',
  'issuerRegions',
  'durationMonths',
  'route',
  'jobRoles',
  'targetOccupations',
  'eqfConversion',
  'workloadHours',
  'workloadBasis',
  'status',
] as const satisfies readonly (keyof Qualification)[];
