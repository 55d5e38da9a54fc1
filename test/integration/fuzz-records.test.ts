import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphClient } from '../../src/graph/client.js';
import type { RunningHub } from '../../src/server/start.js';
import { hostileNumber, hostileText, hostileValue } from '../fuzz.js';
import { type GraphQLResponse, freshTestGraph, gql, graphFingerprint, startTestHub } from '../helpers.js';

const CURATOR = 'fuzz-records-curator-0123456789';
const COUNSELLOR = 'fuzz-records-counsellor-0123456789';

/** How the catalogue stores a text field (docs/catalogue.md): trimmed, and an empty one is not specified. */
const asStored = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const words = (max: number) => fc.string({ unit: 'grapheme', minLength: 1, maxLength: max });

/** Each answer is refused with BAD_USER_INPUT naming the field, or has no error at all; never an internal error. */
function refusedByField(answer: GraphQLResponse): boolean {
  const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
  expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
  for (const error of answer.errors ?? []) {
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.field).toBeTruthy();
  }
  return answer.errors !== undefined;
}

/**
 * The other write mutations fuzzed through the API, as fuzz-mutations.test.ts does for offers: providers,
 * qualifications and jobseeker profiles, well-formed or with hostile fields. Each ends in BAD_USER_INPUT
 * naming the field with the graph exactly as it was, or in a record that reads back as sent; never a 500.
 */
