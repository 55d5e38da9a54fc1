import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAPPED, NOT_READ, RQF_TO_EQF } from '../../src/catalogue/ifate.js';
import { importCatalogue } from '../../src/catalogue/import.js';
import { readNestaEuLfs } from '../../src/demand/adapters/nesta.js';
import { importDemand } from '../../src/demand/import.js';
import { referenceLists } from '../../src/demand/reference.js';
import { ImportError } from '../../src/errors.js';
import type { GraphClient } from '../../src/graph/client.js';
import { type ReleaseLinker, SkillLinkerCache } from '../../src/linking/cache.js';
import type { RunningHub } from '../../src/server/start.js';
import { OccupationSearchCache, findOccupations } from '../../src/linking/occupation-finder.js';
import { TaxonomyCache } from '../../src/taxonomy/snapshot.js';
import { occupationLevels } from '../../src/taxonomy/isco-levels.js';
import { freshGraphWithEsco, gql, graphFingerprint, sharedDataDir, startTestHub } from '../helpers.js';

/**
 * Register adapters on the real staged files (../shared/data/catalogues). Every expected count is computed
 * here from the source JSON itself, never through the adapter.
 */

const IFATE = path.join(sharedDataDir, 'catalogues', 'uk-ifate-apprenticeship-standards-2021', 'standards.json');
const CTDL = path.join(sharedDataDir, 'catalogues', 'ctdl-credential-registry-samples');

type Raw = Record<string, any>;
const standards: Raw[] = JSON.parse(fs.readFileSync(IFATE, 'utf8')).standards;
const statementsOf = (s: Raw) => [...s.skills, ...(s.knowledges ?? []), ...(s.behaviours ?? [])];
const source = {
  standards: standards.length,
  statements: standards.reduce((sum, s) => sum + statementsOf(s).length, 0),
  duties: standards.reduce((sum, s) => sum + s.duties.length, 0),
  // Duty mappings to a statement of the same standard (some name statements the file does not include).
  mappings: standards.reduce((sum, s) => {
    const ids = new Set(statementsOf(s).map((x: Raw) => x.skillId ?? x.knowledgeId ?? x.behaviourId));
    return (
      sum +
      s.duties.reduce(
        (n: number, d: Raw) =>
          n +
          new Set([...(d.mappedSkills ?? []), ...(d.mappedKnowledge ?? []), ...(d.mappedBehaviour ?? [])]).size -
          [...new Set([...(d.mappedSkills ?? []), ...(d.mappedKnowledge ?? []), ...(d.mappedBehaviour ?? [])])].filter(
            (id) => !ids.has(id),
          ).length,
        0,
      )
    );
  }, 0),
  // Linked through their title and overview (one has no overview: its title alone).
  withoutStatements: standards.filter((s) => statementsOf(s).length === 0).length,
  closed: standards.filter((s) => s.lastDateStarts !== '').length,
  byKind: {
    SKILL: standards.reduce((sum, s) => sum + s.skills.length, 0),
    KNOWLEDGE: standards.reduce((sum, s) => sum + (s.knowledges ?? []).length, 0),
    BEHAVIOUR: standards.reduce((sum, s) => sum + (s.behaviours ?? []).length, 0),
  },
};

let graph: GraphClient;
let release: ReleaseLinker;
let search: (text: string, first: number) => Array<{ uri: string; preferredLabel: string; score: number }>;
let levelOf: (uri: string) => number | null;

beforeAll(async () => {
  graph = await freshGraphWithEsco();
  // From a taxonomy snapshot, as the hub and the CLI build them (reading occupations query by query is slower).
  const taxonomy = new TaxonomyCache(graph);
  await taxonomy.refresh();
  release = (await new SkillLinkerCache().get(graph, taxonomy.current))!;
  const occupations = (await new OccupationSearchCache().get(graph, taxonomy.current))!;
  search = (text, first) => findOccupations(occupations, release.linker, text, { first });
  levelOf = occupationLevels(taxonomy.current!.currentOccupations());
}, 600_000);

