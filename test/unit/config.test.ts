import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, type HubConfig, loadConfig } from '../../src/config.js';

/** The learner-pseudonym secret that HUB_API_KEYS makes mandatory (docs/operations.md, Configuration). */
const API_KEYS = 'ops:admin:admin-key-01234567890';
const SECRET_PROBLEM =
  'HUB_PSEUDONYM_SECRET must be set (at least 32 characters, not counting surrounding spaces) when HUB_API_KEYS is set: it keys the learner pseudonyms';

function refusal(env: NodeJS.ProcessEnv): ConfigError {
  let config: HubConfig | undefined;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected a ConfigError, got a configuration: ${JSON.stringify(config.access)}`);
}

describe('loadConfig: the learner pseudonym secret', () => {
  it('refuses API keys without a pseudonym secret, saying which variable, how long and why', () => {
    for (const env of [{ HUB_API_KEYS: API_KEYS }, { HUB_API_KEYS: API_KEYS, HUB_PSEUDONYM_SECRET: '' }]) {
      const error = refusal(env);
      expect(error.problems).toEqual([SECRET_PROBLEM]);
      expect(error.message).toBe(`Invalid configuration:\n  - ${SECRET_PROBLEM}`);
    }
  });

  it('refuses a secret of 31 characters with API keys and accepts one of 32', () => {
    expect(refusal({ HUB_API_KEYS: API_KEYS, HUB_PSEUDONYM_SECRET: 'x'.repeat(31) }).problems).toEqual([
      SECRET_PROBLEM,
    ]);
    expect(refusal({ HUB_API_KEYS: API_KEYS, HUB_PSEUDONYM_SECRET: ' '.repeat(40) }).problems).toEqual([
      SECRET_PROBLEM,
    ]);
    expect(loadConfig({ HUB_API_KEYS: API_KEYS, HUB_PSEUDONYM_SECRET: 'x'.repeat(32) }).access).toEqual({
      apiKeys: [{ name: 'ops', roles: ['admin'], key: 'admin-key-01234567890' }],
      pseudonymSecret: 'x'.repeat(32),
    });
  });

  it('lists a missing secret together with the other bad values', () => {
    expect(refusal({ HUB_API_KEYS: API_KEYS, PORT: 'abc' }).problems).toEqual([
      SECRET_PROBLEM,
      "PORT must be a whole number from 0 to 65535 (got 'abc')",
    ]);
  });

  it('runs development mode (no API keys) without a secret, on the fixed development secret', () => {
    for (const env of [{}, { HUB_API_KEYS: '' }]) {
      expect(loadConfig(env).access).toEqual({
        apiKeys: [],
        pseudonymSecret: 'development-only-pseudonym-secret-do-not-use',
      });
    }
    // A secret given in development mode is used as it is.
    expect(loadConfig({ HUB_PSEUDONYM_SECRET: 'demo-secret' }).access).toEqual({
      apiKeys: [],
      pseudonymSecret: 'demo-secret',
    });
  });
});

describe('loadConfig: production mode', () => {
  const refusal_ = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(env, false);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    throw new Error('expected a ConfigError');
  };
  const KEYS_PROBLEM =
    'HUB_API_KEYS must be set in production mode (or HUB_API_KEYS_FILE): name:role+role:key entries, one per client (docs/operations.md)';
  const PRODUCTION_SECRET_PROBLEM =
    'HUB_PSEUDONYM_SECRET must be set (at least 32 characters, not counting surrounding spaces) in production mode: it keys the learner pseudonyms';
  const PASSWORD_PROBLEM =
    'NEO4J_PASSWORD must be set in production mode: the hub connects to Neo4j only with authentication';
  const SAFE = {
    HUB_API_KEYS: API_KEYS,
    HUB_PSEUDONYM_SECRET: 'p'.repeat(32),
    NEO4J_URI: 'neo4j+s://graph.example.org',
    NEO4J_PASSWORD: 'graph-password',
  };

  it('refuses to start without keys, a pseudonym secret and an authenticated Neo4j, naming each setting', () => {
    const external = { NEO4J_URI: SAFE.NEO4J_URI };
    expect(refusal({ ...external, HUB_MODE: 'production' }).problems).toEqual([
      KEYS_PROBLEM,
      PRODUCTION_SECRET_PROBLEM,
      PASSWORD_PROBLEM,
    ]);
    // NODE_ENV=production implies it; HUB_MODE says otherwise explicitly.
    expect(refusal({ ...external, NODE_ENV: 'production' }).problems).toEqual([
      KEYS_PROBLEM,
      PRODUCTION_SECRET_PROBLEM,
      PASSWORD_PROBLEM,
    ]);
    expect(loadConfig({ NODE_ENV: 'production', HUB_MODE: 'development' }).mode).toBe('development');
    // The project's own Neo4j (no NEO4J_URI) is authenticated by its generated password: nothing more to give.
    expect(refusal({ HUB_MODE: 'production' }).problems).toEqual([KEYS_PROBLEM, PRODUCTION_SECRET_PROBLEM]);
    const { NEO4J_URI: _uri, NEO4J_PASSWORD: _password, ...ownGraph } = SAFE;
    expect(loadConfig({ ...ownGraph, HUB_MODE: 'production' }).neo4j.uri).toBeUndefined();
  });

  it('takes a keys file instead of HUB_API_KEYS, and names a bad line or an unreadable file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-keys-'));
    const good = path.join(dir, 'keys');
    fs.writeFileSync(good, 'pes:counsellor:counsellor-key-0123456789\n');
    const { HUB_API_KEYS: _keys, ...withoutKeys } = SAFE;
    expect(loadConfig({ ...withoutKeys, HUB_MODE: 'production', HUB_API_KEYS_FILE: good }).access.apiKeysFile).toBe(
      good,
    );
    const bad = path.join(dir, 'bad');
    fs.writeFileSync(bad, 'pes:counsellor:short\n');
    expect(refusal({ ...withoutKeys, HUB_MODE: 'production', HUB_API_KEYS_FILE: bad }).problems).toEqual([
      `${bad} line 1 ('pes'): the key must be at least 16 characters`,
    ]);
    expect(refusal({ HUB_API_KEYS_FILE: path.join(dir, 'missing') }).problems[0]).toMatch(
      /^HUB_PSEUDONYM_SECRET must be set/,
    );
    expect(refusal({ HUB_API_KEYS_FILE: path.join(dir, 'missing') }).problems[1]).toMatch(
      new RegExp(`^HUB_API_KEYS_FILE ${path.join(dir, 'missing')} cannot be read: ENOENT`),
    );
  });

  it('asks the CLI, which serves no one, only for the authenticated Neo4j', () => {
    expect(refusal_({ HUB_MODE: 'production', NEO4J_URI: SAFE.NEO4J_URI })).toEqual([PASSWORD_PROBLEM]);
    expect(loadConfig({ HUB_MODE: 'production' }, false).mode).toBe('production');
    expect(loadConfig({ HUB_MODE: 'production', NEO4J_URI: SAFE.NEO4J_URI, NEO4J_PASSWORD: 'x' }, false).mode).toBe(
      'production',
    );
  });

  it('starts with all of them, without demo data unless asked', () => {
    const config = loadConfig({ ...SAFE, HUB_MODE: 'production' });
    expect([config.mode, config.seedDemo, config.neo4j.password, config.access.apiKeys.length]).toEqual([
      'production',
      false,
      'graph-password',
      1,
    ]);
    expect(loadConfig({ ...SAFE, HUB_MODE: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    // Each client bounded in production (1,200 requests a minute unless set), not in development.
    expect(config.rateLimitPerMinute).toBe(1200);
    expect(loadConfig({ ...SAFE, HUB_MODE: 'production', HUB_RATE_LIMIT: '0' }).rateLimitPerMinute).toBe(0);
    expect(loadConfig({}).rateLimitPerMinute).toBe(0);
    expect(refusal({ HUB_RATE_LIMIT: 'lots' }).problems).toEqual([
      "HUB_RATE_LIMIT must be a whole number from 0 to 1000000 (got 'lots')",
    ]);
    // A fresh clone: development, demo data, warm-up, the defaults.
    expect(loadConfig({})).toMatchObject({
      mode: 'development',
      seedDemo: true,
      warmUp: true,
      port: 4000,
      logLevel: 'info',
    });
    expect([loadConfig({}).trustProxy, loadConfig({ HUB_TRUST_PROXY: 'yes' }).trustProxy]).toEqual([false, true]);
  });

  it('names each malformed value with what was given, after what the mode requires', () => {
    expect(
      refusal({ HUB_MODE: 'staging', HUB_WARM_UP: 'maybe', LOG_LEVEL: 'loud', SEED_DEMO: 'perhaps', PORT: '-1' })
        .problems,
    ).toEqual([
      "HUB_MODE must be development or production (got 'staging')",
      "PORT must be a whole number from 0 to 65535 (got '-1')",
      "LOG_LEVEL must be one of debug, info, warn, error, silent (got 'loud')",
      "SEED_DEMO must be true or false (got 'perhaps')",
      "HUB_WARM_UP must be true or false (got 'maybe')",
    ]);
  });
});
