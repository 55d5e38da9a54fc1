import { describe, expect, it } from 'vitest';
import { ANONYMOUS_CALLER, DEVELOPMENT_CALLER, hasRole, identifyCaller, learnerPseudonym, parseApiKeys } from '../../src/access/callers.js';
import { validateIssue } from '../../src/credentials/model.js';

describe('parseApiKeys', () => {
  it('reads name:roles:key entries and reports bad ones', () => {
    const { keys, problems } = parseApiKeys('ana:curator:0123456789abcdef, pes:issuer+curator:fedcba9876543210,bad:root:0123456789abcdef,short:admin:abc,broken');
    expect(keys.map((k) => [k.name, k.roles])).toEqual([
      ['ana', ['curator']],
      ['pes', ['issuer', 'curator']],
    ]);
    expect(problems).toEqual([
      "HUB_API_KEYS entry 3 ('bad'): unknown role(s) root; roles are curator, issuer, admin",
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
  it('is stable for a secret and identifier, differs across secrets, and does not contain the identifier', () => {
    const a = learnerPseudonym('s'.repeat(32), 'jobseeker-4711');
    expect(a).toBe(learnerPseudonym('s'.repeat(32), ' jobseeker-4711 '));
    expect(a).not.toBe(learnerPseudonym('t'.repeat(32), 'jobseeker-4711'));
    expect(a).toMatch(/^learner:[0-9a-f]{32}$/);
    expect(a).not.toContain('4711');
  });
});

describe('validateIssue', () => {
  it('names each bad field', () => {
    const result = validateIssue({ microCredentialId: '', learnerId: ' ', issuedOn: '2999-01-01' }, '2026-11-23');
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['microCredentialId', 'learnerId', 'issuedOn']);
  });
});
