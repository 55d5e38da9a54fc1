import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Who is calling, and what they may do. Callers present an API key (`Authorization: Bearer <key>`);
 * each key has a name (kept in the audit trail) and roles:
 *   curator  – catalogue writes and skill-link reviews
 *   issuer   – issue credentials to learners and look them up
 *   counsellor – create, read, update and erase their own jobseeker profiles, and match them
 *   analyst  – aggregates only (outcomes per offer and provider, over at least 5 people)
 *   admin    – everything, including erasing a learner and reading the audit trail
 * With no keys configured the hub runs in development mode: every caller has every role (start-up warns).
 */

export const ROLES = ['curator', 'issuer', 'counsellor', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKey {
  name: string;
  roles: Role[];
  key: string;
}

export interface Caller {
  name: string;
  roles: ReadonlySet<Role>;
  /** A valid key was presented (false for anonymous callers and in development mode). */
  authenticated: boolean;
}

/** Parses HUB_API_KEYS: `name:role+role:key,…` (keys at least 16 characters). Returns problems instead of throwing. */
export function parseApiKeys(raw: string): { keys: ApiKey[]; problems: string[] } {
  const keys: ApiKey[] = [];
  const problems: string[] = [];
  raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .forEach((entry, index) => {
      const [name, roles, key, ...rest] = entry.split(':');
      if (!name || !roles || !key || rest.length > 0) {
        problems.push(`HUB_API_KEYS entry ${index + 1} must be name:role+role:key`);
        return;
      }
      const roleList = roles.split('+');
      const unknown = roleList.filter((role) => !(ROLES as readonly string[]).includes(role));
      if (unknown.length > 0)
        problems.push(
          `HUB_API_KEYS entry ${index + 1} ('${name}'): unknown role(s) ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`,
        );
      else if (key.length < 16)
        problems.push(`HUB_API_KEYS entry ${index + 1} ('${name}'): the key must be at least 16 characters`);
      else keys.push({ name, roles: roleList as Role[], key });
    });
  return { keys, problems };
}

export const DEVELOPMENT_CALLER: Caller = {
  name: 'development mode (no HUB_API_KEYS)',
  roles: new Set(ROLES),
  authenticated: false,
};
export const ANONYMOUS_CALLER: Caller = { name: 'anonymous', roles: new Set(), authenticated: false };

export type CallerResult = { ok: true; caller: Caller } | { ok: false; reason: string };

export function identifyCaller(authorization: string | undefined, keys: ApiKey[]): CallerResult {
  if (keys.length === 0) return { ok: true, caller: DEVELOPMENT_CALLER };
  if (!authorization) return { ok: true, caller: ANONYMOUS_CALLER };
  const presented = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  if (!presented) return { ok: false, reason: 'the Authorization header must be "Bearer <API key>"' };
  const match = keys.find((candidate) => sameSecret(candidate.key, presented));
  if (!match) return { ok: false, reason: 'unknown API key' };
  return { ok: true, caller: { name: match.name, roles: new Set(match.roles), authenticated: true } };
}

function sameSecret(expected: string, presented: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function hasRole(caller: Caller, role: Role): boolean {
  return caller.roles.has(role) || caller.roles.has('admin');
}

/**
 * Learners are stored under a keyed pseudonym (HMAC-SHA256 with HUB_PSEUDONYM_SECRET), never under the
 * identifier the issuer knows them by: the graph alone cannot tell who a learner is, and the issuer can
 * still find, and erase, their records by presenting the same identifier.
 */
export function learnerPseudonym(secret: string, learnerId: string): string {
  return `learner:${createHmac('sha256', secret).update(learnerId.trim()).digest('hex').slice(0, 32)}`;
}
