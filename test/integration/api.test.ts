import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src/server/start.js';
import { importEsco } from '../../src/taxonomy/esco-import.js';
import { demoSeedDir } from '../../src/taxonomy/seed.js';
import {
  CollectionFanOutDocument,
  LinkSkillsDocument,
  OccupationWithEssentialSkillsDocument,
  SearchSkillsDocument,
  TaxonomyCountsDocument,
} from '../gql/graphql.js';
import { freshTestGraph, gql, startTestHub } from '../helpers.js';

const seedCsv = (name: string) =>
  parse(fs.readFileSync(path.join(demoSeedDir, name)), { columns: true, bom: true }) as Array<Record<string, string>>;

describe('taxonomy API on the demo seed', () => {
  let hub: RunningHub;
  let graphOnlyHub: RunningHub;

  beforeAll(async () => {
    await (await freshTestGraph({ seed: false })).close();
    hub = await startTestHub(); // an empty graph and no ESCO_DIR: start-up loads the demo seed
    graphOnlyHub = await startTestHub({ TAXONOMY_SNAPSHOT: 'false' });
  });
  afterAll(async () => {
    await hub.stop();
    await graphOnlyHub.stop();
  });

  it('answers /health and reports /ready with its checks', async () => {
    expect((await fetch(`${hub.server.url}/health`)).status).toBe(200);
    const ready = await fetch(`${hub.server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: {
        neo4j: { ok: true },
        migrations: { ok: true },
        taxonomy: { ok: true, detail: 'version 1.1.1-demo' },
        taxonomySnapshot: { ok: true },
      },
    });
  });

  it('answers HTTP-layer errors as JSON, with security headers, and refuses a cross-site GraphQL request', async () => {
    const missing = await fetch(`${hub.server.url}/nowhere?x=1`);
    expect([missing.status, missing.headers.get('cache-control')]).toEqual([404, 'no-store']);
    expect(await missing.json()).toEqual({
      error: 'no route for GET /nowhere',
      routes: ['/', '/graphql', '/health', '/ready', '/metrics'],
    });
    expect(missing.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
    const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      fetch(`${hub.server.url}/graphql`, { method: 'POST', headers, body });
    const broken = await post('{"query": ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({
      errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
    // Apollo's CSRF prevention: a GET a browser could send from another site (no preflight header) is refused.
    const simpleGet = await fetch(`${hub.server.url}/graphql?query=${encodeURIComponent('{ taxonomy { version } }')}`);
    expect(simpleGet.status).toBe(400);
    const preflighted = await fetch(
      `${hub.server.url}/graphql?query=${encodeURIComponent('{ taxonomy { version } }')}`,
      {
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expect(await preflighted.json()).toMatchObject({ data: { taxonomy: { version: '1.1.1-demo' } } });
  });

  it('counts what the seed files contain', async () => {
    const { data } = await gql(hub, TaxonomyCountsDocument);
    const relations = seedCsv('occupationSkillRelations_en.csv');
    expect(data?.taxonomy).toMatchObject({
      version: '1.1.1-demo',
      skillCount: seedCsv('skills_en.csv').length,
      occupationCount: seedCsv('occupations_en.csv').length,
      essentialRelationCount: relations.filter((r) => r.relationType === 'essential').length,
      optionalRelationCount: relations.filter((r) => r.relationType === 'optional').length,
    });
  });

  it('ranks the ESCO skill "Python (computer programming)" first for "python", and says why', async () => {
    const { data } = await gql(hub, SearchSkillsDocument, { text: 'python', first: 5 });
    const [top] = data!.searchSkills;
    expect(top.skill.preferredLabel).toBe('Python (computer programming)');
    expect(top.matchedLabel).toBe('Python (computer programming)');
    expect(top.score).toBeGreaterThan(0);
    expect(top.method).toMatch(/BM25/);
  });

  it("returns an occupation's essential skills exactly as the CSV lists them", async () => {
    const relations = seedCsv('occupationSkillRelations_en.csv');
    const occupationUri = relations[0].occupationUri;
    const expected = relations
      .filter((r) => r.occupationUri === occupationUri && r.relationType === 'essential')
      .map((r) => r.skillUri)
      .sort();
    const { data } = await gql(hub, OccupationWithEssentialSkillsDocument, { uri: occupationUri, first: 100 });
    expect(data!.occupation!.essentialSkills.totalCount).toBe(expected.length);
    expect(data!.occupation!.essentialSkills.edges.map((edge) => edge.node.uri).sort()).toEqual(expected);
    const occupationRow = seedCsv('occupations_en.csv').find((row) => row.conceptUri === occupationUri)!;
    expect(data!.occupation!.iscoGroup?.code).toBe(occupationRow.iscoGroup);
  });

  it('browses the hierarchies as the seed files state them: the top concepts, any concept by URI, its path from the top', async () => {
    const broader = [...seedCsv('broaderRelationsOccPillar_en.csv'), ...seedCsv('broaderRelationsSkillPillar_en.csv')];
    const labels = new Map(
      ['ISCOGroups_en.csv', 'skillGroups_en.csv', 'occupations_en.csv', 'skills_en.csv'].flatMap((file) =>
        seedCsv(file).map((row) => [row.conceptUri, row.preferredLabel] as const),
      ),
    );
    const hasBroader = new Set(broader.map((r) => r.conceptUri));
    const top = (file: string) =>
      seedCsv(file)
        .filter((row) => !hasBroader.has(row.conceptUri))
        .sort((a, b) => a.code.localeCompare(b.code) || a.preferredLabel.localeCompare(b.preferredLabel))
        .map((row) => row.conceptUri);
    const expectedTop = [...top('ISCOGroups_en.csv'), ...top('skillGroups_en.csv')];
    expect(expectedTop.length).toBeGreaterThan(1);
    // The path down from the top: each level's first broader concept by label, read from the relation files.
    const pathOf = (uri: string) => {
      const path: string[] = [];
      for (let at = uri; ;) {
        const parents = broader.filter((r) => r.conceptUri === at).map((r) => r.broaderUri);
        if (parents.length === 0) return path;
        at = parents.sort((a, b) => labels.get(a)!.localeCompare(labels.get(b)!))[0];
        path.unshift(at);
      }
    };
    const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
    const arc = seedCsv('skills_en.csv').find(
      (row) => row.preferredLabel === 'apply arc welding techniques',
    )!.conceptUri;
    const QUERY = `query($uri: String!) {
      taxonomy { topConcepts { uri kind } }
      concept(uri: $uri) { uri kind preferredLabel pathFromTop { uri } narrower(first: 100) { totalCount } } }`;
    for (const target of [hub, graphOnlyHub]) {
      for (const uri of [WELDER, arc]) {
        const { data, errors } = await gql(target, QUERY, { uri });
        expect(errors).toBeUndefined();
        expect(data.taxonomy.topConcepts.map((c: { uri: string }) => c.uri)).toEqual(expectedTop);
        expect(data.concept.preferredLabel).toBe(labels.get(uri));
        expect(data.concept.pathFromTop.map((c: { uri: string }) => c.uri)).toEqual(pathOf(uri));
        expect(data.concept.narrower.totalCount).toBe(broader.filter((r) => r.broaderUri === uri).length);
      }
      const path = pathOf(WELDER);
      expect(path.length).toBeGreaterThanOrEqual(4); // ISCO major, sub-major, minor, unit group
      const { data } = await gql(target, QUERY, { uri: path[0] });
      expect([data.concept.kind, data.concept.pathFromTop]).toEqual(['IscoGroup', []]);
      expect((await gql(target, QUERY, { uri: 'http://data.europa.eu/esco/skill/none' })).data.concept).toBeNull();
    }
  });

  it('serves nested reads from the snapshot with the same answers as the graph, and no round trip', async () => {
    const fromSnapshot = await gql(hub, CollectionFanOutDocument, { first: 30 });
    const fromGraph = await gql(graphOnlyHub, CollectionFanOutDocument, { first: 30 });
    expect(fromSnapshot.errors).toBeUndefined();
    expect(fromSnapshot.data).toEqual(fromGraph.data);
    expect(fromSnapshot.extensions?.dbRoundTrips).toBe(0);
    expect(fromGraph.extensions?.dbRoundTrips).toBeGreaterThan(0);
    const counts = await gql(hub, TaxonomyCountsDocument);
    expect(counts.data).toEqual((await gql(graphOnlyHub, TaxonomyCountsDocument)).data);
  });

  it('keeps database round trips per request independent of result size on the graph path (no N+1)', async () => {
    const many = await gql(graphOnlyHub, CollectionFanOutDocument, { first: 30 });
    expect(many.errors).toBeUndefined();
    const skills = many.data!.skillsInCollection.edges.map((edge) => edge.node);
    // The smallest page that still reaches every nested level (skill → occupation → ISCO group, essential skills).
    const smallPage = skills.findIndex((skill) => skill.essentialForOccupations.edges.length > 0) + 1;
    expect(smallPage).toBeGreaterThan(0);
    const few = await gql(graphOnlyHub, CollectionFanOutDocument, { first: smallPage });
    const occupationsIn = (response: typeof many) =>
      response.data!.skillsInCollection.edges.flatMap((edge) => edge.node.essentialForOccupations.edges).length;
    expect(skills.length).toBeGreaterThanOrEqual(smallPage + 10);
    expect(occupationsIn(many)).toBeGreaterThan(occupationsIn(few) + 5);
    // One round trip per loader level: the collection, broader, related, occupations, ISCO groups, essential skills.
    expect(few.extensions?.dbRoundTrips).toBe(6);
    expect(many.extensions?.dbRoundTrips).toBe(6);
  });

  it('rejects bad input with BAD_USER_INPUT and names the field', async () => {
    const tooLarge = await gql(hub, OccupationWithEssentialSkillsDocument, {
      uri: seedCsv('occupations_en.csv')[0].conceptUri,
      first: 5000,
    });
    expect(tooLarge.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    const empty = await gql(hub, SearchSkillsDocument, { text: ' ?! ' });
    expect(empty.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^text:/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('links free text to skills with evidence (linkSkills)', async () => {
    const { data, errors } = await gql(hub, LinkSkillsDocument, {
      text: 'You will apply arc welding techniques and align components on site.',
      first: 5,
    });
    expect(errors).toBeUndefined();
    const labels = data!.linkSkills.map((link) => link.skill.preferredLabel);
    expect(labels.slice(0, 2)).toEqual(expect.arrayContaining(['apply arc welding techniques', 'align components']));
    const weld = data!.linkSkills.find((link) => link.skill.preferredLabel === 'apply arc welding techniques')!;
    expect(weld.evidence).toMatchObject({
      matchedText: 'apply arc welding techniques',
      phraseMatch: true,
      taxonomyVersion: '1.1.1-demo',
    });
    expect(weld.evidence.method).toMatch(/label-coverage/);
    const tooMany = await gql(hub, LinkSkillsDocument, { text: 'welding', first: 500 });
    expect(tooMany.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
  });

  it('returns null for an unknown URI rather than an error', async () => {
    const { data, errors } = await gql(hub, OccupationWithEssentialSkillsDocument, {
      uri: 'http://data.europa.eu/esco/occupation/none',
    });
    expect(errors).toBeUndefined();
    expect(data!.occupation).toBeNull();
  });
});

describe('a release imported from outside the running hub', () => {
  it('is picked up by the snapshot within the refresh interval', async () => {
    const graph = await freshTestGraph({ seed: false });
    const hub = await startTestHub({ TAXONOMY_REFRESH_SECONDS: '1' });
    try {
      // Served from the snapshot: no database round trip, before and after the new release.
      const before = await gql(hub, TaxonomyCountsDocument);
      expect([before.data?.taxonomy.version, before.extensions?.dbRoundTrips]).toEqual(['1.1.1-demo', 0]);
      await importEsco(graph, demoSeedDir, { version: '1.1.2-demo' }); // as `npm run hub -- import esco` would
      let after = before;
      for (let attempt = 0; attempt < 40 && after.data?.taxonomy.version !== '1.1.2-demo'; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        after = await gql(hub, TaxonomyCountsDocument);
      }
      expect([after.data?.taxonomy.version, after.extensions?.dbRoundTrips]).toEqual(['1.1.2-demo', 0]);
    } finally {
      await hub.stop();
      await graph.close();
    }
  });
});

describe('readiness without a taxonomy', () => {
  it('answers 503 and says what is missing', async () => {
    await (await freshTestGraph({ seed: false })).close();
    const hub = await startTestHub({ SEED_DEMO: 'false' });
    try {
      const ready = await fetch(`${hub.server.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        status: 'not ready',
        checks: { taxonomy: { ok: false, detail: 'no taxonomy imported yet' } },
      });
    } finally {
      await hub.stop();
    }
  });
});
