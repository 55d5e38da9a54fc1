import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { localGraphStatus, startLocalGraph, stopLocalGraph } from '../../src/graph/local-neo4j.js';
import type { RunningHub } from '../../src/server/start.js';
import { freePort, gql, startTestHub } from '../helpers.js';

const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
};

const CATALOGUE = `{ microCredentials(first: 3) { totalCount } }`;
// A skill of the demo seed: taxonomy reads are served from the in-memory snapshot.
const SKILL = `{ skill(uri: "http://data.europa.eu/esco/skill/00e53a0a-c0ba-4c9f-a2ed-4706d5832a00") { preferredLabel } }`;

/** A Neo4j of its own (the real launcher), killed with SIGKILL under the hub and started again. */
describe('Neo4j killed under a running hub', () => {
  const options = {
    dataDir: path.join(projectRoot, '.hub', `fault-graph-${process.pid}`),
    port: 0,
    heapMb: 512,
    pageCacheMb: 64,
  };
  let hub: RunningHub;

  beforeAll(async () => {
    fs.rmSync(options.dataDir, { recursive: true, force: true });
    options.port = await freePort();
    const { password } = await startLocalGraph(options);
    // An empty graph: the hub loads the demo seed and catalogue into it.
    hub = await startTestHub({ NEO4J_URI: `bolt://127.0.0.1:${options.port}`, NEO4J_PASSWORD: password });
  });
  afterAll(async () => {
    await hub?.stop();
    await stopLocalGraph(options.dataDir);
    fs.rmSync(options.dataDir, { recursive: true, force: true });
  });

  it('answers 503 on /ready within 1 s and SERVICE_UNAVAILABLE within 2 s under load, serves memory, and recovers when Neo4j returns', async () => {
    const before = await gql(hub, CATALOGUE);
    expect(before.errors).toBeUndefined();
    const offers = before.data.microCredentials.totalCount as number;
    expect(offers).toBeGreaterThan(0);

    const { pid } = localGraphStatus(options.dataDir);
    expect(pid).toBeGreaterThan(0);
    // Requests in flight when it dies, then more while it is down.
    const inFlight = Array.from({ length: 10 }, () => timed(() => gql(hub, CATALOGUE)));
    process.kill(pid!, 'SIGKILL');
    for (let i = 0; i < 100 && localGraphStatus(options.dataDir).pid; i += 1)
      await new Promise((r) => setTimeout(r, 50));

    const ready = await timed(() => fetch(`${hub.server.url}/ready`));
    expect(ready.value.status).toBe(503);
    expect(ready.ms).toBeLessThan(1000);
    const body = (await ready.value.json()) as { checks: { neo4j: { ok: boolean } } };
    expect(body.checks.neo4j.ok).toBe(false);

    const underLoad = await Promise.all([
      ...inFlight,
      ...Array.from({ length: 20 }, () => timed(() => gql(hub, CATALOGUE))),
    ]);
    const failed = underLoad.filter((r) => r.value.errors);
    // Those the dead server had not answered fail, each within 2 s, saying the graph is unavailable.
    expect(failed.length).toBeGreaterThanOrEqual(20);
    for (const { ms, value } of failed) {
      expect(value.errors![0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(ms).toBeLessThan(2000);
    }
    // Alive, and saying what is degraded.
    const health = await fetch(`${hub.server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'degraded',
      degraded: [expect.stringMatching(/^neo4j: unreachable since \d{4}-\d\d-\d\dT.*; requests that need it fail$/)],
    });
    // What is held in memory keeps answering.
    const taxonomy = await gql(hub, SKILL);
    expect(taxonomy.errors).toBeUndefined();
    expect(taxonomy.data.skill.preferredLabel).toBeTruthy();

    // Neo4j back: the hub answers again by itself.
    await startLocalGraph(options);
    let after = await gql(hub, CATALOGUE);
    for (let i = 0; i < 40 && after.errors; i += 1) {
      await new Promise((r) => setTimeout(r, 250));
      after = await gql(hub, CATALOGUE);
    }
    expect(after.errors).toBeUndefined();
    expect(after.data.microCredentials.totalCount).toBe(offers);
    expect((await fetch(`${hub.server.url}/ready`)).status).toBe(200);
    expect(await (await fetch(`${hub.server.url}/health`)).json()).toEqual({ status: 'ok', degraded: [] });
  }, 240_000);
});

/** The hub running its own Neo4j (no NEO4J_URI): it starts it again when the process dies, not when stopped on purpose. */
describe('the project’s own Neo4j dying under the hub', () => {
  const dataDir = path.join(projectRoot, '.hub', `own-graph-${process.pid}`);
  let hub: RunningHub;

  beforeAll(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    hub = await startTestHub({
      NEO4J_URI: '',
      HUB_GRAPH_DIR: dataDir,
      HUB_GRAPH_PORT: String(await freePort()),
      HUB_GRAPH_HEAP_MB: '512',
      HUB_GRAPH_PAGE_CACHE_MB: '64',
    });
  });
  afterAll(async () => {
    await hub?.stop();
    await stopLocalGraph(dataDir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is started again by the hub after SIGKILL, and the hub answers from it; asks for the password kept beside its data; stopped on purpose it stays stopped', async () => {
    const before = await gql(hub, CATALOGUE);
    expect(before.errors).toBeUndefined();
    const killed = localGraphStatus(dataDir).pid!;
    process.kill(killed, 'SIGKILL');
    let after = await gql(hub, CATALOGUE);
    for (let i = 0; i < 240 && after.errors; i += 1) {
      await new Promise((r) => setTimeout(r, 250));
      after = await gql(hub, CATALOGUE);
    }
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual(before.data);
    // Bolt may answer a moment before the launcher reports ready (it sets the password first).
    for (let i = 0; i < 40 && !localGraphStatus(dataDir).running; i += 1) await new Promise((r) => setTimeout(r, 250));
    const restarted = localGraphStatus(dataDir);
    expect(restarted.running).toBe(true);
    expect(restarted.pid).not.toBe(killed);

    // Only with the password kept beside its data, which only its owner may read.
    const { uri } = restarted;
    const file = path.join(dataDir, 'neo4j-password');
    const password = fs.readFileSync(file, 'utf8').trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const answer = async (auth: ReturnType<typeof neo4j.auth.basic> | undefined) => {
      const driver = neo4j.driver(uri!, auth, { logging: { level: 'error', logger: () => undefined } });
      try {
        return (await driver.executeQuery('RETURN 1 AS one')).records[0].get('one').toNumber() as number;
      } catch (error) {
        return (error as { code?: string }).code;
      } finally {
        await driver.close();
      }
    };
    expect(await answer(neo4j.auth.basic('neo4j', password))).toBe(1);
    expect(await answer(neo4j.auth.basic('neo4j', `${password}x`))).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await answer(undefined)).toBe('Neo.ClientError.Security.Unauthorized');

    // npm run db:stop: the watch (every 2 s) leaves it stopped.
    await stopLocalGraph(dataDir);
    await new Promise((r) => setTimeout(r, 5000));
    expect(localGraphStatus(dataDir).pid).toBeUndefined();
    expect((await gql(hub, CATALOGUE)).errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
  }, 240_000);
});
