import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import type { GraphClient } from '../../src/graph/client.js';
import { demoCatalogueFile, demoSeedDir } from '../../src/taxonomy/seed.js';
import { connectTestGraph, freePort, importDemandExample, resetGraph, testGraphEnv } from '../helpers.js';

/**
 * Two hub processes against one Neo4j, as a load balancer runs them: each holds its own caches and
 * taxonomy snapshot, so what one writes must reach the other's answers through the graph alone.
 */
interface HubProcess {
  url: string;
  child: ChildProcess;
  logs: () => string;
}

async function spawnHub(): Promise<HubProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, ...testGraphEnv(), PORT: String(port), LOG_LEVEL: 'warn', HUB_WARM_UP: 'false' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let logs = '';
  child.stderr!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  return { url: `http://127.0.0.1:${port}`, child, logs: () => logs };
}

async function ready(hub: HubProcess): Promise<void> {
  for (let attempt = 0; attempt < 480 && hub.child.exitCode === null; attempt += 1) {
    const ok = await fetch(`${hub.url}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`hub did not become ready:\n${hub.logs()}`);
}

async function ask(hub: HubProcess, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

function stop(hub: HubProcess | undefined): Promise<void> {
  if (!hub || hub.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    hub.child.on('exit', () => resolve());
    hub.child.kill('SIGTERM');
  });
}

/** How many nodes per label set and relationships per type: a duplicate write shows as one more. */
async function shape(graph: GraphClient): Promise<Record<string, number>> {
  const nodes = await graph.read<{ key: string; n: number }>(
    `MATCH (n) WHERE NOT n:SchemaMigration
     WITH reduce(key = '', label IN labels(n) | key + ':' + label) AS key RETURN key, count(*) AS n`,
  );
  const relationships = await graph.read<{ key: string; n: number }>(
    'MATCH ()-[r]->() RETURN type(r) AS key, count(*) AS n',
  );
  return Object.fromEntries(
    [...nodes, ...relationships.map((r) => ({ ...r, key: `-${r.key}-` }))].map((r) => [r.key, r.n]),
  );
}

const CSV_ROWS = (file: string) =>
  fs
    .readFileSync(path.join(demoSeedDir, file), 'utf8')
    .split(/\n(?=KnowledgeSkillCompetence,|Occupation,)/)
    .filter((row) => /^(KnowledgeSkillCompetence|Occupation),/.test(row)).length;

describe('two hub instances against one Neo4j', () => {
  let graph: GraphClient;
  let a: HubProcess | undefined;
  let b: HubProcess | undefined;

  beforeAll(async () => {
    graph = await connectTestGraph();
    await resetGraph(graph);
  });
  afterAll(async () => {
    await Promise.all([stop(a), stop(b)]);
    await graph.close();
  });

  it('both start at once on an empty graph, and the demo data is loaded once', async () => {
    [a, b] = await Promise.all([spawnHub(), spawnHub()]);
    await Promise.all([ready(a), ready(b)]);
    const loaded = await shape(graph);
    // Counted from the seed files themselves: one node per concept and offer, whichever hub wrote it.
    const offers = (JSON.parse(fs.readFileSync(demoCatalogueFile, 'utf8')) as { microCredentials: unknown[] })
      .microCredentials.length;
    expect(loaded[':Skill']).toBe(CSV_ROWS('skills_en.csv'));
    expect(loaded[':Occupation']).toBe(CSV_ROWS('occupations_en.csv'));
    expect(loaded[':MicroCredential']).toBe(offers);
    expect(loaded[':TaxonomyRelease']).toBe(1);

    // And the same shape as one hub loading it alone.
    await Promise.all([stop(a), stop(b)]);
    await resetGraph(graph);
    a = await spawnHub();
    await ready(a);
    expect(await shape(graph)).toEqual(loaded);
    b = await spawnHub();
    await ready(b);
  }, 300_000);

  it('writes of one offer through both at once leave one offer, read back the same through either', async () => {
    const UPSERT = `mutation($input: MicroCredentialInput!) { upsertMicroCredential(input: $input) { id } }`;
    const input = (title: string, id = 'twin-offer') => ({
      id,
      title,
      awardingBodies: ['Twin Body'],
      learningOutcomes: ['weld steel plates with arc welding', 'read technical drawings'],
      participationForm: 'ONLINE',
      status: 'PUBLISHED',
    });
    const titles = Array.from({ length: 20 }, (_, i) => `Twin offer ${i}`);
    const answers = await Promise.all(
      titles.map((title, i) => ask(i % 2 === 0 ? a! : b!, UPSERT, { input: input(title) })),
    );
    expect(answers.map((r) => r.errors)).toEqual(titles.map(() => undefined));

    // One written alone, for the links one upsert makes.
    expect((await ask(a!, UPSERT, { input: input('Alone', 'alone-offer') })).errors).toBeUndefined();
    const [twin, alone] = await Promise.all(
      ['twin-offer', 'alone-offer'].map(
        async (id) =>
          (
            await graph.read<{ nodes: number; title: string; outcomes: number; links: number }>(
              `MATCH (m:MicroCredential {id: $id})
               RETURN count(m) AS nodes, min(m.title) AS title,
                      sum(COUNT { (m)-[:HAS_OUTCOME]->() }) AS outcomes,
                      sum(COUNT { (m)-[:HAS_OUTCOME]->()-[:DEVELOPS]->() }) AS links`,
              { id },
            )
          )[0],
      ),
    );
    expect(twin).toMatchObject({ nodes: 1, outcomes: 2, links: alone.links });
    expect(titles).toContain(twin.title);
    const READ = `{ microCredential(id: "twin-offer") { title learningOutcomes { text } skills { skill { uri } } } }`;
    const [throughA, throughB] = await Promise.all([ask(a!, READ), ask(b!, READ)]);
    expect(throughA.errors).toBeUndefined();
    expect(throughB).toEqual(throughA);
    expect(throughA.data.microCredential.title).toBe(twin.title);
  }, 120_000);

  it('answers one instance holds follow a demand import and an offer written through the other', async () => {
    const GAPS = `{ sectorSkillGaps(region: "HR04", period: "2025", first: 50) { skill { uri preferredLabel } demand coverage } }`;
    const before = await ask(b!, GAPS);
    expect(before.errors?.[0]).toMatchObject({
      message: 'period: no demand data imported yet (npm run hub -- import demand …)',
      extensions: { code: 'BAD_USER_INPUT', field: 'period' },
    });

    // A demand import (the CLI, a third process) and B's held answer follows at once.
    await importDemandExample(graph);
    const withDemand = await ask(b!, GAPS);
    expect(withDemand.errors).toBeUndefined();
    expect(withDemand.data.sectorSkillGaps.length).toBeGreaterThan(0);
    expect((await ask(a!, GAPS)).data).toEqual(withDemand.data);

    // An offer through A teaching B's top uncovered skill, online: B's next answer counts it.
    const top = withDemand.data.sectorSkillGaps.find((g: { coverage: number }) => g.coverage === 0);
    expect(top).toBeDefined();
    const written = await ask(
      a!,
      `mutation($input: MicroCredentialInput!) { upsertMicroCredential(input: $input) { id } }`,
      {
        input: {
          id: 'covers-top-gap',
          title: `Short course: ${top.skill.preferredLabel}`,
          awardingBodies: ['Twin Body'],
          learningOutcomes: [top.skill.preferredLabel],
          participationForm: 'ONLINE',
          status: 'PUBLISHED',
        },
      },
    );
    expect(written.errors).toBeUndefined();
    const after = await ask(b!, GAPS);
    const row = after.data.sectorSkillGaps.find((g: { skill: { uri: string } }) => g.skill.uri === top.skill.uri);
    expect(row.coverage).toBeGreaterThan(0);
    // The same answer a hub that held nothing gives.
    const fresh = await spawnHub();
    try {
      await ready(fresh);
      // (Its round trips differ: it holds nothing yet.)
      expect((await ask(fresh, GAPS)).data).toEqual(after.data);
    } finally {
      await stop(fresh);
    }
  }, 300_000);
});
