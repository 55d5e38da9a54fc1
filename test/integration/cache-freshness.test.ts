import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalogue } from '../../src/catalogue/import.js';
import { projectRoot } from '../../src/config.js';
import { readGenericDemand } from '../../src/demand/adapters/generic.js';
import { importDemand } from '../../src/demand/import.js';
import { referenceLists } from '../../src/demand/reference.js';
import type { GraphClient } from '../../src/graph/client.js';
import { SkillLinkerCache } from '../../src/linking/cache.js';
import type { RunningHub } from '../../src/server/start.js';
import { freshTestGraph, gql, startTestHub } from '../helpers.js';

/**
 * A running hub holds its answers per demand import, catalogue state and taxonomy release (src/cache.ts).
 * Each step here changes one of them behind the hub's back, or through its API, and asks the same
 * question again: the answer must follow. The world: welders (ISCO 7212, one occupation in the demo
 * taxonomy) with 100 vacancies in Croatia in 2025, then one offer in Croatia, then a curator's review,
 * then the vacancies revised to 300.
 */
const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const refs = referenceLists(path.join(projectRoot, '..', 'shared', 'data', 'reference'));

function write(name: string, content: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'freshness-')), name);
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

function vacancies(value: number) {
  return readGenericDemand(
    write('vacancies.json', {
      source: {
        id: 'test-vacancies',
        name: 'Hand-built test figures',
        citation: 'test',
        url: null,
        licence: 'test',
        retrievedOn: '2026-12-01',
      },
      signals: [
        {
          metric: 'VACANCIES',
          value,
          unit: 'vacancies',
          period: '2025',
          region: 'HR',
          targetKind: 'ISCO',
          targetCode: '7212',
        },
      ],
    }),
    refs,
  );
}

const GAPS = `{ sectorSkillGaps(region: "HR", period: "2025", first: 100) { skill { uri } demand coverage } }`;
const UPDATES = `{ credentialRecommendations(region: "HR", period: "2025") { update { microCredential { id } reasons { code } } } }`;
const OFFER = `{ microCredential(id: "hr-weld") { completeness { score }
  learningOutcomes { id skillLinks { skill { uri } state } } } }`;

