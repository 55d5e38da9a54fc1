import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphClient } from '../../src/graph/client.js';
import { importCatalogue } from '../../src/catalogue/import.js';
import { SkillLinkerCache } from '../../src/linking/cache.js';
import { type ImportSummary, importEsco } from '../../src/taxonomy/esco-import.js';
import { demoCatalogueFile } from '../../src/taxonomy/seed.js';
import { taxonomySummary } from '../../src/taxonomy/store.js';
import { OccupationWithEssentialSkillsDocument, SearchSkillsDocument } from '../gql/graphql.js';
import { escoDir, freshTestGraph, gql, graphFingerprint, startTestHub } from '../helpers.js';

/** Expected figures computed straight from the CSVs, independently of the importer. */
function expectedFromCsv() {
  const read = (name: string) =>
    parse(fs.readFileSync(path.join(escoDir, name)), { columns: true, bom: true }) as Array<Record<string, string>>;
  const skills = new Set(read('skills_en.csv').map((row) => row.conceptUri));
  const occupations = new Set(read('occupations_en.csv').map((row) => row.conceptUri));
  const relationLines = (
    parse(fs.readFileSync(path.join(escoDir, 'occupationSkillRelations_en.csv')), {
      columns: true,
      bom: true,
      info: true,
    }) as Array<{
      record: Record<string, string>;
      info: { lines: number };
    }>
  ).map(({ record, info }) => ({ row: record, line: info.lines }));
  const relations = relationLines.map(({ row }) => row);
  const resolvable = relations.filter((row) => occupations.has(row.occupationUri) && skills.has(row.skillUri));
  return {
    skills: skills.size,
    occupations: occupations.size,
    essentialInCsv: relations.filter((row) => row.relationType === 'essential').length,
    optionalInCsv: relations.filter((row) => row.relationType === 'optional').length,
    essential: resolvable.filter((row) => row.relationType === 'essential').length,
    optional: resolvable.filter((row) => row.relationType === 'optional').length,
    green: new Set(read('greenSkillsCollection_en.csv').map((row) => row.conceptUri)).size,
    digital: new Set(read('digitalSkillsCollection_en.csv').map((row) => row.conceptUri)).size,
    relations,
    relationLines,
  };
}

