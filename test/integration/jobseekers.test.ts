import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphClient } from '../../src/graph/client.js';
import type { RunningHub } from '../../src/server/start.js';
import { freshTestGraph, gql, startTestHub } from '../helpers.js';

const KEYS = {
  ana: 'counsellor-ana-0123456789',
  ben: 'counsellor-ben-0123456789',
  stats: 'analyst-key-0123456789',
  ops: 'admin-key-01234567890',
  curator: 'curator-key-0123456789',
};
const SECRET = 'a-test-secret-that-is-long-enough-1234';
const REFERENCE = 'PES-HR-2026-000417';
const PSEUDONYM = `learner:${createHmac('sha256', SECRET).update(`jobseeker|${REFERENCE}`).digest('hex').slice(0, 32)}`;
const WAREHOUSE_WORKER = 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f';
const SHOP_ASSISTANT = 'http://data.europa.eu/esco/occupation/0b15375e-dfdd-4047-9efb-096e0aaee7d2';

type GraphQLError = { message: string; extensions?: { code?: string; field?: string } };

describe('jobseeker profiles: pseudonymous, owned, audited and erasable', () => {
  let graph: GraphClient;
  let hub: RunningHub;
  let warehouseEssential: string[];

  const call = (query: string, variables: Record<string, unknown> = {}, key?: string) =>
    gql(hub, query, variables, key) as Promise<{ data?: any; errors?: GraphQLError[] }>;

  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
    hub = await startTestHub({
      SEED_DEMO: 'false',
      HUB_API_KEYS: `ana:counsellor:${KEYS.ana},ben:counsellor:${KEYS.ben},stats:analyst:${KEYS.stats},ops:admin:${KEYS.ops},cur:curator:${KEYS.curator}`,
      HUB_PSEUDONYM_SECRET: SECRET,
    });
    warehouseEssential = (
      await graph.read<{ uri: string }>(
        'MATCH (:Occupation {uri: $uri})-[:ESSENTIAL_SKILL]->(s:Skill) RETURN s.uri AS uri ORDER BY uri',
        { uri: WAREHOUSE_WORKER },
      )
    ).map((r) => r.uri);
  });
  afterAll(async () => {
    await hub?.stop();
    await graph?.close();
  });

  const PROFILE =
    'id pseudonym counsellor skills { skill { uri } origin state detail proficiency } workHistory { occupation { uri } years detail } constraints { region remote maxWorkloadHours languages funding { kind amount currency } }';
  const CREATE = `mutation($input: JobseekerInput!) { createJobseeker(input: $input) { ${PROFILE} } }`;
  const READ = `query($id: ID!) { jobseeker(id: $id) { ${PROFILE} } }`;
  const REVIEW = `mutation($id: ID!, $skill: String!, $accept: Boolean!) { reviewJobseekerSkill(id: $id, skillUri: $skill, accept: $accept, proficiency: ADVANCED) { skills { skill { uri } state proficiency } } }`;
  const ERASE = 'mutation($id: ID!) { eraseJobseeker(id: $id) }';
  const MATCH =
    'query($id: ID!) { matchOccupations(jobseekerId: $id, first: 3) { heldSkills { skill { uri } origin } matches { occupation { uri } coverage } } }';
  const AUDIT = '{ auditEvents(first: 50) { actor action subject detail } }';

  const create = async (key = KEYS.ana) => {
    const { data, errors } = await call(
      CREATE,
      {
        input: {
          reference: REFERENCE,
          skills: warehouseEssential.slice(0, 2),
          text: 'Stacked goods in containers and checked for damaged items in a warehouse.',
          workHistory: [{ title: 'shop assistant', years: 3 }],
          constraints: {
            region: 'HR04',
            remote: true,
            maxWorkloadHours: 120,
            languages: ['hr', 'en'],
            funding: { kind: 'VOUCHER', amount: 1000, currency: 'EUR' },
          },
        },
      },
      key,
    );
    expect(errors).toBeUndefined();
    return data.createJobseeker;
  };

  it('keeps only a pseudonym of the counsellor’s reference, given skills confirmed, text skills as suggestions, a job title as an occupation', async () => {
    const profile = await create();
    expect(profile).toMatchObject({
      pseudonym: PSEUDONYM,
      counsellor: 'ana',
      constraints: {
        region: 'HR04',
        remote: true,
        maxWorkloadHours: 120,
        languages: ['hr', 'en'],
        funding: { kind: 'VOUCHER', amount: 1000, currency: 'EUR' },
      },
    });
    const given = profile.skills.filter((s: { origin: string }) => s.origin === 'GIVEN');
    expect(given.map((s: { skill: { uri: string } }) => s.skill.uri).sort()).toEqual(
      warehouseEssential.slice(0, 2).sort(),
    );
    expect(given.every((s: { state: string }) => s.state === 'CONFIRMED')).toBe(true);
    const suggested = profile.skills.filter((s: { origin: string }) => s.origin === 'TEXT');
    expect(suggested.length).toBeGreaterThan(0);
    expect(
      suggested.every(
        (s: { state: string; detail: string }) => s.state === 'SUGGESTED' && /^".+" matches ".+"$/.test(s.detail),
      ),
    ).toBe(true);
    expect(profile.workHistory).toEqual([
      {
        occupation: { uri: SHOP_ASSISTANT },
        years: 3,
        detail: expect.stringContaining('job title matched to "shop assistant"'),
      },
    ]);
    // The reference itself is in no node or relationship property.
    const [{ n }] = await graph.read<{ n: number }>(
      `MATCH (x) WHERE any(k IN keys(x) WHERE x[k] IS :: STRING AND x[k] CONTAINS $raw) RETURN count(x) AS n`,
      { raw: REFERENCE },
    );
    expect(n).toBe(0);
  });

  it('counts only confirmed skills and the work history in matching; a confirmed suggestion then counts', async () => {
    const profile = await create();
    const before = (await call(MATCH, { id: profile.id }, KEYS.ana)).data.matchOccupations;
    const origins = new Set(before.heldSkills.map((h: { origin: string }) => h.origin));
    expect([...origins].sort()).toEqual(['PROFILE', 'WORK_HISTORY']);
    const suggestion = profile.skills.find(
      (s: { state: string; skill: { uri: string } }) =>
        s.state === 'SUGGESTED' &&
        !before.heldSkills.some((h: { skill: { uri: string } }) => h.skill.uri === s.skill.uri),
    );
    expect(before.heldSkills.map((h: { skill: { uri: string } }) => h.skill.uri)).not.toContain(suggestion.skill.uri);
    const reviewed = (await call(REVIEW, { id: profile.id, skill: suggestion.skill.uri, accept: true }, KEYS.ana)).data
      .reviewJobseekerSkill;
    expect(reviewed.skills.find((s: { skill: { uri: string } }) => s.skill.uri === suggestion.skill.uri)).toMatchObject(
      { state: 'CONFIRMED', proficiency: 'ADVANCED' },
    );
    const after = (await call(MATCH, { id: profile.id }, KEYS.ana)).data.matchOccupations;
    expect(after.heldSkills.map((h: { skill: { uri: string } }) => h.skill.uri)).toContain(suggestion.skill.uri);
  });

  it('lets only the counsellor who made a profile, or an admin, read it; others get FORBIDDEN or UNAUTHENTICATED', async () => {
    const profile = await create();
    expect((await call(READ, { id: profile.id }, KEYS.ana)).data.jobseeker.id).toBe(profile.id);
    expect((await call(READ, { id: profile.id }, KEYS.ops)).data.jobseeker.id).toBe(profile.id);
    const codes = async (query: string, key?: string) =>
      (await call(query, { id: profile.id }, key)).errors?.map((e) => e.extensions?.code);
    expect(await codes(READ, KEYS.ben)).toEqual(['FORBIDDEN']);
    expect(await codes(READ, KEYS.stats)).toEqual(['FORBIDDEN']);
    expect(await codes(READ, KEYS.curator)).toEqual(['FORBIDDEN']);
    expect(await codes(READ)).toEqual(['UNAUTHENTICATED']);
    expect(await codes(MATCH, KEYS.ben)).toEqual(['FORBIDDEN']);
    expect(await codes(ERASE, KEYS.ben)).toEqual(['FORBIDDEN']);
    expect((await call(READ, { id: 'no-such-profile' }, KEYS.ana)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('audits every read and change of a profile, and every refused attempt, under its id, never the reference or the pseudonym', async () => {
    const profile = await create();
    await call(READ, { id: profile.id }, KEYS.ana);
    await call(READ, { id: profile.id }, KEYS.ben);
    await call(MATCH, { id: profile.id }, KEYS.ana);
    const events = (await call(AUDIT, {}, KEYS.ops)).data.auditEvents.filter(
      (e: { subject: string }) => e.subject === `jobseeker:${profile.id}`,
    );
    expect(events.map((e: { actor: string; action: string }) => `${e.actor} ${e.action}`).reverse()).toEqual([
      'ana create jobseeker',
      'ana read jobseeker',
      'ana read jobseeker',
      'ben read jobseeker refused',
      'ana match jobseeker',
    ]);
    expect(events.find((e: { actor: string }) => e.actor === 'ben').detail).toBe(
      'the profile belongs to another counsellor',
    );
    // Concurrent reads are audited together (one transaction for those arriving together), each of them.
    await Promise.all(Array.from({ length: 8 }, () => call(READ, { id: profile.id }, KEYS.ana)));
    const [{ reads }] = await graph.read<{ reads: number }>(
      "MATCH (e:AuditEvent {subject: $subject, action: 'read jobseeker'}) RETURN count(e) AS reads",
      { subject: `jobseeker:${profile.id}` },
    );
    expect(reads).toBe(2 + 8);
    const all = JSON.stringify((await call(AUDIT, {}, KEYS.ops)).data.auditEvents);
    expect(all).not.toContain(REFERENCE);
    expect(all).not.toContain(PSEUDONYM);
  });

  it('refuses bad input naming the field, and a profile without a reference', async () => {
    const bad = await call(
      CREATE,
      {
        input: {
          reference: REFERENCE,
          skills: ['http://data.europa.eu/esco/skill/nope'],
          constraints: { region: 'XX9', earliestStart: '2027-02-30', languages: ['hrv'] },
        },
      },
      KEYS.ana,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((bad.errors?.[0].extensions as { problems: Array<{ field: string }> }).problems.map((p) => p.field)).toEqual(
      ['input.constraints.earliestStart', 'input.constraints.languages', 'input.constraints.region', 'input.skills[0]'],
    );
    const none = await call(CREATE, { input: { skills: [] } }, KEYS.ana);
    expect(none.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reference' });
  });

  it('erases every trace of the person: no node or property holds the profile’s id, pseudonym or skills link', async () => {
    const profile = await create();
    await call(READ, { id: profile.id }, KEYS.ana);
    expect((await call(ERASE, { id: profile.id }, KEYS.ana)).data.eraseJobseeker).toBe(true);
    const holders = async (raw: string) =>
      graph.read<{ labels: string[] }>(
        `MATCH (x) WHERE any(k IN keys(x) WHERE (x[k] IS :: STRING AND x[k] CONTAINS $raw) OR (x[k] IS :: LIST<STRING NOT NULL> AND any(v IN x[k] WHERE v CONTAINS $raw)))
         RETURN labels(x) AS labels
         UNION ALL
         MATCH ()-[x]->() WHERE any(k IN keys(x) WHERE x[k] IS :: STRING AND x[k] CONTAINS $raw) RETURN [type(x)] AS labels`,
        { raw },
      );
    expect(await holders(profile.id)).toEqual([]);
    // Other profiles made with the same reference in earlier tests are still there; this one's pseudonym is shared with them, so erase them too and check.
    for (const id of (
      await call('query($r: String!) { jobseekersByReference(reference: $r) }', { r: REFERENCE }, KEYS.ana)
    ).data.jobseekersByReference) {
      await call(ERASE, { id }, KEYS.ana);
    }
    expect(await holders(PSEUDONYM)).toEqual([]);
    expect(await graph.read('MATCH (j:Jobseeker) RETURN j.id AS id')).toEqual([]);
    expect(await graph.read('MATCH (:Jobseeker)-[r]-() RETURN count(r) AS n')).toEqual([{ n: 0 }]);
    const erasures = (await call(AUDIT, {}, KEYS.ops)).data.auditEvents.filter(
      (e: { action: string }) => e.action === 'erase jobseeker',
    );
    expect(erasures[0]).toEqual({
      actor: 'ana',
      action: 'erase jobseeker',
      subject: 'erased jobseeker profile',
      detail: 'profile, skills, work history and constraints erased',
    });
    expect((await call(READ, { id: profile.id }, KEYS.ana)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('records plans and outcomes with the profile, and gives analysts only aggregates, counts below 5 suppressed', async () => {
    const curate = async (query: string) => expect((await call(query, {}, KEYS.curator)).errors).toBeUndefined();
    await curate(
      'mutation { upsertProvider(input: { id: "pes-hr-vet", name: "Adult education centre", type: "VET", country: "HR", accreditationStatus: "ACCREDITED", accreditationRegister: "Agency for VET and Adult Education" }) { id } }',
    );
    await curate(
      'mutation { upsertMicroCredential(input: { id: "mc-forklift", title: "Forklift operation", providerId: "pes-hr-vet", awardingBodies: ["Adult education centre"] }) { id } }',
    );
    await curate(
      'mutation { upsertMicroCredential(input: { id: "mc-stock", title: "Stock control", providerId: "pes-hr-vet", awardingBodies: ["Adult education centre"] }) { id } }',
    );
    const PLAN =
      'mutation($j: ID!, $p: [ID!]!, $c: [ID!]) { recordPlan(jobseekerId: $j, occupationUri: "' +
      WAREHOUSE_WORKER +
      '", proposed: $p, chosen: $c) { id proposed { id } chosen { id } enrolled } }';
    const OUTCOME =
      'mutation($plan: ID!, $e: [ID!]!, $c: [ID!]!, $w: Boolean) { recordOutcome(planId: $plan, enrolled: $e, completed: $c, employedAfter6Months: $w) { id enrolled completed employedAfter6Months } }';
    const OFFER =
      '{ offerOutcomes(microCredentialId: "mc-forklift") { offers proposed chosen enrolled completed employedAfter6Months completionRate employmentRate suppressed note } }';
    const PROVIDER = '{ providerOutcomes(providerId: "pes-hr-vet") { offers proposed chosen suppressed note } }';

    // Six people proposed the forklift course; five chose and enrolled; four completed; three of them in work after six months.
    for (let person = 0; person < 6; person++) {
      const { data, errors } = await call(CREATE, { input: { reference: `PES-HR-OUTCOME-${person}` } }, KEYS.ana);
      expect(errors).toBeUndefined();
      const chosen = person < 5 ? ['mc-forklift'] : [];
      const plan = (
        await call(PLAN, { j: data.createJobseeker.id, p: ['mc-forklift', 'mc-stock'], c: chosen }, KEYS.ana)
      ).data.recordPlan;
      expect(plan).toMatchObject({
        proposed: [{ id: 'mc-forklift' }, { id: 'mc-stock' }],
        chosen: chosen.map((id) => ({ id })),
        enrolled: null,
      });
      if (person < 5) {
        const outcome = (
          await call(
            OUTCOME,
            { plan: plan.id, e: ['mc-forklift'], c: person < 4 ? ['mc-forklift'] : [], w: person < 3 },
            KEYS.ana,
          )
        ).data.recordOutcome;
        expect(outcome).toEqual({
          id: plan.id,
          enrolled: ['mc-forklift'],
          completed: person < 4 ? ['mc-forklift'] : [],
          employedAfter6Months: person < 3,
        });
      }
      if (person === 0) {
        const { data: read } = await call(
          'query($id: ID!) { jobseeker(id: $id) { plans { id occupation { uri } employedAfter6Months } } }',
          { id: data.createJobseeker.id },
          KEYS.ana,
        );
        expect(read.jobseeker.plans).toEqual([
          { id: plan.id, occupation: { uri: WAREHOUSE_WORKER }, employedAfter6Months: true },
        ]);
      }
    }
    expect((await call(OFFER, {}, KEYS.stats)).data.offerOutcomes).toEqual({
      offers: 1,
      proposed: 6,
      chosen: 5,
      enrolled: 5,
      completed: null,
      employedAfter6Months: null,
      completionRate: null,
      employmentRate: null,
      suppressed: ['completed', 'employedAfter6Months'],
      note: 'Counts from 1 to 4 are suppressed: completed, employedAfter6Months.',
    });
    expect((await call(PROVIDER, {}, KEYS.stats)).data.providerOutcomes).toEqual({
      offers: 2,
      proposed: 6,
      chosen: 5,
      suppressed: ['completed', 'employedAfter6Months'],
      note: 'Counts from 1 to 4 are suppressed: completed, employedAfter6Months.',
    });
    // Counsellors see their own records, not the aggregates; an outcome must not complete what was not enrolled.
    expect((await call(OFFER, {}, KEYS.ana)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const someone = (await call(CREATE, { input: { reference: 'PES-HR-OUTCOME-X' } }, KEYS.ana)).data.createJobseeker
      .id;
    const plan = (await call(PLAN, { j: someone, p: ['mc-stock'] }, KEYS.ana)).data.recordPlan;
    expect(
      (await call(OUTCOME, { plan: plan.id, e: [], c: ['mc-stock'] }, KEYS.ana)).errors?.[0].extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'completed[0]' });
    expect((await call(PLAN, { j: someone, p: ['mc-nope'] }, KEYS.ana)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'proposed[0]',
    });
    // Each step reads the profile once, for its access check, and is on record once: the plan comes back from the write
    // (creating returns the new profile, a read of its own).
    const events = (await call(AUDIT, {}, KEYS.ops)).data.auditEvents.filter(
      (e: { subject: string }) => e.subject === `jobseeker:${someone}`,
    );
    expect(events.map((e: { actor: string; action: string }) => `${e.actor} ${e.action}`).reverse()).toEqual([
      'ana create jobseeker',
      'ana read jobseeker',
      'ana read jobseeker for a plan',
      'ana record plan',
      'ana read jobseeker for an outcome',
      'ana read jobseeker for a plan',
    ]);
    // Erasing a person takes their plan records with them, and the aggregates shrink: 5 people proposed, all but the fifth's figures below 5 now.
    const first = (
      await call('query($r: String!) { jobseekersByReference(reference: $r) }', { r: 'PES-HR-OUTCOME-0' }, KEYS.ana)
    ).data.jobseekersByReference[0];
    await call(ERASE, { id: first }, KEYS.ana);
    expect(
      await graph.read('MATCH (p:PlanRecord) WHERE NOT EXISTS { (:Jobseeker)-[:HAS_PLAN]->(p) } RETURN p.id AS id'),
    ).toEqual([]);
    expect((await call(OFFER, {}, KEYS.stats)).data.offerOutcomes).toMatchObject({
      proposed: 5,
      chosen: null,
      enrolled: null,
      suppressed: ['chosen', 'enrolled', 'completed', 'employedAfter6Months'],
    });
  });
});
