import {
  ACCREDITATION_STATUSES,
  type AnnexElement,
  MAY_BE_NOT_APPLICABLE,
  type MicroCredential,
  type MicroCredentialInput,
  OFFER_STATUSES,
  PARTICIPATION_FORMS,
  PROVIDER_TYPES,
  type Provider,
  type ProviderInput,
  QF_EHEA_CYCLES,
  QUALIFICATION_OUTCOME_KINDS,
  QUALIFICATION_STATUSES,
  type Qualification,
  type QualificationDuty,
  type QualificationDutyInput,
  type QualificationInput,
  type QualificationOutcome,
  type QualificationOutcomeInput,
  type Recognition,
  type RecognitionInput,
  STACKABILITY_VALUES,
  SUPERVISION_VALUES,
  WORKLOAD_UNIT_CODES,
} from './model.js';
import { ILL_FORMED_TEXT, isWellFormedText } from '../text.js';
import { type NormalisedWorkload, normaliseWorkload, workloadUnit } from './units.js';

/**
 * The one validator of catalogue records (model.ts), used by the GraphQL mutations and the bulk import alike:
 * every problem of a record is collected and reported together, each naming the record, the field and the reason.
 */

export interface FieldError {
  /** Which record: e.g. "microCredential 'hr-welding-1'" or "line 4". */
  record: string;
  field: string;
  reason: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Collects field errors for one record; helpers return the cleaned value (null when absent). */
class Checker {
  readonly errors: FieldError[] = [];
  constructor(private readonly record: string) {}

  fail(field: string, reason: string): null {
    this.errors.push({ record: this.record, field, reason });
    return null;
  }

  text(field: string, value: string | null | undefined, { required = false, max = 10_000 } = {}): string | null {
    const trimmed = typeof value === 'string' ? value.trim() : value;
    if (trimmed === undefined || trimmed === null || trimmed === '')
      return required ? this.fail(field, 'is required') : null;
    if (typeof trimmed !== 'string') return this.fail(field, 'must be text');
    if (!isWellFormedText(trimmed)) return this.fail(field, ILL_FORMED_TEXT);
    if (trimmed.length > max) return this.fail(field, `must be at most ${max} characters (got ${trimmed.length})`);
    return trimmed;
  }

  list(
    field: string,
    value: string[] | null | undefined,
    { required = false, pattern, patternReason }: { required?: boolean; pattern?: RegExp; patternReason?: string } = {},
  ): string[] | null {
    if (value === undefined || value === null) return required ? this.fail(field, 'is required (at least one)') : null;
    if (!Array.isArray(value)) return this.fail(field, 'must be a list');
    const cleaned = value.map((item) => (typeof item === 'string' ? item.trim() : item));
    for (const [index, item] of cleaned.entries()) {
      if (typeof item !== 'string' || item === '') return this.fail(`${field}[${index}]`, 'must be non-empty text');
      if (!isWellFormedText(item)) return this.fail(`${field}[${index}]`, ILL_FORMED_TEXT);
      if (pattern && !pattern.test(item)) return this.fail(`${field}[${index}]`, `${patternReason} (got '${item}')`);
    }
    if (required && cleaned.length === 0) return this.fail(field, 'is required (at least one)');
    return cleaned as string[];
  }

  oneOf<T extends string>(field: string, value: string | null | undefined, allowed: readonly T[]): T | null {
    if (value === undefined || value === null || value === '') return null;
    if (!allowed.includes(value as T)) return this.fail(field, `must be one of ${allowed.join(', ')} (got '${value}')`);
    return value as T;
  }

