import { describe, expect, it } from 'vitest';
import { fromRegisterCsv } from '../../src/catalogue/register-csv.js';
import { formatFieldError, validateQualification } from '../../src/catalogue/validation.js';

const CSV = [
  'id,title,country,issuerRegions,eqfLevel,nationalLevel,nationalFramework,durationMonths,learningOutcomes,status',
  'hr-welder,Welder,HR,HR03|HR04,4,4.1,CROQF,24,Weld steel plates | Read welding drawings,PUBLISHED',
  'hr-baker,Baker,HR,,,,,nine,,',
].join('\n');

describe('fromRegisterCsv', () => {
  it('reads one qualification a row: lists split on |, numbers, outcomes as statements, empty cells not specified', () => {
    const { qualifications, recordNames } = fromRegisterCsv(CSV, 'register.csv');
    expect(qualifications[0]).toEqual({
      id: 'hr-welder',
      title: 'Welder',
      country: 'HR',
      issuerRegions: ['HR03', 'HR04'],
      eqfLevel: 4,
      nationalLevel: '4.1',
      nationalFramework: 'CROQF',
      durationMonths: 24,
      learningOutcomes: [{ text: 'Weld steel plates' }, { text: 'Read welding drawings' }],
      status: 'PUBLISHED',
    });
    expect(validateQualification(qualifications[0], recordNames[0]).ok).toBe(true);
    const baker = validateQualification(qualifications[1], recordNames[1]);
    expect(baker.ok ? [] : baker.errors.map(formatFieldError)).toEqual([
      "register.csv line 3 (qualification 'hr-baker'): durationMonths: must be a number (got 'nine')",
    ]);
  });

  it('refuses a column it does not know, by name', () => {
    expect(() => fromRegisterCsv('id,title,eqf_level\nq,Q,4\n', 'register.csv')).toThrow(
      'register.csv:1: unknown column(s) "eqf_level"; the register CSV has: id, title,',
    );
  });
});
