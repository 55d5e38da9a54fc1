import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalogue } from '../../src/catalogue/import.js';
import { projectRoot } from '../../src/config.js';
import { readGenericDemand } from '../../src/demand/adapters/generic.js';
import { importDemand } from '../../src/demand/import.js';
import { referenceLists } from '../../src/demand/reference.js';
import type { GraphClient } from '../../src/graph/client.js';
import { SkillLinkerCache } from '../../src/linking/cache.js';
import type { RunningHub } from '../../src/server/start.js';
import { importEsco } from '../../src/taxonomy/esco-import.js';
import { demoSeedDir } from '../../src/taxonomy/seed.js';
import { freshTestGraph, gql, graphFingerprint, startTestHub } from '../helpers.js';

/**
 * A small hand-built world on the demo taxonomy whose right answers are known: welders (ISCO 7212) in
 * Croatia, vacancies falling from 150 (2024) to 100 (2025); one offer for welders that is overdue for
 * revision, never reviewed, links a skill the next ESCO release drops (and arc welding, which stays),
 * and leaves most of the welder's skills untaught; welders flagged as highly exposed to automation.
 */
const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const seedCsv = (name: string) =>
  parse(fs.readFileSync(path.join(demoSeedDir, name)), { columns: true, bom: true }) as Array<Record<string, string>>;
const skillUri = (label: string) => seedCsv('skills_en.csv').find((row) => row.preferredLabel === label)!.conceptUri;

function write(name: string, content: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'recommend-')), name);
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

const QUERY = `query($transition: Transition) { credentialRecommendations(region: "HR", period: "2025", transition: $transition) {
  develop { skills { uri preferredLabel } occupations { uri } otherLevelOccupations { uri } suggestedEcts ectsReason suggestedEqfLevel eqfReason cohesion score draftLearningOutcomes explanation }
  update { microCredential { id } reasons { code detail weight } score explanation }
} }`;

