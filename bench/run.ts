/**
 * `npm run bench`: the hub against its peers, side by side, in one run on this machine.
 *
 * 1. A fresh Neo4j (own data folder and port) and a timed full ESCO import.
 * 2. Three HTTP servers, each its own process, over that same database:
 *    ours (the hub), @neo4j/graphql (generated resolvers), and a bare-driver endpoint (one Cypher query).
 * 3. autocannon drives each workload at concurrency 1 and 20 after a warm-up; every response time is kept,
 *    so p50/p95/p99 are exact. Ratios compare runs made minutes apart on the same machine, which is what
 *    makes them meaningful on a shared 2-core box where absolute times drift.
 * Writes bench/results/latest.json and latest.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { projectRoot } from '../src/config.js';
import { NODE_FLAGS, type Server, loadBenchData, memoryMb, percentile, startServer } from './common.js';
import { runSoak, writeSoakResults } from './soak.js';
import { connectGraph } from '../src/graph/client.js';
import { startLocalGraph, stopLocalGraph } from '../src/graph/local-neo4j.js';
import { migrate } from '../src/graph/migrations.js';
import { readValidationSplit } from '../src/linking/evaluation.js';

/**
 * Sector × country slices of 2024 for the skills-intelligence workloads (national Eurostat figures), in
 * countries without finer national evidence, where the bare-driver peer computes the same answer.
 */
const SLICES: Array<[sector: string, region: string]> = [
  ['F', 'ES'],
  ['C', 'AT'],
  ['G', 'PL'],
  ['Q', 'ES'],
  ['F', 'PL'],
  ['C', 'CZ'],
  ['H', 'BE'],
  ['I', 'PT'],
  ['M', 'NL'],
  ['J', 'SE'],
];
/**
 * Slices timed on their first request, which derives them (the sector gaps above are also timed on theirs,
 * beside the peer): countries whose figures are split by national evidence (src/intelligence/national-split.ts),
 * EU-wide, and the German PES data by region and occupation group. No peer computes these; the hub is timed alone.
 */
const COLD_SLICES: Array<{ label: string; variables: Record<string, string> }> = [
  { label: 'F × FR (EU-LFS ISCO-3 evidence)', variables: { sector: 'F', region: 'FR' } },
  { label: 'C × DE (PES evidence)', variables: { sector: 'C', region: 'DE' } },
  { label: 'Q × IT (EU-LFS ISCO-3 evidence)', variables: { sector: 'Q', region: 'IT' } },
  { label: 'C, every country', variables: { sector: 'C' } },
  { label: 'Germany (PES)', variables: { region: 'DE' } },
  { label: 'Bavaria DE2 (PES)', variables: { region: 'DE2' } },
  { label: 'Munich 09162 (PES)', variables: { region: '09162' } },
  { label: 'Munich 09162, KLDB:32 (PES)', variables: { region: '09162', occupationGroup: 'KLDB:32' } },
  { label: 'FR, ISCO:7', variables: { region: 'FR', occupationGroup: 'ISCO:7' } },
];

const DATA_DIR = path.join(projectRoot, '.hub', 'bench-graph');
const GRAPH_PORT = Number(process.env.BENCH_GRAPH_PORT ?? 17689);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
/** Set (npm run bench:soak): run the soak for this many seconds instead of the comparison. */
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 0);
const PORTS = { hub: 4301, neo4jGraphql: 4302, bareDriver: 4303, limit: 4304 };
const SEARCH_TERMS = [
  'python',
  'project management',
  'welding',
  'customer service',
  'data analysis',
  'solar panels',
  'accounting',
  'forklift',
  'teamwork',
  'machine learning',
  'baking',
  'sales',
  'nursing',
  'cyber security',
  'french',
  'logistics',
];

export interface LoadResult {
  server: string;
  workload: string;
  concurrency: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
}

/** One load run: `bodies` are sent round-robin as POST bodies; every response time is recorded. */
async function load(
  server: Server,
  workload: string,
  path_: string,
  bodies: string[],
  concurrency: number,
  seconds: number,
): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: `${server.url}${path_}`,
    connections: concurrency,
    duration: seconds,
    // Slow peers answer in seconds at c=20: wait for them rather than re-send (which only piles up work).
    timeout: 60,
    pipelining: 1,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
  // The typings describe only the promise; the instance is also an event emitter.
  (instance as unknown as NodeJS.EventEmitter).on(
    'response',
    (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime),
  );
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    server: server.name,
    workload,
    concurrency,
    requests: latencies.length,
    requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Waits until a peer has finished the requests a run left behind (the hub answers them in milliseconds). */
