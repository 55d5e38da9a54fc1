import { describe, expect, it } from 'vitest';
import { assessCompleteness, readsAsOutcome } from '../../src/catalogue/completeness.js';
import type { MicroCredentialInput } from '../../src/catalogue/model.js';
import { formatFieldError, validateMicroCredential, validateProvider } from '../../src/catalogue/validation.js';
import { normaliseWorkload } from '../../src/catalogue/units.js';

// Provider and qualification validation: catalogue-validation-other.test.ts.

const minimal: MicroCredentialInput = {
  id: 'mc-1',
  title: 'Arc welding basics',
  awardingBodies: ['Welding School Zagreb'],
};

/**
 * Inputs are untyped on purpose: the JSON and CSV imports hand the validator whatever the file holds
 * (a number for a title, NaN from a CSV cell, "maybe" for a boolean).
 */
function errorsOf(input: object, record?: string): string[] {
  const result = validateMicroCredential(input as MicroCredentialInput, record);
  return result.ok ? [] : result.errors.map(formatFieldError);
}

/** The formatted error for the usual record, so each table row reads as field and reason. */
const mc = (fieldAndReason: string) => `microCredential 'mc-1': ${fieldAndReason}`;
const chars = (length: number) => 'x'.repeat(length);
const UNITS =
  'ECTS, HOURS, DAYS, WEEKS, HR_CSVET, IE_FET_CREDIT, PT_CREDIT_POINT, SE_GY_CREDIT, LT_LEARNING_CREDIT, EE_CREDIT_POINT';
const MAY_BE_NOT_APPLICABLE = 'LEVEL, PREREQUISITES, SUPERVISION, STACKABILITY, FURTHER_INFORMATION';
const ID_REASON = "must start with a letter or digit and contain only letters, digits, '.', '_', ':' or '-'";
const OCCUPATION = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';

