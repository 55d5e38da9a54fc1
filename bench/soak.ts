/**
 * The soak (`npm run bench:soak`): the hub alone under a mixed workload at concurrency 50 for
 * BENCH_SOAK_SECONDS (600 by default), after the bench's own set-up (full ESCO, every shared demand source,
 * the demo catalogue). Each request is one of the bench's workload bodies, drawn in fixed proportions
 * (SOAK_MIX); 1 in 100 is a deliberate error (a malformed cursor, which must be answered BAD_USER_INPUT).
 * Every answer is read: its time, and the error codes it carries. The hub's memory (RSS, and the V8 heap
 * from /metrics) is sampled every 10 s. Both saw-tooth between garbage collections (the heap by a gigabyte
 * under this load), so "flat" compares floors: the least RSS and heap of the two minutes after the warm-up
 * minute against the least of the last two minutes (memoryFloors). Writes bench/results/soak-latest.json and
 * soak-latest.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { projectRoot } from '../src/config.js';
import { type Server, memoryMb, percentile } from './common.js';

/** Workload → share of requests (per 100). The bodies come from bench/run.ts. */
export const SOAK_MIX: Record<string, number> = {
  hubOccupation: 25,
  hubSearch: 10,
  hubGaps: 10,
  hubDashboard: 10,
  hubRecommend: 4,
  hubMatch: 10,
  hubTransitions: 5,
  hubPlan: 5,
  hubLink: 10,
  hubCatalogue: 10,
  deliberateError: 1,
};
const DELIBERATE = JSON.stringify({ query: '{ microCredentials(first: 10, after: "not-a-cursor") { totalCount } }' });
const WARM_UP_S = 60;

interface Sample {
  atSeconds: number;
  rssMb: number;
  heapUsedMb: number;
}

export interface SoakResult {
  seconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  workloads: Array<{
    workload: string;
    requests: number;
    p50Ms: number;
    p95Ms: number;
    p99Ms: number;
    errors: Record<string, number>;
  }>;
  /** Error codes of answers that were not deliberate errors, and HTTP failures (non-2xx, timeouts). */
  unexpectedErrors: Record<string, number>;
  deliberateErrorsAnsweredRight: number;
  deliberateErrorsSent: number;
  memory: { floorAfterWarmUp: Floor; floorAtEnd: Floor; maxRssMb: number; samples: Sample[] };
}

interface Floor {
  fromSeconds: number;
  toSeconds: number;
  rssMb: number;
  heapUsedMb: number;
}

/** The least RSS and heap used in the two minutes after the warm-up minute, and in the last two minutes. */
export function memoryFloors(samples: Sample[], seconds: number): { floorAfterWarmUp: Floor; floorAtEnd: Floor } {
  const floor = (fromSeconds: number, toSeconds: number): Floor => {
    const within = samples.filter((s) => s.atSeconds >= fromSeconds && s.atSeconds <= toSeconds);
    return {
      fromSeconds,
      toSeconds,
      rssMb: Math.min(...within.map((s) => s.rssMb)),
      heapUsedMb: Math.min(...within.map((s) => s.heapUsedMb)),
    };
  };
  const end = Math.max(...samples.map((s) => s.atSeconds));
  return {
    floorAfterWarmUp: floor(WARM_UP_S, Math.min(WARM_UP_S + 120, seconds)),
    floorAtEnd: floor(Math.max(WARM_UP_S, end - 120), end),
  };
}

async function heapUsedMb(server: Server): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Math.round(Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1] ?? NaN) / 1e6);
}

