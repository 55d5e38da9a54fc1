import { afterAll, describe, expect, it } from 'vitest';
import type { GraphClient } from '../../src/graph/client.js';
import { escoFixtureIntact, freshGraphWithEsco } from '../helpers.js';

const PYTHON = "MATCH (s:Skill {uri: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d'})";

/** The full-ESCO graph test files share (test/helpers.ts: freshGraphWithEsco), checked as its users rely on it. */
describe('freshGraphWithEsco', () => {
  let graph: GraphClient;
  afterAll(async () => {
    await graph?.close();
  });
  const read = async (cypher: string) => (await graph.read<{ n: unknown }>(cypher))[0].n;

  it('hands out ESCO alone, with what a test added removed, and is not handed on once a test changed a concept', async () => {
    graph = await freshGraphWithEsco();
    // What the v1.1.1 CSVs hold: 13,896 rows in skills_en.csv, 3,007 in occupations_en.csv.
    expect(await read('MATCH (s:Skill) RETURN count(s) AS n')).toBe(13896);
    expect(await read('MATCH (o:Occupation) RETURN count(o) AS n')).toBe(3007);
    expect(await read(`${PYTHON} RETURN s.preferredLabel AS n`)).toBe('Python (computer programming)');

    // A test's own additions go, ESCO stays.
    await graph.write(`${PYTHON} CREATE (:MicroCredential {id: 'fixture-check'})-[:TEACHES]->(s)`);
    expect(await escoFixtureIntact(graph)).toBe(true);
    expect(await read("MATCH (m:MicroCredential {id: 'fixture-check'}) RETURN count(m) AS n")).toBe(0);
    expect(await read('MATCH (s:Skill) RETURN count(s) AS n')).toBe(13896);

    // A changed concept is seen (graphFingerprint sees any property or relation: fingerprint.test.ts), so
    // freshGraphWithEsco imports the release afresh instead of handing it on.
    await graph.write(`${PYTHON} SET s.preferredLabel = 'changed by a test'`);
    expect(await escoFixtureIntact(graph)).toBe(false);
    // Left as the next file would find it: whole again.
    await graph.write(`${PYTHON} SET s.preferredLabel = 'Python (computer programming)'`);
  }, 300_000);
});
