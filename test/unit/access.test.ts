import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS_CALLER,
  DEVELOPMENT_CALLER,
  hasRole,
  identifyCaller,
  learnerPseudonym,
  parseApiKeys,
  parseKeysFile,
} from '../../src/access/callers.js';
import { validateIssue } from '../../src/credentials/model.js';

describe('parseApiKeys', () => {
  it('reads name:roles:key entries and reports bad ones', () => {
    const { keys, problems } = parseApiKeys(
      'ana:curator:0123456789abcdef, pes:issuer+curator:fedcba9876543210,bad:root:0123456789abcdef,short:admin:abc,broken',
    );
    expect(keys.map((k) => [k.name, k.roles])).toEqual([
      ['ana', ['curator']],
      ['pes', ['issuer', 'curator']],
    ]);
    expect(problems).toEqual([
      "HUB_API_KEYS entry 3 ('bad'): unknown role(s) root; roles are curator, issuer, counsellor, analyst, admin",
      "HUB_API_KEYS entry 4 ('short'): the key must be at least 16 characters",
      'HUB_API_KEYS entry 5 must be name:role+role:key',
    ]);
  });
});

describe('identifyCaller', () => {
  const { keys } = parseApiKeys('ana:curator:0123456789abcdef');
  it('gives every role in development mode and none to an anonymous caller once keys exist', () => {
    expect(identifyCaller(undefined, [])).toEqual({ ok: true, caller: DEVELOPMENT_CALLER });
    expect(identifyCaller(undefined, keys)).toEqual({ ok: true, caller: ANONYMOUS_CALLER });
  });
  it('recognises a bearer key and refuses an unknown one', () => {
    const result = identifyCaller('Bearer 0123456789abcdef', keys);
    expect(result.ok && result.caller.name).toBe('ana');
    expect(result.ok && hasRole(result.caller, 'curator')).toBe(true);
    expect(result.ok && hasRole(result.caller, 'issuer')).toBe(false);
    expect(identifyCaller('Bearer nope', keys)).toEqual({ ok: false, reason: 'unknown API key' });
    expect(identifyCaller('Basic abc', keys).ok).toBe(false);
  });
});

describe('learnerPseudonym', () => {
  const SECRET = 's'.repeat(32);
  const LEARNER = 'jobseeker-4711@example.org';
  /** The definition in docs/access.md, HMAC-SHA256(HUB_PSEUDONYM_SECRET, learnerId), computed here with node:crypto. */
  const hmacSha256Hex = (secret: string, message: string) =>
    createHmac('sha256', secret).update(message, 'utf8').digest('hex');

  it('is `learner:` and the first 32 hex digits (128 bits) of HMAC-SHA256(secret, learnerId)', () => {
    const digest = hmacSha256Hex(SECRET, LEARNER);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(learnerPseudonym(SECRET, LEARNER)).toBe(`learner:${digest.slice(0, 32)}`);
    // RFC 4231, test case 2: HMAC-SHA256(key "Jefe", "what do ya want for nothing?") = 5bdcc146bf60754e6a042426089575c7 5a003f08….
    expect(learnerPseudonym('Jefe', 'what do ya want for nothing?')).toBe('learner:5bdcc146bf60754e6a042426089575c7');
  });
  it('ignores white space around the identifier, and nothing else: case and inner spaces count', () => {
    const pseudonym = learnerPseudonym(SECRET, LEARNER);
    expect(learnerPseudonym(SECRET, ` ${LEARNER}\t\n`)).toBe(pseudonym);
    expect(learnerPseudonym(SECRET, 'Jobseeker-4711@example.org')).toBe(
      `learner:${hmacSha256Hex(SECRET, 'Jobseeker-4711@example.org').slice(0, 32)}`,
    );
    expect(learnerPseudonym(SECRET, 'Jobseeker-4711@example.org')).not.toBe(pseudonym);
    expect(learnerPseudonym(SECRET, 'jobseeker 4711')).not.toBe(learnerPseudonym(SECRET, 'jobseeker  4711'));
  });
  it('differs across secrets and does not contain the identifier', () => {
    const pseudonym = learnerPseudonym(SECRET, LEARNER);
    expect(learnerPseudonym('t'.repeat(32), LEARNER)).toBe(
      `learner:${hmacSha256Hex('t'.repeat(32), LEARNER).slice(0, 32)}`,
    );
    expect(learnerPseudonym('t'.repeat(32), LEARNER)).not.toBe(pseudonym);
    expect(pseudonym).toMatch(/^learner:[0-9a-f]{32}$/);
    expect(pseudonym).not.toContain('jobseeker');
    expect(pseudonym).not.toContain('4711');
  });
});

describe('validateIssue', () => {
  it('names each bad field', () => {
    const result = validateIssue({ microCredentialId: '', learnerId: ' ', issuedOn: '2999-01-01' }, '2026-11-23');
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['microCredentialId', 'learnerId', 'issuedOn']);
  });
  it('refuses a day that does not exist rather than rolling it over', () => {
    const result = validateIssue({ microCredentialId: 'mc-1', learnerId: 'l-1', issuedOn: '2025-02-29' }, '2026-11-23');
    expect(result.ok ? [] : result.errors.map((e) => `${e.field}: ${e.reason}`)).toEqual([
      "issuedOn: must be a date YYYY-MM-DD (got '2025-02-29')",
    ]);
    expect(
      validateIssue({ microCredentialId: 'mc-1', learnerId: 'l-1', issuedOn: '2024-02-29' }, '2026-11-23').ok,
    ).toBe(true);
  });
});

describe('parseKeysFile', () => {
  it('reads one entry a line, skips blanks and comments, and names the file and line of a bad one', () => {
    expect(
      parseKeysFile('# desk 1\npes:counsellor:counsellor-key-0123456789\n\nbad\nx:curator:short\n', '/etc/hub-keys'),
    ).toEqual({
      keys: [{ name: 'pes', roles: ['counsellor'], key: 'counsellor-key-0123456789' }],
      problems: [
        '/etc/hub-keys line 4 must be name:role+role:key',
        "/etc/hub-keys line 5 ('x'): the key must be at least 16 characters",
      ],
    });
  });
});
