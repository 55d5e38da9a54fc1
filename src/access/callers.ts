import { createHmac, createHash, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';

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

/** Parses one `name:role+role:key` entry (a key at least 16 characters); `where` names it in a problem. */
function parseEntry(entry: string, where: string): ApiKey | string {
  const [name, roles, key, ...rest] = entry.split(':');
  if (!name || !roles || !key || rest.length > 0) return `${where} must be name:role+role:key`;
  const roleList = roles.split('+');
  const unknown = roleList.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0)
    return `${where} ('${name}'): unknown role(s) ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`;
  if (key.length < 16) return `${where} ('${name}'): the key must be at least 16 characters`;
  return { name, roles: roleList as Role[], key };
}

function collect(entries: Array<[entry: string, where: string]>): { keys: ApiKey[]; problems: string[] } {
  const keys: ApiKey[] = [];
  const problems: string[] = [];
  for (const [entry, where] of entries) {
    const parsed = parseEntry(entry, where);
    if (typeof parsed === 'string') problems.push(parsed);
    else keys.push(parsed);
  }
  return { keys, problems };
}

/** Parses HUB_API_KEYS: `name:role+role:key,…` (keys at least 16 characters). Returns problems instead of throwing. */
export function parseApiKeys(raw: string): { keys: ApiKey[]; problems: string[] } {
  return collect(
    raw
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry, index) => [entry, `HUB_API_KEYS entry ${index + 1}`]),
  );
}

/** Parses a keys file (HUB_API_KEYS_FILE): one entry a line; blank lines and lines starting with # are skipped. */
export function parseKeysFile(text: string, file: string): { keys: ApiKey[]; problems: string[] } {
  return collect(
    text
      .split(/\r?\n/)
      .map((line, index) => [line.trim(), `${file} line ${index + 1}`] as [string, string])
      .filter(([line]) => line !== '' && !line.startsWith('#')),
  );
}

/** The keys of a keys file, or the problems that keep it from being used (unreadable, a bad line). */
export function readKeysFile(file: string): { keys: ApiKey[]; problems: string[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { keys: [], problems: [`HUB_API_KEYS_FILE ${file} cannot be read: ${(error as Error).message}`] };
  }
  return parseKeysFile(text, file);
}

export const DEVELOPMENT_CALLER: Caller = {
  name: 'development mode (no HUB_API_KEYS)',
  roles: new Set(ROLES),
  authenticated: false,
};
export const ANONYMOUS_CALLER: Caller = { name: 'anonymous', roles: new Set(), authenticated: false };

export type CallerResult = { ok: true; caller: Caller } | { ok: false; reason: string };

export function identifyCaller(
  authorization: string | undefined,
  keys: ApiKey[],
  /** No keys configured at all (neither HUB_API_KEYS nor a keys file): every caller has every role. */
  development = keys.length === 0,
): CallerResult {
  if (development) return { ok: true, caller: DEVELOPMENT_CALLER };
  if (!authorization) return { ok: true, caller: ANONYMOUS_CALLER };
  const presented = presentedKey(authorization);
  if (!presented) return { ok: false, reason: 'the Authorization header must be "Bearer <API key>"' };
  const match = keys.find((candidate) => sameSecret(candidate.key, presented));
  if (!match) return { ok: false, reason: 'unknown API key' };
  return { ok: true, caller: { name: match.name, roles: new Set(match.roles), authenticated: true } };
}

/** The API key an Authorization header presents (`Bearer <key>`), if it is one. */
export function presentedKey(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
}

/** A key's SHA-256 digest: what is compared, and what stands for the key where one must be told apart. */
export function keyDigest(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

/** Compared as SHA-256 digests in constant time, so neither the content nor the length of a key leaks. */
export function sameSecret(expected: string, presented: string): boolean {
  return timingSafeEqual(keyDigest(expected), keyDigest(presented));
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
