import { learnerPseudonym } from '../access/callers.js';
import { PARTICIPATION_FORMS } from '../catalogue/model.js';
import { type FieldError, isCalendarDate } from '../catalogue/validation.js';
import type { ReferenceLists } from '../demand/reference.js';
import { resolveRegion } from '../intelligence/slice.js';
import type { PlanConstraints } from './course-plan.js';

/**
 * Jobseeker profiles, pseudonymous: no name or national identifier is ever stored. The counsellor's own
 * reference for the person is kept only as a keyed pseudonym (as for issued credentials), so the
 * counsellor can find the profile again and the graph alone cannot tell who it is. Free text (interview
 * notes, a CV paragraph) is read for skill suggestions and not stored. Pure: validation only.
 */

export const FUNDING_KINDS = ['VOUCHER', 'ILA', 'NONE'] as const;

export interface ConstraintsInput {
  region?: string | null;
  remote?: boolean | null;
  modes?: readonly string[] | null;
  maxWorkloadHours?: number | null;
  earliestStart?: string | null;
  languages?: readonly string[] | null;
  eqfLevel?: number | null;
  funding?: { kind: string; amount?: number | null; currency?: string | null } | null;
}

/** Checks constraints, fields named under `prefix`, and resolves the region against the official code lists (null when none is given). */
export function checkConstraints(
  c: ConstraintsInput,
  prefix: string,
  refs: ReferenceLists,
): { problems: FieldError[]; region: string | null } {
  const errors: FieldError[] = [];
  const fail = (field: string, reason: string) => errors.push({ record: prefix, field: `${prefix}.${field}`, reason });
  const badMode = (c.modes ?? []).find((m) => !(PARTICIPATION_FORMS as readonly string[]).includes(m));
  if (badMode) fail('modes', `unknown form of participation '${badMode}'; one of ${PARTICIPATION_FORMS.join(', ')}`);
  if (c.maxWorkloadHours != null && !(c.maxWorkloadHours > 0 && c.maxWorkloadHours <= 10_000))
    fail('maxWorkloadHours', `must be more than 0 and at most 10000 (got ${c.maxWorkloadHours})`);
  if (c.earliestStart != null && !isCalendarDate(c.earliestStart))
    fail('earliestStart', `must be a date YYYY-MM-DD (got '${c.earliestStart}')`);
  const badLanguage = (c.languages ?? []).find((l) => !/^[a-z]{2}$/.test(l));
  if (badLanguage !== undefined) fail('languages', `must be ISO 639-1 codes such as en or hr (got '${badLanguage}')`);
  if (c.eqfLevel != null && !(Number.isInteger(c.eqfLevel) && c.eqfLevel >= 1 && c.eqfLevel <= 8))
    fail('eqfLevel', `must be 1–8 (got ${c.eqfLevel})`);
  if (c.funding) {
    if (!(FUNDING_KINDS as readonly string[]).includes(c.funding.kind))
      fail('funding.kind', `must be one of ${FUNDING_KINDS.join(', ')}`);
    if (c.funding.amount != null && !(c.funding.amount >= 0))
      fail('funding.amount', `must not be negative (got ${c.funding.amount})`);
    if (c.funding.currency != null && !/^[A-Z]{3}$/.test(c.funding.currency))
      fail('funding.currency', `must be an ISO 4217 code such as EUR (got '${c.funding.currency}')`);
  }
  const region = resolveRegion(c.region, refs);
  if (!region.ok) fail('region', region.reason);
  return { problems: errors, region: region.ok ? region.code : null };
}

export function toPlanConstraints(c: ConstraintsInput, region: string | null): PlanConstraints {
  return {
    region,
    remote: c.remote ?? null,
    modes: c.modes ? [...c.modes] : null,
    maxWorkloadHours: c.maxWorkloadHours ?? null,
    earliestStart: c.earliestStart ?? null,
    languages: c.languages ? [...c.languages] : null,
    eqfLevel: c.eqfLevel ?? null,
    funding: c.funding
      ? {
          kind: c.funding.kind as 'VOUCHER' | 'ILA' | 'NONE',
          amount: c.funding.amount ?? null,
          currency: c.funding.currency ?? null,
        }
      : null,
  };
}

/** The profile's stored constraints, with any given for one question taking precedence field by field. */
export function mergeConstraints(
  stored: ConstraintsInput,
  given: ConstraintsInput | null | undefined,
): ConstraintsInput {
  if (!given) return stored;
  const merged: ConstraintsInput = { ...stored };
  for (const [key, value] of Object.entries(given) as Array<[keyof ConstraintsInput, unknown]>)
    if (value != null) (merged as Record<string, unknown>)[key] = value;
  return merged;
}

export function referenceProblem(reference: string | null | undefined): FieldError | null {
  const value = reference?.trim() ?? '';
  if (!value)
    return {
      record: 'jobseeker',
      field: 'reference',
      reason: 'is required (the counsellor’s own reference for the person; it is stored only as a pseudonym)',
    };
  if (value.length > 200) return { record: 'jobseeker', field: 'reference', reason: 'must be at most 200 characters' };
  return null;
}

/** The keyed pseudonym a profile is found by: the same HMAC as learners', over the reference in its own namespace. */
export function jobseekerPseudonym(secret: string, reference: string): string {
  return learnerPseudonym(secret, `jobseeker|${reference}`);
}

/**
 * A work history with each occupation once: two jobs in the same occupation (two kitchens, two titles the
 * search matched to one occupation) are one entry whose years are the sum of those given (null when none
 * is), with both details, in the order first given.
 */
export function mergeWorkHistory<T extends { uri: string; years: number | null; detail: string }>(
  work: readonly T[],
): T[] {
  const byOccupation = new Map<string, T>();
  for (const item of work) {
    const held = byOccupation.get(item.uri);
    if (!held) byOccupation.set(item.uri, { ...item });
    else {
      held.years = held.years === null && item.years === null ? null : (held.years ?? 0) + (item.years ?? 0);
      if (!held.detail.split('; ').includes(item.detail)) held.detail = `${held.detail}; ${item.detail}`;
    }
  }
  return [...byOccupation.values()];
}