describe('validateMicroCredential', () => {
  it('accepts an offer with only a title and an awarding body', () => {
    expect(errorsOf(minimal)).toEqual([]);
  });

  it('accepts every element valid at once, trimmed, with notApplicable de-duplicated and sorted', () => {
    const result = validateMicroCredential({
      ...minimal,
      title: '  Arc welding basics  ',
      description: 'Short course',
      providerId: 'hr-weld-school',
      issuerCountries: ['HR'],
      issuerRegions: ['Zagreb'],
      learningOutcomes: ['Weld steel plates'],
      workloadValue: 4,
      workloadUnit: 'HR_CSVET',
      nationalLevel: '4.1',
      nationalFramework: 'CROQF',
      qfEheaCycle: 'SHORT',
      assessmentType: 'practical test',
      participationForm: 'WORK_BASED',
      qualityAssurance: 'AZVO',
      prerequisites: [],
      stackability: 'STACKABLE',
      stacksInto: ['hr-welder'],
      furtherInformation: 'https://example.org',
      languages: ['hr', 'en'],
      durationText: '4 weeks',
      costAmount: 0,
      costCurrency: ' EUR ',
      voucherEligible: true,
      ilaEligible: false,
      sectors: ['C', 'C25', 'G47.1', 'G47.11'],
      targetOccupations: [OCCUPATION],
      expectedRevisionDate: '2028-02-29',
      validUntil: '2030-12-31',
      status: 'DRAFT',
      notApplicable: ['SUPERVISION', 'LEVEL', 'LEVEL'],
      recognitions: [{ recognisedBy: 'Croatian Employment Service', purpose: 'voucher-funded training' }],
      sourceName: 'CES',
      sourceReference: 'p. 12',
    });
    expect(result.ok && result.value).toMatchObject({
      title: 'Arc welding basics',
      costAmount: 0,
      costCurrency: 'EUR',
      prerequisites: [],
      status: 'DRAFT',
      notApplicable: ['LEVEL', 'SUPERVISION'],
      recognitions: [{ recognisedBy: 'Croatian Employment Service', purpose: 'voucher-funded training', date: null }],
    });
  });

  it('leaves absent elements null and defaults the status to PUBLISHED (an empty enum counts as absent)', () => {
    const result = validateMicroCredential({ ...minimal, status: '', supervision: '', costCurrency: '  ' });
    expect(result.ok && result.value).toMatchObject({
      status: 'PUBLISHED',
      supervision: null,
      costCurrency: null,
      eqfLevel: null,
      languages: null,
      recognitions: [],
    });
  });

  it('names the record by its id, by "microCredential" without one, or as the caller says (e.g. a CSV line)', () => {
    expect(errorsOf({ title: 'T', awardingBodies: ['B'] })).toEqual(['microCredential: id: is required']);
    expect(errorsOf({ ...minimal, title: '' }, 'offers.csv line 4')).toEqual(['offers.csv line 4: title: is required']);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    // id
    ['id with a space', { id: 'has space' }, [`microCredential 'has space': id: ${ID_REASON} (got 'has space')`]],
    ['id starting with punctuation', { id: '-mc' }, [`microCredential '-mc': id: ${ID_REASON} (got '-mc')`]],
    [
      'id over 200 characters',
      { id: chars(201) },
      [`microCredential '${chars(201)}': id: must be at most 200 characters (got 201)`],
    ],
    ['id that is not text', { id: 42 }, ["microCredential '42': id: must be text"]],
    // required title and awarding bodies
    ['title missing', { title: undefined }, [mc('title: is required')]],
    ['title blank', { title: '  ' }, [mc('title: is required')]],
    ['title not text', { title: 5 }, [mc('title: must be text')]],
    ['awardingBodies missing', { awardingBodies: null }, [mc('awardingBodies: is required (at least one)')]],
    ['awardingBodies empty', { awardingBodies: [] }, [mc('awardingBodies: is required (at least one)')]],
    ['awardingBodies not a list', { awardingBodies: 'AMU' }, [mc('awardingBodies: must be a list')]],
    [
      'awardingBodies with a blank entry',
      { awardingBodies: ['AMU', '  '] },
      [mc('awardingBodies[1]: must be non-empty text')],
    ],
    [
      'awardingBodies with a non-text entry',
      { awardingBodies: [5] },
      [mc('awardingBodies[0]: must be non-empty text')],
    ],
    // list patterns; a list reports its first bad element only
    [
      'country name instead of code',
      { issuerCountries: ['HR', 'Croatia', 'xx'] },
      [mc("issuerCountries[1]: must be an ISO 3166 two-letter country code such as DK (got 'Croatia')")],
    ],
    [
      'lower-case country code',
      { issuerCountries: ['hr'] },
      [mc("issuerCountries[0]: must be an ISO 3166 two-letter country code such as DK (got 'hr')")],
    ],
    [
      'awarding body country as a name',
      { awardingBodyCountries: ['IT', 'Italy'] },
      [mc("awardingBodyCountries[1]: must be an ISO 3166 two-letter country code such as IT (got 'Italy')")],
    ],
    [
      'language name',
      { languages: ['english'] },
      [mc("languages[0]: must be an ISO 639-1 language code such as en (got 'english')")],
    ],
    [
      'upper-case language code',
      { languages: ['EN'] },
      [mc("languages[0]: must be an ISO 639-1 language code such as en (got 'EN')")],
    ],
    [
      'three-letter (ISO 639-2) language code',
      { languages: ['eng'] },
      [mc("languages[0]: must be an ISO 639-1 language code such as en (got 'eng')")],
    ],
    [
      'sector as a word',
      { sectors: ['manufacturing'] },
      [mc("sectors[0]: must be a NACE Rev.2 code such as C, C25 or G47.1 (got 'manufacturing')")],
    ],
    [
      'sector with one division digit',
      { sectors: ['C2'] },
      [mc("sectors[0]: must be a NACE Rev.2 code such as C, C25 or G47.1 (got 'C2')")],
    ],
    [
      'sector section V (NACE ends at U)',
      { sectors: ['V'] },
      [mc("sectors[0]: must be a NACE Rev.2 code such as C, C25 or G47.1 (got 'V')")],
    ],
    [
      'sector with three class digits',
      { sectors: ['G47.111'] },
      [mc("sectors[0]: must be a NACE Rev.2 code such as C, C25 or G47.1 (got 'G47.111')")],
    ],
    [
      'occupation URI over https',
      { targetOccupations: [OCCUPATION.replace('http:', 'https:')] },
      [mc(`targetOccupations[0]: must be an ESCO occupation URI (got '${OCCUPATION.replace('http:', 'https:')}')`)],
    ],
    [
      'skill URI as occupation',
      { targetOccupations: ['http://data.europa.eu/esco/skill/abc'] },
      [mc("targetOccupations[0]: must be an ESCO occupation URI (got 'http://data.europa.eu/esco/skill/abc')")],
    ],
    [
      'occupation label',
      { targetOccupations: ['welder'] },
      [mc("targetOccupations[0]: must be an ESCO occupation URI (got 'welder')")],
    ],
    // enums (case-sensitive)
    [
      'unknown QF-EHEA cycle',
      { qfEheaCycle: 'MASTER' },
      [mc("qfEheaCycle: must be one of SHORT, FIRST, SECOND, THIRD (got 'MASTER')")],
    ],
    [
      'unknown participation form',
      { participationForm: 'HYBRID' },
      [mc("participationForm: must be one of ONLINE, ONSITE, BLENDED, WORK_BASED (got 'HYBRID')")],
    ],
    [
      'lower-case participation form',
      { participationForm: 'online' },
      [mc("participationForm: must be one of ONLINE, ONSITE, BLENDED, WORK_BASED (got 'online')")],
    ],
    [
      'unknown supervision',
      { supervision: 'PROCTORED' },
      [
        mc(
          "supervision: must be one of UNSUPERVISED_NO_IDENTITY_VERIFICATION, SUPERVISED_NO_IDENTITY_VERIFICATION, SUPERVISED_ONLINE, ONSITE_WITH_IDENTITY_VERIFICATION (got 'PROCTORED')",
        ),
      ],
    ],
    [
      'unknown stackability',
      { stackability: 'MAYBE' },
      [mc("stackability: must be one of STANDALONE, STACKABLE (got 'MAYBE')")],
    ],
    [
      'unknown status',
      { status: 'ARCHIVED' },
      [mc("status: must be one of DRAFT, PUBLISHED, RETIRED (got 'ARCHIVED')")],
    ],
    // EQF level: whole number 1..8
    ['EQF level 9', { eqfLevel: 9 }, [mc('eqfLevel: must be at most 8 and at least 1 (got 9)')]],
    ['EQF level 0', { eqfLevel: 0 }, [mc('eqfLevel: must be at least 1 and at most 8 (got 0)')]],
    ['EQF level 2.5', { eqfLevel: 2.5 }, [mc('eqfLevel: must be a whole number (got 2.5)')]],
    ['EQF level as text', { eqfLevel: '4' }, [mc("eqfLevel: must be a number (got '4')")]],
    [
      'EQF level NaN (an unreadable CSV cell)',
      { eqfLevel: Number.NaN },
      [mc("eqfLevel: must be a number (got 'NaN')")],
    ],
    // workload: value in (0, 100000], unit from the table, each required with the other
    [
      'workload 0',
      { workloadValue: 0, workloadUnit: 'ECTS' },
      [mc('workloadValue: must be greater than 0 and at most 100000 (got 0)')],
    ],
    [
      'negative workload',
      { workloadValue: -3, workloadUnit: 'ECTS' },
      [mc('workloadValue: must be greater than 0 and at most 100000 (got -3)')],
    ],
    [
      'workload over 100000',
      { workloadValue: 100_001, workloadUnit: 'HOURS' },
      [mc('workloadValue: must be at most 100000 and greater than 0 (got 100001)')],
    ],
    [
      'infinite workload',
      { workloadValue: Number.POSITIVE_INFINITY, workloadUnit: 'HOURS' },
      [mc("workloadValue: must be a number (got 'Infinity')")],
    ],
    [
      'workload value without unit',
      { workloadValue: 3 },
      [mc(`workloadUnit: is required with workloadValue: one of ${UNITS}`)],
    ],
    ['workload unit without value', { workloadUnit: 'ECTS' }, [mc('workloadValue: is required with workloadUnit')]],
    [
      'workload unit with a null value',
      { workloadUnit: 'ECTS', workloadValue: null },
      [mc('workloadValue: is required with workloadUnit')],
    ],
    // a refused value or unit is not reported a second time as missing
    [
      'unknown workload unit',
      { workloadValue: 3, workloadUnit: 'CREDITS' },
      [mc(`workloadUnit: must be one of ${UNITS} (got 'CREDITS')`)],
    ],
    [
      'lower-case workload unit alone',
      { workloadUnit: 'ects' },
      [mc(`workloadUnit: must be one of ${UNITS} (got 'ects')`)],
    ],
    [
      'refused value with a valid unit',
      { workloadValue: -1, workloadUnit: 'DAYS' },
      [mc('workloadValue: must be greater than 0 and at most 100000 (got -1)')],
    ],
    [
      'refused value and unit',
      { workloadValue: -1, workloadUnit: 'CREDITS' },
      [
        mc(`workloadUnit: must be one of ${UNITS} (got 'CREDITS')`),
        mc('workloadValue: must be greater than 0 and at most 100000 (got -1)'),
      ],
    ],
    // cost: amount in [0, 1000000], currency ISO 4217, currency required with an amount
    [
      'negative cost',
      { costAmount: -1, costCurrency: 'EUR' },
      [mc('costAmount: must be at least 0 and at most 1000000 (got -1)')],
    ],
    [
      'cost over a million',
      { costAmount: 1_000_001, costCurrency: 'EUR' },
      [mc('costAmount: must be at most 1000000 and at least 0 (got 1000001)')],
    ],
    ['cost as text', { costAmount: 'free' }, [mc("costAmount: must be a number (got 'free')")]],
    ['cost without currency', { costAmount: 100 }, [mc('costCurrency: is required with costAmount')]],
    ['free (0) still needs a currency', { costAmount: 0 }, [mc('costCurrency: is required with costAmount')]],
    [
      'cost with a blank currency',
      { costAmount: 100, costCurrency: '  ' },
      [mc('costCurrency: is required with costAmount')],
    ],
    [
      'currency as a word',
      { costCurrency: 'euro' },
      [mc("costCurrency: must be an ISO 4217 currency code such as EUR (got 'euro')")],
    ],
    [
      'lower-case currency with an amount',
      { costAmount: 100, costCurrency: 'eur' },
      [mc("costCurrency: must be an ISO 4217 currency code such as EUR (got 'eur')")],
    ],
    ['currency not text', { costCurrency: 978 }, [mc('costCurrency: must be text')]],
    // booleans
    [
      'voucherEligible neither yes nor no (CSV passes it through)',
      { voucherEligible: 'maybe' },
      [mc("voucherEligible: must be true or false (got 'maybe')")],
    ],
    ['ilaEligible as a number', { ilaEligible: 1 }, [mc("ilaEligible: must be true or false (got '1')")]],
    // dates
    [
      'month 13',
      { expectedRevisionDate: '2026-13-45' },
      [mc("expectedRevisionDate: must be a date YYYY-MM-DD (got '2026-13-45')")],
    ],
    ['30 February', { validUntil: '2026-02-30' }, [mc("validUntil: must be a date YYYY-MM-DD (got '2026-02-30')")]],
    [
      '29 February outside a leap year',
      { validUntil: '2025-02-29' },
      [mc("validUntil: must be a date YYYY-MM-DD (got '2025-02-29')")],
    ],
    ['day-first date', { validUntil: '31/12/2026' }, [mc("validUntil: must be a date YYYY-MM-DD (got '31/12/2026')")]],
    [
      'date without zero padding',
      { expectedRevisionDate: '2026-1-5' },
      [mc("expectedRevisionDate: must be a date YYYY-MM-DD (got '2026-1-5')")],
    ],
    [
      'date with a time',
      { expectedRevisionDate: '2026-12-31T00:00:00Z' },
      [mc("expectedRevisionDate: must be a date YYYY-MM-DD (got '2026-12-31T00:00:00Z')")],
    ],
    // notApplicable: only LEVEL and the optional elements; each bad element is reported
    [
      'mandatory element not applicable',
      { notApplicable: ['TITLE'] },
      [mc(`notApplicable[0]: 'TITLE' cannot be declared not applicable; allowed: ${MAY_BE_NOT_APPLICABLE}`)],
    ],
    [
      'several bad notApplicable elements',
      { notApplicable: ['LEVEL', 'WORKLOAD', 'level'] },
      [
        mc(`notApplicable[1]: 'WORKLOAD' cannot be declared not applicable; allowed: ${MAY_BE_NOT_APPLICABLE}`),
        mc(`notApplicable[2]: 'level' cannot be declared not applicable; allowed: ${MAY_BE_NOT_APPLICABLE}`),
      ],
    ],
    ['blank notApplicable element', { notApplicable: [''] }, [mc('notApplicable[0]: must be non-empty text')]],
    [
      'level not applicable yet given',
      { notApplicable: ['LEVEL'], eqfLevel: 4 },
      [mc('notApplicable: LEVEL is declared not applicable but eqfLevel is given')],
    ],
    [
      'supervision not applicable yet given',
      { notApplicable: ['SUPERVISION'], supervision: 'SUPERVISED_ONLINE' },
      [mc('notApplicable: SUPERVISION is declared not applicable but supervision is given')],
    ],
    // a refused level is not also a contradiction
    [
      'level not applicable, refused level',
      { notApplicable: ['LEVEL'], eqfLevel: 9 },
      [mc('eqfLevel: must be at most 8 and at least 1 (got 9)')],
    ],
    // recognitions: recognisedBy (required, ≤ 500), purpose (required, ≤ 1000), date
    ['recognitions not a list', { recognitions: 'CES' }, [mc('recognitions: must be a list')]],
    [
      'empty recognition',
      { recognitions: [{}] },
      [mc('recognitions[0].recognisedBy: is required'), mc('recognitions[0].purpose: is required')],
    ],
    [
      'null recognition',
      { recognitions: [null] },
      [mc('recognitions[0].recognisedBy: is required'), mc('recognitions[0].purpose: is required')],
    ],
    [
      'recognition without purpose',
      { recognitions: [{ recognisedBy: 'CES', purpose: ' ' }] },
      [mc('recognitions[0].purpose: is required')],
    ],
    [
      'recogniser not text',
      { recognitions: [{ recognisedBy: 7, purpose: 'hiring' }] },
      [mc('recognitions[0].recognisedBy: must be text')],
    ],
    [
      'recogniser over 500 characters',
      { recognitions: [{ recognisedBy: chars(501), purpose: 'hiring' }] },
      [mc('recognitions[0].recognisedBy: must be at most 500 characters (got 501)')],
    ],
    [
      'purpose over 1000 characters',
      { recognitions: [{ recognisedBy: 'CES', purpose: chars(1001) }] },
      [mc('recognitions[0].purpose: must be at most 1000 characters (got 1001)')],
    ],
    [
      'second recognition with a bad date',
      {
        recognitions: [
          { recognisedBy: 'CES', purpose: 'hiring' },
          { recognisedBy: 'CES', purpose: 'licence', date: '15/01/2024' },
        ],
      },
      [mc("recognitions[1].date: must be a date YYYY-MM-DD (got '15/01/2024')")],
    ],
  ])('rejects %s', (_, change, errors) => {
    expect(errorsOf({ ...minimal, ...change })).toEqual(errors);
  });

  // Every optional list: null is "not specified", [] is "no", an element must be non-empty text.
  it.each([
    'awardingBodyCountries',
    'issuerCountries',
    'issuerRegions',
    'learningOutcomes',
    'prerequisites',
    'stacksInto',
    'languages',
    'sectors',
    'targetOccupations',
    'notApplicable',
  ])('%s: a list of non-empty text', (field) => {
    expect(errorsOf({ ...minimal, [field]: [] })).toEqual([]);
    expect(errorsOf({ ...minimal, [field]: null })).toEqual([]);
    expect(errorsOf({ ...minimal, [field]: ['  '] })).toEqual([mc(`${field}[0]: must be non-empty text`)]);
    expect(errorsOf({ ...minimal, [field]: 'text' })).toEqual([mc(`${field}: must be a list`)]);
  });

  // Length is counted after trimming, so padding around a value at the limit is accepted.
  it.each<[string, number]>([
    ['title', 500],
    ['description', 10_000],
    ['providerId', 200],
    ['nationalLevel', 50],
    ['nationalFramework', 100],
    ['assessmentType', 2000],
    ['qualityAssurance', 2000],
    ['furtherInformation', 2000],
    ['durationText', 200],
    ['sourceName', 500],
    ['sourceReference', 2000],
  ])('%s: at most %i characters', (field, max) => {
    expect(errorsOf({ ...minimal, [field]: ` ${chars(max)} ` })).toEqual([]);
    expect(errorsOf({ ...minimal, [field]: chars(max + 1) })).toEqual([
      mc(`${field}: must be at most ${max} characters (got ${max + 1})`),
    ]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['EQF level 1', { eqfLevel: 1 }],
    ['EQF level 8', { eqfLevel: 8 }],
    ['the smallest workload above 0', { workloadValue: 0.01, workloadUnit: 'ECTS' }],
    ['workload 100000', { workloadValue: 100_000, workloadUnit: 'HOURS' }],
    ['cost 1000000', { costAmount: 1_000_000, costCurrency: 'EUR' }],
    ['a currency without an amount', { costCurrency: 'DKK' }],
    ['an id of 200 characters with every allowed sign', { id: `a1.b_c:d-${chars(191)}` }],
    ['29 February in a leap year', { validUntil: '2024-02-29' }],
    [
      'every element that may be not applicable',
      { notApplicable: ['LEVEL', 'PREREQUISITES', 'SUPERVISION', 'STACKABILITY', 'FURTHER_INFORMATION'] },
    ],
    // only the EQF level contradicts a LEVEL declared not applicable
    ['level not applicable with a national level', { notApplicable: ['LEVEL'], nationalLevel: '4.1' }],
    [
      'a recognition of maximal length with a date',
      { recognitions: [{ recognisedBy: chars(500), purpose: chars(1000), date: '2024-01-15' }] },
    ],
  ])('accepts %s', (_, change) => {
    expect(errorsOf({ ...minimal, ...change })).toEqual([]);
  });

  it('lists several bad fields together: workload and notApplicable first, then in field order, then the cross-field rules', () => {
    expect(
      errorsOf({
        id: 'mc-1',
        title: '',
        awardingBodies: [],
        workloadValue: 3,
        eqfLevel: 9,
        languages: ['english'],
        costAmount: 50,
        notApplicable: ['TITLE', 'SUPERVISION'],
        supervision: 'SUPERVISED_ONLINE',
        recognitions: [{ recognisedBy: 'CES' }],
        validUntil: '2026-02-30',
      }),
    ).toEqual([
      mc(`workloadUnit: is required with workloadValue: one of ${UNITS}`),
      mc(`notApplicable[0]: 'TITLE' cannot be declared not applicable; allowed: ${MAY_BE_NOT_APPLICABLE}`),
      mc('title: is required'),
      mc('awardingBodies: is required (at least one)'),
      mc('eqfLevel: must be at most 8 and at least 1 (got 9)'),
      mc("languages[0]: must be an ISO 639-1 language code such as en (got 'english')"),
      mc("validUntil: must be a date YYYY-MM-DD (got '2026-02-30')"),
      mc('recognitions[0].purpose: is required'),
      mc('costCurrency: is required with costAmount'),
      mc('notApplicable: SUPERVISION is declared not applicable but supervision is given'),
    ]);
  });

  it('normalises workload and keeps the raw value and unit', () => {
    const result = validateMicroCredential({ ...minimal, workloadValue: 2, workloadUnit: 'HR_CSVET' });
    expect(result.ok && result.value).toMatchObject({
      workloadValue: 2,
      workloadUnit: 'HR_CSVET',
      workloadHours: 50,
      workloadEcts: 1.82,
    });
    expect(result.ok && result.value.workloadConversion).toMatch(/2 Croatian VET credit \(CSVET\) × 25 h/);
  });
});

describe('normaliseWorkload', () => {
  it('converts each unit through hours', () => {
    expect(normaliseWorkload(5, 'ECTS')).toMatchObject({ hours: 137.5, ects: 5 });
    expect(normaliseWorkload(10, 'IE_FET_CREDIT')).toMatchObject({ hours: 100, ects: 3.64 });
    expect(normaliseWorkload(2.25, 'PT_CREDIT_POINT').hours).toBe(25);
    expect(normaliseWorkload(3, 'DAYS').hours).toBe(22.5);
  });
});

describe('assessCompleteness', () => {
  const provider = validateProvider({
    id: 'p1',
    name: 'Welding School',
    type: 'VET',
    country: 'HR',
    accreditationStatus: 'ACCREDITED',
    accreditationRegister: 'Croatian training registry',
  });
  it('lists what is missing, counts a level declared not applicable, and explains the checks', () => {
    const result = validateMicroCredential({
      ...minimal,
      issuerCountries: ['HR'],
      learningOutcomes: ['Weld steel plates with the MIG method', 'welding safety'],
      workloadValue: 2,
      workloadUnit: 'HR_CSVET',
      notApplicable: ['LEVEL'],
      expectedRevisionDate: '2025-01-01',
    });
    if (!result.ok || !provider.ok) throw new Error('fixture invalid');
    const completeness = assessCompleteness(result.value, provider.value, '2026-11-23');
    expect(completeness.missingMandatory).toEqual(['ASSESSMENT_TYPE', 'PARTICIPATION_FORM', 'QUALITY_ASSURANCE']);
    expect(completeness.score).toBe(0.67);
    expect(completeness.elements.find((e) => e.element === 'LEVEL')?.state).toBe('NOT_APPLICABLE');
    const checks = Object.fromEntries(completeness.checks.map((c) => [c.check, c]));
    expect(checks.WORKLOAD_IN_ECTS.outcome).toBe('WARN');
    expect(checks.OUTCOMES_WRITTEN_AS_OUTCOMES).toMatchObject({
      outcome: 'WARN',
      detail: expect.stringContaining("'welding safety'"),
    });
    expect(checks.ACCREDITED_PROVIDER.outcome).toBe('PASS');
    expect(checks.REVISION_DATE.outcome).toBe('FAIL');
  });

  it('tells outcomes from topics', () => {
    expect(readsAsOutcome('Operate a forklift safely in a warehouse')).toBe(true);
    expect(readsAsOutcome('The learner is able to plan a shift rota')).toBe(true);
    expect(readsAsOutcome('Digital marketing basics')).toBe(false);
    expect(readsAsOutcome('management and personal leadership')).toBe(false);
    expect(readsAsOutcome('Manages a team of five')).toBe(true);
  });
});

describe('contentHash', () => {
  it('changes with any stated element and ignores absent ones, so a new optional element keeps existing fingerprints', async () => {
    const { contentHash } = await import('../../src/catalogue/store.js');
    const record = { id: 'mc-1', title: 'Arc welding', issuerCountries: ['HR'], eqfLevel: 4 };
    expect(contentHash({ ...record, awardingBodyCountries: null, description: undefined })).toBe(contentHash(record));
    expect(
      new Set(
        [
          record,
          { ...record, eqfLevel: 5 },
          { ...record, issuerCountries: [] },
          { ...record, awardingBodyCountries: ['IT'] },
        ].map(contentHash),
      ).size,
    ).toBe(4);
  });
});