/** The soak itself: `bodies` by workload, mixed as SOAK_MIX says. */
export async function runSoak(
  hub: Server,
  bodies: Record<string, string[]>,
  seconds: number,
  connections = 50,
): Promise<SoakResult> {
  const mix: Array<{ workload: string; body: string }> = [];
  for (const [workload, share] of Object.entries(SOAK_MIX)) {
    const list = workload === 'deliberateError' ? [DELIBERATE] : bodies[workload];
    if (!list?.length) throw new Error(`soak: no bodies for ${workload}`);
    for (let i = 0; i < share; i += 1) mix.push({ workload, body: list[i % list.length] });
  }
  // A fixed interleaving (a stride through the list), so every connection sees every workload.
  const order = mix.map((_, i) => mix[(i * 37) % mix.length]);
  const rotation = new Map<string, number>();
  const latencies = new Map<string, number[]>();
  const errors = new Map<string, Record<string, number>>();
  const unexpected: Record<string, number> = {};
  let deliberateRight = 0;
  let deliberateSent = 0;
  let next = 0;
  const count = (record: Record<string, number>, key: string) => (record[key] = (record[key] ?? 0) + 1);

  const samples: Sample[] = [];
  const started = performance.now();
  const sample = async () =>
    samples.push({
      atSeconds: Math.round((performance.now() - started) / 1000),
      rssMb: memoryMb(hub.process.pid!).rssMb,
      heapUsedMb: await heapUsedMb(hub),
    });
  await sample();
  const sampler = setInterval(() => void sample(), 10_000);

  const instance = autocannon({
    url: `${hub.url}/graphql`,
    connections,
    duration: seconds,
    timeout: 60,
    pipelining: 1,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request, raw: object) => {
          const context = raw as Record<string, unknown>;
          const { workload } = order[next % order.length];
          next += 1;
          // Each workload walks its own bodies in turn (occupations, slices, profiles…), not only the first few.
          const list = workload === 'deliberateError' ? [DELIBERATE] : bodies[workload];
          const turn = rotation.get(workload) ?? 0;
          rotation.set(workload, turn + 1);
          context.workload = workload;
          context.sentAt = performance.now();
          if (workload === 'deliberateError') deliberateSent += 1;
          return { ...request, body: list[turn % list.length] };
        },
        onResponse: (status: number, body: string, raw: object) => {
          const context = raw as Record<string, unknown>;
          const workload = context.workload as string;
          const list = latencies.get(workload) ?? [];
          list.push(performance.now() - (context.sentAt as number));
          latencies.set(workload, list);
          const codes =
            status >= 200 && status < 300
              ? body.includes('"errors"')
                ? [...body.matchAll(/"code":"([A-Z_]+)"/g)].map((m) => m[1])
                : []
              : [`HTTP ${status}`];
          const record = errors.get(workload) ?? {};
          errors.set(workload, record);
          for (const code of codes) count(record, code);
          if (workload === 'deliberateError' && codes.length === 1 && codes[0] === 'BAD_USER_INPUT')
            deliberateRight += 1;
          else for (const code of codes) count(unexpected, `${workload}: ${code}`);
        },
      },
    ],
  });
  const result = await instance;
  clearInterval(sampler);
  await sample();
  if (result.timeouts > 0) unexpected.timeouts = result.timeouts;
  if (result.errors > result.timeouts) unexpected['connection errors'] = result.errors - result.timeouts;

  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    seconds,
    connections,
    requests: result.requests.total,
    requestsPerSecond: round(result.requests.average),
    workloads: Object.keys(SOAK_MIX).map((workload) => {
      const sorted = [...(latencies.get(workload) ?? [])].sort((a, b) => a - b);
      return {
        workload,
        requests: sorted.length,
        p50Ms: round(percentile(sorted, 50)),
        p95Ms: round(percentile(sorted, 95)),
        p99Ms: round(percentile(sorted, 99)),
        errors: errors.get(workload) ?? {},
      };
    }),
    unexpectedErrors: unexpected,
    deliberateErrorsAnsweredRight: deliberateRight,
    deliberateErrorsSent: deliberateSent,
    memory: { ...memoryFloors(samples, seconds), maxRssMb: Math.max(...samples.map((s) => s.rssMb)), samples },
  };
}

/** Writes the soak's results beside the bench's. */
export function writeSoakResults(result: SoakResult, startedAt: Date): string {
  const dir = path.join(projectRoot, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'soak-latest.json'), `${JSON.stringify({ startedAt, ...result }, null, 2)}\n`);
  const { memory } = result;
  const lines = [
    `# Soak, ${startedAt.toISOString().slice(0, 10)}`,
    '',
    `${result.seconds} s at concurrency ${result.connections}: ${result.requests.toLocaleString('en')} requests, ${result.requestsPerSecond} req/s.`,
    `Unexpected errors: ${Object.keys(result.unexpectedErrors).length === 0 ? 'none' : JSON.stringify(result.unexpectedErrors)}; deliberate errors answered BAD_USER_INPUT: ${result.deliberateErrorsAnsweredRight} of ${result.deliberateErrorsSent}.`,
    `Memory, its floor between garbage collections: RSS ${memory.floorAfterWarmUp.rssMb} MB in seconds ${memory.floorAfterWarmUp.fromSeconds}–${memory.floorAfterWarmUp.toSeconds}, ${memory.floorAtEnd.rssMb} MB in seconds ${memory.floorAtEnd.fromSeconds}–${memory.floorAtEnd.toSeconds} (highest RSS ${memory.maxRssMb} MB); V8 heap used ${memory.floorAfterWarmUp.heapUsedMb} MB → ${memory.floorAtEnd.heapUsedMb} MB.`,
    '',
    '| workload | requests | p50 ms | p95 ms | p99 ms | errors |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...result.workloads.map(
      (w) => `| ${w.workload} | ${w.requests} | ${w.p50Ms} | ${w.p95Ms} | ${w.p99Ms} | ${JSON.stringify(w.errors)} |`,
    ),
    '',
  ];
  fs.writeFileSync(path.join(dir, 'soak-latest.md'), lines.join('\n'));
  return lines.join('\n');
}
