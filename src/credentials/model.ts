import { type FieldError, type Validated, isCalendarDate } from '../catalogue/validation.js';

/**
 * An issued credential: one learner's award of a micro-credential offer (Annex I: identification of the
 * learner, date of issuing, grade achieved). The learner identifier the issuer uses is only ever held long
 * enough to compute the pseudonym; it is not stored, logged or returned.
 */

export interface IssueCredentialInput {
  microCredentialId?: string | null;
  learnerId?: string | null;
  issuedOn?: string | null;
  grade?: string | null;
}

export interface IssuedCredentialRecord {
  microCredentialId: string;
  learnerId: string;
  issuedOn: string;
  grade: string | null;
}

export function validateIssue(
  input: IssueCredentialInput,
  today = new Date().toISOString().slice(0, 10),
): Validated<IssuedCredentialRecord> {
  const errors: FieldError[] = [];
  const record = 'issuedCredential';
  const fail = (field: string, reason: string) => errors.push({ record, field, reason });
  const microCredentialId = input.microCredentialId?.trim() ?? '';
  const learnerId = input.learnerId?.trim() ?? '';
  const issuedOn = input.issuedOn?.trim() ?? '';
  const grade = input.grade?.trim() || null;
  if (!microCredentialId) fail('microCredentialId', 'is required');
  if (!learnerId)
    fail('learnerId', 'is required (the identifier the issuer knows the learner by; it is stored only as a pseudonym)');
  else if (learnerId.length > 200) fail('learnerId', 'must be at most 200 characters');
  if (!isCalendarDate(issuedOn)) fail('issuedOn', `must be a date YYYY-MM-DD (got '${issuedOn}')`);
  else if (issuedOn > today) fail('issuedOn', `cannot be in the future (got ${issuedOn})`);
  if (grade !== null && grade.length > 100) fail('grade', 'must be at most 100 characters');
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, value: { microCredentialId, learnerId, issuedOn, grade } };
}