  number(
    field: string,
    value: number | null | undefined,
    {
      min,
      max,
      integer = false,
      minExclusive = false,
    }: { min?: number; max?: number; integer?: boolean; minExclusive?: boolean },
  ): number | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value))
      return this.fail(field, `must be a number (got '${String(value)}')`);
    if (integer && !Number.isInteger(value)) return this.fail(field, `must be a whole number (got ${value})`);
    if (min !== undefined && (minExclusive ? value <= min : value < min)) {
      return this.fail(
        field,
        `must be ${minExclusive ? 'greater than' : 'at least'} ${min}${max !== undefined ? ` and at most ${max}` : ''} (got ${value})`,
      );
    }
    if (max !== undefined && value > max)
      return this.fail(
        field,
        `must be at most ${max}${min !== undefined ? ` and ${minExclusive ? 'greater than' : 'at least'} ${min}` : ''} (got ${value})`,
      );
    return value;
  }

  date(field: string, value: string | null | undefined): string | null {
    if (value === undefined || value === null || value === '') return null;
    if (!isCalendarDate(value)) {
      return this.fail(field, `must be a date YYYY-MM-DD (got '${value}')`);
    }
    return value;
  }

  /** One code such as a country or currency, reported under its own field (not as a list element). */
  code(field: string, value: string | null | undefined, pattern: RegExp, patternReason: string): string | null {
    const code = this.text(field, value);
    if (code !== null && !pattern.test(code)) return this.fail(field, `${patternReason} (got '${code}')`);
    return code;
  }

  boolean(field: string, value: boolean | null | undefined): boolean | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'boolean') return this.fail(field, `must be true or false (got '${String(value)}')`);
    return value;
  }

  id(field: string, value: string | null | undefined): string | null {
    const id = this.text(field, value, { required: true, max: 200 });
    if (id !== null && !/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(id)) {
      return this.fail(
        field,
        `must start with a letter or digit and contain only letters, digits, '.', '_', ':' or '-' (got '${id}')`,
      );
    }
    return id;
  }
}

const COUNTRY = /^[A-Z]{2}$/;
const LANGUAGE = /^[a-z]{2}$/;
const NACE = /^[A-U](\d{2}(\.\d{1,2})?)?$/;
const ESCO_OCCUPATION = /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]+$/;
const CURRENCY = /^[A-Z]{3}$/;
const NUTS = /^[A-Z]{2}[0-9A-Z]{0,3}$/;

/** A real day written YYYY-MM-DD. Date.parse rolls impossible days over (2026-02-30 → 2026-03-02), so the date must read back unchanged. */
export function isCalendarDate(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(value)) &&
    new Date(value).toISOString().slice(0, 10) === value
  );
}

export function recordName(
  kind: 'provider' | 'microCredential' | 'qualification',
  id: string | null | undefined,
  fallback: string,
): string {
  return id ? `${kind} '${id}'` : fallback;
}

export function validateProvider(
  input: ProviderInput,
  record = recordName('provider', input.id, 'provider'),
): Validated<Provider> {
  const check = new Checker(record);
  const provider: Provider = {
    id: check.id('id', input.id)!,
    name: check.text('name', input.name, { required: true, max: 500 })!,
    type: check.oneOf('type', input.type, PROVIDER_TYPES) ?? 'OTHER',
    country: check.code('country', input.country, COUNTRY, 'must be an ISO 3166 two-letter country code such as HR'),
    region: check.text('region', input.region, { max: 200 }),
    accreditationStatus:
      check.oneOf('accreditationStatus', input.accreditationStatus, ACCREDITATION_STATUSES) ?? 'NOT_SPECIFIED',
    accreditationRegister: check.text('accreditationRegister', input.accreditationRegister, { max: 200 }),
    registerId: check.text('registerId', input.registerId, { max: 200 }),
    website: check.text('website', input.website, { max: 2000 }),
  };
  if (input.type === undefined || input.type === null || input.type === '')
    check.fail('type', `is required: one of ${PROVIDER_TYPES.join(', ')}`);
  if (
    provider.accreditationStatus === 'ACCREDITED' &&
    !provider.accreditationRegister &&
    !check.errors.some((e) => e.field === 'accreditationRegister')
  ) {
    check.fail(
      'accreditationRegister',
      'is required when accreditationStatus is ACCREDITED: name the public register (e.g. DEQAR)',
    );
  }
  return check.errors.length > 0 ? { ok: false, errors: check.errors } : { ok: true, value: provider };
}

