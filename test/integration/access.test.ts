import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphClient } from '../../src/graph/client.js';
import type { RunningHub } from '../../src/server/start.js';
import { freshTestGraph, startTestHub } from '../helpers.js';

const KEYS = { curator: 'curator-key-0123456789', issuer: 'issuer-key-0123456789', admin: 'admin-key-01234567890' };
const LEARNER = 'jobseeker-4711@example.org';

describe('access control and learner data', () => {
  let graph: GraphClient;
  let hub: RunningHub;

  const call = async (query: string, variables: Record<string, unknown> = {}, key?: string) => {
    const response = await fetch(`${hub.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> }) };
  };

  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
    hub = await startTestHub({
      SEED_DEMO: 'false',
      HUB_API_KEYS: `ana:curator:${KEYS.curator},pes-office:issuer:${KEYS.issuer},ops:admin:${KEYS.admin}`,
      HUB_PSEUDONYM_SECRET: 'a-test-secret-that-is-long-enough-1234',
    });
  });
  afterAll(async () => {
    await hub.stop();
    await graph.close();
  });

  const UPSERT = `mutation { upsertMicroCredential(input: { id: "mc-access", title: "Forklift safety", awardingBodies: ["AMU"] }) { id } }`;
  const ISSUE = `mutation($l: String!) { issueCredential(input: { microCredentialId: "mc-access", learnerId: $l, issuedOn: "2026-03-01", grade: "passed" }) { learnerPseudonym issuedBy grade } }`;
  const READ = `query($l: String!) { issuedCredentials(learnerId: $l) { learnerPseudonym issuedOn microCredential { title } } }`;

  it('lets anyone read the catalogue but only a curator write it', async () => {
    expect((await call('{ microCredentials(first: 1) { totalCount } }')).errors).toBeUndefined();
    expect((await call(UPSERT)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await call(UPSERT, {}, KEYS.issuer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await call(UPSERT, {}, KEYS.curator)).data.upsertMicroCredential.id).toBe('mc-access');
    const wrongKey = await call(UPSERT, {}, 'not-a-key-at-all-000');
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.errors?.[0]).toMatchObject({ message: 'unknown API key', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('keeps learner data to issuers, under a pseudonym, audited, and erasable by an admin', async () => {
    const issued = await call(ISSUE, { l: LEARNER }, KEYS.issuer);
    expect(issued.errors).toBeUndefined();
    expect(issued.data.issueCredential).toMatchObject({ issuedBy: 'pes-office', grade: 'passed' });
    const pseudonym = issued.data.issueCredential.learnerPseudonym;
    expect(pseudonym).toMatch(/^learner:/);

    expect((await call(ISSUE, { l: LEARNER }, KEYS.curator)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await call(READ, { l: LEARNER }, KEYS.curator)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await call(READ, { l: LEARNER })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await call(READ, { l: LEARNER }, KEYS.issuer)).data.issuedCredentials).toEqual([
      { learnerPseudonym: pseudonym, issuedOn: '2026-03-01', microCredential: { title: 'Forklift safety' } },
    ]);

    // The identifier the issuer used is stored nowhere in the graph.
    const holds = `any(k IN keys(x) WHERE (x[k] IS :: STRING AND x[k] CONTAINS $raw)
                     OR (x[k] IS :: LIST<STRING NOT NULL> AND any(v IN x[k] WHERE v CONTAINS $raw)))`;
    const [{ nodes, relationships, pseudonymHolders }] = await graph.read<{ nodes: number; relationships: number; pseudonymHolders: number }>(
      `CALL { MATCH (x) WHERE ${holds} RETURN count(x) AS nodes }
       CALL { MATCH ()-[x]->() WHERE ${holds} RETURN count(x) AS relationships }
       CALL { MATCH (c:IssuedCredential {learnerPseudonym: $pseudonym}) RETURN count(c) AS pseudonymHolders }
       RETURN nodes, relationships, pseudonymHolders`,
      { raw: 'jobseeker-4711', pseudonym },
    );
    expect({ nodes, relationships, pseudonymHolders }).toEqual({ nodes: 0, relationships: 0, pseudonymHolders: 1 });
    // The same search does find what is stored: in a plain property and inside a list property.
    for (const stored of ['Forklift safety', 'AMU']) {
      const [{ found }] = await graph.read<{ found: number }>(`MATCH (x) WHERE ${holds} RETURN count(x) AS found`, { raw: stored });
      expect(found, stored).toBeGreaterThan(0);
    }

    expect((await call(`mutation($l: String!) { eraseLearner(learnerId: $l) }`, { l: LEARNER }, KEYS.issuer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await call(`mutation($l: String!) { eraseLearner(learnerId: $l) }`, { l: LEARNER }, KEYS.admin)).data.eraseLearner).toBe(1);
    expect((await call(READ, { l: LEARNER }, KEYS.issuer)).data.issuedCredentials).toEqual([]);

    const events = (await call('{ auditEvents(first: 20) { actor action subject detail } }', {}, KEYS.admin)).data.auditEvents;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['read issued credentials', 'erase learner', 'read issued credentials', 'issue credential']);
    expect(events.every((e: { subject: string }) => e.subject === pseudonym)).toBe(true);
    expect(JSON.stringify(events)).not.toContain('jobseeker');
  });
});