describe('upsertProvider, upsertQualification and jobseeker profiles, fuzzed', () => {
  let graph: GraphClient;
  let hub: RunningHub;
  let skills: string[];
  let occupations: string[];
  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
    hub = await startTestHub({
      HUB_API_KEYS: `cur:curator:${CURATOR},ana:counsellor:${COUNSELLOR}`,
      HUB_PSEUDONYM_SECRET: 'fuzz-records-pseudonym-secret-0123456789',
    });
    const uris = async (label: string) =>
      (await graph.read<{ uri: string }>(`MATCH (n:${label}) RETURN n.uri AS uri ORDER BY uri LIMIT 4`)).map(
        (r) => r.uri,
      );
    skills = await uris('Skill');
    occupations = await uris('Occupation');
  });
  afterAll(async () => {
    await hub?.stop();
    await graph?.close();
  });

  /** Runs a property whose cases are stored or refused, and checks that both ways were taken. */
  async function bothWays<T>(
    arbitrary: fc.Arbitrary<T>,
    send: (input: T) => Promise<GraphQLResponse>,
    readBack: (input: T, answer: GraphQLResponse) => Promise<void>,
    options: { prepare?: (input: T) => Promise<void>; state?: () => Promise<unknown> } = {},
  ) {
    const state = options.state ?? (() => graphFingerprint(graph));
    const outcomes = { stored: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(arbitrary, async (input) => {
        await options.prepare?.(input);
        const before = await state();
        const answer = await send(input);
        if (refusedByField(answer)) {
          expect(await state()).toEqual(before);
          outcomes.refused += 1;
        } else {
          await readBack(input, answer);
          outcomes.stored += 1;
        }
      }),
      { numRuns: 50, seed: 20261206 },
    );
    expect(outcomes.stored).toBeGreaterThan(5);
    expect(outcomes.refused).toBeGreaterThan(5);
  }

  it('refuses text with a lone surrogate, in a variable (naming its field) or in the document, with HTTP 400', async () => {
    const send = (query: string, variables: Record<string, unknown>) =>
      fetch(`${hub.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${CURATOR}` },
        // JSON.stringify writes a lone surrogate as the escape \ud800, as a client would send it.
        body: JSON.stringify({ query, variables }),
      });
    const before = await graphFingerprint(graph);
    const inVariable = await send('mutation($input: ProviderInput!) { upsertProvider(input: $input) { id } }', {
      input: { id: 'fz-lone', name: 'Zagreb \ud800 school', type: 'VET' },
    });
    expect(inVariable.status).toBe(400);
    expect(((await inVariable.json()) as GraphQLResponse).errors).toEqual([
      {
        message: 'input.name: must be valid Unicode text (it holds a lone surrogate, U+D800–U+DFFF)',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.name' },
      },
    ]);
    // In the document itself, escaped or not, graphql-js' parser refuses it.
    for (const name of ['Zagreb \\ud800 school', 'Zagreb \ud800 school']) {
      const inLiteral = await send(
        `mutation { upsertProvider(input: { id: "fz-lone", name: "${name}", type: "VET" }) { id } }`,
        {},
      );
      expect(inLiteral.status).toBe(400);
      const [error] = ((await inLiteral.json()) as GraphQLResponse).errors!;
      expect([error.extensions?.code, error.message]).toEqual([
        'GRAPHQL_PARSE_FAILED',
        expect.stringMatching(/^Syntax Error: Invalid (Unicode escape sequence|character within String)/),
      ]);
    }
    expect(await graphFingerprint(graph)).toEqual(before);
  });

  const PROVIDER_FIELDS = ['name', 'type', 'country', 'region', 'accreditationStatus', 'accreditationRegister'];

  it('upsertProvider: a named error and nothing written, or the provider as sent', async () => {
    const wellFormed = fc.record(
      {
        id: fc.constantFrom('fz-p1', 'fz-p2'),
        name: words(60),
        type: fc.constantFrom('VET', 'HIGHER_EDUCATION', 'EMPLOYER'),
        country: fc.constantFrom('HR', 'FR', 'DE'),
        region: words(30),
        accreditationStatus: fc.constantFrom('NOT_ACCREDITED', 'NOT_SPECIFIED'),
        accreditationRegister: words(30),
      },
      { requiredKeys: ['id', 'name', 'type'] },
    );
    const hostile = fc.record(Object.fromEntries(['id', ...PROVIDER_FIELDS].map((field) => [field, hostileText()])), {
      requiredKeys: [],
    });
    const provider = fc.oneof(
      wellFormed,
      fc.tuple(wellFormed, hostile).map(([good, bad]) => ({ ...good, ...bad })),
    );
    await bothWays(
      provider,
      (input) =>
        gql(hub, `mutation($input: ProviderInput!) { upsertProvider(input: $input) { id } }`, { input }, CURATOR),
      async (input) => {
        const stored = (
          await gql(hub, `query($id: ID!) { provider(id: $id) { id ${PROVIDER_FIELDS.join(' ')} } }`, {
            id: input.id,
          })
        ).data.provider;
        // An upsert replaces the record: a field left out reads back as not specified.
        const record = input as Record<string, unknown>;
        expect(stored).toEqual({
          id: input.id,
          ...Object.fromEntries(PROVIDER_FIELDS.map((field) => [field, asStored(record[field])])),
          accreditationStatus: asStored(input.accreditationStatus) ?? 'NOT_SPECIFIED',
        });
      },
    );
  }, 300_000);

  const QUALIFICATION_FIELDS = ['title', 'country', 'eqfLevel', 'nationalLevel', 'nationalFramework', 'awardingBody'];

  it('upsertQualification: a named error and nothing written, or the qualification as sent', async () => {
    const wellFormed = fc.record(
      {
        id: fc.constantFrom('fz-q1', 'fz-q2'),
        title: words(80),
        country: fc.constantFrom('IE', 'HR'),
        eqfLevel: fc.integer({ min: 1, max: 8 }),
        nationalLevel: fc.constantFrom('5', '5.1', '6'),
        nationalFramework: words(40),
        awardingBody: words(40),
      },
      { requiredKeys: ['id', 'title'] },
    );
    const hostile = fc.record(
      {
        id: hostileText(),
        title: hostileText(),
        country: hostileText(),
        eqfLevel: fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constant(2 ** 31 - 1)),
        nationalLevel: hostileText(),
        awardingBody: fc.oneof(hostileText(), fc.string({ minLength: 490, maxLength: 520 })),
      },
      { requiredKeys: [] },
    );
    const qualification = fc.oneof(
      wellFormed,
      fc.tuple(wellFormed, hostile).map(([good, bad]) => ({ ...good, ...bad })),
    );
    await bothWays(
      qualification,
      (input) =>
        gql(
          hub,
          `mutation($input: QualificationInput!) { upsertQualification(input: $input) { id } }`,
          { input },
          CURATOR,
        ),
      async (input) => {
        const stored = (
          await gql(hub, `query($id: ID!) { qualification(id: $id) { id ${QUALIFICATION_FIELDS.join(' ')} } }`, {
            id: input.id,
          })
        ).data.qualification;
        const record = input as Record<string, unknown>;
        expect(stored).toEqual({
          id: input.id,
          ...Object.fromEntries(QUALIFICATION_FIELDS.map((field) => [field, asStored(record[field])])),
          eqfLevel: input.eqfLevel ?? null,
        });
      },
    );
  }, 300_000);

  const PROFILE = `id skills { skill { uri } origin state } workHistory { occupation { uri } years }
    constraints { region remote maxWorkloadHours languages eqfLevel earliestStart modes funding { kind amount currency } }`;

  it('createJobseeker and updateJobseeker: a named error and nothing written, or the profile as sent', async () => {
    const created = await gql(
      hub,
      `mutation { createJobseeker(input: { reference: "FUZZ-0" }) { id } }`,
      {},
      COUNSELLOR,
    );
    expect(created.errors).toBeUndefined();
    const existing: string = created.data.createJobseeker.id;

    const wellFormedConstraints = fc.record(
      {
        region: fc.constantFrom('HR03', 'DE', 'FR10'),
        remote: fc.boolean(),
        maxWorkloadHours: fc.integer({ min: 1, max: 400 }),
        languages: fc.subarray(['en', 'hr', 'de']),
        eqfLevel: fc.integer({ min: 1, max: 8 }),
        earliestStart: fc.constantFrom('2027-03-01', '2028-01-15'),
        modes: fc.subarray(['ONLINE', 'BLENDED']),
        funding: fc.record({ kind: fc.constantFrom('VOUCHER', 'ILA'), amount: fc.integer({ min: 0, max: 5000 }) }),
      },
      { requiredKeys: [] },
    );
    const hostileConstraints = fc.record(
      {
        region: hostileText(),
        maxWorkloadHours: hostileNumber,
        languages: fc.array(hostileText(), { maxLength: 2 }),
        eqfLevel: fc.integer({ min: -2, max: 12 }),
        earliestStart: fc.oneof(fc.constant('2027-02-30'), hostileText()),
        modes: fc.array(hostileText(), { maxLength: 2 }),
        funding: fc.record(
          { kind: hostileText(), amount: hostileNumber, currency: hostileText() },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    const wellFormed = fc.record(
      {
        reference: fc.stringMatching(/^PES-[0-9]{1,6}$/),
        skills: fc.array(fc.constantFrom(...skills), { maxLength: 3 }),
        workHistory: fc.array(
          fc.record(
            { occupationUri: fc.constantFrom(...occupations), years: fc.integer({ min: 0, max: 40 }) },
            { requiredKeys: ['occupationUri'] },
          ),
          { maxLength: 2 },
        ),
        constraints: wellFormedConstraints,
      },
      { requiredKeys: ['reference'] },
    );
    const hostile = fc.record(
      {
        reference: fc.oneof(hostileText(), fc.string({ minLength: 199, maxLength: 203 })),
        skills: fc.array(fc.oneof(fc.constantFrom(...skills), hostileText()), { maxLength: 3 }),
        workHistory: fc.array(fc.record({ occupationUri: hostileText(), years: hostileNumber }, { requiredKeys: [] }), {
          maxLength: 2,
        }),
        constraints: fc.tuple(wellFormedConstraints, hostileConstraints).map(([good, bad]) => ({ ...good, ...bad })),
        completedMicroCredentials: fc.array(hostileValue.map(String), { maxLength: 1 }),
      },
      { requiredKeys: [] },
    );
    /** Half well-formed profiles, half well-formed ones with a hostile part or two. */
    const profile = fc.oneof(
      wellFormed,
      fc.tuple(wellFormed, hostile).chain(([good, bad]) =>
        fc.subarray(Object.keys(bad), { minLength: 1, maxLength: 2 }).map((keys) => ({
          ...good,
          ...Object.fromEntries(keys.map((k) => [k, (bad as Record<string, unknown>)[k]])),
        })),
      ),
    );
    const request = fc.record({ create: fc.boolean(), profile });

    const CONSTRAINT_FIELDS = [
      'region',
      'remote',
      'maxWorkloadHours',
      'languages',
      'eqfLevel',
      'earliestStart',
      'modes',
    ];
    const read = async (id: string) =>
      (await gql(hub, `query($id: ID!) { jobseeker(id: $id) { ${PROFILE} } }`, { id }, COUNSELLOR)).data.jobseeker;
    const given = (profile: { skills: Array<{ origin: string; skill: { uri: string } }> }) =>
      profile.skills
        .filter((s) => s.origin === 'GIVEN')
        .map((s) => s.skill.uri)
        .sort();
    /** A work history as held: an occupation given twice once, with the years added (null if none given). */
    const heldOnce = (work: Array<{ occupationUri: string; years?: number }>) =>
      [...new Set(work.map((w) => w.occupationUri))].map((uri) => {
        const years = work.filter((w) => w.occupationUri === uri && w.years !== undefined).map((w) => w.years!);
        return { occupation: { uri }, years: years.length > 0 ? years.reduce((a, b) => a + b, 0) : null };
      });
    /** The profile updated before this case, as the update finds it (a create starts from nothing). */
    let previous = await read(existing);

    await bothWays(
      request,
      ({ create, profile: input }) =>
        create
          ? gql(
              hub,
              `mutation($input: JobseekerInput!) { createJobseeker(input: $input) { id } }`,
              { input },
              COUNSELLOR,
            )
          : gql(
              hub,
              `mutation($id: ID!, $input: JobseekerInput!) { updateJobseeker(id: $id, input: $input) { id } }`,
              { id: existing, input: { ...input, reference: undefined } },
              COUNSELLOR,
            ),
      async ({ create, profile: input }, answer) => {
        const id = create ? answer.data.createJobseeker.id : answer.data.updateJobseeker.id;
        expect(create ? id : existing).toBe(id);
        const stored = await read(id);
        // Skills given replace the given ones, each held once and confirmed; left out, they stay.
        expect(given(stored)).toEqual(input.skills ? [...new Set(input.skills)].sort() : given(previous));
        expect(stored.skills.every((s: { state: string }) => s.state === 'CONFIRMED')).toBe(true);
        // Work history and constraints replace theirs; left out, they stay.
        expect(stored.workHistory).toEqual(input.workHistory ? heldOnce(input.workHistory) : previous.workHistory);
        const constraints = input.constraints as Record<string, unknown> | undefined;
        expect(stored.constraints).toEqual(
          constraints
            ? {
                ...Object.fromEntries(CONSTRAINT_FIELDS.map((field) => [field, constraints[field] ?? null])),
                funding: constraints.funding ? { currency: null, amount: null, ...constraints.funding } : null,
              }
            : (previous.constraints ?? {
                ...Object.fromEntries(CONSTRAINT_FIELDS.map((field) => [field, null])),
                funding: null,
              }),
        );
      },
      {
        prepare: async ({ create }) => {
          previous = create ? { skills: [], workHistory: [], constraints: null } : await read(existing);
        },
        // Reading a profile is audited, a refused update's too (it read the profile to check access): a
        // refusal leaves the graph as it was but for audit events of reads.
        state: async () => {
          const { nodes, relationships } = await graphFingerprint(graph);
          const { AuditEvent: _reads, ...rest } = nodes;
          const [{ n }] = await graph.read<{ n: number }>(
            "MATCH (a:AuditEvent) WHERE NOT a.action STARTS WITH 'read jobseeker' RETURN count(a) AS n",
          );
          return { nodes: rest, relationships, otherAuditEvents: n };
        },
      },
    );
  }, 300_000);
});