afterAll(async () => {
  await graph?.close();
});

const count = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await graph.read<{ n: number }>(cypher, params))[0].n;

describe('import catalogue --format ifate-standards (the real IfATE file)', () => {
  it('imports every standard, statement and duty as the source has them, and names every field it leaves out', async () => {
    const summary = await importCatalogue(graph, IFATE, release, {
      format: 'ifate-standards',
      occupationSearch: search,
      occupationLevel: levelOf,
    });
    expect(source).toMatchObject({ standards: 515, statements: 3549, duties: 911 });
    expect(summary).toMatchObject({
      qualifications: source.standards,
      microCredentials: 0,
      qualificationOutcomes: source.statements,
      duties: source.duties,
      linkedWithoutStatedOutcomes: source.withoutStatements,
    });
    expect(await count('MATCH (q:Qualification) RETURN count(q) AS n')).toBe(source.standards);
    for (const [kind, expected] of Object.entries(source.byKind))
      expect(
        await count(
          'MATCH (:Qualification)-[:HAS_OUTCOME]->(lo:LearningOutcome {kind: $kind, stated: true}) RETURN count(lo) AS n',
          { kind },
        ),
      ).toBe(expected);
    expect(
      await count('MATCH (:Qualification)-[:HAS_OUTCOME]->(lo:LearningOutcome {stated: false}) RETURN count(lo) AS n'),
    ).toBe(source.withoutStatements);
    expect(await count('MATCH (:Qualification)-[:HAS_DUTY]->(d:Duty) RETURN count(d) AS n')).toBe(source.duties);
    expect(await count('MATCH (:Duty)-[m:MAPS_TO]->(:LearningOutcome) RETURN count(m) AS n')).toBe(source.mappings);
    expect(await count("MATCH (q:Qualification {status: 'RETIRED'}) RETURN count(q) AS n")).toBe(source.closed);
    // Levels 4 and 5 both reference EQF 5 (England's 2019 referencing); each level maps as the table says.
    for (const level of [2, 3, 4, 5, 6, 7])
      expect(
        await count('MATCH (q:Qualification {nationalLevel: $level, eqfLevel: $eqf}) RETURN count(q) AS n', {
          level: String(level),
          eqf: RQF_TO_EQF[level],
        }),
      ).toBe(standards.filter((s) => s.level === level).length);
    expect(RQF_TO_EQF).toMatchObject({ 4: 5, 5: 5 });
    // Every field of every standard is mapped or named as left out, and each one left out is in the notes.
    const fields = new Set(standards.flatMap((s) => Object.keys(s)));
    expect([...fields].filter((f) => !MAPPED.includes(f) && !(f in NOT_READ))).toEqual([]);
    for (const field of Object.keys(NOT_READ).filter((f) => fields.has(f)))
      expect(summary.notes.some((note) => note.startsWith(`not read: ${field} `))).toBe(true);
    // Occupations: most standards are matched; "Payroll administrator" to ESCO's payroll clerk.
    expect(summary.occupationsMatched.qualifications).toBeGreaterThan(source.standards * 0.8);
    const [payroll] = await graph.read<{ labels: string[] }>(
      `MATCH (q:Qualification {title: 'Payroll administrator'}) RETURN COLLECT { MATCH (q)-[:TARGETS]->(o) RETURN o.preferredLabel } AS labels`,
    );
    expect(payroll.labels).toContain('payroll clerk');
  }, 300_000);

  it('re-imported unchanged, changes nothing', async () => {
    const scope = { labels: ['Qualification', 'LearningOutcome', 'Duty', 'Skill', 'Occupation'] };
    const before = await graphFingerprint(graph, scope);
    await importCatalogue(graph, IFATE, release, {
      format: 'ifate-standards',
      occupationSearch: search,
      occupationLevel: levelOf,
    });
    expect(await graphFingerprint(graph, scope)).toEqual(before);
  }, 300_000);

  it('refuses a file with a malformed standard, naming the record and field, and writes nothing', async () => {
    const broken = structuredClone(standards);
    broken[3].title = '';
    broken[10].duties = [{ dutyDetail: 'Weld joints', mappedSkills: [] }];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ifate-')), 'standards.json');
    fs.writeFileSync(file, JSON.stringify({ standards: broken }));
    const before = await graphFingerprint(graph);
    const attempt = importCatalogue(graph, file, release, {
      format: 'ifate-standards',
      occupationSearch: search,
      occupationLevel: levelOf,
    });
    await expect(attempt).rejects.toThrow(ImportError);
    await expect(attempt).rejects.toThrow(`qualification 'ifate-${broken[3].larsCode}': title: is required`);
    await expect(attempt).rejects.toThrow(`qualification 'ifate-${broken[10].larsCode}': duties[0].id: is required`);
    expect(await graphFingerprint(graph)).toEqual(before);
    fs.writeFileSync(file, '{"providers": []}');
    await expect(
      importCatalogue(graph, file, release, {
        format: 'ifate-standards',
        occupationSearch: search,
        occupationLevel: levelOf,
      }),
    ).rejects.toThrow('not IfATE standards: expected an object with a "standards" list');
  }, 300_000);
});