describe('credential recommendations on a hand-built world', () => {
  let graph: GraphClient;
  let hub: RunningHub;

  beforeAll(async () => {
    graph = await freshTestGraph({ seed: true });
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
            id: 'weld-old',
            title: 'Aligning parts for welding',
            providerId: 'hr-weld',
            awardingBodies: ['Welding School'],
            issuerCountries: ['HR'],
            learningOutcomes: [
              'Align components according to blueprints',
              'Apply arc welding techniques to join steel parts',
            ],
            targetOccupations: [WELDER],
            expectedRevisionDate: '2024-01-01',
            workloadValue: 2,
            workloadUnit: 'ECTS',
            eqfLevel: 4,
            assessmentType: 'practical test',
            participationForm: 'ONSITE',
            qualityAssurance: 'external review',
          },
        ],
      }),
      await new SkillLinkerCache().get(graph),
    );
    // The next ESCO release drops "align components", the offer's linked skill.
    const upgrade = fs.mkdtempSync(path.join(os.tmpdir(), 'esco-upgrade-'));
    fs.cpSync(demoSeedDir, upgrade, { recursive: true });
    const skillsFile = path.join(upgrade, 'skills_en.csv');
    const dropped = skillUri('align components');
    fs.writeFileSync(
      skillsFile,
      fs
        .readFileSync(skillsFile, 'utf8')
        .split(/\n(?=KnowledgeSkillCompetence,)/)
        .filter((row) => !row.includes(`,${dropped},`))
        .join('\n'),
    );
    await importEsco(graph, upgrade, { version: '1.1.2-demo' });

    const refs = referenceLists(path.join(projectRoot, '..', 'shared', 'data', 'reference'));
    const source = {
      name: 'Hand-built test figures',
      citation: 'test',
      url: null,
      licence: 'test',
      retrievedOn: '2026-11-26',
    };
    await importDemand(graph, [
      readGenericDemand(
        write('vacancies.json', {
          source: { ...source, id: 'test-vacancies' },
          signals: [
            {
              metric: 'VACANCIES',
              value: 150,
              unit: 'vacancies',
              period: '2024',
              region: 'HR',
              targetKind: 'ISCO',
              targetCode: '7212',
            },
            {
              metric: 'VACANCIES',
              value: 100,
              unit: 'vacancies',
              period: '2025',
              region: 'HR',
              targetKind: 'ISCO',
              targetCode: '7212',
            },
          ],
        }),
        refs,
      ),
      readGenericDemand(
        write('automation.json', {
          source: { ...source, id: 'test-automation', flagMeanings: { H: 'high risk' } },
          signals: [
            {
              metric: 'AUTOMATION_RISK',
              value: 3.7,
              unit: 'risk score',
              period: '2021',
              region: 'EU',
              targetKind: 'OCCUPATION',
              targetCode: WELDER,
              flags: ['H'],
            },
          ],
        }),
        refs,
      ),
    ]);
    hub = await startTestHub({ SEED_DEMO: 'false' });
  });
  afterAll(async () => {
    await hub.stop();
    await graph.close();
  });

  it('asks to update the offer, with every reason it has', async () => {
    const { data, errors } = await gql(hub, QUERY);
    expect(errors).toBeUndefined();
    const [update] = data.credentialRecommendations.update;
    expect(update.microCredential).toEqual({ id: 'weld-old' });
    expect(update.reasons.map((r: { code: string }) => r.code)).toEqual([
      'DEPRECATED_SKILL',
      'REVISION_OVERDUE',
      'LINKS_NEVER_REVIEWED',
      'LOSING_DEMAND',
      'MISSING_IN_DEMAND_SKILLS',
      'HIGH_AUTOMATION_EXPOSURE',
    ]);
    const detail = Object.fromEntries(update.reasons.map((r: { code: string; detail: string }) => [r.code, r.detail]));
    expect(detail.DEPRECATED_SKILL).toBe(
      '1 linked skill(s) no longer in the current ESCO release: "align components" (deprecated in 1.1.2-demo).',
    );
    expect(detail.REVISION_OVERDUE).toMatch(/^The expected revision date 2024-01-01 has passed/);
    // Every skill reached only through welders falls by a third: 150 → 100.
    expect(detail.LOSING_DEMAND).toBe('Demand for its linked skills fell 33.3% (demand-weighted) against 2024.');
    expect(detail.HIGH_AUTOMATION_EXPOSURE).toBe(
      'Target occupation(s) with high automation exposure: "welder" (risk 3.70).',
    );
    // The weights, by hand from the recommendations module's rules and this world:
    //   one deprecated linked skill × 0.2; revision overdue 0.3; links never reviewed 0.2; demand for its skills
    //   fell by a third (150 → 100): 5 × 1/3, capped at 0.3; the welder's in-demand essential skills it does not
    //   teach × 0.05, capped at 0.4; a target occupation highly exposed to automation 0.2.
    const taught = (
      await gql(hub, `{ microCredential(id: "weld-old") { learningOutcomes { skillLinks { state skill { uri } } } } }`)
    ).data.microCredential.learningOutcomes.flatMap(
      (o: { skillLinks: Array<{ state: string; skill: { uri: string } }> }) =>
        o.skillLinks.filter((l) => l.state !== 'REJECTED').map((l) => l.skill.uri),
    );
    const dropped = skillUri('align components');
    const untaught = seedCsv('occupationSkillRelations_en.csv')
      .filter((r) => r.occupationUri === WELDER && r.relationType === 'essential')
      .map((r) => r.skillUri)
      .filter((uri) => uri !== dropped && !taught.includes(uri));
    // Each of them is in demand (a positive gap score) in Croatia in 2025.
    const gaps = (
      await gql(hub, `{ sectorSkillGaps(region: "HR", period: "2025", first: 100) { skill { uri } gapScore } }`)
    ).data.sectorSkillGaps as Array<{ skill: { uri: string }; gapScore: number }>;
    expect(untaught.map((uri) => (gaps.find((g) => g.skill.uri === uri)?.gapScore ?? 0) > 0)).toEqual(
      untaught.map(() => true),
    );
    const weights = {
      DEPRECATED_SKILL: 0.2,
      REVISION_OVERDUE: 0.3,
      LINKS_NEVER_REVIEWED: 0.2,
      LOSING_DEMAND: 0.3,
      MISSING_IN_DEMAND_SKILLS: Math.min(0.4, 0.05 * untaught.length),
      HIGH_AUTOMATION_EXPOSURE: 0.2,
    };
    expect(untaught.length).toBeGreaterThan(0);
    expect(Object.fromEntries(update.reasons.map((r: { code: string; weight: number }) => [r.code, r.weight]))).toEqual(
      weights,
    );
    expect(detail.MISSING_IN_DEMAND_SKILLS).toMatch(
      new RegExp(`^Its target occupations need ${untaught.length} in-demand skill\\(s\\) it does not teach, such as `),
    );
    expect(update.score).toBe(Math.round(Object.values(weights).reduce((sum, w) => sum + w, 0) * 1e4) / 1e4);
  });

  it('outlines a micro-credential of the skills welders need together, sized and levelled from the occupations it serves', async () => {
    const { data } = await gql(hub, QUERY);
    const [outline] = data.credentialRecommendations.develop;
    const welderEssential = seedCsv('occupationSkillRelations_en.csv')
      .filter((r) => r.occupationUri === WELDER && r.relationType === 'essential')
      .map((r) => r.skillUri);
    // By hand: the welder is the demo's only ISCO 7212 occupation, so all of the slice's demand is theirs and any
    // two of its essential skills are co-required 1 (an essential and an optional one 0.5: 50 of 100). The first
    // outline is therefore the six highest-gap under-covered (coverage < 0.5) essential skills, in gap order.
    const gaps = (
      await gql(hub, `{ sectorSkillGaps(region: "HR", period: "2025", first: 100) { skill { uri } coverage } }`)
    ).data.sectorSkillGaps as Array<{ skill: { uri: string }; coverage: number }>;
    const dropped = skillUri('align components');
    const expected = gaps
      .filter((g) => g.coverage < 0.5 && welderEssential.includes(g.skill.uri) && g.skill.uri !== dropped)
      .map((g) => g.skill.uri)
      .slice(0, 6);
    const outlineSkills = outline.skills.map((s: { uri: string }) => s.uri);
    expect(expected).toHaveLength(6);
    expect(outlineSkills).toEqual(expected);
    // Arc welding is taught by a complete offer of an accredited provider through a suggested link: coverage 0.5, not under-covered.
    expect(outlineSkills).not.toContain(skillUri('apply arc welding techniques'));
    expect(outline.cohesion).toBe(1);
    // Served: occupations with demand needing at least ⌈2/3 × 6⌉ = 4 of them: the welder alone, ISCO 7 → skill level 2 → EQF 4.
    expect(outline.occupations).toEqual([{ uri: WELDER }]);
    expect(outline.otherLevelOccupations).toEqual([]);
    expect(outline.suggestedEqfLevel).toBe(4);
    expect(outline.eqfReason).toBe(
      'EQF 4: the demand-weighted median of the levels of the 1 occupation(s) needing at least 4 of its 6 skills ' +
        '(each at the EQF level matching the ILO skill level of its ISCO-08 major group), by their demand in the slice: ' +
        '1 at EQF 4 (100%). It serves the 1 at EQF 4.',
    );
    const knowledge = new Set(
      seedCsv('skills_en.csv')
        .filter((row) => row.skillType === 'knowledge')
        .map((row) => row.conceptUri),
    );
    const knowledgeItems = outlineSkills.filter((uri: string) => knowledge.has(uri)).length;
    expect(outline.suggestedEcts).toBe((6 - knowledgeItems) * 1 + knowledgeItems * 0.5);
    expect(outline.ectsReason).toBe(
      `${6 - knowledgeItems} skill(s) or competence(s) × 1 ECTS + ${knowledgeItems} knowledge item(s) × 0.5 ECTS = ${outline.suggestedEcts} ECTS`,
    );
    expect(outline.draftLearningOutcomes).toHaveLength(6);
    expect(outline.draftLearningOutcomes.every((text: string) => text.startsWith('DRAFT (to be rewritten): '))).toBe(
      true,
    );
    expect(outline.explanation).toContain('anchored on "welder" (100% of their demand in the slice)');
  });

  it('narrows both lists to a transition', async () => {
    const query = `{ credentialRecommendations(region: "HR", period: "2025", transition: DIGITAL) { develop { skills { uri digitalRelevance } } update { microCredential { id } } scope }
    }`;
    const { data, errors } = await gql(hub, query);
    expect(errors).toBeUndefined();
    const skills = data.credentialRecommendations.develop.flatMap(
      (o: { skills: Array<{ digitalRelevance: number }> }) => o.skills,
    );
    expect(skills.length).toBeGreaterThan(0);
    expect(skills.every((s: { digitalRelevance: number }) => s.digitalRelevance >= 0.5)).toBe(true);
    expect(data.credentialRecommendations.scope).toEqual([
      "DIGITAL: skills at digital relevance ≥ 0.5 (in ESCO's digital skills collection, or a specialisation of a skill in it)",
      'update: published offers reaching HR (issued there, nationally, or online) that teach a skill with demand in the slice or target an occupation with demand there',
    ]);
    // The offer teaches no skill with any digital relevance, so it is not in the digital update list.
    const taught = await gql(
      hub,
      `{ a: skill(uri: "${skillUri('apply arc welding techniques')}") { digitalRelevance } b: skill(uri: "${skillUri('align components')}") { digitalRelevance } }`,
    );
    expect(taught.data).toEqual({ a: { digitalRelevance: 0 }, b: { digitalRelevance: 0 } });
    expect(data.credentialRecommendations.update).toEqual([]);
  });

  it('re-scores under a what-if without writing anything: a new offer covers the top gap, and a demand shift reorders the rest', async () => {
    const gapsQuery = `query($whatIf: WhatIf) { sectorSkillGaps(region: "HR", period: "2025", first: 50, whatIf: $whatIf) {
      skill { uri } demand coverage gapScore coveringOffers { id } explanation slice { whatIf } } }`;
    const before = await graphFingerprint(graph);
    const real = (await gql(hub, gapsQuery)).data.sectorSkillGaps;
    const top = real[0];
    expect(top.coverage).toBe(0);
    expect(real[0].slice.whatIf).toEqual([]);

    const whatIf = { newOffers: [{ id: 'planned-weld-safety', skills: [top.skill.uri], regions: ['HR04'] }] };
    const { data, errors } = await gql(hub, gapsQuery, { whatIf });
    expect(errors).toBeUndefined();
    const rows = data.sectorSkillGaps;
    const moved = rows.find((row: { skill: { uri: string } }) => row.skill.uri === top.skill.uri);
    // Regional offer, accredited by default, complete, accepted link: coverage 1, gap 0, last.
    expect(moved).toMatchObject({ coverage: 1, gapScore: 0, coveringOffers: [] });
    expect(rows[0].skill.uri).not.toBe(top.skill.uri);
    expect(rows[0].explanation).toMatch(
      /^What-if \(nothing written\): new offer planned-weld-safety teaching 1 skill\(s\) in HR04\. /,
    );
    expect(rows[0].slice.whatIf).toEqual(['new offer planned-weld-safety teaching 1 skill(s) in HR04']);

    // Half the demand for welders: every skill reached only through welders halves.
    const halved = (await gql(hub, gapsQuery, { whatIf: { demandShifts: [{ occupationUri: WELDER, factor: 0.5 }] } }))
      .data.sectorSkillGaps;
    const demandOf = (list: Array<{ skill: { uri: string }; demand: number }>, uri: string) =>
      list.find((row) => row.skill.uri === uri)?.demand;
    expect(demandOf(halved, top.skill.uri)).toBeCloseTo(demandOf(real, top.skill.uri)! / 2, 4);

    // Retiring the only offer takes its coverage away.
    const arc = skillUri('apply arc welding techniques');
    expect(real.find((row: { skill: { uri: string } }) => row.skill.uri === arc).coverage).toBe(0.5);
    const retired = (await gql(hub, gapsQuery, { whatIf: { retireOffers: ['weld-old'] } })).data.sectorSkillGaps;
    expect(retired.find((row: { skill: { uri: string } }) => row.skill.uri === arc).coverage).toBe(0);
    const recommendations = await gql(
      hub,
      `{ credentialRecommendations(region: "HR", period: "2025", whatIf: { retireOffers: ["weld-old"] }) { update { microCredential { id } } } }`,
    );
    expect(recommendations.data.credentialRecommendations.update).toEqual([]);

    // Nothing of it was written.
    expect(await graphFingerprint(graph)).toEqual(before);
  });

  it('refuses a what-if naming what does not exist, with the path of the bad value', async () => {
    const error = async (whatIf: unknown) =>
      (
        await gql(hub, `query($w: WhatIf) { sectorSkillGaps(region: "HR", period: "2025", whatIf: $w) { gapScore } }`, {
          w: whatIf,
        })
      ).errors?.[0];
    expect(
      await error({
        newOffers: [
          {
            id: 'x',
            skills: [skillUri('apply arc welding techniques'), 'http://data.europa.eu/esco/skill/nope'],
            regions: ['HR'],
          },
        ],
      }),
    ).toMatchObject({
      message: "whatIf.newOffers[0].skills[1]: no current ESCO skill 'http://data.europa.eu/esco/skill/nope'",
      extensions: { code: 'BAD_USER_INPUT', field: 'whatIf.newOffers[0].skills[1]' },
    });
    expect(await error({ newOffers: [{ id: 'x', skills: [] }] })).toMatchObject({
      extensions: { field: 'whatIf.newOffers[0].regions' },
    });
    expect(await error({ retireOffers: ['nope'] })).toMatchObject({
      message: "whatIf.retireOffers[0]: no published micro-credential 'nope'",
    });
    expect(await error({ demandShifts: [{ factor: 2 }] })).toMatchObject({
      extensions: { field: 'whatIf.demandShifts[0]' },
    });
    expect(await error({ demandShifts: [{ sector: 'F', factor: -1 }] })).toMatchObject({
      message: 'whatIf.demandShifts[0].factor: must be 0 or more (got -1)',
    });
  });
});
