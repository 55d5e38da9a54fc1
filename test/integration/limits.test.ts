import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphClient } from '../../src/graph/client.js';
import type { RunningHub } from '../../src/server/start.js';
import { REQUEST_LIMITS } from '../../src/server/limits.js';
import { freshTestGraph, importDemandExample, startTestHub, testConfig } from '../helpers.js';

/** Sends a raw document and returns the HTTP status with the parsed answer. */
async function post(hub: RunningHub, query: string) {
  const response = await fetch(`${hub.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

// A skill of the demo seed.
const SKILL = 'http://data.europa.eu/esco/skill/00e53a0a-c0ba-4c9f-a2ed-4706d5832a00';
const nested = (depth: number) =>
  `{ concept(uri: "${SKILL}") { ${'broader { '.repeat(depth)}uri${' }'.repeat(depth)} } }`;
const aliased = (count: number, fields = 'uri') =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: concept(uri: "${SKILL}") { ${fields} }`).join(' ')} }`;

describe('request limits: each refused with its own code before it runs, a cheap query answered beside it', () => {
  let graph: GraphClient;
  let hub: RunningHub;
  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub?.stop();
    await graph?.close();
  });

  it('refuses too many aliases, too deep a nesting, too many tokens and directives, each with its code and count', async () => {
    const cases: Array<[string, string, string | RegExp]> = [
      [
        aliased(100),
        'ALIAS_LIMIT_EXCEEDED',
        `Syntax Error: Aliases limit of ${REQUEST_LIMITS.aliases} exceeded, found 100.`,
      ],
      [
        nested(30),
        'DEPTH_LIMIT_EXCEEDED',
        `Syntax Error: Query depth limit of ${REQUEST_LIMITS.depth} exceeded, found 32.`,
      ],
      [
        `{ concept(uri: "${SKILL}") { ${'uri '.repeat(6000)}} }`,
        'TOKEN_LIMIT_EXCEEDED',
        // graphql-js' own words ("more that" in 16.x)
        new RegExp(
          `^Syntax Error: Document contains more tha[nt] ${REQUEST_LIMITS.tokens} tokens\\. Parsing aborted\\.$`,
        ),
      ],
      [
        `{ concept(uri: "${SKILL}") { ${'uri @include(if: true) '.repeat(30)}} }`,
        'DIRECTIVE_LIMIT_EXCEEDED',
        `Syntax Error: Directives limit of ${REQUEST_LIMITS.directives} exceeded, found 30.`,
      ],
    ];
    for (const [query, code, message] of cases) {
      const { status, body } = await post(hub, query);
      expect(body.data, code).toBeUndefined();
      expect(body.errors, code).toEqual([
        expect.objectContaining({
          message: typeof message === 'string' ? message : expect.stringMatching(message),
          extensions: { code },
        }),
      ]);
      expect(status, code).toBe(400);
    }
    // Within every limit: answered.
    const fine = await post(hub, nested(3));
    expect(fine.body.errors).toBeUndefined();
  });

  it('bounds breadth and cost at execution with their own codes', async () => {
    // 45 aliases are allowed, 45 × (the aliased field + its 10 fields) = 495 fields are not (breadth 400).
    const wide = await post(
      hub,
      `{ ${Array.from(
        { length: 45 },
        (_, i) =>
          `a${i}: skill(uri: "${SKILL}") { uri preferredLabel description kind altLabels hiddenLabels status modifiedDate deprecated lastSeenVersion }`,
      ).join(' ')} }`,
    );
    expect(wide.body.errors?.[0]).toMatchObject({
      message: 'Query exceeds maximum breadth (breadth: 495, max: 400)',
      extensions: { code: 'BREADTH_LIMIT_EXCEEDED', limit: 400 },
    });
    // Pages of pages of pages, 30 times: each list counts 10 times what it holds (Pothos' default multiplier),
    // 2,432 a copy, 72,960 in all; breadth 330 and depth 10 are within their limits.
    const costly = await post(
      hub,
      `{ ${Array.from(
        { length: 30 },
        (
          _,
          i,
        ) => `a${i}: skillsInCollection(collection: GREEN, first: 100) { edges { node { essentialForOccupations(first: 100) {
          edges { node { uri essentialSkills(first: 100) { edges { node { uri } } } } } } } } }`,
      ).join(' ')} }`,
    );
    expect(costly.body.errors?.[0].message).toBe('Query exceeds maximum complexity (complexity: 72960, max: 50000)');
    expect(costly.body.errors?.[0].extensions).toMatchObject({ code: 'COMPLEXITY_LIMIT_EXCEEDED', limit: 50_000 });
  });

  it('answers a cheap query sent at the same time as refused ones', async () => {
    const [refused, cheap] = await Promise.all([
      Promise.all(Array.from({ length: 20 }, () => post(hub, aliased(100)))),
      post(hub, `{ taxonomy { version } }`),
    ]);
    expect(refused.every((r) => r.body.errors[0].extensions.code === 'ALIAS_LIMIT_EXCEEDED')).toBe(true);
    expect(cheap.body.errors).toBeUndefined();
    expect(cheap.body.data.taxonomy.version).toBeTruthy();
  });

  it('in production, names no field the caller did not ask for (no "Did you mean"), and still refuses by limit', async () => {
    const production = await startTestHub({
      HUB_MODE: 'production',
      HUB_API_KEYS: 'ops:admin:limits-test-admin-key-01',
      HUB_PSEUDONYM_SECRET: 'limits-test-pseudonym-secret-0123456789',
    });
    try {
      const typo = `{ taxonomy { versoin } }`;
      const development = await post(hub, typo);
      expect(development.body.errors[0].message).toBe(
        'Cannot query field "versoin" on type "Taxonomy". Did you mean "version"?',
      );
      const answer = await post(production, typo);
      expect(answer.body.errors[0]).toMatchObject({
        message: 'Cannot query field "versoin" on type "Taxonomy". [Suggestion hidden]?',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
      expect((await post(production, aliased(100))).body.errors[0].extensions.code).toBe('ALIAS_LIMIT_EXCEEDED');
    } finally {
      await production.stop();
    }
  });

  it('limits requests a minute per API key, and per client address without one: 429 with Retry-After, others still answered', async () => {
    const KEY_A = 'rate-test-curator-key-0001';
    const KEY_B = 'rate-test-curator-key-0002';
    const limited = await startTestHub({
      HUB_RATE_LIMIT: '5',
      HUB_API_KEYS: `a:curator:${KEY_A},b:curator:${KEY_B}`,
      HUB_PSEUDONYM_SECRET: 'rate-test-pseudonym-secret-0123456789',
    });
    const ask = (key?: string) =>
      fetch(`${limited.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query: '{ taxonomy { version } }' }),
      });
    try {
      const firstFive = await Promise.all(Array.from({ length: 5 }, () => ask(KEY_A)));
      expect(firstFive.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      const sixth = await ask(KEY_A);
      expect(sixth.status).toBe(429);
      expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await sixth.json()) as any).errors[0]).toEqual({
        message: expect.stringMatching(
          /^rate limit: at most 5 requests a minute for one API key or client address; try again in /,
        ),
        extensions: { code: 'RATE_LIMITED' },
      });
      // Another key has its own allowance; without a key the client address has one.
      expect((await ask(KEY_B)).status).toBe(200);
      const anonymous = [];
      for (let i = 0; i < 6; i += 1) anonymous.push((await ask()).status);
      expect(anonymous).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await limited.stop();
    }
    // Behind a proxy (HUB_TRUST_PROXY), each client address the proxy forwards has its own allowance.
    const proxied = await startTestHub({ HUB_RATE_LIMIT: '2', HUB_TRUST_PROXY: 'true' });
    const from = (address: string) =>
      fetch(`${proxied.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ query: '{ taxonomy { version } }' }),
      }).then((r) => r.status);
    try {
      expect([await from('203.0.113.1'), await from('203.0.113.1'), await from('203.0.113.1')]).toEqual([
        200, 200, 429,
      ]);
      expect(await from('203.0.113.2')).toBe(200);
    } finally {
      await proxied.stop();
    }
  });

  it('stops a database transaction of a request past its limit on the server, answered QUERY_TIMEOUT', async () => {
    const limited = graph.withCounter({ count: 0 }, 200);
    const slow = `UNWIND range(1, 200000000) AS x RETURN count(x) AS n`;
    const started = performance.now();
    const error = await limited.read(slow).then(
      () => null,
      (caught: unknown) => caught as { extensions?: { code?: string }; message: string },
    );
    expect(error?.extensions?.code).toBe('QUERY_TIMEOUT');
    expect(error?.message).toBe('a database query of this request ran past its limit of 200 ms and was stopped');
    // Stopped by Neo4j near the limit, not run to its end (tens of seconds on this machine).
    expect(performance.now() - started).toBeLessThan(5000);
    // Without a limit (imports, start-up) the same client runs it.
    expect(await graph.read<{ n: number }>(`UNWIND range(1, 1000) AS x RETURN count(x) AS n`)).toEqual([{ n: 1000 }]);
  });

  it('answers a request past its time limit REQUEST_TIMEOUT (503), and keeps answering', async () => {
    // The first dashboard cell after an import derives every demand table it needs: about a second on this data.
    await importDemandExample(graph);
    const hasty = await startTestHub({ HUB_REQUEST_TIMEOUT_MS: '100' });
    try {
      const response = await fetch(`${hasty.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ skillsDashboard(sectors: ["F"], region: "HR04") { gapIndex } }' }),
      });
      expect(response.status).toBe(503);
      expect(((await response.json()) as any).errors).toEqual([
        {
          message: 'the request took longer than 100 ms and was stopped; ask for less, or try again',
          extensions: { code: 'REQUEST_TIMEOUT' },
        },
      ]);
      const cheap = await post(hasty, '{ taxonomy { version } }');
      expect(cheap.body.errors).toBeUndefined();
    } finally {
      await hasty.stop();
    }
  });

  it('answers /metrics only with the bearer token when HUB_METRICS_TOKEN is set', async () => {
    const token = 'metrics-token-for-the-test-0123456789';
    const guarded = await startTestHub({ HUB_METRICS_TOKEN: token });
    try {
      const scrape = (authorization?: string) =>
        fetch(`${guarded.server.url}/metrics`, { headers: authorization ? { authorization } : {} });
      for (const refused of [await scrape(), await scrape(`Bearer ${token}x`), await scrape(token)]) {
        expect(refused.status).toBe(401);
        expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
        expect(await refused.json()).toEqual({ error: 'GET /metrics needs Authorization: Bearer <HUB_METRICS_TOKEN>' });
      }
      const allowed = await scrape(`Bearer ${token}`);
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toContain('# TYPE hub_graphql_requests_total counter');
    } finally {
      await guarded.stop();
    }
    expect(() => testConfig({ HUB_METRICS_TOKEN: 'short' })).toThrow(
      'HUB_METRICS_TOKEN must be at least 32 characters (not counting surrounding spaces): it guards /metrics',
    );
  });

  it('counts requests, errors by code, time and round trips per root field at /metrics, in Prometheus text format', async () => {
    const counted = await startTestHub();
    try {
      for (let i = 0; i < 3; i += 1)
        expect((await post(counted, '{ taxonomy { version } }')).body.errors).toBeUndefined();
      for (let i = 0; i < 2; i += 1) await post(counted, aliased(100));
      const response = await fetch(`${counted.server.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await response.text();
      const value = (series: string) => {
        const line = text.split('\n').find((l) => l.startsWith(`${series} `));
        return line === undefined ? undefined : Number(line.slice(series.length + 1));
      };
      expect(value('hub_graphql_requests_total{field="taxonomy",outcome="ok"}')).toBe(3);
      expect(value('hub_graphql_requests_total{field="concept",outcome="ALIAS_LIMIT_EXCEEDED"}')).toBe(2);
      expect(value('hub_graphql_errors_total{code="ALIAS_LIMIT_EXCEEDED"}')).toBe(2);
      expect(value('hub_graphql_request_duration_seconds_count{field="taxonomy"}')).toBe(3);
      // The taxonomy is served from memory: no round trip.
      expect(value('hub_neo4j_round_trips_total{field="taxonomy"}')).toBe(0);
      expect(value('hub_neo4j_unreachable')).toBe(0);
      expect(value('hub_taxonomy_snapshot_age_seconds')).toBeGreaterThanOrEqual(0);
      expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    } finally {
      await counted.stop();
    }
  });
});