describe('import catalogue --format ctdl (the real Credential Engine samples)', () => {
  it('imports the providers, qualifications and offers it can map, and names each record it cannot', async () => {
    const files = fs.readdirSync(CTDL).filter((f) => f.endsWith('.json'));
    const types = files.map((f) => JSON.parse(fs.readFileSync(path.join(CTDL, f), 'utf8'))['@type'] as string);
    const organisations = types.filter((t) => /Organization$/.test(t)).length;
    const degrees = types.filter((t) => /Degree$/.test(t)).length;
    const attempt = importCatalogue(graph, CTDL, release, { format: 'ctdl' });
    // Three records name no awarding body (only a regulator or accreditor): refused by name, nothing written.
    await expect(attempt).rejects.toThrow('3 invalid field(s); nothing imported');
    await expect(attempt).rejects.toThrow(
      "ceterms:Certification 'ce-1A4AB486-8212-4708-B7D5-C5167FDD2B47': awardingBodies",
    );
    const summary = await importCatalogue(graph, CTDL, release, { format: 'ctdl', skipInvalid: true });
    expect(summary).toMatchObject({ providers: organisations, qualifications: degrees });
    expect(summary.skipped).toHaveLength(3);
    expect(summary.notes.some((note) => note.includes('eqfLevel'))).toBe(true);
    expect(
      await count("MATCH (m:MicroCredential {sourceName: 'Credential Engine Registry (CTDL)'}) RETURN count(m) AS n"),
    ).toBe(summary.microCredentials);
  }, 120_000);
});

