import { describe, expect, it } from 'vitest';
import type { ProviderInput, QualificationInput } from '../../src/catalogue/model.js';
import { formatFieldError, validateProvider, validateQualification } from '../../src/catalogue/validation.js';

// Offer validation: catalogue-model.test.ts. Inputs are untyped on purpose: a JSON import hands the
// validator whatever the file holds.

const chars = (length: number) => 'x'.repeat(length);
const ID_REASON = "must start with a letter or digit and contain only letters, digits, '.', '_', ':' or '-'";
const PROVIDER_TYPES =
  'HIGHER_EDUCATION, VET, EMPLOYER, SOCIAL_PARTNER, PRIVATE, PUBLIC_EMPLOYMENT_SERVICE, PUBLIC_AUTHORITY, OTHER';
const REGISTER_REQUIRED =
  'accreditationRegister: is required when accreditationStatus is ACCREDITED: name the public register (e.g. DEQAR)';

describe('validateProvider', () => {
  const minimal = { id: 'p1', name: 'Welding School Zagreb', type: 'VET' };
  const p = (fieldAndReason: string) => `provider 'p1': ${fieldAndReason}`;
  function errorsOf(input: Record<string, unknown>, record?: string): string[] {
    const result = validateProvider(input as ProviderInput, record);
    return result.ok ? [] : result.errors.map(formatFieldError);
  }

  it('accepts a provider with an id, a name and a type, defaulting accreditation to NOT_SPECIFIED', () => {
    const result = validateProvider(minimal);
    expect(result.ok && result.value).toEqual({
      ...minimal,
      country: null,
      region: null,
      accreditationStatus: 'NOT_SPECIFIED',
      accreditationRegister: null,
      registerId: null,
      website: null,
    });
  });

  it('names the record by its id, by "provider" without one, or as the caller says', () => {
    expect(errorsOf({ name: 'N', type: 'VET' })).toEqual(['provider: id: is required']);
    expect(errorsOf({ ...minimal, name: '' }, 'catalogue.json providers[2]')).toEqual([
      'catalogue.json providers[2]: name: is required',
    ]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['id with a space', { id: 'p 1' }, [`provider 'p 1': id: ${ID_REASON} (got 'p 1')`]],
    [
      'id over 200 characters',
      { id: chars(201) },
      [`provider '${chars(201)}': id: must be at most 200 characters (got 201)`],
    ],
    ['name missing', { name: undefined }, [p('name: is required')]],
    ['name blank', { name: ' ' }, [p('name: is required')]],
    ['name not text', { name: 12 }, [p('name: must be text')]],
    // a missing type is reported after the other fields; an unknown one in field order
    ['type missing', { type: undefined }, [p(`type: is required: one of ${PROVIDER_TYPES}`)]],
    ['type empty', { type: '' }, [p(`type: is required: one of ${PROVIDER_TYPES}`)]],
    ['unknown type', { type: 'UNIVERSITY' }, [p(`type: must be one of ${PROVIDER_TYPES} (got 'UNIVERSITY')`)]],
    [
      'country name',
      { country: 'Croatia' },
      [p("country: must be an ISO 3166 two-letter country code such as HR (got 'Croatia')")],
    ],
    [
      'lower-case country code',
      { country: 'hr' },
      [p("country: must be an ISO 3166 two-letter country code such as HR (got 'hr')")],
    ],
    ['country not text', { country: 385 }, [p('country: must be text')]],
    [
      'unknown accreditation status',
      { accreditationStatus: 'YES' },
      [p("accreditationStatus: must be one of ACCREDITED, NOT_ACCREDITED, NOT_SPECIFIED (got 'YES')")],
    ],
    ['accredited without register', { accreditationStatus: 'ACCREDITED' }, [p(REGISTER_REQUIRED)]],
    [
      'accredited with a blank register',
      { accreditationStatus: 'ACCREDITED', accreditationRegister: '  ' },
      [p(REGISTER_REQUIRED)],
    ],
    // a register that is given but refused is not also reported missing
    [
      'accredited with a register over 200 characters',
      { accreditationStatus: 'ACCREDITED', accreditationRegister: chars(201) },
      [p('accreditationRegister: must be at most 200 characters (got 201)')],
    ],
    [
      'several bad fields',
      {
        id: undefined,
        name: '',
        type: 'UNIVERSITY',
        country: 'Croatia',
        website: chars(2001),
        accreditationStatus: 'ACCREDITED',
      },
      [
        'provider: id: is required',
        'provider: name: is required',
        `provider: type: must be one of ${PROVIDER_TYPES} (got 'UNIVERSITY')`,
        "provider: country: must be an ISO 3166 two-letter country code such as HR (got 'Croatia')",
        'provider: website: must be at most 2000 characters (got 2001)',
        `provider: ${REGISTER_REQUIRED}`,
      ],
    ],
    [
      'missing type among other errors comes last',
      { name: '', type: null, region: chars(201) },
      [
        p('name: is required'),
        p('region: must be at most 200 characters (got 201)'),
        p(`type: is required: one of ${PROVIDER_TYPES}`),
      ],
    ],
  ])('rejects %s', (_, change, errors) => {
    expect(errorsOf({ ...minimal, ...change })).toEqual(errors);
  });

  it.each<[string, number]>([
    ['name', 500],
    ['region', 200],
    ['accreditationRegister', 200],
    ['registerId', 200],
    ['website', 2000],
  ])('%s: at most %i characters', (field, max) => {
    expect(errorsOf({ ...minimal, [field]: ` ${chars(max)} ` })).toEqual([]);
    expect(errorsOf({ ...minimal, [field]: chars(max + 1) })).toEqual([
      p(`${field}: must be at most ${max} characters (got ${max + 1})`),
    ]);
  });

  it.each<[string, Record<string, unknown>]>([
    ...PROVIDER_TYPES.split(', ').map((type): [string, Record<string, unknown>] => [`type ${type}`, { type }]),
    [
      'accredited with a register',
      { accreditationStatus: 'ACCREDITED', accreditationRegister: 'DEQAR', registerId: 'DEQARINST0001' },
    ],
    ['not accredited without a register', { accreditationStatus: 'NOT_ACCREDITED' }],
    ['a register without accreditation', { accreditationStatus: 'NOT_SPECIFIED', accreditationRegister: 'DEQAR' }],
    ['a trimmed country code', { country: ' HR ' }],
  ])('accepts %s', (_, change) => {
    expect(errorsOf({ ...minimal, ...change })).toEqual([]);
  });
});

describe('validateQualification', () => {
  const minimal = { id: 'hr-welder', title: 'Welder' };
  const q = (fieldAndReason: string) => `qualification 'hr-welder': ${fieldAndReason}`;
  function errorsOf(input: Record<string, unknown>, record?: string): string[] {
    const result = validateQualification(input as QualificationInput, record);
    return result.ok ? [] : result.errors.map(formatFieldError);
  }

  it('accepts a qualification with an id and a title, the national level kept as written', () => {
    const result = validateQualification({
      ...minimal,
      country: 'HR',
      eqfLevel: 4,
      nationalLevel: '4.1',
      nationalFramework: 'CROQF',
    });
    expect(result.ok && result.value).toEqual({
      ...minimal,
      country: 'HR',
      eqfLevel: 4,
      nationalLevel: '4.1',
      nationalFramework: 'CROQF',
      awardingBody: null,
      sourceName: null,
      sourceReference: null,
      qualificationType: null,
      description: null,
      issuerRegions: null,
      durationMonths: null,
      route: null,
      jobRoles: null,
      targetOccupations: null,
      eqfConversion: null,
      workloadHours: null,
      workloadBasis: null,
      status: 'PUBLISHED',
      learningOutcomes: null,
      duties: null,
    });
  });

  it("checks a qualification's statements and duties: kinds, duplicate ids, duties mapped to statements it has", () => {
    expect(
      errorsOf({
        ...minimal,
        issuerRegions: ['UKI', 'London'],
        learningOutcomes: [
          { id: 's1', kind: 'SKILL', text: 'Weld steel plate' },
          { id: 's1', kind: 'KNOWLEDGE', text: 'Metallurgy' },
          { id: 's2', kind: 'ATTITUDE', text: 'Work safely' },
          { id: 's3', text: '' },
        ],
        duties: [{ id: 'd1', text: 'Weld joints', outcomes: ['s1', 's9'] }, { text: 'Inspect welds' }],
      }),
    ).toEqual([
      "qualification 'hr-welder': learningOutcomes[1].id: 's1' appears more than once in the qualification",
      "qualification 'hr-welder': learningOutcomes[2].kind: must be one of SKILL, KNOWLEDGE, BEHAVIOUR, OUTCOME (got 'ATTITUDE')",
      "qualification 'hr-welder': learningOutcomes[3].text: is required",
      "qualification 'hr-welder': issuerRegions[1]: must be a NUTS code such as UKI or DE21 (got 'London')",
      "qualification 'hr-welder': duties[0].outcomes[1]: no learning outcome 's9' in the qualification",
      "qualification 'hr-welder': duties[1].id: is required",
    ]);
  });

  it('names the record by its id, by "qualification" without one, or as the caller says', () => {
    expect(errorsOf({ title: 'Welder' })).toEqual(['qualification: id: is required']);
    expect(errorsOf({ ...minimal, title: '' }, 'catalogue.json qualifications[0]')).toEqual([
      'catalogue.json qualifications[0]: title: is required',
    ]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['id starting with punctuation', { id: '_q' }, [`qualification '_q': id: ${ID_REASON} (got '_q')`]],
    [
      'id over 200 characters',
      { id: chars(201) },
      [`qualification '${chars(201)}': id: must be at most 200 characters (got 201)`],
    ],
    ['title missing', { title: undefined }, [q('title: is required')]],
    ['title blank', { title: '  ' }, [q('title: is required')]],
    ['title not text', { title: ['Welder'] }, [q('title: must be text')]],
    [
      'country name',
      { country: 'Ireland' },
      [q("country: must be an ISO 3166 two-letter country code such as IE (got 'Ireland')")],
    ],
    [
      'lower-case country code',
      { country: 'ie' },
      [q("country: must be an ISO 3166 two-letter country code such as IE (got 'ie')")],
    ],
    ['EQF level 9', { eqfLevel: 9 }, [q('eqfLevel: must be at most 8 and at least 1 (got 9)')]],
    ['EQF level 0', { eqfLevel: 0 }, [q('eqfLevel: must be at least 1 and at most 8 (got 0)')]],
    ['EQF level 4.5', { eqfLevel: 4.5 }, [q('eqfLevel: must be a whole number (got 4.5)')]],
    ['EQF level as text', { eqfLevel: 'four' }, [q("eqfLevel: must be a number (got 'four')")]],
    [
      'several bad fields',
      {
        id: 'hr-welder',
        title: '',
        country: 'Croatia',
        eqfLevel: 10,
        nationalLevel: chars(51),
        sourceReference: chars(2001),
      },
      [
        q('title: is required'),
        q("country: must be an ISO 3166 two-letter country code such as IE (got 'Croatia')"),
        q('eqfLevel: must be at most 8 and at least 1 (got 10)'),
        q('nationalLevel: must be at most 50 characters (got 51)'),
        q('sourceReference: must be at most 2000 characters (got 2001)'),
      ],
    ],
  ])('rejects %s', (_, change, errors) => {
    expect(errorsOf({ ...minimal, ...change })).toEqual(errors);
  });

  it.each<[string, number]>([
    ['title', 500],
    ['nationalLevel', 50],
    ['nationalFramework', 100],
    ['awardingBody', 500],
    ['sourceName', 500],
    ['sourceReference', 2000],
  ])('%s: at most %i characters', (field, max) => {
    expect(errorsOf({ ...minimal, [field]: ` ${chars(max)} ` })).toEqual([]);
    expect(errorsOf({ ...minimal, [field]: chars(max + 1) })).toEqual([
      q(`${field}: must be at most ${max} characters (got ${max + 1})`),
    ]);
  });

  it.each([1, 8])('accepts EQF level %i', (eqfLevel) => {
    expect(errorsOf({ ...minimal, eqfLevel })).toEqual([]);
  });
});
