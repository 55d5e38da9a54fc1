import { spawn } from 'node:child_process';
import net from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../src/config.js';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The real entry point (`npm start` runs it), as a process: it must start, answer, and stop cleanly on SIGTERM. */
describe('the hub process', () => {
  it('exits 0 on SIGTERM after draining, and refuses a bad configuration with a clear message', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: projectRoot,
      // NODE_ENV as under `npm start`: vitest sets it to 'test', which changes Apollo's signal handling.
      env: { ...process.env, NODE_ENV: 'production', NEO4J_URI: inject('neo4jUri'), PORT: String(port), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let logs = '';
    child.stderr.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    try {
      let ready = false;
      for (let attempt = 0; attempt < 120 && !ready && child.exitCode === null; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        ready = await fetch(`http://127.0.0.1:${port}/ready`).then((r) => r.ok, () => false);
      }
      expect(ready, logs).toBe(true);
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000));
      expect(await Promise.race([exited, timeout])).toBe(0);
      expect(logs).toMatch(/"msg":"stopped"/);
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
  });
});