describe('UK slices against the standards', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    await importDemand(graph, [
      readNestaEuLfs(
        path.join(sharedDataDir, 'nesta-mapping-career-causeways'),
        referenceLists(`${sharedDataDir}/reference`),
        null,
      ),
    ]);
    hub = await startTestHub();
  }, 300_000);
  afterAll(async () => {
    await hub?.stop();
  });

  const gaps = async (region: string) => {
    const response = await gql(
      hub,
      `{ sectorSkillGaps(region: "${region}", period: "2018", occupationGroup: "ISCO:7", first: 100) {
           skill { uri } coverage qualificationCoverage supply qualificationRoutes { qualification { id sourceName } weight } } }`,
    );
    expect(response.errors).toBeUndefined();
    return response.data.sectorSkillGaps as Array<{
      skill: { uri: string };
      coverage: number;
      qualificationCoverage: number;
      supply: string;
      qualificationRoutes: Array<{ qualification: { id: string; sourceName: string }; weight: number }>;
    }>;
  };

  it('counts England’s standards in London (UKI) as qualification routes, apart from coverage, and none in Scotland (UKM)', async () => {
    const london = await gaps('UKI');
    const scotland = await gaps('UKM');
    expect(scotland.every((g) => g.qualificationCoverage === 0 && g.supply === 'NONE')).toBe(true);
    const routed = london.filter((g) => g.supply === 'QUALIFICATION_ONLY');
    expect(routed.length).toBeGreaterThan(10);
    expect(london.filter((g) => g.supply === 'NONE').length).toBeGreaterThan(0);
    for (const gap of london) {
      // The standards are no micro-credentials: coverage (and so the gap score) is untouched.
      expect(gap.coverage).toBe(0);
      expect(gap.supply).toBe(gap.qualificationRoutes.length > 0 ? 'QUALIFICATION_ONLY' : 'NONE');
      expect(
        gap.qualificationRoutes.every((r) => r.qualification.sourceName === 'IfATE apprenticeship standards'),
      ).toBe(true);
    }
    // Qualification coverage, recomputed from the graph: per published standard its strongest link to the skill
    // (suggested 0.5, only with strong evidence or to a skill its occupations need; accepted or added 1; ×0.5
    // when from the description), summed and capped at 1.
    const [first] = routed;
    const [{ expected }] = await graph.read<{ expected: number }>(
      `MATCH (q:Qualification {status: 'PUBLISHED'})-[:HAS_OUTCOME]->(lo:LearningOutcome)-[d:DEVELOPS]->(:Skill {uri: $uri})
       WHERE d.state IN ['ACCEPTED', 'ADDED']
          OR (d.state = 'SUGGESTED' AND (d.strong OR EXISTS { (q)-[:TARGETS]->(:Occupation)-[:ESSENTIAL_SKILL|OPTIONAL_SKILL]->(:Skill {uri: $uri}) }))
       WITH q, max(CASE WHEN d.state = 'SUGGESTED' THEN 0.5 ELSE 1.0 END * CASE WHEN lo.stated THEN 1.0 ELSE 0.5 END) AS best
       RETURN CASE WHEN sum(best) > 1 THEN 1.0 ELSE sum(best) END AS expected`,
      { uri: first.skill.uri },
    );
    expect(first.qualificationCoverage).toBeCloseTo(expected, 4);
  }, 300_000);

  it('names the duties of a standard an outline could be carved from, each teaching the outline skills it says', async () => {
    const response = await gql(
      hub,
      `{ credentialRecommendations(region: "UKI", period: "2018", occupationGroup: "ISCO:5", first: 10) {
           develop { skills { uri } explanation carvedFrom { qualification { id title } skills { uri } duties { id text skills { uri } } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    type Unit = {
      qualification: { id: string; title: string };
      skills: Array<{ uri: string }>;
      duties: Array<{ id: string; text: string; skills: Array<{ uri: string }> }>;
    };
    const outlines = response.data.credentialRecommendations.develop as Array<{
      skills: Array<{ uri: string }>;
      explanation: string;
      carvedFrom: Unit[];
    }>;
    const carved = outlines.filter((o) => o.carvedFrom.length > 0);
    expect(carved.length).toBeGreaterThan(0);
    for (const outline of carved) {
      const outlineSkills = new Set(outline.skills.map((s) => s.uri));
      for (const unit of outline.carvedFrom) {
        expect(unit.skills.length).toBeGreaterThanOrEqual(Math.min(2, outlineSkills.size));
        expect(unit.duties.flatMap((d) => d.skills.map((s) => s.uri)).sort()).toEqual(
          unit.skills.map((s) => s.uri).sort(),
        );
        expect(outline.explanation).toContain(`It could be carved from "${unit.qualification.title}"`);
        // Each duty reaches each skill it names through a statement mapped to it and a link qualification coverage counts.
        for (const duty of unit.duties)
          for (const skill of duty.skills) {
            expect(outlineSkills.has(skill.uri)).toBe(true);
            const [{ n }] = await graph.read<{ n: number }>(
              `MATCH (q:Qualification {id: $q})-[:HAS_DUTY]->(:Duty {id: $duty})-[:MAPS_TO]->(:LearningOutcome)-[l:DEVELOPS]->(s:Skill {uri: $skill})
               WHERE l.state IN ['ACCEPTED', 'ADDED'] OR (l.state = 'SUGGESTED' AND (l.strong OR EXISTS { (q)-[:TARGETS]->(:Occupation)-[:ESSENTIAL_SKILL|OPTIONAL_SKILL]->(s) }))
               RETURN count(l) AS n`,
              { q: unit.qualification.id, duty: duty.id, skill: skill.uri },
            );
            expect(n).toBeGreaterThan(0);
          }
      }
    }
  }, 300_000);

  it('gives dashboard cells the routes’ share of demand: different across occupation groups, none in Scotland', async () => {
    const cell = async (region: string, group: string) => {
      const response = await gql(
        hub,
        `{ skillsDashboard(region: "${region}", period: "2018", occupationGroup: "${group}") { qualificationCoveredShareOfDemand coveredShareOfDemand explanation } }`,
      );
      expect(response.errors).toBeUndefined();
      return response.data.skillsDashboard[0] as {
        qualificationCoveredShareOfDemand: number;
        coveredShareOfDemand: number;
        explanation: string;
      };
    };
    const [craft, managers, scotland] = [
      await cell('UKI', 'ISCO:7'),
      await cell('UKI', 'ISCO:1'),
      await cell('UKM', 'ISCO:7'),
    ];
    expect(craft.qualificationCoveredShareOfDemand).toBeGreaterThan(0);
    expect(managers.qualificationCoveredShareOfDemand).not.toBe(craft.qualificationCoveredShareOfDemand);
    expect(scotland.qualificationCoveredShareOfDemand).toBe(0);
    expect([craft.coveredShareOfDemand, managers.coveredShareOfDemand]).toEqual([0, 0]);
    expect(craft.explanation).toContain('Qualification routes reaching the region (apprenticeship standards) cover');
  }, 300_000);
});

describe('import catalogue --format ofqual (a fixture made from the Register’s published fields)', () => {
  const OFQUAL = new URL('../fixtures/catalogues/ofqual-qualifications-from-spec.csv', import.meta.url).pathname;

  it('imports each row as a qualification linked through its title alone, and a re-import changes nothing', async () => {
    const summary = await importCatalogue(graph, OFQUAL, release, { format: 'ofqual', retrievedOn: '2026-12-01' });
    expect(summary).toMatchObject({ qualifications: 6, qualificationOutcomes: 0, linkedWithoutStatedOutcomes: 6 });
    const rows = await graph.read<{ id: string; status: string; text: string; stated: boolean }>(
      `MATCH (q:Qualification) WHERE q.id STARTS WITH 'ofqual-'
       MATCH (q)-[:HAS_OUTCOME]->(lo:LearningOutcome)
       RETURN q.id AS id, q.status AS status, lo.text AS text, lo.stated AS stated ORDER BY id`,
    );
    expect(rows.map((r) => [r.id, r.status, r.text, r.stated])).toEqual([
      ['ofqual-60100011', 'PUBLISHED', 'Level 2 Certificate in Bricklaying', false],
      ['ofqual-60100023', 'PUBLISHED', 'Level 3 Award in Health and Safety in the Workplace', false],
      ['ofqual-60100035', 'PUBLISHED', 'Entry Level Award in Employability Skills (Entry 3)', false],
      ['ofqual-60100047', 'RETIRED', 'Level 4 Diploma in Adult Care', false],
      ['ofqual-60100059', 'RETIRED', 'Level 1 Award in Food Safety', false],
      ['ofqual-60100060', 'PUBLISHED', 'Level 5 Diploma in Leadership and Management', false],
    ]);
    const scope = { labels: ['Qualification', 'LearningOutcome', 'Skill'] };
    const before = await graphFingerprint(graph, scope);
    await importCatalogue(graph, OFQUAL, release, { format: 'ofqual', retrievedOn: '2026-12-01' });
    expect(await graphFingerprint(graph, scope)).toEqual(before);
  }, 120_000);
});