describe('answers follow the data they were computed from', () => {
  let graph: GraphClient;
  let hub: RunningHub;
  let welderSkills: { essential: string[]; optional: string[] };

  const gaps = async () => {
    const { data, errors } = await gql(hub, GAPS);
    expect(errors).toBeUndefined();
    return new Map<string, { demand: number; coverage: number }>(
      data.sectorSkillGaps.map((g: { skill: { uri: string }; demand: number; coverage: number }) => [
        g.skill.uri,
        { demand: g.demand, coverage: g.coverage },
      ]),
    );
  };
  const updates = async () => {
    const { data, errors } = await gql(hub, UPDATES);
    expect(errors).toBeUndefined();
    return data.credentialRecommendations.update.map(
      (u: { microCredential: { id: string }; reasons: Array<{ code: string }> }) => ({
        id: u.microCredential.id,
        reasons: u.reasons.map((r) => r.code),
      }),
    );
  };

  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
    const [row] = await graph.read<{ essential: string[]; optional: string[] }>(
      `MATCH (o:Occupation {uri: $uri})
       RETURN COLLECT { MATCH (o)-[:ESSENTIAL_SKILL]->(s) RETURN s.uri } AS essential,
              COLLECT { MATCH (o)-[:OPTIONAL_SKILL]->(s) RETURN s.uri } AS optional`,
      { uri: WELDER },
    );
    welderSkills = row;
    await importDemand(graph, [vacancies(100)]);
    hub = await startTestHub({ SEED_DEMO: 'false' });
  });
  afterAll(async () => {
    await hub.stop();
    await graph.close();
  });

  it('a catalogue import, a link review and a demand import each change the gaps and recommendations a running hub serves', async () => {
    // No offer yet: every essential skill of the welder carries the 100 vacancies, every optional one half, none covered.
    const before = await gaps();
    expect(welderSkills.essential.length).toBeGreaterThan(3);
    for (const uri of welderSkills.essential) expect(before.get(uri)).toEqual({ demand: 100, coverage: 0 });
    for (const uri of welderSkills.optional) expect(before.get(uri)).toEqual({ demand: 50, coverage: 0 });
    expect(await updates()).toEqual([]);

    // An offer in Croatia, imported straight into the graph (not through this hub).
    await importCatalogue(
      graph,
      write('catalogue.json', {
        providers: [
          {
            id: 'hr-weld',
            name: 'Welding School',
            type: 'VET',
            country: 'HR',
            accreditationStatus: 'ACCREDITED',
            accreditationRegister: 'HR register',
          },
        ],
        microCredentials: [
          {
            id: 'hr-weld',
            title: 'Arc welding',
            providerId: 'hr-weld',
            awardingBodies: ['Welding School'],
            issuerCountries: ['HR'],
            learningOutcomes: ['Apply arc welding techniques to join steel parts'],
            targetOccupations: [WELDER],
            workloadValue: 2,
            workloadUnit: 'ECTS',
            eqfLevel: 4,
          },
        ],
      }),
      await new SkillLinkerCache().get(graph),
    );
    const offer = (await gql(hub, OFFER)).data.microCredential;
    const [outcome] = offer.learningOutcomes;
    const linked: string[] = outcome.skillLinks.map((l: { skill: { uri: string } }) => l.skill.uri);
    const taught = linked.filter((uri) => welderSkills.essential.includes(uri));
    expect(taught.length).toBeGreaterThan(0);
    // One suggested link (×0.5) of an accredited provider (×1) with this completeness: 0.5 × (0.5 + 0.5 × score).
    const suggested = 0.5 * (0.5 + 0.5 * offer.completeness.score);
    const afterImport = await gaps();
    // Skills the welder does not need have no demand here and no gap row.
    const needed = linked.filter((uri) => [...welderSkills.essential, ...welderSkills.optional].includes(uri));
    for (const uri of needed) expect(afterImport.get(uri)?.coverage).toBeCloseTo(suggested, 4);
    for (const uri of welderSkills.essential.filter((uri) => !linked.includes(uri)))
      expect(afterImport.get(uri)?.coverage).toBe(0);
    // Every link is a suggestion, and the welder's other essential skills are in demand and untaught.
    expect(await updates()).toEqual([{ id: 'hr-weld', reasons: ['LINKS_NEVER_REVIEWED', 'MISSING_IN_DEMAND_SKILLS'] }]);

    // A curator accepts one link through the API: that skill is now covered 1 × (0.5 + 0.5 × score) ≥ 0.5.
    const reviewed = taught[0];
    const review = await gql(
      hub,
      `mutation($outcomeId: ID!, $skillUri: String!) {
        reviewSkillLink(outcomeId: $outcomeId, skillUri: $skillUri, decision: ACCEPT) { state } }`,
      { outcomeId: outcome.id, skillUri: reviewed },
    );
    expect(review.errors).toBeUndefined();
    const accepted = 0.5 + 0.5 * offer.completeness.score;
    expect((await gaps()).get(reviewed)?.coverage).toBeCloseTo(Math.min(1, accepted), 4);
    expect(await updates()).toEqual([{ id: 'hr-weld', reasons: ['MISSING_IN_DEMAND_SKILLS'] }]);

    // The vacancies are revised to 300, imported straight into the graph: demand follows, coverage stays.
    await importDemand(graph, [vacancies(300)]);
    const revised = await gaps();
    for (const uri of welderSkills.essential) expect(revised.get(uri)?.demand).toBe(300);
    for (const uri of welderSkills.optional) expect(revised.get(uri)?.demand).toBe(150);
    expect(revised.get(reviewed)?.coverage).toBeCloseTo(Math.min(1, accepted), 4);
  });
});