describe('full ESCO v1.1.1 import', () => {
  let graph: GraphClient;
  let summary: ImportSummary;
  const expected = expectedFromCsv();

  beforeAll(async () => {
    graph = await freshTestGraph({ seed: false });
    summary = await importEsco(graph, escoDir);
  });
  afterAll(() => graph.close());

  it('loads exactly the concepts and relations of the CSVs', async () => {
    const loaded = await taxonomySummary(graph);
    expect(loaded.version).toBe('1.1.1');
    expect(loaded.skillCount).toBe(expected.skills);
    expect(loaded.occupationCount).toBe(expected.occupations);
    expect(loaded.essentialRelationCount).toBe(expected.essential);
    expect(loaded.optionalRelationCount).toBe(expected.optional);
    const collections = Object.fromEntries(loaded.collectionCounts.map((c) => [c.collection, c.skills]));
    expect(collections.green).toBe(expected.green);
    expect(collections.digital).toBe(expected.digital);
    // The published figures for v1.1.1, so a change in how the CSVs are read cannot hide.
    expect([
      loaded.skillCount,
      loaded.occupationCount,
      loaded.essentialRelationCount,
      loaded.optionalRelationCount,
    ]).toEqual([13_896, 3_007, 64_891, 58_897]);
    expect([expected.essentialInCsv, expected.optionalInCsv]).toEqual([64_946, 58_909]);
    expect([collections.green, collections.digital]).toEqual([570, 1_201]);
  });

  it('reports the relations that point to the occupation missing from the export', () => {
    const missingOccupation = summary.skipped.filter((entry) => entry.file === 'occupationSkillRelations_en.csv');
    expect(missingOccupation.map((entry) => [entry.relation, entry.count])).toEqual([
      ['essential skill', 55],
      ['optional skill', 12],
    ]);
    // The occupation they name, and the first five CSV lines of each, found in the file independently of the importer.
    const occupations = new Set(expected.relations.map((row) => row.occupationUri));
    const known = new Set(
      (
        parse(fs.readFileSync(path.join(escoDir, 'occupations_en.csv')), { columns: true, bom: true }) as Array<
          Record<string, string>
        >
      ).map((row) => row.conceptUri),
    );
    const missing = [...occupations].filter((uri) => !known.has(uri));
    expect(missing).toHaveLength(1);
    expect(missingOccupation.map((entry) => entry.missingUri)).toEqual([missing[0], missing[0]]);
    const linesOf = (relationType: string) =>
      expected.relationLines
        .filter(({ row }) => row.occupationUri === missing[0] && row.relationType === relationType)
        .map(({ line }) => line)
        .slice(0, 5);
    expect(missingOccupation.map((entry) => entry.lines)).toEqual([linesOf('essential'), linesOf('optional')]);
    expect(linesOf('essential')).toHaveLength(5);
  });

  it('gives an occupation the same essential skills as the CSV', async () => {
    const softwareDeveloper = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
    const fromCsv = expected.relations
      .filter((row) => row.occupationUri === softwareDeveloper && row.relationType === 'essential')
      .map((row) => row.skillUri)
      .sort();
    const fromGraph = await graph.read<{ uri: string }>(
      'MATCH (:Occupation {uri: $uri})-[:ESSENTIAL_SKILL]->(s:Skill) RETURN s.uri AS uri ORDER BY uri',
      { uri: softwareDeveloper },
    );
    expect(fromCsv.length).toBeGreaterThan(10);
    expect(fromGraph.map((row) => row.uri)).toEqual(fromCsv);
  });

  it('serves the full release over HTTP: "python" ranks Python first, and an occupation has the CSV\'s essential skills', async () => {
    const hub = await startTestHub();
    try {
      // Only one ESCO skill has "python" in a label; the ranking question is whether it comes first.
      const search = await gql(hub, SearchSkillsDocument, { text: 'python', first: 5 });
      expect(search.data!.searchSkills[0].skill).toEqual({
        uri: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d',
        preferredLabel: 'Python (computer programming)',
      });
      // Many labels contain "computer" or "programming"; the concept whose label is the phrase wins.
      const phrase = await gql(hub, SearchSkillsDocument, { text: 'computer programming', first: 10 });
      expect(phrase.data!.searchSkills).toHaveLength(10);
      expect(phrase.data!.searchSkills[0].skill.preferredLabel).toBe('computer programming');
      const welder = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
      const fromCsv = expected.relations
        .filter((row) => row.occupationUri === welder && row.relationType === 'essential')
        .map((row) => row.skillUri)
        .sort();
      const { data } = await gql(hub, OccupationWithEssentialSkillsDocument, { uri: welder, first: 100 });
      expect(data!.occupation!.essentialSkills.totalCount).toBe(fromCsv.length);
      expect(data!.occupation!.essentialSkills.edges.map((edge) => edge.node.uri).sort()).toEqual(fromCsv);
    } finally {
      await hub.stop();
    }
  });

  it('links the demo catalogue to ESCO skills with evidence, except offers that give nothing to link', async () => {
    const release = await new SkillLinkerCache().get(graph);
    const summary = await importCatalogue(graph, demoCatalogueFile, release);
    const offers = await graph.read<{ id: string; links: number; withEvidence: number }>(
      `MATCH (m:MicroCredential)
       OPTIONAL MATCH (m)-[:HAS_OUTCOME]->(:LearningOutcome)-[d:DEVELOPS]->(:Skill)
       RETURN m.id AS id, count(d) AS links, count(CASE WHEN d.matchedText <> '' AND d.method IS NOT NULL AND d.taxonomyVersion = '1.1.1' THEN 1 END) AS withEvidence
       ORDER BY id`,
    );
    expect(offers).toHaveLength(summary.microCredentials);
    // These state no learning outcomes, and their titles name a brand or a broad area, not a skill
    // ("IKI training programme", "Digital skills micro-qualification"): a guess would mislead a curator.
    expect(offers.filter((offer) => offer.links === 0).map((offer) => offer.id)).toEqual([
      'ie-sta-aquafarming',
      'ie-sta-digital-skills',
      'lt-iki-training-programme',
      'lt-maxima-training-programme',
      'si-dm-drugstore-employee',
    ]);
    expect(offers.filter((offer) => offer.links > 0)).toHaveLength(summary.microCredentials - 5);
    expect(offers.every((offer) => offer.withEvidence === offer.links)).toBe(true);
  });

  it('changes nothing when the same release is imported again, but the time it was imported', async () => {
    // Every property of every node and relationship, the demo catalogue's links included. Only the
    // release's importedAt moves: it is what tells running hubs to rebuild their snapshot.
    const scope = { ignore: ['TaxonomyRelease.importedAt'] };
    const before = await graphFingerprint(graph, scope);
    const [{ importedAt: importedBefore }] = await graph.read<{ importedAt: string }>(
      'MATCH (r:TaxonomyRelease) RETURN toString(r.importedAt) AS importedAt',
    );
    const again = await importEsco(graph, escoDir);
    expect(await graphFingerprint(graph, scope)).toEqual(before);
    const [{ importedAt: importedAfter }] = await graph.read<{ importedAt: string }>(
      'MATCH (r:TaxonomyRelease) RETURN toString(r.importedAt) AS importedAt',
    );
    expect(importedAfter > importedBefore).toBe(true);
    expect(again.deprecated).toEqual({ Skill: 0, SkillGroup: 0, Occupation: 0, IscoGroup: 0 });
    expect(again.removedStaleRelations).toBe(0);
  });
});
