import { round } from '../numbers.js';

/**
 * Workload units met in European micro-credential catalogues, and how each converts to hours.
 * Raw value and unit are always kept; the normalised hours and ECTS say which conversion made them.
 * Sources: DOMAIN.md "Units and levels" (from the 2025 progress report, Table 1, and the peer-learning reports).
 */
export interface WorkloadUnit {
  code: string;
  label: string;
  hoursPerUnit: number;
  basis: string;
}

/** ECTS: 25–30 hours of work per credit (ECTS Users' Guide); the midpoint is used to convert. */
export const HOURS_PER_ECTS = 27.5;

export const WORKLOAD_UNITS: WorkloadUnit[] = [
  { code: 'ECTS', label: 'ECTS credit', hoursPerUnit: HOURS_PER_ECTS, basis: '1 ECTS = 25–30 h; midpoint 27.5 h' },
  { code: 'HOURS', label: 'hours', hoursPerUnit: 1, basis: 'hours as stated' },
  { code: 'DAYS', label: 'days', hoursPerUnit: 7.5, basis: 'one training day counted as 7.5 h' },
  {
    code: 'WEEKS',
    label: 'weeks (full time)',
    hoursPerUnit: 37.5,
    basis: 'one full-time week counted as 5 days of 7.5 h',
  },
  {
    code: 'HR_CSVET',
    label: 'Croatian VET credit (CSVET)',
    hoursPerUnit: 25,
    basis: '1 CSVET = 25 h (Croatian peer-learning report)',
  },
  { code: 'IE_FET_CREDIT', label: 'Irish FET credit', hoursPerUnit: 10, basis: '1 FET credit = 10 h of learning' },
  {
    code: 'PT_CREDIT_POINT',
    label: 'Portuguese credit point',
    hoursPerUnit: 25 / 2.25,
    basis: '2.25 credit points = 25 h',
  },
  { code: 'SE_GY_CREDIT', label: 'Swedish upper-secondary credit', hoursPerUnit: 1, basis: '1 credit = 1 h' },
  {
    code: 'LT_LEARNING_CREDIT',
    label: 'Lithuanian learning credit',
    hoursPerUnit: 27 * 0.75,
    basis: '1 credit = 27 academic hours of 45 min = 20.25 h',
  },
  { code: 'EE_CREDIT_POINT', label: 'Estonian credit point (EKAP)', hoursPerUnit: 26, basis: '1 EKAP = 26 h' },
];

const byCode = new Map(WORKLOAD_UNITS.map((unit) => [unit.code, unit]));

export function workloadUnit(code: string): WorkloadUnit | undefined {
  return byCode.get(code);
}

export interface NormalisedWorkload {
  hours: number;
  ects: number;
  conversion: string;
}

export function normaliseWorkload(value: number, unitCode: string): NormalisedWorkload {
  const unit = byCode.get(unitCode);
  if (!unit) throw new Error(`unknown workload unit ${unitCode}`);
  const hours = round(value * unit.hoursPerUnit, 2);
  const ects = unit.code === 'ECTS' ? value : round(hours / HOURS_PER_ECTS, 2);
  const conversion =
    unit.code === 'ECTS'
      ? `${value} ECTS as stated; ${hours} h at ${HOURS_PER_ECTS} h per ECTS`
      : `${value} ${unit.label} × ${round(unit.hoursPerUnit, 2)} h (${unit.basis}) = ${hours} h; ÷ ${HOURS_PER_ECTS} h per ECTS = ${ects} ECTS`;
  return { hours, ects, conversion };
}
