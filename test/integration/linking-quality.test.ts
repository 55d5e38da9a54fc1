import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import type { GraphClient } from '../../src/graph/client.js';
import { SkillLinkerCache } from '../../src/linking/cache.js';
import {
  Bm25LabelBaseline,
  evaluateSplit,
  evaluateSuggestions,
  readValidationSplit,
  validationSplits,
} from '../../src/linking/evaluation.js';
import { linkableSkillsFromGraph, linkableSkillsFromSnapshot } from '../../src/linking/skills.js';
import { stems } from '../../src/retrieval/text.js';
import { type EscoExport, readEscoExport } from '../../src/taxonomy/esco-files.js';
import { snapshotFromExport } from '../../src/taxonomy/export-snapshot.js';
import { TaxonomyCache } from '../../src/taxonomy/snapshot.js';
import { escoDir, freshGraphWithEsco } from '../helpers.js';

/**
 * Linking quality measured on the linker the hub serves: full ESCO imported into the graph, the
 * taxonomy snapshot read back from it, and the linker index built from that snapshot by the same cache
 * `linkSkills` uses. The floors sit a little under today's figures (`npm run eval:skills`) and well
 * above the BM25 reference method measured in the same run.
 */
describe('skill linking on full ESCO', () => {
  let graph: GraphClient;
  let esco: EscoExport;
  let taxonomy: TaxonomyCache;

  beforeAll(async () => {
    graph = await freshGraphWithEsco();
    esco = await readEscoExport(escoDir);
    taxonomy = new TaxonomyCache(graph);
    await taxonomy.refresh();
  });
  afterAll(() => graph.close());

  it('gives the linker the same skills from the snapshot, the graph and the export (eval:skills)', async () => {
    const fromSnapshot = linkableSkillsFromSnapshot(taxonomy.current!);
    const fromGraph = await linkableSkillsFromGraph(graph);
    const fromExport = linkableSkillsFromSnapshot(snapshotFromExport(esco, '1.1.1'));
    expect(fromSnapshot).toHaveLength(13_896);
    expect(fromGraph).toEqual(fromSnapshot);
    expect(fromExport).toEqual(fromSnapshot);

    // Where the lists differ from the raw CSV on purpose: relations to the occupation the export lacks
    // (67 rows) do not count towards a skill's prior, as they are not in the graph either.
    const rawCounts = new Map<string, number>();
    for (const relation of esco.occupationSkills)
      rawCounts.set(relation.skillUri, (rawCounts.get(relation.skillUri) ?? 0) + 1);
    const differing = fromSnapshot.filter((skill) => (rawCounts.get(skill.uri) ?? 0) !== skill.occupationCount);
    expect(differing).toHaveLength(67);
    expect(differing.every((skill) => rawCounts.get(skill.uri) === skill.occupationCount! + 1)).toBe(true);
  });

  it('leaves deprecated skills out of the graph and snapshot lists (an export of one release has none)', async () => {
    const [{ uri }] = await graph.read<{ uri: string }>(
      "MATCH (s:Skill {preferredLabel: 'Python (computer programming)'}) RETURN s.uri AS uri",
    );
    await graph.write(
      "MATCH (s:Skill {uri: $uri}) SET s.deprecated = true, s.deprecatedIn = 'test' WITH s MATCH (r:TaxonomyRelease {current: true}) SET r.importedAt = datetime()",
      { uri },
    );
    try {
      await taxonomy.refresh();
      const fromSnapshot = linkableSkillsFromSnapshot(taxonomy.current!);
      expect(fromSnapshot.some((skill) => skill.uri === uri)).toBe(false);
      expect(fromSnapshot).toHaveLength(13_895);
      expect(await linkableSkillsFromGraph(graph)).toEqual(fromSnapshot);
      const linker = (await new SkillLinkerCache().get(graph, taxonomy.current))!.linker;
      expect(linker.link('Python scripting for data analysis', 10).map((link) => link.uri)).not.toContain(uri);
    } finally {
      await graph.write(
        'MATCH (s:Skill {uri: $uri}) SET s.deprecated = false REMOVE s.deprecatedIn WITH s MATCH (r:TaxonomyRelease {current: true}) SET r.importedAt = datetime()',
        { uri },
      );
      await taxonomy.refresh();
    }
  });

  it('stays well above the BM25 reference method on the validation splits, with the linker linkSkills serves', async () => {
    const snapshot = taxonomy.current!;
    const { linker, taxonomyVersion } = (await new SkillLinkerCache().get(graph, snapshot))!;
    expect(taxonomyVersion).toBe('1.1.1');
    const skills = linkableSkillsFromSnapshot(snapshot);
    const baseline = new Bm25LabelBaseline(skills, stems);
    const known = new Set(skills.map((skill) => skill.preferredLabel));
    const evalDir = path.resolve(projectRoot, '..', 'shared', 'data', 'skill-extraction-validation');
    const [tech, house] = validationSplits(evalDir).map(({ split, file }) => {
      const sentences = readValidationSplit(file);
      return {
        ours: evaluateSplit(split, sentences, linker, known),
        reference: evaluateSplit(split, sentences, baseline, known),
      };
    });
    expect(tech.ours.sentences).toBe(75);
    expect(house.ours.sentences).toBe(61);
    expect(tech.ours.rp5).toBeGreaterThanOrEqual(67);
    expect(house.ours.rp5).toBeGreaterThanOrEqual(47);
    expect(tech.ours.rp5 - tech.reference.rp5).toBeGreaterThanOrEqual(8);
    expect(house.ours.rp5 - house.reference.rp5).toBeGreaterThanOrEqual(8);
  });

  it('suggests from a work history no false friends of a stem, and keeps suggestion precision above its floor', async () => {
    const linker = (await new SkillLinkerCache().get(graph, taxonomy.current))!.linker;
    const suggested = (text: string) => linker.suggest(text).map((link) => link.preferredLabel);
    const forklift = suggested(
      'I worked 8 years as a warehouse forklift driver, did inventory with SAP, and trained new staff',
    );
    expect(forklift).not.toContain('work trains');
    expect(forklift).toEqual(expect.arrayContaining(['operate forklift', 'SAP R3', 'train crew members']));
    const nurse = suggested(
      'I have been a registered general nurse for 12 years on a general surgical ward. I assess patients, administer ' +
        'medication and injections, dress wounds, keep patient records, support families and supervise student nurses.',
    );
    expect(nurse).not.toContain('electrical machines');
    expect(nurse).not.toContain('assess students');
    expect(nurse).toContain('administer prescribed medication');
    // Floors under the figures of docs/skill-linking.md (24.0 and 21.6; 17.2 and 13.8 under the old rule).
    const evalDir = path.resolve(projectRoot, '..', 'shared', 'data', 'skill-extraction-validation');
    const [tech, house] = validationSplits(evalDir).map(({ split, file }) =>
      evaluateSuggestions(split, readValidationSplit(file, { withoutSkills: true }), (text) => linker.suggest(text)),
    );
    expect(tech.precision).toBeGreaterThanOrEqual(23);
    expect(house.precision).toBeGreaterThanOrEqual(20);
    expect(tech.recall).toBeGreaterThanOrEqual(38);
    expect(house.recall).toBeGreaterThanOrEqual(40);
  });
});