export function validateMicroCredential(
  input: MicroCredentialInput,
  record = recordName('microCredential', input.id, 'microCredential'),
): Validated<MicroCredential> {
  const check = new Checker(record);
  const unit = check.oneOf('workloadUnit', input.workloadUnit, WORKLOAD_UNIT_CODES);
  const workloadValue = check.number('workloadValue', input.workloadValue, {
    min: 0,
    minExclusive: true,
    max: 100_000,
  });
  let normalised: NormalisedWorkload | null = null;
  if (workloadValue !== null && unit === null && !check.errors.some((e) => e.field === 'workloadUnit')) {
    check.fail('workloadUnit', `is required with workloadValue: one of ${WORKLOAD_UNIT_CODES.join(', ')}`);
  } else if (workloadValue === null && unit !== null && !check.errors.some((e) => e.field === 'workloadValue')) {
    check.fail('workloadValue', 'is required with workloadUnit');
  } else if (workloadValue !== null && unit !== null && workloadUnit(unit)) {
    normalised = normaliseWorkload(workloadValue, unit);
  }

  const notApplicable = (check.list('notApplicable', input.notApplicable) ?? []) as AnnexElement[];
  for (const [index, element] of notApplicable.entries()) {
    if (!MAY_BE_NOT_APPLICABLE.includes(element)) {
      check.fail(
        `notApplicable[${index}]`,
        `'${element}' cannot be declared not applicable; allowed: ${MAY_BE_NOT_APPLICABLE.join(', ')}`,
      );
    }
  }

  const credential: MicroCredential = {
    id: check.id('id', input.id)!,
    title: check.text('title', input.title, { required: true, max: 500 })!,
    description: check.text('description', input.description),
    providerId: check.text('providerId', input.providerId, { max: 200 }),
    awardingBodies: check.list('awardingBodies', input.awardingBodies, { required: true }) ?? [],
    awardingBodyCountries: check.list('awardingBodyCountries', input.awardingBodyCountries, {
      pattern: COUNTRY,
      patternReason: 'must be an ISO 3166 two-letter country code such as IT',
    }),
    issuerCountries: check.list('issuerCountries', input.issuerCountries, {
      pattern: COUNTRY,
      patternReason: 'must be an ISO 3166 two-letter country code such as DK',
    }),
    issuerRegions: check.list('issuerRegions', input.issuerRegions),
    learningOutcomes: check.list('learningOutcomes', input.learningOutcomes),
    workloadValue,
    workloadUnit: unit,
    workloadHours: normalised?.hours ?? null,
    workloadEcts: normalised?.ects ?? null,
    workloadConversion: normalised?.conversion ?? null,
    eqfLevel: check.number('eqfLevel', input.eqfLevel, { min: 1, max: 8, integer: true }),
    nationalLevel: check.text('nationalLevel', input.nationalLevel, { max: 50 }),
    nationalFramework: check.text('nationalFramework', input.nationalFramework, { max: 100 }),
    qfEheaCycle: check.oneOf('qfEheaCycle', input.qfEheaCycle, QF_EHEA_CYCLES),
    assessmentType: check.text('assessmentType', input.assessmentType, { max: 2000 }),
    participationForm: check.oneOf('participationForm', input.participationForm, PARTICIPATION_FORMS),
    qualityAssurance: check.text('qualityAssurance', input.qualityAssurance, { max: 2000 }),
    prerequisites: check.list('prerequisites', input.prerequisites),
    supervision: check.oneOf('supervision', input.supervision, SUPERVISION_VALUES),
    stackability: check.oneOf('stackability', input.stackability, STACKABILITY_VALUES),
    stacksInto: check.list('stacksInto', input.stacksInto),
    furtherInformation: check.text('furtherInformation', input.furtherInformation, { max: 2000 }),
    languages: check.list('languages', input.languages, {
      pattern: LANGUAGE,
      patternReason: 'must be an ISO 639-1 language code such as en',
    }),
    durationText: check.text('durationText', input.durationText, { max: 200 }),
    costAmount: check.number('costAmount', input.costAmount, { min: 0, max: 1_000_000 }),
    costCurrency: check.code(
      'costCurrency',
      input.costCurrency,
      CURRENCY,
      'must be an ISO 4217 currency code such as EUR',
    ),
    voucherEligible: check.boolean('voucherEligible', input.voucherEligible),
    ilaEligible: check.boolean('ilaEligible', input.ilaEligible),
    sectors: check.list('sectors', input.sectors, {
      pattern: NACE,
      patternReason: 'must be a NACE Rev.2 code such as C, C25 or G47.1',
    }),
    targetOccupations: check.list('targetOccupations', input.targetOccupations, {
      pattern: ESCO_OCCUPATION,
      patternReason: 'must be an ESCO occupation URI',
    }),
    expectedRevisionDate: check.date('expectedRevisionDate', input.expectedRevisionDate),
    validUntil: check.date('validUntil', input.validUntil),
    status: check.oneOf('status', input.status, OFFER_STATUSES) ?? 'PUBLISHED',
    notApplicable: [...new Set(notApplicable)].sort() as AnnexElement[],
    recognitions: validateRecognitions(check, input.recognitions),
    sourceName: check.text('sourceName', input.sourceName, { max: 500 }),
    sourceReference: check.text('sourceReference', input.sourceReference, { max: 2000 }),
  };
  if (
    credential.costAmount !== null &&
    credential.costCurrency === null &&
    !check.errors.some((e) => e.field === 'costCurrency')
  ) {
    check.fail('costCurrency', 'is required with costAmount');
  }
  if (credential.eqfLevel !== null && notApplicable.includes('LEVEL'))
    check.fail('notApplicable', 'LEVEL is declared not applicable but eqfLevel is given');
  if (credential.supervision !== null && notApplicable.includes('SUPERVISION'))
    check.fail('notApplicable', 'SUPERVISION is declared not applicable but supervision is given');
  return check.errors.length > 0 ? { ok: false, errors: check.errors } : { ok: true, value: credential };
}

