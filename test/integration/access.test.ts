import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogLevel } from '../../src/config.js';
import type { GraphClient } from '../../src/graph/client.js';
import { setLogLevel } from '../../src/logger.js';
import type { RunningHub } from '../../src/server/start.js';
import { freshTestGraph, startTestHub } from '../helpers.js';

const KEYS = { curator: 'curator-key-0123456789', issuer: 'issuer-key-0123456789', admin: 'admin-key-01234567890' };
const SECRET = 'a-test-secret-that-is-long-enough-1234';

/**
 * The definition in docs/access.md, HMAC-SHA256(HUB_PSEUDONYM_SECRET, learnerId), computed here with node:crypto and
 * not by the hub. The hub writes it as `learner:` and the first 32 hex digits (128 bits) of the digest, taken
 * over the identifier with surrounding white space removed (src/access/callers.ts).
 */
const hmacSha256Hex = (secret: string, message: string) =>
  createHmac('sha256', secret).update(message, 'utf8').digest('hex');

/** Every learner identifier any test has used, and its local part: what must never leave the hub. */
const everIdentifying: string[] = [];

/**
 * A learner of one test alone (a fresh identifier each time), so each test issues, reads, erases and audits
 * only its own records and can run alone (`-t`) or in any order.
 */
function newLearner(kind: string) {
  const localPart = `${kind}-${randomUUID().slice(0, 8)}`;
  const id = `${localPart}@example.org`;
  everIdentifying.push(id, localPart);
  return {
    id,
    localPart,
    pseudonym: `learner:${hmacSha256Hex(SECRET, id).slice(0, 32)}`,
    identifying: [id, localPart],
  };
}

type GraphQLError = { message: string; extensions?: { code?: string } };

/** Everything this process writes to stderr (where the hub's JSON log lines go) and stdout, still passed through. */
const written: string[] = [];
function recordWrites(stream: NodeJS.WriteStream) {
  const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  return vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
    written.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
    return original(chunk, ...rest);
  }) as typeof stream.write);
}