async function drained(server: Server): Promise<void> {
  if (server.name !== 'bare driver') return;
  for (let attempt = 0; attempt < 240; attempt++) {
    const inFlight = Number(
      await fetch(`${server.url}/in-flight`).then(
        (r) => r.text(),
        () => '0',
      ),
    );
    if (inFlight === 0) return;
    await sleep(500);
  }
}

interface ColdResult {
  slice: string;
  hubMs: number;
  /** The peer's time for the same answer; null where no peer computes it. */
  peerMs: number | null;
  /** The slice's dashboard cell and recommendations, each on its first request (dashboard null: no cell without a sector and region). */
  dashboardMs: number | null;
  recommendationsMs: number;
}

async function postJson(url: string, body: string): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return response.json();
}

async function main(): Promise<void> {
  const startedAt = new Date();
  process.stderr.write(`bench: fresh Neo4j in ${DATA_DIR} on port ${GRAPH_PORT}\n`);
  await stopLocalGraph(DATA_DIR);
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  const local = await startLocalGraph({ dataDir: DATA_DIR, port: GRAPH_PORT, heapMb: 3072, pageCacheMb: 512 });
  const graph = connectGraph({ uri: local.uri, user: 'neo4j', password: local.password, database: 'neo4j' });
  const servers: Server[] = [];
  try {
    await migrate(graph);
    const { importSeconds, summary, demandImports } = await loadBenchData(graph);
    // Real job-ad sentences (the skill-linking validation split) as linkSkills input.
    const sentences = readValidationSplit(
      path.resolve(
        projectRoot,
        '..',
        'shared',
        'data',
        'skill-extraction-validation',
        'house_validation_annotations.csv',
      ),
    ).map((s) => s.sentence);

    // Workload inputs: 300 occupations spread over the whole taxonomy, in a fixed order.
    const occupations = (
      await graph.read<{ uri: string }>('MATCH (o:Occupation) WITH o ORDER BY o.uri RETURN o.uri AS uri')
    )
      .filter((_, index) => index % 10 === 0)
      .map((row) => row.uri);

    const hubQuery = `query($uri: String!) { occupation(uri: $uri) { preferredLabel essentialSkills(first: 100) { edges { node { uri preferredLabel } } } } }`;
    const peerQuery = `query($uri: String!) { occupations(where: { uri: { eq: $uri } }) { preferredLabel essentialSkills(sort: [{ preferredLabel: ASC }]) { uri preferredLabel } } }`;
    const searchQuery = `query($text: String!) { searchSkills(text: $text, first: 10) { skill { uri preferredLabel } score } }`;
    const catalogueQuery = `{ microCredentials(first: 10) { edges { node { id title completeness { score missingMandatory } skills { skill { preferredLabel } } } } } }`;
    const linkQuery = `query($text: String!) { linkSkills(text: $text, first: 10) { skill { uri preferredLabel } score evidence { matchedText } } }`;
    const gapsQuery = `query($sector: String, $region: String) { sectorSkillGaps(sector: $sector, region: $region, period: "2024", first: 20) { skill { uri preferredLabel } demand coverage gapScore } }`;
    const recommendQuery = `query($sector: String, $region: String) { credentialRecommendations(sector: $sector, region: $region, period: "2024", first: 5) {
      develop { skills { uri } occupations { uri } suggestedEcts suggestedEqfLevel score } update { microCredential { id } reasons { code } score } } }`;
    const dashboardQuery = `query($sector: String, $region: String) { skillsDashboard(sector: $sector, region: $region, period: "2024") {
      gapIndex coveredShareOfDemand green { demandShare supplyShare } digital { demandShare supplyShare } offers averageCompleteness } }`;
    const bodies: Record<string, string[]> = {
      hubOccupation: occupations.map((u) => JSON.stringify({ query: hubQuery, variables: { uri: u } })),
      peerOccupation: occupations.map((u) => JSON.stringify({ query: peerQuery, variables: { uri: u } })),
      bareOccupation: occupations.map((u) => JSON.stringify({ uri: u })),
      hubSearch: SEARCH_TERMS.map((text) => JSON.stringify({ query: searchQuery, variables: { text } })),
      bareSearch: SEARCH_TERMS.map((text) => JSON.stringify({ text })),
      hubCatalogue: [JSON.stringify({ query: catalogueQuery })],
      bareCatalogue: [JSON.stringify({ cataloguePage: 10 })],
      hubLink: sentences.map((text) => JSON.stringify({ query: linkQuery, variables: { text } })),
      bareLink: sentences.map((sentence) => JSON.stringify({ sentence })),
      hubGaps: SLICES.map(([sector, region]) => JSON.stringify({ query: gapsQuery, variables: { sector, region } })),
      bareGaps: SLICES.map(([sector, region]) =>
        JSON.stringify({ gaps: { sector, region, period: '2024', first: 20 } }),
      ),
      hubRecommend: SLICES.map(([sector, region]) =>
        JSON.stringify({ query: recommendQuery, variables: { sector, region } }),
      ),
      hubDashboard: SLICES.map(([sector, region]) =>
        JSON.stringify({ query: dashboardQuery, variables: { sector, region } }),
      ),
    };

    const hub = await startServer('hub', 'src/server/main.ts', PORTS.hub, local, '/ready');
    servers.push(hub);

    // Matching workloads: 20 jobseeker profiles (confirmed skills of two occupations, and a work history for half of them),
    // transitions from 50 occupations, and course plans towards the occupations whose essential skills the demo catalogue teaches.
    const essentialOf = async (uri: string) =>
      (
        await graph.read<{ uri: string }>(
          'MATCH (:Occupation {uri: $uri})-[:ESSENTIAL_SKILL]->(s:Skill) WHERE s.deprecated = false RETURN s.uri AS uri ORDER BY uri',
          { uri },
        )
      ).map((r) => r.uri);
    const profileIds: string[] = [];
    for (let i = 0; i < 20; i++) {
      const [a, b, c] = [occupations[i * 7], occupations[i * 7 + 3], occupations[i * 7 + 5]];
      const skills = [
        ...(await essentialOf(a)).filter((_, k) => k % 2 === 0),
        ...(await essentialOf(b)).filter((_, k) => k % 3 === 0),
      ];
      const created = await postJson(
        `${hub.url}/graphql`,
        JSON.stringify({
          query: 'mutation($input: JobseekerInput!) { createJobseeker(input: $input) { id } }',
          variables: {
            input: {
              reference: `bench-${i}`,
              skills: [...new Set(skills)],
              workHistory: i % 2 === 0 ? [{ occupationUri: c, years: 3 }] : [],
            },
          },
        }),
      );
      profileIds.push(created.data.createJobseeker.id);
    }
    const planTargets = (
      await graph.read<{ uri: string }>(
        `MATCH (m:MicroCredential {status: 'PUBLISHED'})-[:HAS_OUTCOME]->()-[d:DEVELOPS]->(s:Skill)<-[:ESSENTIAL_SKILL]-(o:Occupation)
         WHERE d.state <> 'REJECTED' AND o.deprecated = false RETURN o.uri AS uri, count(DISTINCT s) AS taught ORDER BY taught DESC, uri LIMIT 10`,
      )
    ).map((r) => r.uri);
    const plans = await Promise.all(
      planTargets.map(async (uri) => ({
        occupationUri: uri,
        held: (await essentialOf(uri)).filter((_, k) => k % 3 === 0),
      })),
    );
    const matchQuery =
      'query($id: ID!) { matchOccupations(jobseekerId: $id, first: 10) { matches { occupation { uri } coverage score } } }';
    const transitionsQuery =
      'query($uri: String!) { occupationTransitions(occupationUri: $uri, first: 10) { occupation { uri } similarity score } }';
    const planQuery =
      'query($o: String!, $s: [String!]) { recommendCourses(occupationUri: $o, skills: $s) { courses { microCredential { id } } uncovered { uri } totalHours } }';
    const transitionOrigins = occupations.filter((_, k) => k % 6 === 0);
    Object.assign(bodies, {
      hubMatch: profileIds.map((id) => JSON.stringify({ query: matchQuery, variables: { id } })),
      hubTransitions: transitionOrigins.map((uri) => JSON.stringify({ query: transitionsQuery, variables: { uri } })),
      hubPlan: plans.map((p) => JSON.stringify({ query: planQuery, variables: { o: p.occupationUri, s: p.held } })),
      barePlan: plans.map((p) => JSON.stringify({ plan: p })),
    });

    // The soak (npm run bench:soak): the hub alone under the mixed workload, then done (bench/soak.ts).
    if (SOAK_SECONDS > 0) {
      process.stderr.write(`bench: soak of ${SOAK_SECONDS} s at concurrency 50\n`);
      process.stdout.write(`${writeSoakResults(await runSoak(hub, bodies, SOAK_SECONDS), startedAt)}\n`);
      return;
    }
    const neo4jGraphql = await startServer('@neo4j/graphql', 'bench/peers/neo4j-graphql.ts', PORTS.neo4jGraphql, local);
    const bare = await startServer('bare driver', 'bench/peers/bare-driver.ts', PORTS.bareDriver, local);
    // The limit: the hub's own answers to the occupation read, served from a map by bare node:http.
    const answersFile = path.join(os.tmpdir(), `bench-limit-answers-${process.pid}.json`);
    const hubAnswers: Record<string, string> = {};
    for (const body of new Set(bodies.hubOccupation))
      hubAnswers[body] = await (
        await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      ).text();
    fs.writeFileSync(answersFile, JSON.stringify(hubAnswers));
    process.env.BENCH_LIMIT_ANSWERS = answersFile;
    const limit = await startServer('limit', 'bench/peers/limit.ts', PORTS.limit, local);
    servers.push(neo4jGraphql, bare, limit);

    // Every server must answer the same question correctly before it is timed.
    const sample = occupations[0];
    const hubAnswer = await postJson(`${hub.url}/graphql`, bodies.hubOccupation[0]);
    const peerAnswer = await postJson(`${neo4jGraphql.url}/graphql`, bodies.peerOccupation[0]);
    const bareAnswer = await postJson(bare.url, bodies.bareOccupation[0]);
    const hubSkills = hubAnswer.data.occupation.essentialSkills.edges.map((e: any) => e.node.uri).sort();
    const peerSkills = peerAnswer.data.occupations[0].essentialSkills.map((s: any) => s.uri).sort();
    const bareSkills = bareAnswer[0].essentialSkills.map((s: any) => s.uri).sort();
    if (
      JSON.stringify(hubSkills) !== JSON.stringify(peerSkills) ||
      JSON.stringify(hubSkills) !== JSON.stringify(bareSkills)
    ) {
      throw new Error(`servers disagree on the essential skills of ${sample}`);
    }
    // Cold slices: the first request of each, before anything else asks for it. The very first request after the
    // start also builds what every slice shares (the occupation mix, weights, coverage): timed on its own slice.
    const coldQuery = `query($sector: String, $region: String, $occupationGroup: String) {
      sectorSkillGaps(sector: $sector, region: $region, occupationGroup: $occupationGroup, first: 20) { skill { uri } demand gapScore } }`;
    const coldRecommend = `query($sector: String, $region: String, $occupationGroup: String) {
      credentialRecommendations(sector: $sector, region: $region, occupationGroup: $occupationGroup, first: 5) { develop { score } update { score } } }`;
    const coldDashboard = `query($sector: String, $region: String, $occupationGroup: String) {
      skillsDashboard(sector: $sector, region: $region, occupationGroup: $occupationGroup) { gapIndex coveredShareOfDemand offers } }`;
    const timeOnce = async (url: string, body: string) => {
      const started = performance.now();
      const answer = await postJson(url, body);
      return { ms: Math.round((performance.now() - started) * 10) / 10, answer };
    };
    const firstRequest = await timeOnce(
      `${hub.url}/graphql`,
      JSON.stringify({ query: coldQuery, variables: { sector: 'A', region: 'BE' } }),
    );
    // A slice's dashboard cell and recommendations on their first request too (which also warms them for the timed runs).
    const firstOf = async (label: string, query: string, variables: Record<string, string>) => {
      const { ms, answer } = await timeOnce(`${hub.url}/graphql`, JSON.stringify({ query, variables }));
      if (answer.errors) throw new Error(`cold ${label}: ${JSON.stringify(answer.errors)}`);
      return ms;
    };
    const cold: ColdResult[] = [];
    for (const { label, variables } of COLD_SLICES) {
      cold.push({
        slice: label,
        hubMs: await firstOf(label, coldQuery, variables),
        peerMs: null,
        dashboardMs: variables.sector && variables.region ? await firstOf(label, coldDashboard, variables) : null,
        recommendationsMs: await firstOf(label, coldRecommend, variables),
      });
    }
    for (const [i, [sector, region]] of SLICES.entries()) {
      const hubTime = await timeOnce(`${hub.url}/graphql`, bodies.hubGaps[i]);
      const peerTime = await timeOnce(bare.url, bodies.bareGaps[i]);
      cold.push({
        slice: `${sector} × ${region}`,
        hubMs: hubTime.ms,
        peerMs: peerTime.ms,
        dashboardMs: await firstOf(`${sector} × ${region}`, dashboardQuery, { sector, region }),
        recommendationsMs: await firstOf(`${sector} × ${region}`, recommendQuery, { sector, region }),
      });
    }
    process.stderr.write(
      `bench: first request ${firstRequest.ms} ms; cold slices ${cold.map((c) => `${c.slice} ${c.hubMs} ms${c.peerMs === null ? '' : ` (peer ${c.peerMs} ms)`} dashboard ${c.dashboardMs ?? '–'} ms recommendations ${c.recommendationsMs} ms`).join('; ')}\n`,
    );

    // The gap peer must give the same rows as the hub for every slice before either is timed.
    for (const [i, [sector, region]] of SLICES.entries()) {
      const ours = (await postJson(`${hub.url}/graphql`, bodies.hubGaps[i])).data.sectorSkillGaps as Array<{
        skill: { uri: string };
        demand: number;
        coverage: number;
        gapScore: number;
      }>;
      const theirs = (await postJson(bare.url, bodies.bareGaps[i])) as Array<{
        uri: string;
        demand: number;
        coverage: number;
        gapScore: number;
      }>;
      const same =
        ours.length === theirs.length &&
        ours.every(
          (row, k) =>
            row.skill.uri === theirs[k].uri &&
            Math.abs(row.demand - theirs[k].demand) < 1e-3 &&
            row.coverage === theirs[k].coverage &&
            // Both round the score to 6 decimals, from sums taken in different orders: one unit apart at a boundary.
            Math.abs(row.gapScore - theirs[k].gapScore) < 1.5e-6,
        );
      if (!same) throw new Error(`hub and bare-driver peer disagree on the skill gaps of ${sector} × ${region}`);
    }
    // The matching peers must give the same rankings and plans as the hub for every input before either is timed.
    const same = (a: unknown, b: unknown, what: string) => {
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        const at =
          Array.isArray(a) && Array.isArray(b)
            ? a.findIndex((item, k) => JSON.stringify(item) !== JSON.stringify(b[k]))
            : -1;
        throw new Error(
          `hub and bare-driver peer disagree on ${what}${at >= 0 ? ` from row ${at + 1}: ${JSON.stringify((a as unknown[]).slice(at, at + 3))} vs ${JSON.stringify((b as unknown[]).slice(at, at + 3))}` : `: ${JSON.stringify(a).slice(0, 400)} vs ${JSON.stringify(b).slice(0, 400)}`}`,
        );
      }
    };
    for (const [i, plan] of plans.entries()) {
      const ours = (await postJson(`${hub.url}/graphql`, bodies.hubPlan[i])).data.recommendCourses;
      const [theirs] = await postJson(bare.url, bodies.barePlan[i]);
      same(
        [
          ours.courses.map((c: any) => c.microCredential.id).sort(),
          ours.uncovered.map((u: any) => u.uri).sort(),
          ours.totalHours,
        ],
        [[...theirs.courses].sort(), [...theirs.uncovered].sort(), theirs.totalHours],
        `the course plan towards ${plan.occupationUri}`,
      );
    }
    const secondRequestRoundTrips = async (body: string) => {
      await postJson(`${hub.url}/graphql`, body);
      return (await postJson(`${hub.url}/graphql`, body)).extensions.dbRoundTrips as number;
    };
    const roundTrips = {
      occupation: hubAnswer.extensions.dbRoundTrips as number,
      search: (await postJson(`${hub.url}/graphql`, bodies.hubSearch[0])).extensions.dbRoundTrips as number,
      catalogue: (await postJson(`${hub.url}/graphql`, bodies.hubCatalogue[0])).extensions.dbRoundTrips as number,
      linkSkills: (await postJson(`${hub.url}/graphql`, bodies.hubLink[0])).extensions.dbRoundTrips as number,
      sectorSkillGaps: (await postJson(`${hub.url}/graphql`, bodies.hubGaps[0])).extensions.dbRoundTrips as number,
      // The second request's count: the first of a slice derives it, and no peer check has warmed these.
      dashboard: await secondRequestRoundTrips(bodies.hubDashboard[0]),
      recommendations: await secondRequestRoundTrips(bodies.hubRecommend[0]),
      matching: (await postJson(`${hub.url}/graphql`, bodies.hubMatch[0])).extensions.dbRoundTrips as number,
      transitions: (await postJson(`${hub.url}/graphql`, bodies.hubTransitions[0])).extensions.dbRoundTrips as number,
      coursePlan: (await postJson(`${hub.url}/graphql`, bodies.hubPlan[0])).extensions.dbRoundTrips as number,
    };

    const runs: LoadResult[] = [];
    const plan: Array<[Server, string, string, string[]]> = [
      [hub, 'occupation + essential skills', '/graphql', bodies.hubOccupation],
      [limit, 'occupation + essential skills', '/graphql', bodies.hubOccupation],
      [neo4jGraphql, 'occupation + essential skills', '/graphql', bodies.peerOccupation],
      [bare, 'occupation + essential skills', '/', bodies.bareOccupation],
      [hub, 'skill label search', '/graphql', bodies.hubSearch],
      [bare, 'skill label search', '/', bodies.bareSearch],
      [hub, 'catalogue page (10 offers)', '/graphql', bodies.hubCatalogue],
      [bare, 'catalogue page (10 offers)', '/', bodies.bareCatalogue],
      [hub, 'linkSkills (job-ad sentence)', '/graphql', bodies.hubLink],
      [bare, 'linkSkills (job-ad sentence)', '/', bodies.bareLink],
      [hub, 'sector skill gaps (20 rows)', '/graphql', bodies.hubGaps],
      [bare, 'sector skill gaps (20 rows)', '/', bodies.bareGaps],
      [hub, 'credential recommendations', '/graphql', bodies.hubRecommend],
      [hub, 'match a profile (3,007 occupations)', '/graphql', bodies.hubMatch],
      [hub, 'transitions from an occupation', '/graphql', bodies.hubTransitions],
      [hub, 'course plan', '/graphql', bodies.hubPlan],
      [bare, 'course plan', '/', bodies.barePlan],
      [hub, 'dashboard cell', '/graphql', bodies.hubDashboard],
    ];
    for (const [server, workload, route, requestBodies] of plan) {
      for (const concurrency of [1, 20]) {
        await load(server, workload, route, requestBodies, concurrency, WARMUP_S);
        await drained(server);
        const result = await load(server, workload, route, requestBodies, concurrency, DURATION_S);
        await drained(server);
        process.stderr.write(
          `bench: ${server.name.padEnd(15)} ${workload.padEnd(30)} c=${String(concurrency).padEnd(3)} ${result.requestsPerSecond} req/s p95 ${result.p95Ms} ms\n`,
        );
        runs.push(result);
      }
    }
    const hubMemory = memoryMb(hub.process.pid!);

    const find = (server: string, workload: string, concurrency: number) =>
      runs.find((r) => r.server === server && r.workload === workload && r.concurrency === concurrency)!;
    const ours20 = find('hub', 'occupation + essential skills', 20);
    const peer20 = find('@neo4j/graphql', 'occupation + essential skills', 20);
    const bare20 = find('bare driver', 'occupation + essential skills', 20);
    const limit20 = find('limit', 'occupation + essential skills', 20);
    // A peer that completed no request in the window is taken as one request: the ratio is then a lower bound.
    const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 1 / DURATION_S)) * 100) / 100;
    const ratios = {
      /** The hub's occupation read against the same bytes served from a map by bare node:http. */
      throughputVsLimit: ratio(ours20.requestsPerSecond, limit20.requestsPerSecond),
      p95VsNeo4jGraphql: ratio(ours20.p95Ms, peer20.p95Ms),
      throughputVsNeo4jGraphql: ratio(ours20.requestsPerSecond, peer20.requestsPerSecond),
      p95VsBareDriver: ratio(ours20.p95Ms, bare20.p95Ms),
      throughputVsBareDriver: ratio(ours20.requestsPerSecond, bare20.requestsPerSecond),
      catalogueThroughputVsBareDriver: ratio(
        find('hub', 'catalogue page (10 offers)', 20).requestsPerSecond,
        find('bare driver', 'catalogue page (10 offers)', 20).requestsPerSecond,
      ),
      linkSkillsThroughputVsBm25Reference: ratio(
        find('hub', 'linkSkills (job-ad sentence)', 20).requestsPerSecond,
        find('bare driver', 'linkSkills (job-ad sentence)', 20).requestsPerSecond,
      ),
      gapsThroughputVsBareDriver: ratio(
        find('hub', 'sector skill gaps (20 rows)', 20).requestsPerSecond,
        find('bare driver', 'sector skill gaps (20 rows)', 20).requestsPerSecond,
      ),
      coursePlanThroughputVsBareDriver: ratio(
        find('hub', 'course plan', 20).requestsPerSecond,
        find('bare driver', 'course plan', 20).requestsPerSecond,
      ),
    };
    const gaps20 = find('hub', 'sector skill gaps (20 rows)', 20);
    const recommend20 = find('hub', 'credential recommendations', 20);
    const dashboard20 = find('hub', 'dashboard cell', 20);
    const coldTimes = cold.flatMap((c) => [
      { what: `gaps ${c.slice}`, ms: c.hubMs },
      ...(c.dashboardMs === null ? [] : [{ what: `dashboard ${c.slice}`, ms: c.dashboardMs }]),
      { what: `recommendations ${c.slice}`, ms: c.recommendationsMs },
    ]);
    const slowestCold = coldTimes.reduce((worst, c) => (c.ms > worst.ms ? c : worst));
    const targets = [
      {
        target: 'taxonomy read ≥ 0.5× the bare-HTTP limit for the same bytes at c=20',
        measured: `${ratios.throughputVsLimit}× (${ours20.requestsPerSecond} against ${limit20.requestsPerSecond} req/s)`,
        met: ratios.throughputVsLimit >= 0.5,
      },
      {
        target: 'p95 ≤ 0.5× @neo4j/graphql at c=20',
        measured: `${ratios.p95VsNeo4jGraphql}×`,
        met: ratios.p95VsNeo4jGraphql <= 0.5,
      },
      {
        target: 'throughput ≥ 2× @neo4j/graphql at c=20',
        measured: `${ratios.throughputVsNeo4jGraphql}×`,
        met: ratios.throughputVsNeo4jGraphql >= 2,
      },
      {
        target: 'taxonomy lookup ≥ 1,000 req/s at c=20',
        measured: `${ours20.requestsPerSecond} req/s`,
        met: ours20.requestsPerSecond >= 1000,
      },
      { target: 'taxonomy lookup p95 ≤ 20 ms at c=20', measured: `${ours20.p95Ms} ms`, met: ours20.p95Ms <= 20 },
      { target: 'full ESCO import < 60 s', measured: `${importSeconds} s`, met: importSeconds < 60 },
      { target: 'sector gaps p95 ≤ 300 ms at c=20', measured: `${gaps20.p95Ms} ms`, met: gaps20.p95Ms <= 300 },
      {
        target: 'sector gaps throughput ≥ bare-driver peer at c=20',
        measured: `${ratios.gapsThroughputVsBareDriver}×`,
        met: ratios.gapsThroughputVsBareDriver >= 1,
      },
      {
        target: 'recommendations p95 ≤ 300 ms at c=20',
        measured: `${recommend20.p95Ms} ms`,
        met: recommend20.p95Ms <= 300,
      },
      {
        target: 'matching p95 ≤ 100 ms at c=20',
        measured: `${find('hub', 'match a profile (3,007 occupations)', 20).p95Ms} ms`,
        met: find('hub', 'match a profile (3,007 occupations)', 20).p95Ms <= 100,
      },
      {
        target: 'transitions p95 ≤ 100 ms at c=20',
        measured: `${find('hub', 'transitions from an occupation', 20).p95Ms} ms`,
        met: find('hub', 'transitions from an occupation', 20).p95Ms <= 100,
      },
      {
        target: 'course plan p95 ≤ 200 ms at c=20',
        measured: `${find('hub', 'course plan', 20).p95Ms} ms`,
        met: find('hub', 'course plan', 20).p95Ms <= 200,
      },
      {
        target: 'course plan throughput ≥ bare-driver peer at c=20',
        measured: `${ratios.coursePlanThroughputVsBareDriver}×`,
        met: ratios.coursePlanThroughputVsBareDriver >= 1,
      },
      {
        target: 'dashboard cell p95 ≤ 100 ms at c=20',
        measured: `${dashboard20.p95Ms} ms`,
        met: dashboard20.p95Ms <= 100,
      },
      {
        target: 'first request of every slice ≤ 1 s',
        measured: `${slowestCold.ms} ms (${slowestCold.what})`,
        met: slowestCold.ms <= 1000,
      },
    ];

    const result = {
      startedAt: startedAt.toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        nodeFlags: NODE_FLAGS.join(' '),
      },
      settings: {
        durationSeconds: DURATION_S,
        warmupSeconds: WARMUP_S,
        occupations: occupations.length,
        searchTerms: SEARCH_TERMS.length,
      },
      taxonomy: { version: summary.version, skills: summary.counts.skills, occupations: summary.counts.occupations },
      importSeconds,
      demandImports,
      dbRoundTripsPerRequest: roundTrips,
      firstRequestMs: firstRequest.ms,
      cold,
      hubMemory,
      runs,
      ratios,
      targets,
    };
    fs.mkdirSync(path.join(projectRoot, 'bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join(projectRoot, 'bench', 'results', 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
    const table = renderTable(result);
    fs.writeFileSync(path.join(projectRoot, 'bench', 'results', 'latest.md'), `${table}\n`);
    process.stdout.write(`${table}\n`);
  } finally {
    for (const server of servers) server.process.kill('SIGTERM');
    await graph.close();
    await sleep(500);
    await stopLocalGraph(DATA_DIR);
  }
}

