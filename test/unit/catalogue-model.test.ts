import { describe, expect, it } from 'vitest';
import { assessCompleteness, readsAsOutcome } from '../../src/catalogue/completeness.js';
import { type MicroCredentialInput, formatFieldError, validateMicroCredential, validateProvider } from '../../src/catalogue/model.js';
import { normaliseWorkload } from '../../src/catalogue/units.js';

const minimal: MicroCredentialInput = { id: 'mc-1', title: 'Arc welding basics', awardingBodies: ['Welding School Zagreb'] };

function errorsOf(input: MicroCredentialInput) {
  const result = validateMicroCredential(input);
  return result.ok ? [] : result.errors.map(formatFieldError);
}

describe('validateMicroCredential', () => {
  it('accepts an offer with only a title and an awarding body', () => {
    const result = validateMicroCredential(minimal);
    expect(result.ok).toBe(true);
  });

  it.each([
    [{ ...minimal, title: '  ' }, "microCredential 'mc-1': title: is required"],
    [{ ...minimal, awardingBodies: [] }, "microCredential 'mc-1': awardingBodies: is required (at least one)"],
    [{ ...minimal, eqfLevel: 9 }, "microCredential 'mc-1': eqfLevel: must be at most 8 and at least 1 (got 9)"],
    [{ ...minimal, eqfLevel: 2.5 }, "microCredential 'mc-1': eqfLevel: must be a whole number (got 2.5)"],
    [{ ...minimal, workloadValue: -3, workloadUnit: 'ECTS' }, "microCredential 'mc-1': workloadValue: must be greater than 0 and at most 100000 (got -3)"],
    [{ ...minimal, workloadValue: 3 }, "microCredential 'mc-1': workloadUnit: is required with workloadValue"],
    [{ ...minimal, workloadValue: 3, workloadUnit: 'CREDITS' }, "microCredential 'mc-1': workloadUnit: must be one of ECTS"],
    [{ ...minimal, supervision: 'PROCTORED' }, "microCredential 'mc-1': supervision: must be one of UNSUPERVISED_NO_IDENTITY_VERIFICATION, SUPERVISED_NO_IDENTITY_VERIFICATION, SUPERVISED_ONLINE, ONSITE_WITH_IDENTITY_VERIFICATION (got 'PROCTORED')"],
    [{ ...minimal, issuerCountries: ['Croatia'] }, "microCredential 'mc-1': issuerCountries[0]: must be an ISO 3166 two-letter country code such as DK (got 'Croatia')"],
    [{ ...minimal, sectors: ['manufacturing'] }, "microCredential 'mc-1': sectors[0]: must be a NACE Rev.2 code"],
    [{ ...minimal, notApplicable: ['TITLE'] }, "microCredential 'mc-1': notApplicable[0]: 'TITLE' cannot be declared not applicable"],
    [{ ...minimal, id: 'has space' }, "microCredential 'has space': id: must start with a letter or digit"],
    [{ ...minimal, expectedRevisionDate: '2026-13-45' }, "microCredential 'mc-1': expectedRevisionDate: must be a date YYYY-MM-DD"],
  ])('rejects %o with a message naming record and field', (input, message) => {
    expect(errorsOf(input as MicroCredentialInput).join('\n')).toContain(message);
  });

  it('normalises workload and keeps the raw value and unit', () => {
    const result = validateMicroCredential({ ...minimal, workloadValue: 2, workloadUnit: 'HR_CSVET' });
    expect(result.ok && result.value).toMatchObject({ workloadValue: 2, workloadUnit: 'HR_CSVET', workloadHours: 50, workloadEcts: 1.82 });
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

describe('validateProvider', () => {
  it('requires the register when a provider is accredited, and a known type', () => {
    const result = validateProvider({ id: 'p1', name: 'Uni', type: 'UNIVERSITY', accreditationStatus: 'ACCREDITED' });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['type', 'accreditationRegister']);
  });
});

describe('assessCompleteness', () => {
  const provider = validateProvider({ id: 'p1', name: 'Welding School', type: 'VET', country: 'HR', accreditationStatus: 'ACCREDITED', accreditationRegister: 'Croatian training registry' });
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
    expect(checks.OUTCOMES_WRITTEN_AS_OUTCOMES).toMatchObject({ outcome: 'WARN', detail: expect.stringContaining("'welding safety'") });
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
