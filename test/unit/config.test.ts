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