describe('access control and learner data', () => {
  let graph: GraphClient;
  let hub: RunningHub;
  let recorders: Array<ReturnType<typeof recordWrites>>;

  const call = async (query: string, variables: Record<string, unknown> = {}, key?: string) => {
    const response = await fetch(`${hub.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as { data?: any; errors?: GraphQLError[] }) };
  };
  /** A refused call answers no data, only errors: each as [code, message]. */
  const refusal = async (query: string, variables: Record<string, unknown>, key?: string) => {
    const { status, data, errors } = await call(query, variables, key);
    expect({ status, data }).toEqual({ status: 200, data: null });
    return errors?.map((e) => [e.extensions?.code, e.message]);
  };

  beforeAll(async () => {
    // Record from before the hub starts, at the most talkative level, until the file ends.
    recorders = [recordWrites(process.stderr), recordWrites(process.stdout)];
    setLogLevel('debug');
    graph = await freshTestGraph({ seed: true });
    hub = await startTestHub({
      SEED_DEMO: 'false',
      HUB_API_KEYS: `ana:curator:${KEYS.curator},pes-office:issuer:${KEYS.issuer},ops:admin:${KEYS.admin}`,
      HUB_PSEUDONYM_SECRET: SECRET,
    });
  });
  afterAll(async () => {
    await hub?.stop();
    await graph?.close();
    setLogLevel((process.env.LOG_LEVEL as LogLevel | undefined) ?? 'info');
    recorders.forEach((recorder) => recorder.mockRestore());
  });

  const UPSERT = `mutation { upsertMicroCredential(input: { id: "mc-access", title: "Forklift safety", awardingBodies: ["AMU"] }) { id } }`;
  const ISSUE = `mutation($l: String!, $on: String!, $grade: String) {
    issueCredential(input: { microCredentialId: "mc-access", learnerId: $l, issuedOn: $on, grade: $grade }) {
      id learnerPseudonym issuedOn grade issuedBy microCredential { id } } }`;
  const READ = `query($l: String!) { issuedCredentials(learnerId: $l) { id learnerPseudonym issuedOn grade issuedBy microCredential { title } } }`;
  const ERASE = `mutation($l: String!) { eraseLearner(learnerId: $l) }`;
  const AUDIT = '{ auditEvents(first: 100) { at actor action subject detail } }';

  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const needsKey = (field: string) => [
    'UNAUTHENTICATED',
    `${field}: needs an API key with the right role (Authorization: Bearer <key>)`,
  ];
  const lacksRole = (field: string, keyName: string) => [
    'FORBIDDEN',
    `${field}: the API key '${keyName}' does not have the role this needs`,
  ];

  // Every test issues against this offer: written (idempotently) before each, so none relies on another.
  beforeEach(async () => {
    expect((await call(UPSERT, {}, KEYS.curator)).errors).toBeUndefined();
  });

  const issue = async (learnerId: string, on: string, grade?: string) => {
    const answer = await call(ISSUE, { l: learnerId, on, grade }, KEYS.issuer);
    expect(answer.errors).toBeUndefined();
    return answer.data.issueCredential as { id: string };
  };
  /** This learner's audit events, newest first, without their time stamps. */
  const auditOf = async (pseudonyms: string[]) => {
    const answer = await call(AUDIT, {}, KEYS.admin);
    expect(answer.errors).toBeUndefined();
    return (answer.data.auditEvents as Array<{ at: string; subject: string }>).filter((e) =>
      pseudonyms.includes(e.subject),
    );
  };

  it('lets anyone read the catalogue but only a curator write it', async () => {
    // An offer of its own (other id, title and awarding body), so the graph search below finds only mc-access.
    const upsert = UPSERT.replace('mc-access', 'mc-access-write')
      .replace('Forklift safety', 'Pallet handling')
      .replace('AMU', 'Write test school');
    expect((await call('{ microCredentials(first: 1) { totalCount } }')).errors).toBeUndefined();
    expect((await call(upsert)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await call(upsert, {}, KEYS.issuer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await call(upsert, {}, KEYS.curator)).data.upsertMicroCredential.id).toBe('mc-access-write');
    const wrongKey = await call(upsert, {}, 'not-a-key-at-all-000');
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.errors?.[0]).toMatchObject({ message: 'unknown API key', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('issues credentials only with the issuer role, under the pseudonym HMAC-SHA256(secret, learnerId), never returning the identifier', async () => {
    const learner = newLearner('jobseeker');
    const other = newLearner('apprentice');
    const first = { l: learner.id, on: '2026-03-01', grade: 'passed' };
    expect(await refusal(ISSUE, first)).toEqual([needsKey('issueCredential')]);
    expect(await refusal(ISSUE, first, KEYS.curator)).toEqual([lacksRole('issueCredential', 'ana')]);

    const answers = [
      await call(ISSUE, first, KEYS.issuer),
      // The same learner, with white space around the identifier: trimmed, so the same pseudonym.
      await call(ISSUE, { l: `  ${learner.id} `, on: '2026-05-15', grade: 'merit' }, KEYS.issuer),
      await call(ISSUE, { l: other.id, on: '2026-04-01' }, KEYS.issuer),
    ];
    expect(answers.map((a) => a.errors)).toEqual([undefined, undefined, undefined]);
    const issued = answers.map((a) => a.data.issueCredential);
    const award = { issuedBy: 'pes-office', microCredential: { id: 'mc-access' } };
    expect(issued).toEqual([
      {
        id: expect.stringMatching(UUID),
        learnerPseudonym: learner.pseudonym,
        issuedOn: '2026-03-01',
        grade: 'passed',
        ...award,
      },
      {
        id: expect.stringMatching(UUID),
        learnerPseudonym: learner.pseudonym,
        issuedOn: '2026-05-15',
        grade: 'merit',
        ...award,
      },
      {
        id: expect.stringMatching(UUID),
        learnerPseudonym: other.pseudonym,
        issuedOn: '2026-04-01',
        grade: null,
        ...award,
      },
    ]);
    expect(new Set(issued.map((c) => c.id)).size).toBe(3);
    for (const raw of [...learner.identifying, ...other.identifying])
      expect(JSON.stringify(answers), raw).not.toContain(raw);
  });

  it("shows a learner's credentials only with the issuer role, looked up by the identifier the issuer uses", async () => {
    const learner = newLearner('jobseeker');
    const other = newLearner('apprentice');
    const [first, second] = [
      await issue(learner.id, '2026-03-01', 'passed'),
      await issue(` ${learner.id}  `, '2026-05-15', 'merit'),
    ];
    await issue(other.id, '2026-04-01');
    expect(await refusal(READ, { l: learner.id })).toEqual([needsKey('issuedCredentials')]);
    expect(await refusal(READ, { l: learner.id }, KEYS.curator)).toEqual([lacksRole('issuedCredentials', 'ana')]);
    const answer = await call(READ, { l: learner.id }, KEYS.issuer);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.issuedCredentials).toEqual([
      {
        id: first.id,
        learnerPseudonym: learner.pseudonym,
        issuedOn: '2026-03-01',
        grade: 'passed',
        issuedBy: 'pes-office',
        microCredential: { title: 'Forklift safety' },
      },
      {
        id: second.id,
        learnerPseudonym: learner.pseudonym,
        issuedOn: '2026-05-15',
        grade: 'merit',
        issuedBy: 'pes-office',
        microCredential: { title: 'Forklift safety' },
      },
    ]);
    for (const raw of [...learner.identifying, ...other.identifying])
      expect(JSON.stringify(answer), raw).not.toContain(raw);
  });

  it('stores the identifiers nowhere in the graph, only the pseudonyms', async () => {
    const learner = newLearner('jobseeker');
    const other = newLearner('apprentice');
    await issue(learner.id, '2026-03-01', 'passed');
    await issue(learner.id, '2026-05-15', 'merit');
    await issue(other.id, '2026-04-01');
    const holds = `any(k IN keys(x) WHERE (x[k] IS :: STRING AND x[k] CONTAINS $raw)
                     OR (x[k] IS :: LIST<STRING NOT NULL> AND any(v IN x[k] WHERE v CONTAINS $raw)))`;
    /** The labels of every node, and the types of every relationship, with a property holding `raw`. */
    const holders = async (raw: string) => {
      const [row] = await graph.read<{ nodes: string[][]; relationships: string[] }>(
        `CALL { MATCH (x) WHERE ${holds} RETURN collect(labels(x)) AS nodes }
         CALL { MATCH ()-[x]->() WHERE ${holds} RETURN collect(type(x)) AS relationships }
         RETURN nodes, relationships`,
        { raw },
      );
      return {
        nodes: row.nodes.map((labels) => labels.sort().join(':')).sort(),
        relationships: row.relationships.sort(),
      };
    };
    for (const raw of [...learner.identifying, ...other.identifying])
      expect(await holders(raw), raw).toEqual({ nodes: [], relationships: [] });
    // The same search does find what is stored: in a plain property and inside a list property.
    expect(await holders('Forklift safety')).toEqual({
      nodes: ['LearningOutcome', 'MicroCredential'],
      relationships: [],
    });
    expect(await holders('AMU')).toEqual({ nodes: ['MicroCredential'], relationships: [] });
    expect(
      await graph.read(
        `MATCH (c:IssuedCredential) WHERE c.learnerPseudonym IN $pseudonyms
         RETURN c.learnerPseudonym AS learner, count(c) AS credentials ORDER BY credentials DESC`,
        { pseudonyms: [learner.pseudonym, other.pseudonym] },
      ),
    ).toEqual([
      { learner: learner.pseudonym, credentials: 2 },
      { learner: other.pseudonym, credentials: 1 },
    ]);
  });

  it("lets only an admin erase a learner: none of their issued credentials is left, another learner's stay", async () => {
    const learner = newLearner('jobseeker');
    const other = newLearner('apprentice');
    await issue(learner.id, '2026-03-01', 'passed');
    await issue(learner.id, '2026-05-15', 'merit');
    await issue(other.id, '2026-04-01');
    expect(await refusal(ERASE, { l: learner.id })).toEqual([needsKey('eraseLearner')]);
    expect(await refusal(ERASE, { l: learner.id }, KEYS.curator)).toEqual([lacksRole('eraseLearner', 'ana')]);
    expect(await refusal(ERASE, { l: learner.id }, KEYS.issuer)).toEqual([lacksRole('eraseLearner', 'pes-office')]);
    expect(await call(ERASE, { l: learner.id }, KEYS.admin)).toMatchObject({ status: 200, data: { eraseLearner: 2 } });

    expect(
      await graph.read(
        `MATCH (c:IssuedCredential) WHERE c.learnerPseudonym IN $pseudonyms
         RETURN c.learnerPseudonym AS learner, count(c) AS credentials`,
        { pseudonyms: [learner.pseudonym, other.pseudonym] },
      ),
    ).toEqual([{ learner: other.pseudonym, credentials: 1 }]);
    expect((await call(READ, { l: learner.id }, KEYS.issuer)).data.issuedCredentials).toEqual([]);
  });

  it('audits every issue, read and erasure, newest first: the key name, the action, the pseudonym and what was done', async () => {
    const learner = newLearner('jobseeker');
    const other = newLearner('apprentice');
    const issued = [
      await issue(learner.id, '2026-03-01', 'passed'),
      await issue(learner.id, '2026-05-15', 'merit'),
      await issue(other.id, '2026-04-01'),
    ];
    expect((await call(READ, { l: learner.id }, KEYS.issuer)).errors).toBeUndefined();
    expect((await call(ERASE, { l: learner.id }, KEYS.admin)).data).toEqual({ eraseLearner: 2 });
    expect((await call(READ, { l: learner.id }, KEYS.issuer)).errors).toBeUndefined();

    const events = (await auditOf([learner.pseudonym, other.pseudonym])) as Array<{
      at: string;
      actor: string;
      action: string;
      subject: string;
      detail: string;
    }>;
    expect(events.map(({ at, ...event }) => event)).toEqual([
      { actor: 'pes-office', action: 'read issued credentials', subject: learner.pseudonym, detail: '0 record(s)' },
      { actor: 'ops', action: 'erase learner', subject: learner.pseudonym, detail: '2 issued credential(s) erased' },
      { actor: 'pes-office', action: 'read issued credentials', subject: learner.pseudonym, detail: '2 record(s)' },
      {
        actor: 'pes-office',
        action: 'issue credential',
        subject: other.pseudonym,
        detail: `${issued[2].id} of mc-access`,
      },
      {
        actor: 'pes-office',
        action: 'issue credential',
        subject: learner.pseudonym,
        detail: `${issued[1].id} of mc-access`,
      },
      {
        actor: 'pes-office',
        action: 'issue credential',
        subject: learner.pseudonym,
        detail: `${issued[0].id} of mc-access`,
      },
    ]);
    const times = events.map((e) => Date.parse(e.at));
    expect(times.every(Number.isFinite)).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const raw of [...learner.identifying, ...other.identifying])
      expect(JSON.stringify(events), raw).not.toContain(raw);
  });

  it('refuses the audit trail to callers without the admin role', async () => {
    expect(await refusal(AUDIT, {})).toEqual([needsKey('auditEvents')]);
    expect(await refusal(AUDIT, {}, KEYS.curator)).toEqual([lacksRole('auditEvents', 'ana')]);
    expect(await refusal(AUDIT, {}, KEYS.issuer)).toEqual([lacksRole('auditEvents', 'pes-office')]);
  });

  it('never logs a learner identifier, not even for a failed request that carries one', async () => {
    // Its own learner goes through every learner-data call, then the one request path that logs: a body over
    // the 1 MB limit is refused with 413 and logged as 'request failed'.
    const learner = newLearner('jobseeker');
    await issue(learner.id, '2026-03-01', 'passed');
    expect((await call(READ, { l: learner.id }, KEYS.issuer)).errors).toBeUndefined();
    expect((await call(ERASE, { l: learner.id }, KEYS.admin)).data).toEqual({ eraseLearner: 1 });
    const oversized = await fetch(`${hub.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.issuer}` },
      body: JSON.stringify({
        query: ISSUE,
        variables: { l: learner.id, on: '2026-06-01', grade: 'x'.repeat(1_000_000) },
      }),
    });
    expect(oversized.status).toBe(413);
    const requestId = oversized.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const lines = written
      .join('')
      .split('\n')
      .filter((line) => line.trim() !== '');
    const logged = lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as { level: string; msg: string; path?: string }];
      } catch {
        return [];
      }
    });
    // The record works: it holds the hub's own log lines, from start-up (recorded in beforeAll) and from the refused request.
    expect(logged).toContainEqual(expect.objectContaining({ level: 'info', msg: 'hub listening' }));
    // The refused request's line carries the id its answer gave.
    expect(logged).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'request failed', path: '/graphql', requestId }),
    );
    // Its own learner, and every learner any test of this file used before it in the run.
    for (const raw of everIdentifying)
      expect(
        lines.filter((line) => line.toLowerCase().includes(raw)),
        raw,
      ).toEqual([]);
  });
});
