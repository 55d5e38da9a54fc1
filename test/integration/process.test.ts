import { spawn } from 'node:child_process';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { taxonomySummary } from '../../src/taxonomy/store.js';
import { freePort, freshTestGraph, testGraphEnv } from '../helpers.js';

/**
 * Starts a GraphQL request and sends only the first half of its body, so it is in flight; `finish()`
 * sends the rest and resolves with the status and the parsed answer.
 */
function requestInFlight(port: number, query: string) {
  const body = JSON.stringify({ query });
  const half = Math.floor(body.length / 2);
  const request = http.request({
    host: '127.0.0.1',
    port,
    path: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const answer = new Promise<{ status: number; json: any }>((resolve, reject) => {
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) }));
    });
    request.on('error', reject);
  });
  request.write(body.slice(0, half));
  return {
    finish() {
      request.end(body.slice(half));
      return answer;
    },
  };
}

/** The real entry point (`npm start` runs it), as a process: it must start, answer, and stop cleanly on SIGTERM. */
describe('the hub process', () => {
  it('on SIGTERM, finishes the request in flight, then exits 0; refuses a bad configuration with a clear message', async () => {
    const graph = await freshTestGraph({ seed: true });
    const { version, skillCount } = await taxonomySummary(graph);
    await graph.close();
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: projectRoot,
      // NODE_ENV as under `npm start`: vitest sets it to 'test', which changes Apollo's signal handling.
      env: {
        ...process.env,
        NODE_ENV: 'production',
        // NODE_ENV=production alone would ask for production mode (keys, secret, an authenticated Neo4j).
        HUB_MODE: 'development',
        ...testGraphEnv(),
        PORT: String(port),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let logs = '';
    child.stderr.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    try {
      let ready = false;
      for (let attempt = 0; attempt < 120 && !ready && child.exitCode === null; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        ready = await fetch(`http://127.0.0.1:${port}/ready`).then(
          (r) => r.ok,
          () => false,
        );
      }
      expect(ready, logs).toBe(true);
      const inFlight = requestInFlight(port, '{ taxonomy { version skillCount } }');
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.kill('SIGTERM');
      // The hub has begun shutting down while the request is still arriving.
      for (let attempt = 0; attempt < 40 && !logs.includes('"msg":"shutting down"'); attempt += 1)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(logs).toContain('"msg":"shutting down"');
      expect(child.exitCode).toBeNull();
      // A new connection is no longer accepted…
      expect(
        await fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.status,
          () => 'refused',
        ),
      ).toBe('refused');
      // …but the request in flight is answered in full before the process exits.
      const answer = await inFlight.finish();
      expect(answer).toEqual({
        status: 200,
        json: { data: { taxonomy: { version, skillCount } }, extensions: { dbRoundTrips: 0 } },
      });
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000));
      expect(await Promise.race([exited, timeout])).toBe(0);
      expect(logs).toMatch(/"msg":"stopped"/);
      expect(logs.indexOf('"msg":"shutting down"')).toBeLessThan(logs.indexOf('"msg":"stopped"'));
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }

    const bad = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: projectRoot,
      env: { ...process.env, PORT: 'eighty', NEO4J_URI: 'http://nope' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let badOutput = '';
    bad.stderr.on('data', (chunk: Buffer) => (badOutput += chunk.toString()));
    const badCode = await new Promise<number | null>((resolve) => bad.on('exit', (code) => resolve(code)));
    expect(badCode).toBe(1);
    expect(badOutput).toContain("PORT must be a whole number from 0 to 65535 (got 'eighty')");
    expect(badOutput).toContain('NEO4J_URI must start with one of');

    // Production mode without its settings: refused before connecting anywhere (no Neo4j started, none reached).
    const unsafe = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        HUB_MODE: 'production',
        HUB_API_KEYS: '',
        NEO4J_URI: 'bolt://127.0.0.1:7687',
        NEO4J_PASSWORD: '',
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let unsafeOutput = '';
    unsafe.stdout.on('data', (chunk: Buffer) => (unsafeOutput += chunk.toString()));
    unsafe.stderr.on('data', (chunk: Buffer) => (unsafeOutput += chunk.toString()));
    const unsafeCode = await new Promise<number | null>((resolve) => unsafe.on('exit', (code) => resolve(code)));
    expect(unsafeCode).toBe(1);
    expect(unsafeOutput).toContain('HUB_API_KEYS must be set in production mode (or HUB_API_KEYS_FILE)');
    expect(unsafeOutput).toContain('HUB_PSEUDONYM_SECRET must be set');
    expect(unsafeOutput).toContain('NEO4J_PASSWORD must be set in production mode');
    expect(unsafeOutput).not.toMatch(/starting local Neo4j|connected|"level"/);
  });
});
