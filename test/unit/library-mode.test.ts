import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';

/**
 * What the server process sees after src/server/libraries-in-production.ts, run as main.ts runs it (first):
 * NODE_ENV for libraries, the operator's own NODE_ENV, whether graphql-js runs its development checks (it
 * throws on an object that only claims to be one of its types), and the hub's mode.
 */
function serverProcess(nodeEnv: string | undefined) {
  const env = { ...process.env, NODE_ENV: nodeEnv, HUB_MODE: undefined };
  if (nodeEnv === undefined) delete env.NODE_ENV;
  const script = `
    const { operatorEnvironment } = await import('./src/server/libraries-in-production.ts');
    const { isObjectType } = await import('graphql');
    const { loadConfig } = await import('./src/config.ts');
    let graphqlDevChecks = false;
    try { isObjectType({ [Symbol.toStringTag]: 'GraphQLObjectType' }); } catch { graphqlDevChecks = true; }
    console.log(JSON.stringify({ nodeEnv: process.env.NODE_ENV, operator: operatorEnvironment.NODE_ENV ?? null,
      graphqlDevChecks, mode: loadConfig(operatorEnvironment, false).mode }));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: projectRoot,
    env,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

describe('libraries in production mode', () => {
  it('runs graphql-js without its development checks while a fresh clone’s hub stays in development mode', () => {
    expect(serverProcess(undefined)).toEqual({
      nodeEnv: 'production',
      operator: null,
      graphqlDevChecks: false,
      mode: 'development',
    });
  });

  it('keeps a NODE_ENV the operator gave, for the libraries and the hub alike', () => {
    expect(serverProcess('development')).toEqual({
      nodeEnv: 'development',
      operator: 'development',
      graphqlDevChecks: true,
      mode: 'development',
    });
    expect(serverProcess('production')).toMatchObject({
      nodeEnv: 'production',
      graphqlDevChecks: false,
      mode: 'production',
    });
  });
});