function validateRecognitions(check: Checker, input: RecognitionInput[] | null | undefined): Recognition[] {
  if (input === undefined || input === null) return [];
  if (!Array.isArray(input)) return check.fail('recognitions', 'must be a list') ?? [];
  return input.flatMap((recognition, index) => {
    const recognisedBy = check.text(`recognitions[${index}].recognisedBy`, recognition?.recognisedBy, {
      required: true,
      max: 500,
    });
    const purpose = check.text(`recognitions[${index}].purpose`, recognition?.purpose, { required: true, max: 1000 });
    const date = check.date(`recognitions[${index}].date`, recognition?.date);
    return recognisedBy && purpose ? [{ recognisedBy, purpose, date }] : [];
  });
}

export function validateQualification(
  input: QualificationInput,
  record = recordName('qualification', input.id, 'qualification'),
): Validated<Qualification> {
  const check = new Checker(record);
  const learningOutcomes = validateQualificationOutcomes(check, input.learningOutcomes);
  const qualification: Qualification = {
    id: check.id('id', input.id)!,
    title: check.text('title', input.title, { required: true, max: 500 })!,
    country: check.code('country', input.country, COUNTRY, 'must be an ISO 3166 two-letter country code such as IE'),
    eqfLevel: check.number('eqfLevel', input.eqfLevel, { min: 1, max: 8, integer: true }),
    nationalLevel: check.text('nationalLevel', input.nationalLevel, { max: 50 }),
    nationalFramework: check.text('nationalFramework', input.nationalFramework, { max: 100 }),
    awardingBody: check.text('awardingBody', input.awardingBody, { max: 500 }),
    sourceName: check.text('sourceName', input.sourceName, { max: 500 }),
    sourceReference: check.text('sourceReference', input.sourceReference, { max: 2000 }),
    qualificationType: check.text('qualificationType', input.qualificationType, { max: 200 }),
    description: check.text('description', input.description, { max: 20_000 }),
    issuerRegions: check.list('issuerRegions', input.issuerRegions, {
      pattern: NUTS,
      patternReason: 'must be a NUTS code such as UKI or DE21',
    }),
    durationMonths: check.number('durationMonths', input.durationMonths, { min: 0, minExclusive: true, max: 240 }),
    route: check.text('route', input.route, { max: 200 }),
    jobRoles: check.list('jobRoles', input.jobRoles),
    targetOccupations: check.list('targetOccupations', input.targetOccupations, {
      pattern: ESCO_OCCUPATION,
      patternReason: 'must be an ESCO occupation URI',
    }),
    eqfConversion: check.text('eqfConversion', input.eqfConversion, { max: 1000 }),
    workloadHours: check.number('workloadHours', input.workloadHours, { min: 0, minExclusive: true, max: 100_000 }),
    workloadBasis: check.text('workloadBasis', input.workloadBasis, { max: 200 }),
    status: check.oneOf('status', input.status, QUALIFICATION_STATUSES) ?? 'PUBLISHED',
    learningOutcomes,
    duties: validateDuties(check, input.duties, new Set((learningOutcomes ?? []).map((o) => o.id))),
  };
  return check.errors.length > 0 ? { ok: false, errors: check.errors } : { ok: true, value: qualification };
}

