import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphClient } from '../../src/graph/client.js';
import type { RunningHub } from '../../src/server/start.js';
import { freshTestGraph, gql, startTestHub } from '../helpers.js';

const KEY_A = 'rotation-key-aaaaaaaaaaaa';
const KEY_B = 'rotation-key-bbbbbbbbbbbb';
const KEY_C = 'rotation-key-cccccccccccc';
// Needs the counsellor role.
const OWN_PROFILES = `{ jobseekersByReference(reference: "desk-1") }`;

describe('API keys from a keys file, rotated without a restart', () => {
  let graph: GraphClient;
  let hub: RunningHub;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'keys-')), 'hub-keys');
  const write = (text: string) => fs.writeFileSync(file, text);
  const code = async (key: string) => {
    const answer = await gql(hub, OWN_PROFILES, {}, key);
    return answer.errors?.[0]?.extensions?.code ?? 'OK';
  };
  const eventually = async (key: string, expected: string) => {
    let seen = await code(key);
    for (let i = 0; i < 40 && seen !== expected; i += 1) {
      await new Promise((r) => setTimeout(r, 125));
      seen = await code(key);
    }
    return seen;
  };

  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
    write(`# counsellors of desk 1\npes:counsellor:${KEY_A}\n\n`);
    hub = await startTestHub({
      HUB_API_KEYS_FILE: file,
      HUB_PSEUDONYM_SECRET: 'rotation-test-pseudonym-secret-0123456789',
    });
  });
  afterAll(async () => {
    await hub?.stop();
    await graph?.close();
  });

  it('takes the file’s keys at start, the next ones when it changes or on SIGHUP, and keeps them when it does not parse', async () => {
    expect([await code(KEY_A), await code(KEY_B)]).toEqual(['OK', 'UNAUTHENTICATED']);
    // Rotated: B replaces A, picked up within the second the file is looked at.
    write(`pes:counsellor:${KEY_B}\n`);
    expect(await eventually(KEY_B, 'OK')).toBe('OK');
    expect(await code(KEY_A)).toBe('UNAUTHENTICATED');
    // A broken file changes nothing.
    write(`pes:counsellor:${KEY_C}\nbroken line\n`);
    await new Promise((r) => setTimeout(r, 2500));
    expect([await code(KEY_B), await code(KEY_C)]).toEqual(['OK', 'UNAUTHENTICATED']);
    // SIGHUP reads it at once.
    write(`pes:counsellor:${KEY_C}\n`);
    process.emit('SIGHUP', 'SIGHUP');
    expect([await code(KEY_C), await code(KEY_B)]).toEqual(['OK', 'UNAUTHENTICATED']);
    // An empty file: no key is valid, and it is not development mode, where an anonymous caller would be answered.
    write('');
    process.emit('SIGHUP', 'SIGHUP');
    expect(await code(KEY_C)).toBe('UNAUTHENTICATED');
    const anonymous = await gql(hub, OWN_PROFILES);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