function renderTable(result: {
  startedAt: string;
  machine: { cpus: number; node: string; nodeFlags: string };
  importSeconds: number;
  demandImports: Array<{ format: string; figures: number; seconds: number }>;
  dbRoundTripsPerRequest: {
    occupation: number;
    search: number;
    catalogue: number;
    linkSkills: number;
    sectorSkillGaps: number;
    dashboard: number;
    recommendations: number;
    matching: number;
    transitions: number;
    coursePlan: number;
  };
  firstRequestMs: number;
  cold: ColdResult[];
  hubMemory: { rssMb: number; peakRssMb: number };
  runs: LoadResult[];
  ratios: Record<string, number>;
  targets: Array<{ target: string; measured: string; met: boolean }>;
}): string {
  const lines = [
    `Run ${result.startedAt} on ${result.machine.cpus} cores, Node ${result.machine.node} (every server run with \`${result.machine.nodeFlags}\`, as \`npm start\`). Full ESCO import: ${result.importSeconds} s.`,
    `Demand imports (M data set): ${result.demandImports.map((d) => `${d.format} ${d.figures.toLocaleString('en')} figures in ${d.seconds} s`).join(', ')}.`,
    `Hub database round trips per request: occupation ${result.dbRoundTripsPerRequest.occupation}, search ${result.dbRoundTripsPerRequest.search}, catalogue page ${result.dbRoundTripsPerRequest.catalogue}, linkSkills ${result.dbRoundTripsPerRequest.linkSkills}, sector gaps ${result.dbRoundTripsPerRequest.sectorSkillGaps} (after the first request of a slice), dashboard cell ${result.dbRoundTripsPerRequest.dashboard}, recommendations ${result.dbRoundTripsPerRequest.recommendations}, matching ${result.dbRoundTripsPerRequest.matching}, transitions ${result.dbRoundTripsPerRequest.transitions}, course plan ${result.dbRoundTripsPerRequest.coursePlan}; RSS ${result.hubMemory.rssMb} MB (peak ${result.hubMemory.peakRssMb} MB).`,
    'Peers: occupation: @neo4j/graphql and one Cypher query on the bare driver; search, catalogue page, sector gaps and the course plan: one Cypher query on the bare driver (the skills-intelligence and course-plan peers compute the same rows, figures and plans, checked for every input before timing); linkSkills: the BM25 reference method in memory, no GraphQL; credential recommendations and the dashboard cell: no equal peer since issue 20 changed them (outlines grouped by co-required demand, the update list scoped to the slice; cells with their own supply, own-skill gap index and trend), nor matching and transitions since issue 22 (near credits from similar words, viable and stretch tiers, step-downs, the occupation hierarchy), so the hub is timed alone for those. Requests time out after 60 s; after each run the bench waits until the peer has finished what the load generator left in flight. A peer that completed no request in the window counts as one, so its ratio is a lower bound.',
    '',
    '| server | workload | conc. | req/s | p50 ms | p95 ms | p99 ms | errors |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...result.runs.map(
      (r) =>
        `| ${r.server} | ${r.workload} | ${r.concurrency} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p95Ms} | ${r.p99Ms} | ${r.errors} |`,
    ),
    '',
    `Cold slices: the first request of each slice, one at a time (c=1), after the hub's very first request (A × BE, ${result.firstRequestMs} ms, which also builds what every slice shares). The bare-driver peer has no cache, so every request of it is cold; it answers only sector × country slices without national evidence.`,
    '',
    '| slice | gaps: hub first request ms | gaps: peer ms | peer / hub | dashboard cell ms | recommendations ms |',
    '|---|---:|---:|---:|---:|---:|',
    ...result.cold.map(
      (c) =>
        `| ${c.slice} | ${c.hubMs} | ${c.peerMs ?? '–'} | ${c.peerMs === null ? '–' : `${Math.round((c.peerMs / c.hubMs) * 100) / 100}×`} | ${c.dashboardMs ?? '–'} | ${c.recommendationsMs} |`,
    ),
    '',
    `Ratios at c=20: ${Object.entries(result.ratios)
      .map(([name, value]) => `${name} ${value}×`)
      .join(', ')}.`,
    '',
    '| target | measured | met |',
    '|---|---:|:---:|',
    ...result.targets.map((t) => `| ${t.target} | ${t.measured} | ${t.met ? 'yes' : 'no'} |`),
  ];
  return lines.join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