function validateQualificationOutcomes(
  check: Checker,
  input: QualificationOutcomeInput[] | null | undefined,
): QualificationOutcome[] | null {
  if (input === undefined || input === null) return null;
  if (!Array.isArray(input)) return check.fail('learningOutcomes', 'must be a list');
  const seen = new Set<string>();
  return input.flatMap((outcome, index) => {
    const field = `learningOutcomes[${index}]`;
    const text = check.text(`${field}.text`, outcome?.text, { required: true, max: 5000 });
    const id = outcome?.id === undefined || outcome?.id === null ? text : check.id(`${field}.id`, outcome.id);
    const kind = check.oneOf(`${field}.kind`, outcome?.kind, QUALIFICATION_OUTCOME_KINDS) ?? 'OUTCOME';
    const core = check.boolean(`${field}.core`, outcome?.core);
    if (text === null || id === null) return [];
    if (seen.has(id)) return check.fail(`${field}.id`, `'${id}' appears more than once in the qualification`) ?? [];
    seen.add(id);
    return [{ id, kind, text, core }];
  });
}

function validateDuties(
  check: Checker,
  input: QualificationDutyInput[] | null | undefined,
  outcomeIds: Set<string>,
): QualificationDuty[] | null {
  if (input === undefined || input === null) return null;
  if (!Array.isArray(input)) return check.fail('duties', 'must be a list');
  return input.flatMap((duty, index) => {
    const field = `duties[${index}]`;
    const id = check.id(`${field}.id`, duty?.id);
    const text = check.text(`${field}.text`, duty?.text, { required: true, max: 5000 });
    const core = check.boolean(`${field}.core`, duty?.core);
    const outcomes = check.list(`${field}.outcomes`, duty?.outcomes) ?? [];
    outcomes.forEach((outcome, position) => {
      if (!outcomeIds.has(outcome))
        check.fail(`${field}.outcomes[${position}]`, `no learning outcome '${outcome}' in the qualification`);
    });
    return id !== null && text !== null ? [{ id, text, core, outcomes }] : [];
  });
}

export function formatFieldError(error: FieldError): string {
  return `${error.record}: ${error.field}: ${error.reason}`;
}
